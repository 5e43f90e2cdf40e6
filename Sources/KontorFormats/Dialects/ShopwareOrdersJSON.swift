import KontorCore

/// Orders as Shopware 6's Admin API returns them (`POST /api/search/order` with the
/// associations `lineItems`, `deliveries.shippingOrderAddress.country`, `orderCustomer`,
/// `transactions.paymentMethod`, `transactions.stateMachineState`, `stateMachineState`,
/// `currency`): the search response `{"total": 2, "data": [ … ]}`, or a plain array of orders.
///
/// Every order becomes one canonical ``Order``. Shopware writes amounts as JSON numbers
/// (`24.9`); Kontor reads them from their literal text, exactly, and refuses an amount with
/// more than two decimal places (unless they are zeros) rather than round it.
///
/// - **Number and date:** `orderNumber`; the date of `orderDateTime` (Shopware keeps it in
///   UTC), else `orderDate`.
/// - **Price basis:** `price.taxStatus` (else `taxStatus`): `gross` books gross, `net` and
///   `tax-free` book net (tax-free at 0 %).
/// - **Lines:** items of type `product` (and any item with a `payload.productNumber`):
///   `payload.productNumber` as the article, `quantity`, `totalPrice`, the VAT rate of
///   `price.calculatedTaxes` (else `price.taxRules`). A line total that does not divide by
///   its quantity becomes two lines whose unit prices differ by a cent.
/// - **Discounts:** items of type `promotion`, `credit` or `discount` have no article:
///   their amount at each VAT rate (`price.calculatedTaxes[].price`) is shared by the
///   articles at that rate, in proportion to their totals, in whole cents, and booked as
///   those lines' discounts (a reduction of revenue at their rate); a promotion's
///   `payload.code` is the order's coupon code. So Kontor's invoice adds up to Shopware's
///   `price.totalPrice`; when it does not, a warning says so.
/// - **Shipping:** `shippingCosts.totalPrice`, else `shippingTotal`, else the deliveries'
///   `shippingCosts.totalPrice` added up.
/// - **Status:** an order whose `stateMachineState.technicalName` is `cancelled`, or whose
///   payment is `refunded`, is cancelled. The payment is the last of `transactions` that is
///   not `cancelled` or `failed` (else the last one); it is paid when its state is `paid`
///   or `authorized`.
/// - **Payment:** from the transaction's `paymentMethod` (`technicalName`, `shortName`,
///   `handlerIdentifier`): PayPal is paypal, prepayment (Vorkasse) and direct debit prepaid,
///   invoice invoice, cash payment (Nachnahme) cash on delivery, card and Stripe handlers
///   card; an unknown method is booked as prepaid with a warning.
/// - **Customer:** `orderCustomer.customerNumber` (none for a guest account,
///   `orderCustomer.customer.guest`), `email`, `firstName lastName` (else `company`); the
///   first delivery's `shippingOrderAddress`, else `billingAddress`.
public struct ShopwareOrdersJSON: JSONDialect {
    /// The file's name as the shop uploaded it.
    public let file: String

    /// A mapper for the file `file`.
    public init(file: String) {
        self.file = file
    }

    /// `shopware6-orders-json`.
    public var dialect: String { "shopware6-orders-json" }

    /// Orders.
    public var kind: DocumentKind { .orders }

    /// Whether the first record looks like a Shopware 6 order: it has `orderNumber`,
    /// `orderDateTime` or `orderDate`, and `price`, `amountTotal` or `lineItems`.
    public static func recognizes(first: JSONValue, header: [(key: String, value: JSONValue)]) -> Bool {
        guard let keys = first.objectValue.map({ Set($0.map(\.key)) }) else { return false }
        return keys.contains("orderNumber")
            && !keys.isDisjoint(with: ["orderDateTime", "orderDate"])
            && !keys.isDisjoint(with: ["price", "amountTotal", "lineItems"])
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
