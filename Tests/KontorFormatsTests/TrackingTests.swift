import KontorCore
import KontorFormats
import Testing

/// The `tracking` kind: events of shipments as carriers report them, in CSV, JSON and XML.
@Suite struct TrackingTests {
    static let place = SourceLocation(file: "-")

    /// The events among `records`, all placed alike, so that files of each syntax compare.
    static func events(_ records: [DocumentRecord]) -> [TrackingEvent] {
        records.compactMap {
            guard case .tracking(var event) = $0 else { return nil }
            event.location = place
            return event
        }
    }

    static let expected = [
        TrackingEvent(shipment: "SH-00001", sscc: "340123450000000017", trackingNumber: "00340434161234567890", carrier: "DHL",
                      status: .delivered, date: CalendarDate(year: 2025, month: 3, day: 12)!, location: place),
        TrackingEvent(shipment: "SH-00002", carrier: "DHL", status: .returned, date: CalendarDate(year: 2025, month: 3, day: 14)!,
                      reason: "Annahme verweigert", location: place),
        TrackingEvent(sscc: "340123450000000024", carrier: "DPD", status: .shipped, date: CalendarDate(year: 2025, month: 3, day: 14)!,
                      location: place),
    ]

    @Test func csvIsRead() throws {
        let text = """
            shipment,sscc,tracking_number,carrier,status,date,reason
            SH-00001,340123450000000017,00340434161234567890,DHL,delivered,2025-03-12,
            SH-00002,,,DHL,returned,2025-03-14,Annahme verweigert
            ,340123450000000024,,DPD,shipped,14.03.2025,

            """
        let (records, log) = try readDocument(text, file: "tracking.csv")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.events(records) == Self.expected)
        #expect(records.map(\.location.line) == [2, 3, 4])
    }

    @Test func jsonIsRead() throws {
        let text = """
            [
              {"shipment": "SH-00001", "sscc": "340123450000000017", "tracking_number": "00340434161234567890",
               "carrier": "DHL", "status": "delivered", "date": "2025-03-12"},
              {"shipment": "SH-00002", "carrier": "DHL", "status": "returned", "date": "2025-03-14", "reason": "Annahme verweigert"},
              {"sscc": "340123450000000024", "carrier": "DPD", "status": "shipped", "date": "2025-03-14", "reason": null}
            ]
            """
        let (records, log) = try readDocument(text, file: "tracking.json")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.events(records) == Self.expected)
    }

    @Test func xmlIsRead() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tracking xmlns="urn:kontor:formats:1">
              <event>
                <shipment>SH-00001</shipment><sscc>340123450000000017</sscc><tracking_number>00340434161234567890</tracking_number>
                <carrier>DHL</carrier><status>delivered</status><date>2025-03-12</date>
              </event>
              <event>
                <shipment>SH-00002</shipment><carrier>DHL</carrier><status>returned</status><date>2025-03-14</date>
                <reason>Annahme verweigert</reason>
              </event>
              <event><sscc>340123450000000024</sscc><carrier>DPD</carrier><status>shipped</status><date>2025-03-14</date></event>
            </tracking>
            """
        let (records, log) = try readDocument(text, file: "tracking.xml")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.events(records) == Self.expected)
    }

    /// The schema refuses a status it does not know, and so does the mapping.
    @Test func xmlRefusesAnUnknownStatus() throws {
        let text = """
            <tracking xmlns="urn:kontor:formats:1">
              <event><shipment>SH-00001</shipment><status>lost</status><date>2025-03-12</date></event>
            </tracking>
            """
        let (records, log) = try readDocument(text, file: "tracking.xml")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [
            "tracking.xml:2 /tracking/event/status: the value 'lost' is not one of 'shipped', 'delivered', 'returned'",
            "tracking.xml:2 /tracking/event/status: status \"lost\" is not one of shipped, delivered, returned",
        ])
    }

    @Test(arguments: [
        (["tracking_number", "status"], DocumentKind.tracking),
        (["shipment", "status", "date"], .tracking),
        (["SSCC", "Status", "Date", "Carrier"], .tracking),
        (["shipment", "sscc", "tracking_number", "carrier", "status", "date", "reason"], .tracking),
        (["order_number", "reason"], .cancellations),
        (["order_number", "sku", "quantity", "tracking_number", "status"], .returns),
        (["reference", "amount", "date"], .payments),
    ] as [([String], DocumentKind)])
    func isDetectedByItsColumns(columns: [String], kind: DocumentKind) {
        #expect(KindDetector.detect(columns: columns) == kind)
    }

    /// A status alone, or a tracking number without a status, is no tracking file.
    @Test func aStatusAloneIsNoTrackingFile() {
        #expect(KindDetector.detect(columns: ["status", "date"]) == nil)
        #expect(KindDetector.detect(columns: ["tracking_number", "carrier"]) == nil)
    }

    @Test func anEventWithoutShipmentOrSSCCIsRefused() throws {
        let text = "shipment,sscc,tracking_number,status,date\n,,00340434161234567890,delivered,2025-03-12\n"
        let (records, log) = try readDocument(text, file: "tracking.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description)
            == ["tracking.csv:2:1: shipment and sscc are both empty: a tracking event names its shipment or its parcel"])
        #expect(log.diagnostics.first?.hint
            == "Give the shipment reference (such as SH-00001) in shipment, or the parcel's 18-digit SSCC in sscc.")
        #expect(log.diagnostics.first?.code == "field.missing")
    }

    @Test func anSSCCWithAWrongCheckDigitIsRefused() throws {
        let text = "sscc,status,date\n340123450000000018,shipped,2025-03-12\n"
        let (records, log) = try readDocument(text, file: "tracking.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [
            "tracking.csv:2:1: sscc \"340123450000000018\" has a wrong check digit: it ends in 8, but the digits before it give 7",
        ])
        #expect(log.diagnostics.first?.hint == "Copy the SSCC again from the parcel label: a digit is wrong.")
        #expect(log.diagnostics.first?.messageDE
            == "sscc \"340123450000000018\" hat eine falsche Prüfziffer: sie endet auf 8, die Ziffern davor ergeben aber 7")
    }

    @Test(arguments: ["34012345000000001", "3401234500000000170", "34012345000000001X"])
    func anSSCCThatIsNot18DigitsIsRefused(sscc: String) throws {
        let text = "shipment,sscc,status,date\nSH-00001,\(sscc),shipped,2025-03-12\n"
        let (records, log) = try readDocument(text, file: "tracking.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == ["tracking.csv:2:2: sscc \"\(sscc)\" is not 18 digits"])
    }

    @Test func theStatusIsOneOfThree() throws {
        let text = "shipment,status,date\nSH-00001,zugestellt,2025-03-12\nSH-00002,,2025-03-12\n"
        let (records, log) = try readDocument(text, file: "tracking.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [
            "tracking.csv:2:2: status \"zugestellt\" is not one of shipped, delivered, returned",
            "tracking.csv:3:2: status is empty",
        ])
    }

    /// German spreadsheets name the columns and the status in German.
    @Test func aGermanSpreadsheetIsRead() throws {
        let text = """
            Sendung;NVE;Sendungsnummer;Paketdienst;Status;Datum;Grund
            SH-00001;340123450000000017;00340434161234567890;DHL;zugestellt;12.03.2025;
            SH-00002;;;DHL;retour;14.03.2025;Annahme verweigert
            ;340123450000000024;;DPD;versandt;14.03.2025;

            """
        let run = try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: "sendungen.csv")
        #expect(run.problems == [])
        #expect(run.kind == .tracking)
        #expect(Self.events(run.records) == Self.expected)
    }

    @Test func aGermanSpreadsheetNamesItsColumnInProblems() throws {
        let text = "Sendung;NVE;Status;Datum\nSH-00001;340123450000000018;verloren;12.03.2025\n"
        let run = try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: "sendungen.csv")
        #expect(run.problems == [
            "sendungen.csv:2:2: NVE \"340123450000000018\" has a wrong check digit: it ends in 8, but the digits before it give 7",
            "sendungen.csv:2:3: Status \"verloren\" is not one of shipped, delivered, returned",
        ])
    }

    /// A returns export that gives the tracking number of the parcel sent back stays returns.
    @Test func aGermanReturnsFileWithATrackingNumberStaysReturns() throws {
        let text = "Bestellnummer;Artikelnummer;Menge;Sendungsnummer;Status\n1001;TEE-1;1;00340434161234567890;zugestellt\n"
        let run = try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: "retouren.csv")
        #expect(run.kind == .returns)
    }

    @Test func theTitlesNameTheKind() {
        #expect(DocumentKind.tracking.title == "tracking")
        #expect(DocumentKind.tracking.titleDE == "Sendungsverfolgung")
        #expect(DocumentKind.tracking.xmlRecordName == "event")
    }
}
