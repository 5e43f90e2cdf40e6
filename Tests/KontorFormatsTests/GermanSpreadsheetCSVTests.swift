import KontorCore
import KontorFormats
import Testing

@Suite struct GermanSpreadsheetCSVTests {
    static let dialect = "german-spreadsheet-csv"

    static func at(_ file: String, _ line: Int) -> KontorCore.SourceLocation { KontorCore.SourceLocation(file: file, line: line) }
    static func date(_ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: 3, day: day)! }

    static func fixture(_ file: String, chunkSize: Int = 65_536) throws -> CSVDialectRun {
        try CSVDialectRun.read(GermanSpreadsheetCSV.self, DialectFixtures.bytes(dialect, file), file: file, chunkSize: chunkSize)
    }

    static func run(_ text: String, file: String) throws -> CSVDialectRun {
        try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: file)
    }

    // MARK: - Recognition

    @Test(arguments: [
        (["Artikel-Nr.", "Bezeichnung", "VK-Preis", "MwSt-Satz"], true),
        (["ArtNr", "Artikelname", "Bruttopreis", "USt"], true),
        (["artikelnummer", "bezeichnung", "preis", "steuersatz"], true),
        (["sku", "name", "price", "MwSt"], true),
        (["Artikelnummer", "Gezählt"], true),
        (["Artikelnummer", "Zaehlmenge", "Lager"], true),
        (["Art.-Nr.", "Liefermenge", "Lieferant", "Lieferschein"], true),
        (["Kunden-Nr.", "Name", "E-Mail"], true),
        (["Bestellnummer", "Datum", "Artikelnummer", "Menge", "Einzelpreis"], true),
        (["Betrag", "Zahlungsdatum", "Verwendungszweck"], true),
        (["Bestellnummer", "Artikelnummer", "Menge", "Zustand"], true),
        (["sku", "counted"], false),
        (["Artikelnummer", "Menge"], false),
        (["Bezeichnung", "Preis"], false),
        (["Name", "Email", "Financial Status", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku"], false),
    ] as [([String], Bool)])
    func recognition(header: [String], recognised: Bool) {
        #expect(GermanSpreadsheetCSV.recognizes(header: header) == recognised)
    }

    @Test(arguments: [
        (["Artikel-Nr.", "Bezeichnung", "VK-Preis", "MwSt-Satz"], DocumentKind.products),
        (["Artikelnummer", "Gezählt"], .stockCount),
        (["Artikelnummer", "Bestand", "Lager"], .stockCount),
        (["Artikelnummer", "Wareneingang", "EK", "Lieferant"], .goodsReceipt),
        (["Kundennummer", "Name", "E-Mail", "Kreditlimit"], .customers),
        (["Bestell-Nr.", "Bestelldatum", "Artikelnummer", "Menge", "Preis"], .orders),
        (["Referenz", "Betrag", "Datum"], .payments),
        (["Bestellnummer", "Betrag", "Zahlungsdatum"], .payments),
        (["Bestellnummer", "Artikelnummer", "Menge", "Grund", "Rückgabedatum"], .returns),
        (["Bestellnummer", "Artikelnummer", "Menge", "Datum"], .returns),
        (["Bestellnummer", "Stornogrund"], .cancellations),
    ] as [([String], DocumentKind)])
    func theKindFollowsTheRenamedColumns(header: [String], kind: DocumentKind) {
        #expect(GermanSpreadsheetCSV(file: "f.csv", header: header, decimalComma: true).kind == kind)
    }

    // MARK: - Fixtures

    @Test func artikelInWindows1252WithSemicolonsAndDecimalCommas() throws {
        let file = "artikel.csv"
        let run = try Self.fixture(file)
        #expect(run.dialect == "german-spreadsheet-csv" && run.kind == .products)
        #expect(run.problems == [])
        #expect(run.records == [
            .product(Product(sku: "TEE-001", name: "Assam Hochland TGFOP, lose 250 g", priceGross: 890, vatRate: .reduced,
                             weightGrams: 280, ean: "4260712340016", reorderPoint: 15, cost: 320, location: Self.at(file, 2))),
            .product(Product(sku: "TEE-002", name: "Darjeeling First Flush, lose 100 g", priceGross: 1290, vatRate: .reduced,
                             weightGrams: 120, ean: "4260712340023", reorderPoint: 10, cost: 540, location: Self.at(file, 3))),
            .product(Product(sku: "KAN-001", name: "Teekanne Steingut, 1,2 l", priceGross: 3490, vatRate: .standard,
                             weightGrams: 1100, ean: "4260712340085", reorderPoint: 4, cost: 1400, location: Self.at(file, 4))),
            .product(Product(sku: "TAS-001", name: "Teetasse „Friesenrose“ 0,2 l", priceGross: 990, vatRate: .standard,
                             weightGrams: 240, ean: "4260712340092", reorderPoint: 12, cost: 380, location: Self.at(file, 5))),
            .product(Product(sku: "SIE-001", name: "Teesieb Edelstahl für Kännchen", priceGross: 650, vatRate: .standard,
                             weightGrams: 60, ean: "4260712340108", reorderPoint: 8, cost: 210, location: Self.at(file, 6))),
            .product(Product(sku: "SAM-001", name: "Samowar Messing, 5 l, mit Tablett", priceGross: 124_900, vatRate: .standard,
                             weightGrams: 4850, ean: "4260712340115", reorderPoint: 1, cost: 61250, location: Self.at(file, 7))),
        ])
    }

    @Test func bestellungenInUTF8WithByteOrderMark() throws {
        let file = "bestellungen.csv"
        let run = try Self.fixture(file)
        #expect(run.kind == .orders)
        #expect(run.problems == [])
        #expect(run.orders == [
            Order(orderNumber: "2001", orderDate: Self.date(10), customerEmail: "lena.schroeder@example.de", customerName: "Lena Schröder",
                  shipTo: Address(name: "Lena Schröder", street: "Am Sande 14", zip: "21335", city: "Lüneburg", country: "DE"),
                  paymentMethod: .prepaid, paid: false, shipping: 490, lines: [
                      OrderLine(sku: "TEE-002", quantity: 2, unitPrice: 1290, location: Self.at(file, 2)),
                      OrderLine(sku: "SIE-001", quantity: 1, unitPrice: 650, location: Self.at(file, 3)),
                  ], location: Self.at(file, 2)),
            Order(orderNumber: "2002", orderDate: Self.date(10), customerEmail: "joerg.baeumer@example.de", customerName: "Jörg Bäumer",
                  shipTo: Address(name: "Jörg Bäumer", street: "Bäckerstraße 3a", zip: "50667", city: "Köln", country: "DE"),
                  paymentMethod: .paypal, paid: true, shipping: 490, lines: [
                      OrderLine(sku: "TEE-001", quantity: 3, unitPrice: 890, location: Self.at(file, 4)),
                  ], location: Self.at(file, 4)),
            Order(orderNumber: "2003", orderDate: Self.date(11), customerID: "K-3001", customerEmail: "einkauf@hotel-heidegarten.example",
                  customerName: "Hotel Heidegarten GmbH & Co. KG",
                  shipTo: Address(name: "Hotel Heidegarten GmbH & Co. KG", street: "Kurparkallee 7", zip: "29549", city: "Bad Bevensen", country: "DE"),
                  paymentMethod: .invoice, paid: false, shipping: 690, lines: [
                      OrderLine(sku: "KAN-001", quantity: 2, unitPrice: 3490, location: Self.at(file, 5)),
                      OrderLine(sku: "TAS-001", quantity: 6, unitPrice: 990, location: Self.at(file, 6)),
                  ], location: Self.at(file, 5)),
            Order(orderNumber: "2004", orderDate: Self.date(11), customerEmail: "m.oezdemir@example.de", customerName: "Mehmet Özdemir",
                  shipTo: Address(name: "Mehmet Özdemir", street: "Schillerstraße 22", zip: "01069", city: "Dresden", country: "DE"),
                  paymentMethod: .cod, paid: false, shipping: 890, lines: [
                      OrderLine(sku: "TEE-001", quantity: 1, unitPrice: 890, location: Self.at(file, 7)),
                  ], location: Self.at(file, 7)),
        ])
    }

    @Test func zahlungenTakeThePurposeTextAsReferenceAndRemittance() throws {
        let file = "zahlungen.csv"
        let run = try Self.fixture(file)
        #expect(run.kind == .payments)
        #expect(run.problems == [])
        #expect(run.records == [
            .payment(Payment(reference: "Best.-Nr. 2001 Lena Schroeder", amount: 3720, date: Self.date(12), payer: "Lena Schröder",
                             remittance: "Best.-Nr. 2001 Lena Schroeder", location: Self.at(file, 2))),
            .payment(Payment(reference: "RE2025-00002 Hotel Heidegarten Kd-Nr K-3001", amount: 13610, date: Self.date(14),
                             payer: "Hotel Heidegarten GmbH & Co. KG", remittance: "RE2025-00002 Hotel Heidegarten Kd-Nr K-3001",
                             location: Self.at(file, 3))),
        ])
    }

    @Test func kundenWithCreditLimits() throws {
        let file = "kunden.csv"
        let run = try Self.fixture(file)
        #expect(run.problems == [])
        #expect(run.records == [
            .customer(Customer(customerID: "K-3001", name: "Hotel Heidegarten GmbH & Co. KG", email: "einkauf@hotel-heidegarten.example",
                               creditLimit: 50000, paymentTermsDays: 14, vatID: "DE276190345", country: "DE", street: "Kurparkallee 7",
                               zip: "29549", city: "Bad Bevensen", location: Self.at(file, 2))),
            .customer(Customer(customerID: "K-3002", name: "Café Ahrens GmbH", email: "info@cafe-ahrens.example", creditLimit: 30000,
                               paymentTermsDays: 30, country: "DE", street: "Große Bäckerstraße 9", zip: "21335", city: "Lüneburg",
                               location: Self.at(file, 3))),
        ])
    }

    @Test(arguments: ["artikel.csv", "bestellungen.csv", "zahlungen.csv", "kunden.csv"])
    func everyChunkSizeGivesTheSameRecords(file: String) throws {
        let whole = try Self.fixture(file)
        #expect(!whole.records.isEmpty)
        for size in [1, 7, 4096] {
            #expect(try Self.fixture(file, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    // MARK: - Other kinds and values

    @Test func aReferenceColumnBesideThePurposeText() throws {
        let run = try Self.run("""
            Referenz;Betrag;Datum;Verwendungszweck;Zahlungsart
            RE2025-00007;-12,90;17.03.2025;Erstattung Retoure 1002;Überweisung

            """, file: "zahlungen.csv")
        #expect(run.problems == [])
        #expect(run.records == [.payment(Payment(reference: "RE2025-00007", amount: -1290, date: Self.date(17), method: "Überweisung",
                                                 remittance: "Erstattung Retoure 1002", location: Self.at("zahlungen.csv", 2)))])
    }

    @Test func inventurAndWareneingang() throws {
        let count = try Self.run("Artikelnummer;Gezählt;Lager\nTEE-001;42;Lüneburg\n", file: "inventur.csv")
        #expect(count.problems == [])
        #expect(count.records == [.stockCount(StockCountLine(sku: "TEE-001", counted: 42, warehouse: "Lüneburg",
                                                             location: Self.at("inventur.csv", 2)))])
        let receipt = try Self.run("""
            Art.-Nr.;Liefermenge;EK;Lieferant;Lieferschein
            KAN-001;6;14,00;Steingutmanufaktur Wendland GmbH;LS-2025-0311

            """, file: "wareneingang.csv")
        #expect(receipt.problems == [])
        #expect(receipt.records == [.goodsReceipt(GoodsReceiptLine(sku: "KAN-001", received: 6, cost: 1400,
                                                                   supplier: "Steingutmanufaktur Wendland GmbH", reference: "LS-2025-0311",
                                                                   location: Self.at("wareneingang.csv", 2)))])
    }

    @Test func retourenWithGermanConditions() throws {
        let run = try Self.run("""
            Bestellnummer;Artikelnummer;Menge;Grund;Zustand;Rückgabedatum
            2002;TEE-001;1;Geschmack nicht wie erwartet;verkaufsfähig;18.03.2025
            2003;KAN-001;1;Transportschaden: Deckel gesprungen;beschädigt;19.03.2025
            2003;TAS-001;2;;Wiederverkaufbar;

            """, file: "retouren.csv")
        #expect(run.problems == [])
        #expect(run.records == [
            .returnLine(ReturnLine(orderNumber: "2002", sku: "TEE-001", quantity: 1, reason: "Geschmack nicht wie erwartet",
                                   condition: .resellable, date: Self.date(18), location: Self.at("retouren.csv", 2))),
            .returnLine(ReturnLine(orderNumber: "2003", sku: "KAN-001", quantity: 1, reason: "Transportschaden: Deckel gesprungen",
                                   condition: .damaged, date: Self.date(19), location: Self.at("retouren.csv", 3))),
            .returnLine(ReturnLine(orderNumber: "2003", sku: "TAS-001", quantity: 2, condition: .resellable,
                                   location: Self.at("retouren.csv", 4))),
        ])
    }

    @Test(arguments: [("Vorkasse", PaymentMethod.prepaid), ("Überweisung", .prepaid), ("Rechnung", .invoice),
                      ("Kauf auf Rechnung", .invoice), ("PayPal", .paypal), ("Kreditkarte", .card), ("Nachnahme", .cod),
                      ("invoice", .invoice)] as [(String, PaymentMethod)])
    func zahlungsarten(text: String, method: PaymentMethod) throws {
        let run = try Self.run("Bestellnummer;Datum;Zahlungsart;Artikelnummer;Menge;Preis\n1;04.03.2025;\(text);TEE-001;1;8,90\n",
                               file: "b.csv")
        #expect(run.problems == [])
        #expect(run.orders.map(\.paymentMethod) == [method])
    }

    @Test func twoNamesForOneColumnTakeTheFirstListedAndWarnAboutTheOther() throws {
        let run = try Self.run("Artikelnummer;Preis;VK-Preis;Bezeichnung;MwSt\nTEE-001;9,90;8,90;Assam;7\n", file: "artikel.csv")
        #expect(run.problems == ["artikel.csv:2:2: warning: column \"Preis\" is not used for products and was ignored"])
        #expect(run.records == [.product(Product(sku: "TEE-001", name: "Assam", priceGross: 890, vatRate: .reduced,
                                                 location: Self.at("artikel.csv", 2)))])
    }

    // MARK: - Problems

    @Test func problemsNameTheColumnsAsTheFileDoes() throws {
        let run = try Self.run("""
            Bestellnummer;Datum;Zahlart;bezahlt;Artikelnummer;Menge;Einzelpreis;Bemerkung
            3001;31.02.2025;Bar;vielleicht;TEE-001;zwei;;bitte schnell

            """, file: "bestellungen.csv")
        #expect(run.records.isEmpty)
        #expect(run.problems == [
            "bestellungen.csv:2:8: warning: column \"Bemerkung\" is not used for orders and was ignored",
            "bestellungen.csv:2:2: Datum \"31.02.2025\" is not a valid date",
            "bestellungen.csv:2:6: Menge \"zwei\" is not a whole number",
            "bestellungen.csv:2:7: Einzelpreis is empty",
            "bestellungen.csv:2:3: Zahlart \"Bar\" is not one of prepaid, invoice, paypal, card, cod",
            "bestellungen.csv:2:4: bezahlt \"vielleicht\" is neither true nor false",
        ])
        #expect(run.diagnostics.map(\.messageDE) == [
            "Spalte \"Bemerkung\" wird bei Bestellungen nicht verwendet und wurde ignoriert",
            "Datum \"31.02.2025\" ist kein gültiges Datum",
            "Menge \"zwei\" ist keine ganze Zahl",
            "Einzelpreis ist leer",
            "Zahlart \"Bar\" ist nicht einer von prepaid, invoice, paypal, card, cod",
            "bezahlt \"vielleicht\" ist weder true noch false",
        ])
        #expect(run.diagnostics[3].hint == "Every Einzelpreis must have a value.")
    }

    @Test func aWrongAmountInAPaymentsFile() throws {
        let run = try Self.run("Verwendungszweck;Betrag;Datum\nBestellung 2001;37.20 EUR;12.03.2025\n", file: "zahlungen.csv")
        #expect(run.problems == ["zahlungen.csv:2:2: Betrag \"37.20 EUR\" is not a number"])
        #expect(run.diagnostics.first?.hint == "Write an amount like 12,90.")
    }
}
