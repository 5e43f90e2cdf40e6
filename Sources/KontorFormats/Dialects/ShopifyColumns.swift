import KontorCore

/// The columns of Shopify's orders export that Kontor reads, by their header names.
///
/// Old exports have 72 columns, ending with `Receipt Number`; newer ones append `Duties`,
/// `Billing Province Name`, `Shipping Province Name`, `Payment ID`, `Payment Terms Name`,
/// `Next Payment Due At` and `Payment References`. Columns are found by name, never by position.
enum ShopifyColumns {
    static let name = "Name"
    static let email = "Email"
    static let financialStatus = "Financial Status"
    static let currency = "Currency"
    static let shipping = "Shipping"
    static let total = "Total"
    static let createdAt = "Created at"
    static let quantity = "Lineitem quantity"
    static let price = "Lineitem price"
    static let sku = "Lineitem sku"
    static let taxable = "Lineitem taxable"
    static let billingName = "Billing Name"
    static let shippingName = "Shipping Name"
    static let shippingStreet = "Shipping Street"
    static let shippingAddress1 = "Shipping Address1"
    static let shippingAddress2 = "Shipping Address2"
    static let shippingCompany = "Shipping Company"
    static let shippingZip = "Shipping Zip"
    static let shippingCity = "Shipping City"
    static let shippingCountry = "Shipping Country"
    static let cancelledAt = "Cancelled at"
    static let paymentMethod = "Payment Method"
    static let refundedAmount = "Refunded Amount"
    static let discountCode = "Discount Code"
    static let discountAmount = "Discount Amount"
    static let lineDiscount = "Lineitem discount"
    /// `Tax 1 Name` … `Tax 5 Name`: labels such as `DE MwSt 19%`.
    static let taxNames = (1...5).map { "Tax \($0) Name" }

    /// The columns without which no order can be read.
    static let required = [name, financialStatus, createdAt, quantity, price, sku]

    /// The columns at the start of an order that continuation rows leave empty.
    static let orderLevel = [financialStatus, currency, total]

    /// Column names only Shopify's orders export has; a header with four of them is one.
    static let distinctive: Set<String> = [
        "financial status", "fulfillment status", "fulfilled at", "paid at", "accepts marketing",
        "lineitem quantity", "lineitem name", "lineitem price", "lineitem compare at price", "lineitem sku",
        "lineitem requires shipping", "lineitem taxable", "lineitem fulfillment status", "lineitem discount",
        "billing name", "billing address1", "shipping address1", "outstanding balance", "tax 1 name",
    ]

    /// A header name as these tables compare it: trimmed, lower case.
    static func key(_ column: String) -> String { column.trimmingSpaces().lowercased() }
}
