import Foundation
import KontorCore
import KontorOutput

/// Writes DATEV-Format files (EXTF, header version 700): the booking batch (Buchungsstapel,
/// category 21, format version 13) and the debtor master data (Debitoren/Kreditoren,
/// category 16, format version 5). Rules: `docs/accounting.md`, section DATEV.
public enum DATEVExport {
    /// Why a DATEV file cannot be made.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// A customer in the debtor master data.
    public struct Debtor: Sendable, Equatable {
        public var account: Int
        public var customerKey: String
        public var name: String
        public var email: String
        public var street: String
        public var zip: String
        public var city: String
        public var country: String
        public var vatID: String

        public init(account: Int, customerKey: String, name: String, email: String = "", street: String = "", zip: String = "",
                    city: String = "", country: String = "", vatID: String = "") {
            self.account = account
            self.customerKey = customerKey
            self.name = name
            self.email = email
            self.street = street
            self.zip = zip
            self.city = city
            self.country = country
            self.vatID = vatID
        }
    }

    /// The first day of the fiscal year `date` lies in.
    public static func fiscalYearStart(of date: CalendarDate, startMonth: Int) -> CalendarDate {
        let year = date.month >= startMonth ? date.year : date.year - 1
        return CalendarDate(year: year, month: startMonth, day: 1)!
    }

    /// Refuses a period that DATEV cannot take in one file: one that spans two calendar
    /// years or two fiscal years.
    public static func check(_ from: CalendarDate, _ to: CalendarDate, settings: DATEVSettings) throws {
        guard from.year == to.year else {
            throw Refusal(description: "a DATEV file covers one calendar year; \(from) to \(to) spans two")
        }
        guard fiscalYearStart(of: from, startMonth: settings.fiscalYearStartMonth)
                == fiscalYearStart(of: to, startMonth: settings.fiscalYearStartMonth) else {
            throw Refusal(description: "a DATEV file covers one fiscal year; \(from) to \(to) spans two")
        }
    }

    /// `20250311093000000`: a time of the journal (`2025-03-11T09:30:00Z`) as header field 6.
    public static func timestamp(_ iso: String) -> String {
        let digits = iso.filter(\.isNumber)
        return String((digits + String(repeating: "0", count: 17)).prefix(17))
    }

    /// The booking batch of `bookings` for the days `from`...`to`, made at `created`
    /// (`YYYYMMDDHHMMSSFFF`), labelled `label`.
    public static func bookingBatch(_ bookings: [DATEVBooking], from: CalendarDate, to: CalendarDate, created: String,
                                    label: String, settings: DATEVSettings) throws -> Data {
        try check(from, to, settings: settings)
        var w = EXTFWriter()
        w.appendLine(header(category: 21, name: "Buchungsstapel", version: 13, created: created, from: from, to: to,
                            label: label, settings: settings))
        w.appendLine(DATEVColumns.bookings.map { .bare($0) })
        for b in bookings {
            var fields = [EXTFWriter.Field](repeating: .empty, count: DATEVColumns.bookings.count)
            fields[0] = .bare(amount(b.amount))
            fields[1] = .text(b.side.rawValue)
            fields[2] = .text("EUR")
            fields[6] = .bare(String(b.account))
            fields[7] = .bare(String(b.contraAccount))
            fields[8] = .text("")
            fields[9] = .bare(twoDigits(b.date.day) + twoDigits(b.date.month))
            fields[10] = .text(documentField(b.document))
            fields[13] = .text(String(Windows1252.representable(b.text).prefix(60)))
            if let service = b.serviceDate {
                let text = twoDigits(service.day) + twoDigits(service.month) + String(service.year)
                fields[114] = .bare(text)
                fields[115] = .bare(text)
            }
            w.appendLine(fields)
        }
        return w.bytes
    }

    /// The debtor master data of `debtors`, made at `created`, for the fiscal year of `date`.
    public static func debtorFile(_ debtors: [Debtor], fiscalYearOf date: CalendarDate, created: String,
                                  settings: DATEVSettings) -> Data {
        var w = EXTFWriter()
        w.appendLine(header(category: 16, name: "Debitoren/Kreditoren", version: 5, created: created, from: nil, to: nil,
                            label: "", settings: settings, fiscalYearOf: date))
        w.appendLine(DATEVColumns.debtors.map { .bare($0) })
        for d in debtors {
            var fields = [EXTFWriter.Field](repeating: .empty, count: DATEVColumns.debtors.count)
            fields[0] = .bare(String(d.account))
            let company = !d.vatID.isEmpty
            fields[company ? 1 : 5] = .text(String(Windows1252.representable(d.name).prefix(50)))
            fields[6] = .bare(company ? "2" : "0")
            if company, d.vatID.count > 2 {
                fields[8] = .text(String(d.vatID.prefix(2)))
                fields[9] = .text(String(d.vatID.dropFirst(2)))
            }
            if !d.street.isEmpty || !d.city.isEmpty {
                fields[14] = .text("STR")
                fields[15] = .text(String(Windows1252.representable(d.street).prefix(36)))
                fields[17] = .text(String(d.zip.prefix(10)))
                fields[18] = .text(String(Windows1252.representable(d.city).prefix(30)))
                fields[19] = .text(String(d.country.prefix(2)))
            }
            if !d.email.isEmpty { fields[32] = .text(String(Windows1252.representable(d.email).prefix(60))) }
            fields[98] = .text(String(Windows1252.representable(d.customerKey).prefix(15)))
            w.appendLine(fields)
        }
        return w.bytes
    }

    /// The 31 fields of the header line.
    static func header(category: Int, name: String, version: Int, created: String, from: CalendarDate?, to: CalendarDate?,
                       label: String, settings: DATEVSettings, fiscalYearOf date: CalendarDate? = nil) -> [EXTFWriter.Field] {
        let start = fiscalYearStart(of: (from ?? date)!, startMonth: settings.fiscalYearStartMonth)
        return [
            .text("EXTF"), .bare("700"), .bare(String(category)), .text(name), .bare(String(version)), .bare(created), .empty,
            .text("RE"), .text(""), .text(""), .bare(String(settings.consultant)), .bare(String(settings.client)),
            .bare(compact(start)), .bare(String(settings.accountLength)),
            from.map { .bare(compact($0)) } ?? .empty, to.map { .bare(compact($0)) } ?? .empty,
            .text(String(Windows1252.representable(label).prefix(30))), .text(""),
            category == 21 ? .bare("1") : .empty, category == 21 ? .bare("0") : .empty, category == 21 ? .bare("0") : .empty,
            .text(category == 21 ? "EUR" : ""), .empty, .text(""), .empty, .empty, .text(settings.chart), .empty, .empty,
            .text(""), .text(""),
        ]
    }

    /// `1234,56`: minor units with a decimal comma and no thousands separator.
    public static func amount(_ minor: Int) -> String {
        "\(minor / 100)," + twoDigits(minor % 100)
    }

    /// A document number as Belegfeld 1 takes it: at most 36 characters of
    /// `A-Z a-z 0-9 $ & % * + - /`; any other character becomes `-`.
    public static func documentField(_ document: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$&%*+-/")
        return String(String(document.map { allowed.contains($0) ? $0 : "-" }).prefix(36))
    }

    static func compact(_ date: CalendarDate) -> String {
        String(date.year) + twoDigits(date.month) + twoDigits(date.day)
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
