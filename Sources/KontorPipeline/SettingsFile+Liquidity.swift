import KontorCore
import KontorCredit

/// The tables `[shops.<name>.liquidity]` and `[shops.<name>.liquidity.costs.<cost>]` (and
/// their defaults for every shop, `[kontor.liquidity]` and `[kontor.liquidity.costs.<cost>]`).
extension SettingsFile {
    static func liquiditySetting(_ liquidity: inout LiquiditySettings, key: String, value: Value, line: Int) throws {
        switch key {
        case "opening_balance": liquidity.openingBalance = try signedMoney(value, key: key, line: line)
        case "opening_date":
            guard case .string(let text) = value, text.count == 10, text.dropFirst(4).first == "-",
                  let date = CalendarDate(parsing: text) else {
                throw ParseError(line: line, message: "opening_date must be a day such as \"2026-01-01\"")
            }
            liquidity.openingDate = date
        case "threshold": liquidity.threshold = try signedMoney(value, key: key, line: line)
        case "supplier_payment_days": liquidity.supplierPaymentDays = try value.integer(key, line: line)
        default:
            throw ParseError(line: line, message: """
                unknown liquidity setting \(key); use opening_balance, opening_date, threshold or supplier_payment_days, \
                and a [shops.<name>.liquidity.costs.<cost>] table for each recurring cost
                """)
        }
    }

    /// One key of the recurring cost `name`, which is added the first time it is named.
    static func costSetting(_ liquidity: inout LiquiditySettings, cost name: String, key: String, value: Value,
                            line: Int) throws {
        let at = liquidity.costs.firstIndex { $0.name == name } ?? {
            liquidity.costs.append(RecurringCost(name: name, amount: 0, every: .month, day: 1))
            return liquidity.costs.count - 1
        }()
        var cost = liquidity.costs[at]
        switch key {
        case "amount": cost.amount = try value.money(key, line: line, example: "1200.00")
        case "every":
            guard case .string(let text) = value, let every = RecurringCost.Interval(rawValue: text) else {
                throw ParseError(line: line, message: "every must be \"week\", \"month\" or \"quarter\"")
            }
            cost.every = every
        case "day":
            guard case .number(let n) = value, let day = Int(n), (1...31).contains(day) else {
                throw ParseError(line: line, message: "day must be a day of the month from 1 to 31, or of the week from 1 (Monday) to 7 (Sunday)")
            }
            cost.day = day
        default:
            throw ParseError(line: line, message: "unknown setting \(key) of a recurring cost; use amount, every or day")
        }
        if cost.every == .week && cost.day > 7 {
            throw ParseError(line: line, message: "a weekly cost's day is a day of the week from 1 (Monday) to 7 (Sunday)")
        }
        liquidity.costs[at] = cost
    }

    /// An amount in minor units that may be below zero (an overdraft), quoted or not.
    private static func signedMoney(_ value: Value, key: String, line: Int) throws -> Int {
        let text: String
        switch value {
        case .string(let t), .number(let t): text = t
        case .bool: text = ""
        }
        guard case .success(let minor) = DecimalParser.parse(text) else {
            throw ParseError(line: line, message: "\(key) must be an amount such as \"5000.00\" (or \"-2000.00\" for an overdraft)")
        }
        return minor
    }
}
