import Foundation
import KontorCore
import KontorFormats
import Testing

/// openTRANS 2.1 orders: the buyer becomes a customer, the order is priced net and on account.
struct OpenTransOrderXMLTests {
    static let fixture = "opentrans-2.1-order/bestellung-PO-2025-0417.xml"
    static let file = "bestellung-PO-2025-0417.xml"

    static func place(_ line: Int, _ path: String) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: file, line: line, path: path)
    }

    static let expected: [DocumentRecord] = [
        .customer(Customer(
            customerID: "K10023", name: "Café Schönblick GmbH", email: "einkauf@cafe-schoenblick.de", creditLimit: nil,
            paymentTermsDays: 30, vatID: "DE287654321", country: "DE", street: "Große Bäckerstraße 12", zip: "21335",
            city: "Lüneburg", location: place(20, "/ORDER/ORDER_HEADER/ORDER_INFO/PARTIES/PARTY"))),
        .order(Order(
            orderNumber: "PO-2025-0417", orderDate: CalendarDate(year: 2025, month: 3, day: 10)!, customerID: "K10023",
            customerEmail: "einkauf@cafe-schoenblick.de", customerName: "Café Schönblick GmbH",
            shipTo: Address(name: "Café Schönblick GmbH", addition: "Filiale Am Sande", street: "Am Sande 47", zip: "21335",
                            city: "Lüneburg", country: "DE"),
            paymentMethod: .invoice, paid: false, shipping: 0, priceBasis: .net, currency: "EUR", cancelled: false,
            lines: [
                OrderLine(sku: "BM-2001", quantity: 24, unitPrice: 350, vatRate: .standard,
                          location: place(95, "/ORDER/ORDER_ITEM_LIST/ORDER_ITEM")),
                OrderLine(sku: "BM-2002", quantity: 6, unitPrice: 1495, vatRate: .reduced,
                          location: place(115, "/ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]")),
            ],
            location: place(7, "/ORDER/ORDER_HEADER"))),
    ]

    static func read(_ text: String, chunkSize: Int = 4096) throws -> (records: [DocumentRecord], diagnostics: [Diagnostic]) {
        let result = try BMEcatFixtureReader.map(OpenTransOrderXML.self, text, file: file, chunkSize: chunkSize)
        return (result.records, result.diagnostics)
    }

    static func variant(_ replacements: [(String, String)]) throws -> String {
        var text = try BMEcatFixtureReader.text(fixture)
        for (old, new) in replacements {
            #expect(text.contains(old), "fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test(arguments: BMEcatFixtureReader.chunkSizes)
    func theOrderIsReadAlikeInEveryChunkSize(chunkSize: Int) throws {
        let result = try BMEcatFixtureReader.map(OpenTransOrderXML.self, try BMEcatFixtureReader.text(Self.fixture),
                                                 file: Self.file, chunkSize: chunkSize)
        #expect(result.recognized)
        #expect(result.dialect == "opentrans-2.1-order")
        #expect(result.diagnostics == [])
        #expect(result.records == Self.expected)
    }

    @Test func recognisesOnlyTheOpenTrans21Namespace() {
        #expect(OpenTransOrderXML.recognizes(root: "ORDER", namespace: "http://www.opentrans.org/XMLSchema/2.1"))
        #expect(!OpenTransOrderXML.recognizes(root: "ORDER", namespace: nil))
        #expect(!OpenTransOrderXML.recognizes(root: "ORDER", namespace: "http://www.opentrans.org/XMLSchema/1.0"))
        #expect(!OpenTransOrderXML.recognizes(root: "ORDERRESPONSE", namespace: "http://www.opentrans.org/XMLSchema/2.1"))
    }

    @Test func aMissingSupplierPIDIsNamedWithItsItem() throws {
        let text = try Self.variant([("<bmecat:SUPPLIER_PID type=\"supplier_specific\">BM-2002</bmecat:SUPPLIER_PID>", "")])
        let (records, diagnostics) = try Self.read(text)
        #expect(records == [Self.expected[0]], "the customer is handed out with the header; the order is not")
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:117 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/PRODUCT_ID: order item 2 has no SUPPLIER_PID (the article number)",
        ])
        #expect(diagnostics.first?.messageDE == "Bestellposition 2 hat keine SUPPLIER_PID (die Artikelnummer)")
        #expect(diagnostics.first?.hint == "Kontor finds the article by bmecat:SUPPLIER_PID inside PRODUCT_ID; give the shop's article number there.")
        #expect(diagnostics.first?.code == "field.missing")
    }

    @Test func aPriceWithADecimalCommaIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<bmecat:PRICE_AMOUNT>14.95<", "<bmecat:PRICE_AMOUNT>14,95<")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:124 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/PRODUCT_PRICE_FIX/PRICE_AMOUNT: PRICE_AMOUNT \"14,95\" of item 2 is not a number",
        ])
        #expect(diagnostics.first?.messageDE == "PRICE_AMOUNT \"14,95\" der Position 2 ist keine Zahl")
        #expect(diagnostics.first?.hint == "Write amounts with a decimal point and no thousands separator, for example 1234.50.")
    }

    @Test func anUnknownTaxFactorIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<bmecat:TAX>0.07</bmecat:TAX>", "<bmecat:TAX>0.16</bmecat:TAX>")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:127 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/PRODUCT_PRICE_FIX/TAX_DETAILS_FIX/TAX: TAX \"0.16\" of item 2 is not a German VAT rate",
        ])
        #expect(diagnostics.first?.messageDE == "TAX \"0.16\" der Position 2 ist kein deutscher Umsatzsteuersatz")
        #expect(diagnostics.first?.hint == "Give the rate as a factor: 0.19, 0.07 or 0.00.")
    }

    @Test func aLineAmountThatIsNotQuantityTimesPriceIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<PRICE_LINE_AMOUNT>89.70<", "<PRICE_LINE_AMOUNT>85.22<")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:130 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/PRICE_LINE_AMOUNT: PRICE_LINE_AMOUNT 85.22 of item 2 is not QUANTITY × PRICE_AMOUNT = 89.70",
        ])
    }

    @Test func aFractionalQuantityIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<QUANTITY>6.0</QUANTITY>", "<QUANTITY>6.5</QUANTITY>")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:121 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/QUANTITY: QUANTITY \"6.5\" of item 2 is not a whole number",
        ])
    }

    @Test func aQuantityBeyondKontorsLimitIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<QUANTITY>6.0</QUANTITY>", "<QUANTITY>9223372036854775</QUANTITY>")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:121 /ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/QUANTITY: QUANTITY \"9223372036854775\" of item 2 is more than 1,000,000, the largest quantity Kontor books on one line",
        ])
        #expect(diagnostics.first?.messageDE
            == "QUANTITY \"9223372036854775\" der Position 2 ist mehr als 1.000.000, die größte Menge, die Kontor in einer Zeile bucht")
    }

    @Test func aCutOffFileIsCaughtByTheItemCount() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<TOTAL_ITEM_NUM>2<", "<TOTAL_ITEM_NUM>3<")]))
        #expect(records == [Self.expected[0]])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:135 /ORDER/ORDER_SUMMARY/TOTAL_ITEM_NUM: TOTAL_ITEM_NUM says order PO-2025-0417 has 3 items, but the file holds 2",
        ])
    }

    @Test func aDifferingTotalIsAWarningAndTheItemsAreBooked() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<TOTAL_AMOUNT>173.70<", "<TOTAL_AMOUNT>206.70<")]))
        #expect(records == Self.expected)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.message == "TOTAL_AMOUNT 206.70 differs from the items' net total 173.70; the items are booked")
    }

    @Test func aBuyerWithoutEmailOrdersWithoutUpdatingTheCustomer() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<bmecat:EMAIL>einkauf@cafe-schoenblick.de</bmecat:EMAIL>", "")]))
        var order = try #require(Self.expected.last)
        if case .order(var o) = order { o.customerEmail = nil; order = .order(o) }
        #expect(records == [order])
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:24 /ORDER/ORDER_HEADER/ORDER_INFO/PARTIES/PARTY/ADDRESS: warning: the buyer K10023 has no EMAIL; the order is booked, the customer's details are not updated",
        ])
    }

    @Test func aCardPaymentIsACardOrderAndNoDeliveryPartyShipsToTheBuyer() throws {
        let text = try Self.variant([
            ("<PARTY_ROLE>delivery</PARTY_ROLE>", "<PARTY_ROLE>final_delivery</PARTY_ROLE>"),
            ("<DELIVERY_IDREF type=\"supplier_specific\">K10023-02</DELIVERY_IDREF>", ""),
            ("<ACCOUNT>", "<CARD type=\"VISA\"><CARD_NUM>XXXX</CARD_NUM></CARD><!--"), ("</ACCOUNT>", "-->"),
        ])
        let (records, diagnostics) = try Self.read(text)
        #expect(diagnostics == [])
        guard case .order(let order) = records.last else {
            Issue.record("no order")
            return
        }
        #expect(order.paymentMethod == .card)
        #expect(order.paid == false)
        #expect(order.shipTo == Address(name: "Café Schönblick GmbH", addition: "Einkauf", street: "Große Bäckerstraße 12", zip: "21335",
                                        city: "Lüneburg", country: "DE"))
    }

    @Test func anOrderWithoutBuyerIsRefused() throws {
        let (records, diagnostics) = try Self.read(try Self.variant([("<PARTY_ROLE>buyer</PARTY_ROLE>", ""),
                                                                     ("<bmecat:BUYER_IDREF type=\"supplier_specific\">K10023</bmecat:BUYER_IDREF>", "")]))
        #expect(records.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "bestellung-PO-2025-0417.xml:19 /ORDER/ORDER_HEADER/ORDER_INFO/PARTIES: the order names no buyer: no PARTY has the PARTY_ROLE buyer",
        ])
    }
}
