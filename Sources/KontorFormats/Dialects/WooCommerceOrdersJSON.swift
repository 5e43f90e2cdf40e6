import KontorCore

/// Orders as WooCommerce's REST API v3 returns them (`GET /wp-json/wc/v3/orders`): a
/// top-level array of order objects, each with its `line_items`, `tax_lines`,
/// `shipping_lines`, `billing` and `shipping` address.
///
/// Every order object becomes one canonical ``Order``:
///
/// - **Number and date:** `number` (else `id`); the date of `date_created_gmt` (UTC), else
///   of `date_created` (the site's time).
/// - **Lines:** `sku`, `quantity`, the line's `subtotal` (before coupons) with its
///   `subtotal_tax`, and its `total` (after coupons) with its `total_tax`: the difference is
///   the line's discount, booked as a reduction of revenue. The VAT rate is the
///   `rate_percent` of the `tax_lines` entry whose `rate_id` the line's `taxes` name;
///   without one it is told from the amounts. A line without tax is booked at 0 %. `price`
///   is not used: WooCommerce rounds it as a float.
/// - **Coupons:** the `code`s of `coupon_lines` are the order's coupon code. When the lines'
///   discounts (`subtotal` less `total`) do not add up to `discount_total`, a warning says so.
/// - **Price basis:** a shop with net prices (`prices_include_tax` false) is booked net,
///   unit price = net `subtotal` ÷ quantity, discount = `subtotal` − `total`, when every
///   line divides into whole cents and Kontor's VAT rule then gives WooCommerce's `total` to
///   the cent. Otherwise the order is booked gross: each line's subtotal plus its tax, less
///   the discount down to its total plus its tax, whose sum with the gross shipping is
///   WooCommerce's `total` exactly; a line that does not divide by its quantity becomes two
///   lines of the article whose unit prices differ by a cent, sharing the discount. When
///   Kontor's total still differs from `total`, a warning says so.
/// - **Shipping:** the `total` plus `total_tax` of all `shipping_lines`, with `fee_lines`
///   (a cash-on-delivery fee, say) added, because fees like shipping follow the goods' VAT.
/// - **Status:** `processing` and `completed` are paid (as is an order with `date_paid`);
///   `pending` and `on-hold` (a bank transfer not yet received) are not; `cancelled`,
///   `refunded`, `failed`, `trash` and `checkout-draft` are cancelled. Orders paid cash on
///   delivery or on account are never taken as paid: WooCommerce marks them `processing`
///   before any money arrived.
/// - **Payment:** `bacs` is prepaid, PayPal gateways (`paypal`, `ppcp-gateway`, …) paypal,
///   Stripe and WooPayments card, `cod` cash on delivery, `invoice` and German Market's
///   purchase on account invoice; an unknown method is booked as prepaid with a warning.
/// - **Customer:** `customer_id` (0 is a guest: none), `billing.email`, the billing name;
///   the shipping address, or the billing address when it has none. Names and addresses
///   have their HTML character references (`&amp;`, `&#8211;`) resolved.
public struct WooCommerceOrdersJSON: JSONDialect {
    /// The file's name as the shop uploaded it.
    public let file: String

    /// A mapper for the file `file`.
    public init(file: String) {
        self.file = file
    }

    /// `woocommerce-orders-json`.
    public var dialect: String { "woocommerce-orders-json" }

    /// Orders.
    public var kind: DocumentKind { .orders }

    /// Whether the first record looks like a WooCommerce order: it has `billing`, `status`,
    /// `number` or `id`, `date_created` or `date_created_gmt`, and one of the members only
    /// WooCommerce writes (`line_items`, `prices_include_tax`, `order_key`).
    public static func recognizes(first: JSONValue, header: [(key: String, value: JSONValue)]) -> Bool {
        guard let keys = first.objectValue.map({ Set($0.map(\.key)) }) else { return false }
        return keys.isSuperset(of: ["billing", "status"])
            && !keys.isDisjoint(with: ["number", "id"])
            && !keys.isDisjoint(with: ["date_created", "date_created_gmt"])
            && !keys.isDisjoint(with: ["line_items", "prices_include_tax", "order_key"])
    }

    /// Maps one order object; its problems go to `log`.
    public mutating func map(_ element: JSONElement, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard case .object = element.value else {
            log.append(Diagnostic.jsonNotObject(element.value, at: SourceLocation(file: file, line: element.line, path: element.pointer)))
            return []
        }
        var problems: [Diagnostic] = []
        let order = order(ShopJSONNode(element: element, file: file), problems: &problems)
        log.append(contentsOf: problems)
        guard let order, !problems.contains(where: { $0.severity == .error }) else { return [] }
        return [.order(order)]
    }

    /// Nothing is pending at the end: every order object is complete in itself.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { [] }
}
