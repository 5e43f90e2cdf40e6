/// Where a carrier rule applies.
public enum Destination: Sendable, Equatable, CustomStringConvertible {
    /// The listed countries (ISO codes in capitals).
    case countries(Set<String>)
    /// The 27 EU member states, Germany included.
    case eu
    /// Every country outside the EU that Kontor knows (`Countries.name`).
    case nonEU
    /// Germany.
    case domestic
    /// Every country.
    case anywhere

    /// Reads a destination as a rules file writes it: "DE" (or "domestic"), "EU", "non-EU",
    /// "*", or country codes separated by commas ("AT,CH"). Case and spaces do not matter;
    /// nil for anything else, including codes Kontor does not know.
    public init?(text: String) {
        let compact = String(text.uppercased().filter { !$0.isWhitespace })
        switch compact {
        case "DE", "DOMESTIC": self = .domestic
        case "EU": self = .eu
        case "NON-EU", "NONEU": self = .nonEU
        case "*": self = .anywhere
        default:
            let codes = compact.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !codes.isEmpty, codes.allSatisfy({ $0.count == 2 && Countries.isKnown($0) }) else { return nil }
            self = .countries(Set(codes))
        }
    }

    /// Whether a parcel to `country` (ISO code) goes to this destination.
    public func matches(_ country: String) -> Bool {
        let code = LogisticsText.countryCode(country)
        switch self {
        case .countries(let codes): return codes.contains(code)
        case .eu: return Countries.isEU(code)
        case .nonEU: return Countries.isKnown(code) && !Countries.isEU(code)
        case .domestic: return code == "DE"
        case .anywhere: return true
        }
    }

    /// The destination as `init(text:)` reads it; listed countries in alphabetical order.
    public var description: String {
        switch self {
        case .countries(let codes): codes.sorted().joined(separator: ",")
        case .eu: "EU"
        case .nonEU: "non-EU"
        case .domestic: "DE"
        case .anywhere: "*"
        }
    }
}
