import Foundation
import KontorAccounting
import KontorCore

/// The tables `[shops.<name>.seller]` and `[shops.<name>.datev]` (and their defaults for
/// every shop, `[kontor.seller]` and `[kontor.datev]`).
extension SettingsFile {
    static func sellerSetting(_ seller: inout Seller, key: String, text: String, line: Int) throws {
        switch key {
        case "legal_name": seller.legalName = text
        case "street": seller.street = text
        case "zip": seller.zip = text
        case "city": seller.city = text
        case "country":
            guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw ParseError(line: line, message: "country must be two capital letters (ISO 3166), such as \"DE\"")
            }
            seller.country = text
        case "tax_number": seller.taxNumber = text
        case "vat_id":
            let id = text.replacingOccurrences(of: " ", with: "")
            guard id.isEmpty || (id.count >= 4 && id.prefix(2).allSatisfy({ $0.isASCII && $0.isUppercase })
                                  && id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })) else {
                throw ParseError(line: line, message: "vat_id must be a country code and the number, such as \"DE123456789\"")
            }
            seller.vatID = id
        case "iban":
            let iban = text.replacingOccurrences(of: " ", with: "").uppercased()
            guard iban.isEmpty || (15...34).contains(iban.count) && iban.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ParseError(line: line, message: "iban must be 15 to 34 letters and digits, such as \"DE02120300000000202051\"")
            }
            seller.iban = iban
        case "bic": seller.bic = text.replacingOccurrences(of: " ", with: "").uppercased()
        default:
            throw ParseError(line: line, message: """
                unknown seller setting \(key); use legal_name, street, zip, city, country, tax_number, vat_id, iban or bic
                """)
        }
    }

    /// An SKR04 number for an SKR03 account, from `[shops.<name>.datev.skr04]`: `1361 = 1461`.
    static func skr04Setting(_ datev: inout DATEVSettings, key: String, value: Value, line: Int) throws {
        guard let skr03 = Int(key), (1000...9999).contains(skr03), case .number(let n) = value, let skr04 = Int(n),
              (1000...9999).contains(skr04) else {
            throw ParseError(line: line, message: "an SKR04 account is given as <SKR03 number> = <SKR04 number>, four digits each, such as 1361 = 1461")
        }
        datev.skr04[skr03] = skr04
    }

    static func datevSetting(_ datev: inout DATEVSettings, key: String, value: Value, line: Int) throws {
        func number(_ range: ClosedRange<Int>, _ what: String) throws -> Int {
            guard case .number(let n) = value, let i = Int(n), range.contains(i) else {
                throw ParseError(line: line, message: "\(key) must be \(what) from \(range.lowerBound) to \(range.upperBound)")
            }
            return i
        }
        switch key {
        case "consultant_number": datev.consultant = try number(1001...9_999_999, "the advisor's number (Beraternummer)")
        case "client_number": datev.client = try number(1...99_999, "the client's number (Mandantennummer)")
        case "fiscal_year_start_month": datev.fiscalYearStartMonth = try number(1...12, "a month")
        case "account_length":
            // Written before first_debtor and collective_debtor, which are checked against it.
            datev.accountLength = try number(4...8, "a number of digits")
        case "debtors":
            guard case .string(let text) = value, text == "collective" || text == "per_customer" else {
                throw ParseError(line: line, message: "debtors must be \"collective\" or \"per_customer\"")
            }
            datev.debtors = text == "collective" ? .collective : .perCustomer
        case "collective_debtor":
            guard case .number(let n) = value, let account = Int(n),
                  account == ChartOfAccounts.receivables.number || datev.isPersonalAccount(account) else {
                throw ParseError(line: line, message: """
                    collective_debtor must be 1400 or a debtor account of \(datev.accountLength + 1) digits, such as \(datev.firstDebtor)
                    """)
            }
            datev.collectiveDebtor = account
        case "first_debtor":
            guard case .number(let n) = value, let first = Int(n), datev.isPersonalAccount(first) else {
                throw ParseError(line: line, message: """
                    first_debtor must be a debtor account of \(datev.accountLength + 1) digits, such as \(datev.firstDebtor)
                    """)
            }
            datev.firstDebtorSetting = first
        case "chart":
            guard case .string(let text) = value, ["SKR03", "SKR04"].contains(text.uppercased()) else {
                throw ParseError(line: line, message: "chart must be \"SKR03\" or \"SKR04\"")
            }
            datev.chart = text.uppercased() == "SKR04" ? "04" : "03"
        default:
            throw ParseError(line: line, message: """
                unknown DATEV setting \(key); use consultant_number, client_number, fiscal_year_start_month, account_length, \
                debtors, collective_debtor, first_debtor or chart
                """)
        }
    }
}
