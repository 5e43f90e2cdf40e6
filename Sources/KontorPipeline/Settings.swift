import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics

/// Kontor's settings: every value has an embedded default; `kontor.toml` may change them
/// and configure shops.
public struct Settings: Sendable, Equatable {
    /// How long a file must stay unchanged before it is taken, in seconds.
    public var settleSeconds: Double = 2
    /// How often `watch` looks into the inboxes, in seconds.
    public var pollSeconds: Double = 1
    /// How many problems a report lists before it stops counting them one by one.
    public var maxDiagnostics = 100
    /// The settings of shops named in `kontor.toml`; other shops get `defaultShop`.
    public var shops: [String: ShopSettings] = [:]
    public var defaultShop = ShopSettings()
    /// The base rate (Basiszinssatz) by the day it applies from, for default interest:
    /// the embedded values, changed and extended by `[kontor.base_rates]`.
    public var baseRates = BaseRateTable.embedded
    /// The time of day (local, minutes after midnight) at which `kontor watch` runs dunning
    /// for the day, once a day; nil: never by itself (`dunning_time = "08:00"`).
    public var dunningMinutes: Int?

    public init() {}

    /// The settings that apply to `shop`.
    public func shop(_ shop: String) -> ShopSettings { shops[shop] ?? defaultShop }
}

/// Who issues a shop's invoices.
public enum InvoiceIssuer: String, Sendable, Equatable, CaseIterable {
    /// Kontor, in its own gap-free range, on the day an order is released for delivery.
    case kontor
    /// The shop system: the customer already holds the invoice, so Kontor books it under the
    /// shop's number (the file's `invoice_number`, else the order number) as the order arrives.
    case shop
}

/// The settings of one shop.
public struct ShopSettings: Sendable, Equatable {
    /// The shop's name in reports.
    public var name: String?
    /// Credit limit for customers on account that have none of their own, in minor units.
    public var defaultCreditLimit = 0
    /// Credit limit for consumers on account who have none of their own, lower than that of
    /// business customers as a rule (`consumer_credit_limit`); nil: `defaultCreditLimit`.
    public var consumerCreditLimit: Int?
    /// The VAT rate of an article whose catalogue gives none and that the books do not know
    /// yet (`default_vat_rate`, 19, 7 or 0).
    public var defaultVATRate = VATRate.standard
    /// The shop's warehouses, in the order orders are served from them: an order line is
    /// reserved in the first that has it free (`warehouses = "main, outlet"`); nil: one
    /// warehouse, `main`, and files may name others as before.
    public var warehouses: [String]?
    /// Days until an invoice on account is due, where the customer has no terms of their own.
    public var paymentTermsDays = 14
    /// Who issues the invoices: Kontor, when an order is released for delivery, or the shop
    /// system, whose numbers Kontor books when the order arrives.
    public var invoiceIssuer = InvoiceIssuer.kontor
    /// How many days after the day its file arrived an order may be dated; a later order
    /// date is refused as a mistake.
    public var futureOrderDays = 2
    /// What a stock count file covers when it does not say (`scope` column): only the
    /// articles it lists, or the whole of each warehouse it names.
    public var countScope = CountScope.partial
    /// Where payments the shop or a payment provider reports wait for the bank: SKR03 1360
    /// for every method unless `[shops.<name>.clearing_accounts]` names others.
    public var clearingAccounts = ClearingAccounts()
    /// Whether a return that leaves nothing of an order with the customer (a withdrawal)
    /// also credits the shipping charge, as German withdrawal law requires for standard delivery.
    public var refundShippingOnFullReturn = true
    /// Whether an order ships only once all its goods are there (`ship_complete = true`, the
    /// default), or goes out in parts: what is there now, with an invoice per delivery, the
    /// rest when a goods receipt or count brings it. Only where Kontor issues the invoices.
    public var shipComplete = true
    /// The dunning level (0 reminder, 1 first, 2 final dunning) from which an open invoice
    /// holds the customer's new orders on account; nil: dunning holds nothing.
    public var creditHoldDunningLevel: Int? = 1
    /// The seller: legal name, address, tax number and VAT ID, bank (`[shops.<name>.seller]`).
    public var seller = Seller()
    /// What the DATEV export needs: advisor's and client's numbers, fiscal year, account
    /// length, debtors (`[shops.<name>.datev]`).
    public var datev = DATEVSettings()
    /// How overdue invoices are dunned: levels, interest, flat fee, accounts
    /// (`[shops.<name>.dunning]`, `[shops.<name>.dunning.<level>]`).
    public var dunning = DunningTerms.standard
    /// How the shop ships: carrier rules, packaging, GS1 prefix, which documents are printed
    /// (`[shops.<name>.logistics]`, `[shops.<name>.carriers.<rule>]`).
    public var logistics = LogisticsSettings()
    /// How the reorder and slow-movers reports look at the stock (`reorder_review_days`,
    /// `reorder_window_days`, `slow_mover_days`).
    public var buying = BuyingSettings()
    /// The most the open positions in each currency other than EUR (receivables and bank
    /// balances, valued at the latest reference rate) may be worth, in euro cents, by
    /// currency code (`[shops.<name>.currency_limits]`, `CHF = "5000.00"`).
    public var currencyLimits: [String: Int] = [:]
    /// What the liquidity forecast takes from the settings: an opening balance, the
    /// threshold, the supplier's payment days, recurring costs (`[shops.<name>.liquidity]`,
    /// `[shops.<name>.liquidity.costs.<cost>]`).
    public var liquidity = LiquiditySettings()
    /// Whether the shop is a small business under § 19 UStG and charges no VAT
    /// (`small_business`).
    public var smallBusiness = false
    /// The EU-wide threshold of distance sales to consumers in other member states, net, in
    /// minor units (`oss_threshold`): beyond it they are taxed at the destination's rates.
    public var ossThreshold = 1_000_000
    /// The member states' VAT rates: the embedded table, changed by `[kontor.eu_vat_rates]`
    /// and `[shops.<name>.eu_vat_rates]`.
    public var euVATRates = EUVATRates.embedded

    public init() {}

    /// The limit the credit check applies to `customer` (nil: a customer the list does not
    /// know, a consumer): their own, else the default of their group.
    public func creditLimit(for customer: CustomerAccount?) -> Int {
        customer?.creditLimit ?? defaultLimit(business: customer?.business ?? false)
    }

    /// The limit of a customer without one of their own: a business gets
    /// `defaultCreditLimit`, a consumer `consumerCreditLimit` if set.
    public func defaultLimit(business: Bool) -> Int {
        business ? defaultCreditLimit : consumerCreditLimit ?? defaultCreditLimit
    }

    /// Whether a customer the list does not know may buy on account at all.
    public var grantsUnknownCustomersCredit: Bool { defaultCreditLimit > 0 || (consumerCreditLimit ?? 0) > 0 }
}
