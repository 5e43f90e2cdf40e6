import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOutput
import KontorStore

/// `credit/liquidity.csv`, `credit/liquidity-flows.csv` and `credit/liquidity.svg`: the bank
/// balance week by week for 13 weeks from a day (`--date`, else today), with what is expected
/// in and what goes out (`LiquidityForecast`), as German spreadsheets open them, and as a bar
/// chart with the threshold. Warns when a week ends below the threshold. Made on demand: it
/// reads every invoice of the shop.
enum LiquidityReport {
    static let columns = ["Woche", "von", "bis", "Anfangsbestand", "Eingänge", "Ausgänge", "Endbestand", "Warnung"]
    static let flowColumns = ["Woche", "Datum", "Posten", "Betrag"]

    /// The report, with the shops' liquidity settings from `settings`.
    static func report(settings: Settings) -> Report {
        Report(name: "liquidity", title: "Liquidity forecast: the bank balance week by week for 13 weeks, with a warning under the threshold",
               takesPeriod: true) { shop, period, db in
            let start = period?.from ?? .today
            let shopSettings = settings.shop(shop)
            let (forecast, opening) = try make(shop: shop, start: start, settings: shopSettings.liquidity, in: db)
            return ReportFiles(files: [csv(forecast), flows(forecast),
                                       ReportFile(path: "credit/liquidity.svg",
                                                  bytes: Data(chart(forecast, shopName: shopSettings.name ?? shop).svg.utf8))],
                               warnings: warnings(forecast, opening: opening, shop: shop))
        }.onDemand().asOfDay()
    }

    /// Where the forecast's opening balance came from.
    enum Opening: Equatable {
        case statements, settings, unknown
    }

    /// The forecast of `shop` from `start`: the opening balance (the latest statement of each
    /// account dated up to `start`, unless the settings' opening balance is of a later day or
    /// there is no statement), the open items as of `start` with how each customer paid, the
    /// goods received whose supplier invoices fall due from `start` on, the recurring costs.
    static func make(shop: String, start: CalendarDate, settings: LiquiditySettings,
                     in db: Database) throws -> (LiquidityForecast, Opening) {
        let statements = try Liquidity.balances(shop: shop, asOf: start, in: db)
        // The settings' balance counts where no statement is of its day or later.
        let settingsLater = settings.openingDate.map { day in statements.allSatisfy { $0.date < day } } ?? statements.isEmpty
        let opening: Opening = settings.openingBalance != nil && settingsLater ? .settings : statements.isEmpty ? .unknown : .statements
        let balance = opening == .statements ? statements.reduce(0) { $0 + $1.amount } : settings.openingBalance ?? 0

        let ledger = Ledger(db)
        let terms = Dictionary(grouping: try ledger.termsInvoices(shop: shop), by: \.customerKey)
        let letters = try DunningBook(db).dunningCounts(shop: shop)
        var payers: [String: PaymentBehaviour] = [:]
        var receivables: [LiquidityForecast.Receivable] = []
        for item in try ledger.openItems(shop: shop, asOf: start) {
            let key = item.customerKey
            let payer = payers[key] ?? CustomerRisk.behaviour(terms[key] ?? [], dunningLetters: letters[key] ?? 0, exposure: 0,
                                                              limit: 0, today: start)
            payers[key] = payer
            receivables.append(.init(document: item.document, customerKey: key, open: item.open, dueDate: item.dueDate,
                                     daysLate: payer.averageDaysLate, weightPerMille: payer.collectionPerMille))
        }
        let days = settings.supplierPaymentDays
        let payables = try Inventory.receipts(shop: shop, from: start.adding(days: -days), in: db).map {
            LiquidityForecast.Payable.supplierInvoice(
                text: "supplier invoice: \($0.quantity) × \($0.sku) received \($0.date)\($0.reference.map { " (\($0))" } ?? "")",
                received: $0.date, net: $0.net, vatPercent: $0.vatPercent, paymentDays: days)
        }
        let forecast = LiquidityForecast.make(start: start, opening: balance, threshold: settings.threshold,
                                              receivables: receivables, payables: payables, costs: settings.costs)
        return (forecast, opening)
    }

    /// `1234,56` for the German spreadsheet.
    static func amount(_ minor: Int) -> CSVWriter.Cell { .number(Money.decimalString(minor, separator: ",")) }

    /// `credit/liquidity.csv`: one row per week, with a BOM.
    static func csv(_ forecast: LiquidityForecast) -> ReportFile {
        var w = CSVWriter(header: columns, delimiter: ";")
        for week in forecast.weeks {
            w.appendRow([.number(String(week.number)), .text(GermanFormat.date(week.from)), .text(GermanFormat.date(week.to)),
                         amount(week.opening), amount(week.receipts), amount(week.payments), amount(week.closing),
                         .text(week.closing < forecast.threshold ? "unter Schwelle" : "")])
        }
        return ReportFile(path: "credit/liquidity.csv", bytes: Data([0xEF, 0xBB, 0xBF]) + w.take())
    }

    /// `credit/liquidity-flows.csv`: what each week's receipts and payments are made of.
    static func flows(_ forecast: LiquidityForecast) -> ReportFile {
        var w = CSVWriter(header: flowColumns, delimiter: ";")
        for flow in forecast.flows {
            w.appendRow([.number(String(flow.week)), .text(GermanFormat.date(flow.date)), .text(flow.text), amount(flow.amount)])
        }
        return ReportFile(path: "credit/liquidity-flows.csv", bytes: Data([0xEF, 0xBB, 0xBF]) + w.take())
    }

    /// The chart of the weekly closing balances against the threshold.
    static func chart(_ forecast: LiquidityForecast, shopName: String) -> LiquidityChart {
        LiquidityChart(title: "Liquiditätsvorschau \(shopName) ab \(GermanFormat.date(forecast.start))", bars: forecast.weeks.map {
            LiquidityChart.Bar(label: String(GermanFormat.date($0.from).prefix(6)),
                               detail: "Woche \($0.number), \(GermanFormat.date($0.from))–\(GermanFormat.date($0.to)): \(GermanFormat.euros($0.closing))",
                               value: $0.closing)
        }, threshold: forecast.threshold)
    }

    /// What the person asking should know: the weeks that end below the threshold, and a
    /// forecast without a known bank balance.
    static func warnings(_ forecast: LiquidityForecast, opening: Opening, shop: String) -> [String] {
        var warnings: [String] = []
        if opening == .unknown {
            warnings.append("""
                no bank balance known: the forecast starts from 0.00; bring a CAMT.053 statement or set opening_balance \
                in [shops.\(shop).liquidity]
                """)
        }
        let below = forecast.weeksBelowThreshold
        if let first = below.first {
            warnings.append("""
                the liquidity forecast falls below the threshold of \(Money.decimalString(forecast.threshold)) in week \(first.number) \
                (\(first.from) to \(first.to)): \(Money.decimalString(first.closing)); weeks below: \
                \(below.map { String($0.number) }.joined(separator: ", "))
                """)
        }
        return warnings
    }
}
