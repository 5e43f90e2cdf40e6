import KontorCore

/// How the columns of one German spreadsheet become Kontor's canonical columns: the kind
/// the renamed columns identify, and the canonical name of each column that has one.
struct GermanColumnPlan: Equatable {
    let kind: DocumentKind
    /// The canonical name of each column that has one, by column index.
    let canonical: [Int: String]
    /// The column with a payment's free text (`Verwendungszweck`), if any.
    let remittance: Int?
    /// Whether at least one column has a German name (one that is no canonical column's name).
    let usesGermanNames: Bool

    init(kind: DocumentKind, canonical: [Int: String], remittance: Int?, usesGermanNames: Bool) {
        self.kind = kind
        self.canonical = canonical
        self.remittance = remittance
        self.usesGermanNames = usesGermanNames
    }

    /// The plan of the first kind, in ``GermanColumnAliases/kinds`` order, whose identifying
    /// columns are present once the header is renamed; nil when no kind is.
    init?(header: [String]) {
        let normalized = header.map(GermanColumnAliases.normalize)
        for kind in GermanColumnAliases.kinds where GermanColumnAliases.excluded(for: kind).isDisjoint(with: normalized) {
            var canonical: [Int: String] = [:]
            for (name, aliases) in GermanColumnAliases.table(for: kind) {
                let candidates = [GermanColumnAliases.normalize(name)] + aliases
                let index = candidates.lazy.compactMap { candidate in
                    normalized.indices.first { normalized[$0] == candidate && canonical[$0] == nil }
                }.first
                if let index { canonical[index] = name }
            }
            var remittance = normalized.firstIndex { GermanColumnAliases.remittance.contains($0) }
            if kind == .payments, let index = remittance, !canonical.values.contains("reference") {
                // Without a reference column the purpose text is the reference.
                canonical[index] = "reference"
            } else if kind != .payments {
                remittance = nil
            }
            guard KindDetector.detect(columns: Array(canonical.values)) == kind else { continue }
            self.kind = kind
            self.canonical = canonical
            self.remittance = remittance
            usesGermanNames = canonical.keys.contains { !GermanColumnPlan.canonicalNames.contains(normalized[$0]) }
                || remittance != nil
            return
        }
        return nil
    }

    /// Every canonical column name, normalized as the German tables compare names: a column
    /// named so is not a German name (`Name`, `EAN`, `sku`).
    private static let canonicalNames = Set(KindDetector.knownColumns.values.joined().map(GermanColumnAliases.normalize))
}
