import KontorCore
import KontorLogistics

/// The tables `[shops.<name>.logistics]` and `[shops.<name>.carriers.<rule>]` (and their
/// defaults for every shop, `[kontor.logistics]` and `[kontor.carriers.<rule>]`).
extension SettingsFile {
    static func logisticsSetting(_ logistics: inout LogisticsSettings, key: String, value: Value, line: Int) throws {
        switch key {
        case "gs1_company_prefix":
            guard case .string(let prefix) = value, (7...10).contains(prefix.count), prefix.allSatisfy(\.isASCIIDigit) else {
                throw ParseError(line: line, message: "gs1_company_prefix must be the 7 to 10 digits GS1 gave the shop, in quotes, such as \"4012345\"")
            }
            logistics.gs1CompanyPrefix = prefix
        case "sscc_extension_digit":
            guard case .number(let n) = value, let digit = Int(n), (0...9).contains(digit) else {
                throw ParseError(line: line, message: "sscc_extension_digit must be a digit from 0 to 9")
            }
            logistics.ssccExtensionDigit = digit
        case "packaging_kg": logistics.packagingGrams = try grams(value, key: key, line: line)
        case "labels": logistics.labels = try value.flag(key, line: line)
        case "delivery_notes": logistics.deliveryNotes = try value.flag(key, line: line)
        default:
            throw ParseError(line: line, message: """
                unknown logistics setting \(key); use gs1_company_prefix, sscc_extension_digit, packaging_kg, labels or delivery_notes
                """)
        }
    }

    /// One key of the carrier rule `name`. The first rule a file names for a shop replaces
    /// the embedded rules: the shop's rules are then exactly those the file names, in order.
    static func carrierSetting(_ logistics: inout LogisticsSettings, rule name: String, key: String, value: Value,
                               line: Int, replaced: inout Bool) throws {
        if !replaced {
            logistics.rules = CarrierRuleSet(rules: [])
            replaced = true
        }
        var rules = logistics.rules.rules
        let at = rules.firstIndex { $0.name == name } ?? {
            rules.append(CarrierRule(name: name, carrier: name, service: name, productCode: nil, destination: .anywhere,
                                     maxShipmentGrams: nil, maxParcelGrams: 31_500))
            return rules.count - 1
        }()
        func text() throws -> String {
            guard case .string(let text) = value, !text.isEmpty else {
                throw ParseError(line: line, message: "\(key) must be a text in quotes")
            }
            return text
        }
        switch key {
        case "carrier": rules[at].carrier = try text()
        case "service": rules[at].service = try text()
        case "product_code": rules[at].productCode = try text()
        case "destination":
            guard let destination = Destination(text: try text()) else {
                throw ParseError(line: line, message: """
                    destination must be "DE", "EU", "non-EU", "*" or country codes such as "AT,CH"
                    """)
            }
            rules[at].destination = destination
        case "max_shipment_kg": rules[at].maxShipmentGrams = try grams(value, key: key, line: line)
        case "max_parcel_kg":
            let grams = try grams(value, key: key, line: line)
            guard grams > 0 else { throw ParseError(line: line, message: "max_parcel_kg must be more than 0") }
            rules[at].maxParcelGrams = grams
        default:
            throw ParseError(line: line, message: """
                unknown carrier rule setting \(key); use carrier, service, product_code, destination, max_shipment_kg or max_parcel_kg
                """)
        }
        logistics.rules = CarrierRuleSet(rules: rules)
    }

    /// Kilograms with up to three decimals (`31.5`, `"0.2"`) as grams.
    private static func grams(_ value: Value, key: String, line: Int) throws -> Int {
        let text: String
        switch value {
        case .number(let t), .string(let t): text = t
        case .bool: text = ""
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole < 1_000_000,
              parts.count == 1 || (1...3).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigit) else {
            throw ParseError(line: line, message: "\(key) must be kilograms such as 0.2 or 31.5")
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let decimals = Int(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        return whole * 1000 + decimals
    }
}

extension Character {
    /// 0 to 9, and nothing else a digit may be in another script.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
