import KontorCore

/// openTRANS 2.1 purchase orders (`ORDER` in `http://www.opentrans.org/XMLSchema/2.1`),
/// as business customers' procurement systems send them.
///
/// The file is one order. Its `ORDER_HEADER` gives the order number and date, the parties
/// (buyer, delivery address), the currency and the payment; each `ORDER_ITEM` gives an
/// article by its `SUPPLIER_PID`, the quantity, the **net** unit price and the VAT factor.
/// The mapper hands out a customer record for the buyer as soon as the header is read,
/// and the order, priced net, at the end of the file.
public struct OpenTransOrderXML: XMLDialect {
    /// The openTRANS 2.1 namespace of the root element.
    public static let namespace = "http://www.opentrans.org/XMLSchema/2.1"

    /// A root `ORDER` in the openTRANS 2.1 namespace.
    public static func recognizes(root: String, namespace: String?) -> Bool {
        root == "ORDER" && namespace == Self.namespace
    }

    /// The header, each item and the summary are handed out as records.
    public static var selection: XMLRecordReader.Selection { .names(["ORDER_HEADER", "ORDER_ITEM", "ORDER_SUMMARY"]) }

    /// The file's name as the shop uploaded it.
    public let file: String
    /// The order read from the header, collecting its lines.
    private var order: Order?
    /// Whether an `ORDER_HEADER` was handed out.
    private var headerSeen = false
    /// Whether an error was found: then no order is handed out.
    private var failed = false

    /// A mapper for one file.
    public init(file: String, root: String, namespace: String?) {
        self.file = file
    }

    /// `opentrans-2.1-order`.
    public var dialect: String { "opentrans-2.1-order" }
    /// Orders.
    public var kind: DocumentKind { .orders }

    /// Reads the header (handing out the buyer as a customer), an item, or the summary.
    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        var fields = BMEcatFields(file: file)
        var records: [DocumentRecord] = []
        switch node.name {
        case "ORDER_HEADER":
            if headerSeen {
                fields.fail("opentrans.header-twice", "the file has a second ORDER_HEADER; an openTRANS order file holds one order",
                            de: "Die Datei hat einen zweiten ORDER_HEADER; eine openTRANS-Bestelldatei enthält eine Bestellung",
                            hint: "Send each order as a file of its own.", at: node)
            } else {
                headerSeen = true
                if let (order, customer) = Self.header(node, fields: &fields) {
                    self.order = order
                    if let customer { records.append(.customer(customer)) }
                }
            }
        case "ORDER_ITEM":
            if !headerSeen {
                fields.fail("opentrans.no-header", "ORDER_ITEM comes before the ORDER_HEADER",
                            de: "ORDER_ITEM steht vor dem ORDER_HEADER",
                            hint: "An openTRANS order starts with its ORDER_HEADER.", at: node)
            } else if let line = Self.line(node, number: (order?.lines.count ?? 0) + 1, fields: &fields) {
                order?.lines.append(line)
            }
        case "ORDER_SUMMARY":
            checkSummary(node, fields: &fields)
        default:
            break
        }
        log.append(contentsOf: fields.problems)
        if fields.hasErrors { failed = true }
        return failed ? [] : records
    }

    /// Hands out the order, if the file held one without errors.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] {
        defer { order = nil }
        guard headerSeen else {
            log.append(Diagnostic("opentrans.no-header", "the file has no ORDER_HEADER",
                                  de: "Die Datei hat keinen ORDER_HEADER",
                                  hint: "An openTRANS order gives its number, date and parties in ORDER_HEADER.",
                                  at: SourceLocation(file: file, line: 1, path: "/ORDER")))
            return []
        }
        guard !failed, let order else { return [] }
        guard !order.lines.isEmpty else {
            log.append(Diagnostic("opentrans.no-items", "order \(order.orderNumber) has no ORDER_ITEM",
                                  de: "Bestellung \(order.orderNumber) hat keine ORDER_ITEM",
                                  hint: "List the ordered articles in ORDER_ITEM_LIST.", at: order.location))
            return []
        }
        return [.order(order)]
    }

    /// Compares `TOTAL_ITEM_NUM` (an error if it differs: items are missing) and
    /// `TOTAL_AMOUNT` (a warning) with what was read.
    private func checkSummary(_ node: XMLElementNode, fields: inout BMEcatFields) {
        guard let order, !failed else { return }
        if let count = node.child("TOTAL_ITEM_NUM"), let expected = fields.wholeNumber(count, minimum: 0, what: .order),
           expected != order.lines.count {
            fields.fail("opentrans.item-count",
                        "TOTAL_ITEM_NUM says order \(order.orderNumber) has \(expected) items, but the file holds \(order.lines.count)",
                        de: "TOTAL_ITEM_NUM nennt \(expected) Positionen der Bestellung \(order.orderNumber), die Datei enthält \(order.lines.count)",
                        hint: "The file may be cut off; export the order again.", at: count)
        }
        // An order beyond Kontor's limits is refused as a whole (order.too-large); its total is not compared.
        guard order.isWithinLimits else { return }
        let netTotal = order.lines.reduce(0) { $0 + $1.lineTotal }
        if let total = node.child("TOTAL_AMOUNT"), let expected = fields.amount(total, places: 2, what: .order),
           expected != netTotal {
            fields.warn("opentrans.total",
                        "TOTAL_AMOUNT \(Money.decimalString(expected)) differs from the items' net total \(Money.decimalString(netTotal)); the items are booked",
                        de: "TOTAL_AMOUNT \(Money.decimalString(expected)) weicht von der Nettosumme der Positionen \(Money.decimalString(netTotal)) ab; gebucht werden die Positionen",
                        at: total)
        }
    }
}
