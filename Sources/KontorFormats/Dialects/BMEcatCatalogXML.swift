import KontorCore

/// BMEcat product catalogues, version 1.2 (`ARTICLE`, `SUPPLIER_AID`) and 2005 (`PRODUCT`,
/// `SUPPLIER_PID`), as suppliers and product information systems export them.
///
/// Articles of the transactions `T_NEW_CATALOG` and `T_UPDATE_PRODUCTS` become products,
/// those of `T_UPDATE_PRICES` price updates. Kontor keeps gross prices: a net list price
/// is multiplied by 1 + the VAT factor and rounded half away from zero to the cent, per
/// unit; a gross list price is taken as it is. Both element sets are read whatever the
/// namespace says; the namespace only names the dialect (`bmecat-1.2`, `bmecat-2005`).
public struct BMEcatCatalogXML: XMLDialect {
    /// The namespace of BMEcat 1.2 catalogues (many 1.2 files have none).
    public static let namespace12 = "http://www.bmecat.org/bmecat/1.2/bmecat_new_catalog"
    /// The namespace of BMEcat 2005 catalogues.
    public static let namespace2005 = "http://www.bmecat.org/bmecat/2005"

    /// A root `BMECAT` without a namespace or in a BMEcat 1.2 or 2005 namespace (including
    /// the `2005+onto` variant some vendors write).
    public static func recognizes(root: String, namespace: String?) -> Bool {
        guard root == "BMECAT" else { return false }
        guard let namespace else { return true }
        return is2005(namespace) || namespace.hasPrefix("http://www.bmecat.org/bmecat/1.2")
            || namespace.hasPrefix("http://www.bmecat.org/XMLSchema/1.2")
    }

    /// The header, and each article (1.2) or product (2005); the transaction an article
    /// belongs to is read from its element path.
    public static var selection: XMLRecordReader.Selection { .names(["HEADER", "ARTICLE", "PRODUCT"]) }

    private static func is2005(_ namespace: String) -> Bool { namespace.hasPrefix(namespace2005) }

    /// The file's name as the shop uploaded it.
    public let file: String
    /// `bmecat-1.2` or `bmecat-2005`.
    public let dialect: String
    /// The catalogue's currency from `HEADER/CATALOG/CURRENCY`, for prices that name none.
    private(set) var currency: String?
    /// Transactions already reported as not read.
    private var refusedTransactions: Set<String> = []

    /// A mapper for one file.
    public init(file: String, root: String, namespace: String?) {
        self.file = file
        dialect = namespace.map(Self.is2005) == true ? "bmecat-2005" : "bmecat-1.2"
    }

    /// Products.
    public var kind: DocumentKind { .products }

    /// Reads the header's currency, or an article into a product or a price update.
    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        var fields = BMEcatFields(file: file)
        var records: [DocumentRecord] = []
        if node.name == "HEADER" {
            currency = BMEcatFields.text(BMEcatFields.find(node, "CATALOG", "CURRENCY"))?.uppercased()
        } else {
            switch Self.transaction(of: node) {
            case "T_NEW_CATALOG", "T_UPDATE_PRODUCTS":
                if let product = product(node, fields: &fields) { records.append(.product(product)) }
            case "T_UPDATE_PRICES":
                if let update = priceUpdate(node, fields: &fields) { records.append(.priceUpdate(update)) }
            case let other:
                let name = other ?? "none"
                if refusedTransactions.insert(name).inserted {
                    fields.fail("bmecat.transaction",
                                "the transaction \(name) is not read; Kontor reads T_NEW_CATALOG, T_UPDATE_PRODUCTS and T_UPDATE_PRICES",
                                de: "Die Transaktion \(name) wird nicht gelesen; Kontor liest T_NEW_CATALOG, T_UPDATE_PRODUCTS und T_UPDATE_PRICES",
                                hint: "Export the catalogue as T_NEW_CATALOG.", at: node)
                }
            }
        }
        log.append(contentsOf: fields.problems)
        return fields.hasErrors ? [] : records
    }

    /// Nothing is pending at the end: every article is handed out as it is read.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { [] }

    /// The transaction element an article sits in: the second step of its path
    /// (`/BMECAT/T_NEW_CATALOG/PRODUCT[2]`).
    static func transaction(of node: XMLElementNode) -> String? {
        let steps = node.path.split(separator: "/")
        guard steps.count >= 3 else { return nil }
        return String(steps[1].prefix { $0 != "[" })
    }

    /// A product of `T_NEW_CATALOG` or `T_UPDATE_PRODUCTS`; nil for one marked `mode="delete"`,
    /// which Kontor keeps (its bookings refer to it).
    private func product(_ node: XMLElementNode, fields: inout BMEcatFields) -> Product? {
        guard let sku = articleNumber(node, fields: &fields) else { return nil }
        if node.attribute("mode") == "delete" {
            fields.warn("bmecat.delete", "article \(sku) is marked for deletion; Kontor keeps its articles and left it unchanged",
                        de: "Artikel \(sku) ist zum Löschen markiert; Kontor behält seine Artikel und hat ihn nicht verändert",
                        at: node)
            return nil
        }
        let subject = BMEcatSubject.article(sku)
        let name = Self.name(node, sku: sku, fields: &fields)
        let ean = Self.ean(node, subject: subject, fields: &fields)
        let weight = Self.weightGrams(node, subject: subject, fields: &fields)
        let customs = Self.customs(node, subject: subject, fields: &fields)
        let price = cataloguePrice(node, sku: sku, taxRequired: true, rateMayBeMissing: true, fields: &fields)
        guard let name, let price else { return nil }
        var product = Product(sku: sku, name: name, priceGross: price.gross, vatRate: price.rate ?? .standard, weightGrams: weight,
                              ean: ean, tariffNumber: customs.tariffNumber, originCountry: customs.originCountry,
                              location: fields.location(node))
        product.vatRateStated = price.rate != nil
        product.netPrice = price.net
        return product
    }

    /// A price update of `T_UPDATE_PRICES`.
    private func priceUpdate(_ node: XMLElementNode, fields: inout BMEcatFields) -> PriceUpdate? {
        guard let sku = articleNumber(node, fields: &fields),
              let price = grossPrice(node, sku: sku, taxRequired: false, fields: &fields) else { return nil }
        return PriceUpdate(sku: sku, priceGross: price.gross, vatRate: price.rate, location: fields.location(node))
    }

    /// `SUPPLIER_AID` (1.2) or `SUPPLIER_PID` (2005): the article number Kontor keys articles by.
    private func articleNumber(_ node: XMLElementNode, fields: inout BMEcatFields) -> String? {
        let element = node.name == "ARTICLE" ? "SUPPLIER_AID" : "SUPPLIER_PID"
        if let sku = BMEcatFields.text(node.child(element)) { return sku }
        fields.fail("field.missing", "\(node.name) has no \(element) (the article number)",
                    de: "\(node.name) hat keine \(element) (die Artikelnummer)",
                    hint: "Kontor keys articles by \(element); give every \(node.name) its article number.",
                    at: node.child(element) ?? node)
        return nil
    }
}
