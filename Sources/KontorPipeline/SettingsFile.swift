import Foundation
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory

/// Reads `kontor.toml`: the part of TOML that Kontor's settings use (tables, string,
/// integer, float and boolean values, comments). Anything else is an error naming the line.
public enum SettingsFile {
    /// A problem in the settings file.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "kontor.toml:\(line): \(message)" }
    }

    /// The settings of the root: the defaults, changed by the file if there is one.
    public static func load(root: Root) throws -> Settings {
        guard let data = FileManager.default.contents(atPath: root.settingsFile) else { return Settings() }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ParseError(line: 1, message: "the file is not UTF-8 text")
        }
        return try parse(text)
    }

    /// Parses settings text.
    public static func parse(_ text: String) throws -> Settings {
        var settings = Settings()
        var table: [String] = []
        var replacedRules: Set<String> = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content: String = stripComment(String(raw)).trimmingSpaces()
            if content.isEmpty { continue }
            if content.hasPrefix("[") {
                guard content.hasSuffix("]"), !content.hasPrefix("[[") else {
                    throw ParseError(line: line, message: "a table header must look like [shops.name]")
                }
                table = content.dropFirst().dropLast().split(separator: ".").map { unquote(String($0).trimmingSpaces()) }
                continue
            }
            guard let eq = content.firstIndex(of: "=") else {
                throw ParseError(line: line, message: "expected key = value")
            }
            let key = String(content[..<eq]).trimmingSpaces()
            let value = try Value(parsing: String(content[content.index(after: eq)...]).trimmingSpaces(), line: line)
            try apply(table: table, key: key, value: value, to: &settings, line: line, replacedRules: &replacedRules)
        }
        return settings
    }

    enum Value {
        case string(String), number(String), bool(Bool)

        init(parsing text: String, line: Int) throws {
            if text.hasPrefix("\"") || text.hasPrefix("'") {
                guard text.count >= 2, text.last == text.first else {
                    throw ParseError(line: line, message: "unterminated string \(text)")
                }
                self = .string(unquote(text))
            } else if text == "true" || text == "false" {
                self = .bool(text == "true")
            } else if !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) {
                self = .number(text.replacingOccurrences(of: "_", with: ""))
            } else {
                throw ParseError(line: line, message: "cannot read value \(text); write strings in quotes")
            }
        }

        /// The value as a whole number of at least 0, else an error naming `key`.
        func integer(_ key: String, line: Int) throws -> Int {
            guard case .number(let n) = self, let i = Int(n), i >= 0 else {
                throw ParseError(line: line, message: "\(key) must be a whole number")
            }
            return i
        }

        /// The value as an amount of at least 0 in minor units (quoted or not), else an
        /// error naming `key` with `example`.
        func money(_ key: String, line: Int, example: String) throws -> Int {
            let text: String
            switch self {
            case .string(let t), .number(let t): text = t
            case .bool: throw ParseError(line: line, message: "\(key) must be an amount such as \"\(example)\"")
            }
            guard case .success(let minor) = DecimalParser.parse(text), minor >= 0 else {
                throw ParseError(line: line, message: "\(key) must be an amount such as \"\(example)\"")
            }
            return minor
        }

        /// The value as true or false, else an error naming `key`.
        func flag(_ key: String, line: Int) throws -> Bool {
            guard case .bool(let yes) = self else { throw ParseError(line: line, message: "\(key) must be true or false") }
            return yes
        }
    }

    private static func apply(table: [String], key: String, value: Value, to s: inout Settings, line: Int,
                              replacedRules: inout Set<String>) throws {
        func seconds() throws -> Double {
            guard case .number(let n) = value, let d = Double(n), d >= 0 else {
                throw ParseError(line: line, message: "\(key) must be a number of seconds")
            }
            return d
        }
        func integer() throws -> Int { try value.integer(key, line: line) }
        func money() throws -> Int { try value.money(key, line: line, example: "500.00") }
        func shopSetting(_ shop: inout ShopSettings) throws {
            switch key {
            case "name":
                guard case .string(let name) = value else { throw ParseError(line: line, message: "name must be a string") }
                shop.name = name
            case "default_credit_limit": shop.defaultCreditLimit = try money()
            case "consumer_credit_limit": shop.consumerCreditLimit = try money()
            case "warehouses":
                let names = try string().split(separator: ",").map { String($0).trimmingSpaces() }
                guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }), Set(names).count == names.count else {
                    throw ParseError(line: line, message: "warehouses must name each warehouse once, separated by commas, such as \"main, outlet\"")
                }
                shop.warehouses = names
            case "default_vat_rate":
                guard let rate = VATRate(percent: try integer()) else {
                    throw ParseError(line: line, message: "default_vat_rate must be 19, 7 or 0")
                }
                shop.defaultVATRate = rate
            case "payment_terms_days": shop.paymentTermsDays = try integer()
            case "invoices":
                guard case .string(let text) = value, let issuer = InvoiceIssuer(rawValue: text) else {
                    throw ParseError(line: line, message: "invoices must be \"kontor\" or \"shop\"")
                }
                shop.invoiceIssuer = issuer
            case "future_order_days": shop.futureOrderDays = try integer()
            case "reorder_review_days": shop.buying.reviewDays = try integer()
            case "reorder_window_days", "slow_mover_days":
                let days = try integer()
                guard days >= 1 else { throw ParseError(line: line, message: "\(key) must be at least 1") }
                if key == "slow_mover_days" { shop.buying.slowMoverDays = days } else { shop.buying.windowDays = days }
            case "count_scope":
                guard case .string(let text) = value, let scope = CountScope(rawValue: text) else {
                    throw ParseError(line: line, message: "count_scope must be \"partial\" or \"full\"")
                }
                shop.countScope = scope
            case "refund_shipping_on_full_return": shop.refundShippingOnFullReturn = try value.flag(key, line: line)
            case "ship_complete": shop.shipComplete = try value.flag(key, line: line)
            case "small_business": shop.smallBusiness = try value.flag(key, line: line)
            case "oss_threshold": shop.ossThreshold = try value.money(key, line: line, example: "10000.00")
            case "credit_hold_dunning_level":
                if case .string("off") = value {
                    shop.creditHoldDunningLevel = nil
                } else {
                    guard case .number(let n) = value, let level = Int(n), (0...2).contains(level) else {
                        throw ParseError(line: line, message: """
                            credit_hold_dunning_level must be 0 (reminder), 1 (first dunning), 2 (final dunning) or "off"
                            """)
                    }
                    shop.creditHoldDunningLevel = level
                }
            default: throw ParseError(line: line, message: "unknown setting \(key)")
            }
        }
        func clearingAccount(_ shop: inout ShopSettings) throws {
            guard case .number(let n) = value, let account = Int(n), ClearingAccounts.mayClear(account) else {
                throw ParseError(line: line, message: """
                    \(key) must be an account number of class 1 (1000–1999) other than 1200, 1400, 1590, 1771 and 1776, such as 1360
                    """)
            }
            if key == "default" { shop.clearingAccounts.standard = account } else { shop.clearingAccounts.byMethod[key.lowercased()] = account }
        }
        func string() throws -> String {
            guard case .string(let text) = value else { throw ParseError(line: line, message: "\(key) must be a string in quotes") }
            return text
        }
        func currencyLimit(_ shop: inout ShopSettings) throws {
            let code = key.uppercased()
            guard ExchangeRate.isCurrencyCode(code), code != "EUR" else {
                throw ParseError(line: line, message: "\(key) is no currency code: a limit is set per currency, such as CHF = \"5000.00\"")
            }
            shop.currencyLimits[code] = try value.money(key, line: line, example: "5000.00")
        }
        switch table.first {
        case "kontor" where table.count == 2 && table[1] == "eu_vat_rates":
            try euVATRate(key: key, value: value, to: &s.defaultShop.euVATRates, line: line)
        case "shops" where table.count == 3 && table[2] == "eu_vat_rates":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try euVATRate(key: key, value: value, to: &shop.euVATRates, line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "currency_limits":
            try currencyLimit(&s.defaultShop)
        case "shops" where table.count == 3 && table[2] == "currency_limits":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try currencyLimit(&shop)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "base_rates":
            try baseRate(key: key, value: value, to: &s, line: line)
        case "kontor" where table.count >= 2 && table[1] == "dunning":
            try dunningSetting(level: table.count == 3 ? table[2] : nil, key: key, value: value, to: &s.defaultShop.dunning, line: line)
        case "shops" where table.count >= 3 && table[2] == "dunning":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try dunningSetting(level: table.count == 4 ? table[3] : nil, key: key, value: value, to: &shop.dunning, line: line)
            s.shops[table[1]] = shop
        case _ where table.isEmpty || table == ["kontor"]:
            switch key {
            case "settle_seconds": s.settleSeconds = try seconds()
            case "poll_seconds": s.pollSeconds = try seconds()
            case "max_diagnostics": s.maxDiagnostics = max(1, try integer())
            case "dunning_time":
                guard case .string(let text) = value, let minutes = minutesOfDay(text) else {
                    throw ParseError(line: line, message: "dunning_time must be a time of day such as \"08:00\"")
                }
                s.dunningMinutes = minutes
            default: try shopSetting(&s.defaultShop)
            }
        case "kontor" where table.count == 2 && table[1] == "clearing_accounts":
            try clearingAccount(&s.defaultShop)
        case "shops" where table.count == 2:
            var shop = s.shops[table[1]] ?? s.defaultShop
            try shopSetting(&shop)
            s.shops[table[1]] = shop
        case "shops" where table.count == 3 && table[2] == "clearing_accounts":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try clearingAccount(&shop)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "seller":
            try sellerSetting(&s.defaultShop.seller, key: key, text: string(), line: line)
        case "shops" where table.count == 3 && table[2] == "seller":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try sellerSetting(&shop.seller, key: key, text: string(), line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 3 && table[1] == "datev" && table[2] == "skr04":
            try skr04Setting(&s.defaultShop.datev, key: key, value: value, line: line)
        case "shops" where table.count == 4 && table[2] == "datev" && table[3] == "skr04":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try skr04Setting(&shop.datev, key: key, value: value, line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "datev":
            try datevSetting(&s.defaultShop.datev, key: key, value: value, line: line)
        case "shops" where table.count == 3 && table[2] == "datev":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try datevSetting(&shop.datev, key: key, value: value, line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "logistics":
            try logisticsSetting(&s.defaultShop.logistics, key: key, value: value, line: line)
        case "shops" where table.count == 3 && table[2] == "logistics":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try logisticsSetting(&shop.logistics, key: key, value: value, line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 2 && table[1] == "liquidity":
            try liquiditySetting(&s.defaultShop.liquidity, key: key, value: value, line: line)
        case "kontor" where table.count == 4 && table[1] == "liquidity" && table[2] == "costs":
            try costSetting(&s.defaultShop.liquidity, cost: table[3], key: key, value: value, line: line)
        case "shops" where table.count == 3 && table[2] == "liquidity":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try liquiditySetting(&shop.liquidity, key: key, value: value, line: line)
            s.shops[table[1]] = shop
        case "shops" where table.count == 5 && table[2] == "liquidity" && table[3] == "costs":
            var shop = s.shops[table[1]] ?? s.defaultShop
            try costSetting(&shop.liquidity, cost: table[4], key: key, value: value, line: line)
            s.shops[table[1]] = shop
        case "kontor" where table.count == 3 && table[1] == "carriers":
            var replaced = replacedRules.contains("")
            try carrierSetting(&s.defaultShop.logistics, rule: table[2], key: key, value: value, line: line, replaced: &replaced)
            replacedRules.insert("")
        case "shops" where table.count == 4 && table[2] == "carriers":
            var shop = s.shops[table[1]] ?? s.defaultShop
            var replaced = replacedRules.contains("shops." + table[1])
            try carrierSetting(&shop.logistics, rule: table[3], key: key, value: value, line: line, replaced: &replaced)
            replacedRules.insert("shops." + table[1])
            s.shops[table[1]] = shop
        default:
            throw ParseError(line: line, message: """
                unknown table [\(table.joined(separator: "."))]; use [kontor], [kontor.clearing_accounts], [kontor.seller], [kontor.datev], \
                [kontor.dunning], [kontor.base_rates], [kontor.logistics], [kontor.carriers.<rule>], [kontor.liquidity], \
                [kontor.liquidity.costs.<cost>], [kontor.currency_limits], [kontor.eu_vat_rates], [kontor.datev.skr04], \
                [shops.<name>] or [shops.<name>.clearing_accounts], [shops.<name>.seller], [shops.<name>.datev], \
                [shops.<name>.dunning], [shops.<name>.logistics], [shops.<name>.carriers.<rule>], [shops.<name>.liquidity], \
                [shops.<name>.liquidity.costs.<cost>], [shops.<name>.currency_limits], [shops.<name>.eu_vat_rates], \
                [shops.<name>.datev.skr04]
                """)
        }
    }

    /// `AT = "20, 10"`: a member state's standard and reduced rate in percent.
    private static func euVATRate(key: String, value: Value, to rates: inout EUVATRates, line: Int) throws {
        let country = unquote(key).uppercased()
        let message = "\(key) must be a member state's code with its standard and reduced rate in percent, such as AT = \"20, 10\""
        guard rates.isMember(country), case .string(let text) = value else { throw ParseError(line: line, message: message) }
        let parsed = text.split(separator: ",").map { DecimalParser.parse(String($0).trimmingSpaces()) }
        guard parsed.count == 2, case .success(let standard) = parsed[0], case .success(let reduced) = parsed[1],
              (0..<10_000).contains(standard), (0..<10_000).contains(reduced) else {
            throw ParseError(line: line, message: message)
        }
        rates.rates[country] = CountryVATRates(standard: standard, reduced: reduced)
    }

    /// `08:00` as minutes after midnight.
    private static func minutesOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// `2026-01-01 = "1.27"`: the base rate in percent from that day on (it may be negative).
    private static func baseRate(key: String, value: Value, to s: inout Settings, line: Int) throws {
        guard let date = CalendarDate(parsing: unquote(key)), unquote(key).count == 10 else {
            throw ParseError(line: line, message: "a base rate's key is the day it applies from, such as 2026-01-01")
        }
        let text: String
        switch value {
        case .string(let t), .number(let t): text = t
        case .bool: throw ParseError(line: line, message: "a base rate is a percentage such as \"1.27\"")
        }
        guard case .success(let basisPoints) = DecimalParser.parse(text) else {
            throw ParseError(line: line, message: "a base rate is a percentage such as \"1.27\"")
        }
        s.baseRates.set(basisPoints, from: date)
    }

    /// A key of `[…dunning]` (`level` nil) or of `[…dunning.<level>]`.
    private static func dunningSetting(level: String?, key: String, value: Value, to terms: inout DunningTerms,
                                       line: Int) throws {
        func integer() throws -> Int { try value.integer(key, line: line) }
        func money() throws -> Int { try value.money(key, line: line, example: "2.50") }
        func flag() throws -> Bool { try value.flag(key, line: line) }
        func account() throws -> Int {
            let number = try integer()
            guard (1000...9999).contains(number), number != 1400 else {
                throw ParseError(line: line, message: "\(key) must be a four-digit account other than 1400, such as 2650")
            }
            return number
        }
        guard let level else {
            switch key {
            case "interest": terms.interest = try flag()
            case "flat_fee": terms.flatFee = try money()
            case "interest_account": terms.interestAccount = try account()
            case "fee_account": terms.feeAccount = try account()
            default: throw ParseError(line: line, message: "unknown dunning setting \(key)")
            }
            return
        }
        guard let index = terms.index(of: level) else {
            throw ParseError(line: line, message: "unknown dunning level \(level); the levels are reminder, first and final")
        }
        switch key {
        case "title":
            guard case .string(let title) = value, !title.isEmpty else { throw ParseError(line: line, message: "title must be a string") }
            terms.levels[index].title = title
        case "days": terms.levels[index].days = max(1, try integer())
        case "grace_days": terms.levels[index].graceDays = try integer()
        case "fee": terms.levels[index].fee = try money()
        case "interest": terms.levels[index].chargesInterest = try flag()
        default: throw ParseError(line: line, message: "unknown setting \(key) of a dunning level")
        }
    }

    private static func stripComment(_ line: String) -> String {
        var inString: Character?
        for (i, ch) in line.enumerated() {
            if let q = inString { if ch == q { inString = nil } } else if ch == "\"" || ch == "'" { inString = ch } else if ch == "#" {
                return String(line.prefix(i))
            }
        }
        return line
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let f = text.first, f == "\"" || f == "'", text.last == f else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// The commented settings file that `kontor init` writes.
    public static let template = """
        # Kontor settings. Every value has a default; remove the # to change one.

        [kontor]
        # Seconds a file must stay unchanged before Kontor takes it (or drop <name>.done beside it).
        # settle_seconds = 2
        # Seconds between looks into the inboxes in `kontor watch`.
        # poll_seconds = 1
        # How many problems an error report lists.
        # max_diagnostics = 100
        # When `kontor watch` runs dunning for the day, once a day (local time; unset: never).
        # dunning_time = "08:00"
        # Credit limit for customers on account who have none of their own.
        # default_credit_limit = "0.00"
        # The same for consumers (customers the list does not mark as a business or give a
        # VAT ID, and customers it does not know), if it should be lower; unset: the above.
        # consumer_credit_limit = "0.00"
        # The VAT rate of a new article whose catalogue gives none (BMEcat without TAX): 19, 7 or 0.
        # default_vat_rate = 19
        # The shop's warehouses, the first the default: an order line is reserved in the first
        # that has it free, goods receipts, counts and transfers must name one of them.
        # warehouses = "main"
        # Days until an invoice on account is due.
        # payment_terms_days = 14
        # Who issues invoices: "kontor" (when an order is released for delivery, in Kontor's own
        # number range RE<year>-00001) or "shop" (the shop system did; Kontor books the shop's
        # number from the file's invoice_number column, else the order number).
        # invoices = "kontor"
        # How many days after its file arrived an order may be dated; later dates are refused.
        # future_order_days = 2
        # What a stock count covers when its file has no scope column: "partial" (only the
        # articles listed) or "full" (an article of a counted warehouse that is not listed is 0).
        # count_scope = "partial"
        # What to buy (kontor report reorder): demand over the lead time plus this many days
        # until the next look at the list, at the average daily issues of the last
        # reorder_window_days days. Stock not issued for slow_mover_days is a slow mover.
        # reorder_review_days = 14
        # reorder_window_days = 90
        # slow_mover_days = 90
        # Whether an order waits until all its goods are there (true), or, when only part of
        # them is, ships what is there with an invoice for that delivery (a Teilrechnung; the
        # first carries the shipping charge) and the rest, invoiced in turn, when a goods
        # receipt or stock count brings it (false). Only where Kontor issues the invoices.
        # ship_complete = true
        # Whether a return of everything an order holds also credits its shipping charge.
        # refund_shipping_on_full_return = true
        # From which dunning level an open invoice holds the customer's new orders on account:
        # 0 the reminder, 1 the first dunning, 2 the final one, or "off".
        # credit_hold_dunning_level = 1
        # VAT cases (docs/accounting.md): a small business under § 19 UStG charges no VAT and
        # its invoices say so. Sales to consumers in other EU member states are taxed in
        # Germany until the year's such sales (or last year's) pass oss_threshold, net; then
        # at the destination's rates (One-Stop-Shop).
        # small_business = false
        # oss_threshold = "10000.00"

        # The standard and reduced VAT rate of a member state for OSS sales, in percent; Kontor
        # carries a table of all 27 (as of 2025), to be checked by the tax advisor. A row
        # here replaces a country's rates; [shops.<name>.eu_vat_rates] for one shop.
        # [kontor.eu_vat_rates]
        # AT = "20, 10"
        # FR = "20, 5.5"

        # Where payments a shop or payment provider reports (paid=true, a PayPal transaction)
        # wait until the bank statement or the provider's payout brings the money: SKR03 1360
        # Geldtransit for every method, unless a method gets an account of its own here.
        # [kontor.clearing_accounts]
        # default = 1360
        # paypal = 1361

        # Settings of one shop: the table name is its folder in inbox/.
        # [shops.teekontor]
        # name = "Teekontor Lüneburg"
        # default_credit_limit = "500.00"
        # [shops.teekontor.clearing_accounts]
        # card = 1362

        # The seller, as invoices name them.
        # [shops.teekontor.seller]
        # legal_name = "Teekontor Lüneburg GmbH"
        # street = "Am Sande 1"
        # zip = "21335"
        # city = "Lüneburg"
        # country = "DE"
        # tax_number = "33/123/45678"
        # vat_id = "DE123456789"
        # iban = "DE02120300000000202051"
        # bic = "BYLADEM1001"

        # The DATEV export (outbox/<shop>/datev/), from the tax advisor. Kontor posts to SKR03;
        # with chart = "SKR04" each account goes over under its SKR04 number (8400 → 4400,
        # 1400 → 1200, …); an account without one (a clearing account of its own) is given in a
        # table shops.teekontor.datev.skr04, as 1361 = 1461.
        # [shops.teekontor.datev]
        # consultant_number = 1001            # Beraternummer
        # client_number = 1                   # Mandantennummer
        # fiscal_year_start_month = 1
        # account_length = 4                  # Sachkontenlänge; debtors have one digit more
        # debtors = "collective"              # or "per_customer": a debtor account per customer
        # collective_debtor = 1400            # the account of "collective"
        # first_debtor = 10000                # the first debtor number of "per_customer"
        # chart = "SKR03"                    # or "SKR04"

        # Dunning (kontor dunning --date D): three levels, each reached `days` after an invoice's
        # due date, and only after the previous letter's `grace_days` (its payment deadline) passed.
        # `fee` is charged on each invoice a letter of the level names; levels with interest = true
        # charge default interest (§ 288 BGB: base rate + 5 points, + 9 between businesses) and, to
        # a business, the flat fee of 40.00 once per invoice. Fees and interest bear no VAT.
        # A [shops.<name>.dunning] table (and .reminder, .first, .final) sets them for one shop.
        # [kontor.dunning]
        # interest = true
        # flat_fee = "40.00"
        # interest_account = 2650
        # fee_account = 2700
        # [kontor.dunning.reminder]
        # title = "Zahlungserinnerung"
        # days = 7
        # grace_days = 7
        # fee = "0.00"
        # interest = false
        # [kontor.dunning.first]
        # title = "1. Mahnung"
        # days = 21
        # grace_days = 7
        # fee = "2.50"
        # interest = true
        # [kontor.dunning.final]
        # title = "Letzte Mahnung"
        # days = 35
        # grace_days = 7
        # fee = "5.00"
        # interest = true

        # Shipping (outbox/<shop>/labels/, delivery-notes/, pick-lists/, carriers/). Parcels get an
        # SSCC under the shop's GS1 company prefix (without one, labels carry no GS1-128 barcode).
        # [shops.teekontor.logistics]
        # gs1_company_prefix = "4012345"
        # sscc_extension_digit = 0
        # packaging_kg = 0.2                  # what a parcel's box and filling weigh
        # labels = true                       # PDF and ZPL labels per parcel
        # delivery_notes = true               # a Lieferschein per shipment

        # Carrier rules, first match wins. Naming any rule for a shop replaces the embedded ones:
        # DHL Kleinpaket (V62KP) in Germany up to 1 kg, DHL Paket (V01PAK) in Germany, DHL Paket
        # International (V53PAK) in the EU and beyond (customs data outside the EU), parcels up to 31.5 kg.
        # destination: "DE", "EU", "non-EU", "*" or a list of countries such as "AT,CH".
        # [shops.teekontor.carriers.kleinpaket]
        # carrier = "DHL"
        # service = "DHL Kleinpaket"
        # product_code = "V62KP"
        # destination = "DE"
        # max_shipment_kg = 1
        # max_parcel_kg = 1
        # [shops.teekontor.carriers.paket]
        # carrier = "DHL"
        # service = "DHL Paket"
        # product_code = "V01PAK"
        # destination = "DE"
        # max_parcel_kg = 31.5

        # The liquidity forecast (kontor report liquidity): 13 weeks from --date (or today), starting
        # from the latest bank statement's closing balance (CAMT.053), else from opening_balance as
        # of opening_date; open invoices come in on their due date shifted by the customer's average
        # days late and weighted by how they paid; goods receipts are paid at cost plus VAT
        # supplier_payment_days after they came; a week that ends below threshold is warned of.
        # [shops.teekontor.liquidity]
        # opening_balance = "12000.00"
        # opening_date = "2026-01-01"
        # threshold = "5000.00"
        # supplier_payment_days = 30
        # One table per recurring cost: every "week" (day 1 Monday … 7 Sunday), "month" (day of the
        # month; a shorter month pays on its last day) or "quarter" (day of January, April, July, October).
        # [shops.teekontor.liquidity.costs.rent]
        # amount = "1500.00"
        # every = "month"
        # day = 1

        # The base rate (Basiszinssatz, § 247 BGB) in percent from the day given. Embedded:
        # 2024-01-01 3.62, 2024-07-01 3.37, 2025-01-01 2.27, 2025-07-01 1.27. The Bundesbank
        # publishes a new value each 1 January and 1 July: add it here, as the day and the
        # percentage it published (the embedded 2025-07-01 value reads 2025-07-01 = "1.27").
        # [kontor.base_rates]

        # Foreign currencies: orders, payments and bank statements in another currency are
        # booked in euros at the ECB's reference rate of their day (drop the ECB's eurofxref
        # files into the inbox). What the shop holds in a currency (open invoices, bank
        # balances) is valued at the latest rate in `kontor report currencies`, with a warning
        # when it is worth more than its limit here, in euros.
        # [shops.teekontor.currency_limits]
        # CHF = "5000.00"

        """
}
