import Foundation
import KontorCore

/// Checks a DATEV booking batch (EXTF, header version 700, category 21, format version 13)
/// field by field against the rules of the DATEV-Format, independently of the code that
/// writes it: its own Windows-1252 reading, its own field splitting, its own copy of the 125
/// column headings. Each broken rule is a problem naming the line, the field and the value.
public struct DATEVChecker: Sendable {
    /// The column headings of format version 13, as DATEV's sample files spell them.
    public static let columns = "Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Kurs;Basis-Umsatz;WKZ Basis-Umsatz;Konto;Gegenkonto (ohne BU-Schlüssel);BU-Schlüssel;Belegdatum;Belegfeld 1;Belegfeld 2;Skonto;Buchungstext;Postensperre;Diverse Adressnummer;Geschäftspartnerbank;Sachverhalt;Zinssperre;Beleglink;Beleginfo - Art 1;Beleginfo - Inhalt 1;Beleginfo - Art 2;Beleginfo - Inhalt 2;Beleginfo - Art 3;Beleginfo - Inhalt 3;Beleginfo - Art 4;Beleginfo - Inhalt 4;Beleginfo - Art 5;Beleginfo - Inhalt 5;Beleginfo - Art 6;Beleginfo - Inhalt 6;Beleginfo - Art 7;Beleginfo - Inhalt 7;Beleginfo - Art 8;Beleginfo - Inhalt 8;KOST1 - Kostenstelle;KOST2 - Kostenstelle;Kost-Menge;EU-Land u. UStID (Bestimmung);EU-Steuersatz (Bestimmung);Abw. Versteuerungsart;Sachverhalt L+L;Funktionsergänzung L+L;BU 49 Hauptfunktionstyp;BU 49 Hauptfunktionsnummer;BU 49 Funktionsergänzung;Zusatzinformation - Art 1;Zusatzinformation- Inhalt 1;Zusatzinformation - Art 2;Zusatzinformation- Inhalt 2;Zusatzinformation - Art 3;Zusatzinformation- Inhalt 3;Zusatzinformation - Art 4;Zusatzinformation- Inhalt 4;Zusatzinformation - Art 5;Zusatzinformation- Inhalt 5;Zusatzinformation - Art 6;Zusatzinformation- Inhalt 6;Zusatzinformation - Art 7;Zusatzinformation- Inhalt 7;Zusatzinformation - Art 8;Zusatzinformation- Inhalt 8;Zusatzinformation - Art 9;Zusatzinformation- Inhalt 9;Zusatzinformation - Art 10;Zusatzinformation- Inhalt 10;Zusatzinformation - Art 11;Zusatzinformation- Inhalt 11;Zusatzinformation - Art 12;Zusatzinformation- Inhalt 12;Zusatzinformation - Art 13;Zusatzinformation- Inhalt 13;Zusatzinformation - Art 14;Zusatzinformation- Inhalt 14;Zusatzinformation - Art 15;Zusatzinformation- Inhalt 15;Zusatzinformation - Art 16;Zusatzinformation- Inhalt 16;Zusatzinformation - Art 17;Zusatzinformation- Inhalt 17;Zusatzinformation - Art 18;Zusatzinformation- Inhalt 18;Zusatzinformation - Art 19;Zusatzinformation- Inhalt 19;Zusatzinformation - Art 20;Zusatzinformation- Inhalt 20;Stück;Gewicht;Zahlweise;Forderungsart;Veranlagungsjahr;Zugeordnete Fälligkeit;Skontotyp;Auftragsnummer;Buchungstyp;USt-Schlüssel (Anzahlungen);EU-Land (Anzahlungen);Sachverhalt L+L (Anzahlungen);EU-Steuersatz (Anzahlungen);Erlöskonto (Anzahlungen);Herkunft-Kz;Buchungs GUID;KOST-Datum;SEPA-Mandatsreferenz;Skontosperre;Gesellschaftername;Beteiligtennummer;Identifikationsnummer;Zeichnernummer;Postensperre bis;Bezeichnung SoBil-Sachverhalt;Kennzeichen SoBil-Buchung;Festschreibung;Leistungsdatum;Datum Zuord. Steuerperiode;Fälligkeit;Generalumkehr (GU);Steuersatz;Land;Abrechnungsreferenz;BVV-Position;EU-Land u. UStID (Ursprung);EU-Steuersatz (Ursprung);Abw. Skontokonto".components(separatedBy: ";")

    /// A broken rule: where, and what.
    public struct Problem: Sendable, CustomStringConvertible, Equatable {
        public var line: Int
        public var field: Int?
        public var message: String
        public var description: String { "line \(line)\(field.map { ", field \($0)" } ?? ""): \(message)" }
    }

    /// One booking row, read back: the amount in minor units with the side of `account`.
    public struct Booking: Sendable, Equatable {
        public var amount: Int
        public var side: String
        public var account: Int
        public var contraAccount: Int
        public var taxKey: String
        public var date: CalendarDate?
        public var document: String
        public var text: String
        public var serviceDate: String
    }

    /// Accounts on which DATEV derives the tax itself (SKR03: 8300, 8400, 8710, 8720 ...).
    public var automaticAccounts: Set<Int>
    /// Accounts that hold tax: a row on one of them books tax DATEV derives a second time.
    public var taxAccounts: Set<Int>

    /// A checker for SKR03 with account length 4 (personal accounts 5 digits).
    public init(automaticAccounts: Set<Int> = [8120, 8125, 8300, 8310, 8315, 8320, 8400, 8410, 8700, 8710, 8720, 8731, 8736],
                taxAccounts: Set<Int> = [1571, 1576, 1767, 1771, 1776]) {
        self.automaticAccounts = automaticAccounts
        self.taxAccounts = taxAccounts
    }

    /// The problems of a file; empty when it keeps every rule.
    public func problems(_ data: Data) -> [Problem] { read(data).problems }

    /// The booking rows of a file and its problems.
    public func read(_ data: Data) -> (bookings: [Booking], problems: [Problem]) {
        var problems: [Problem] = []
        func problem(_ line: Int, _ field: Int?, _ message: String) { problems.append(Problem(line: line, field: field, message: message)) }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { problem(1, nil, "starts with a UTF-8 byte order mark; DATEV reads Windows-1252") }
        guard let text = Self.windows1252(data) else {
            problem(1, nil, "holds a byte that Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D)")
            return ([], problems)
        }
        if let bad = Self.looksLikeUTF8(data) { problem(bad, nil, "holds UTF-8 multi-byte text; DATEV reads Windows-1252") }
        guard text.hasSuffix("\r\n") else {
            problem(1, nil, "does not end with CR LF")
            return ([], problems)
        }
        // "\r\n" is one Character in Swift: cut the scalars, not the characters.
        let lines = String(String.UnicodeScalarView(text.unicodeScalars.dropLast(2))).components(separatedBy: "\r\n")
        for (i, line) in lines.enumerated() where line.contains("\n") || line.contains("\r") {
            problem(i + 1, nil, "a line ends with a bare LF or CR instead of CR LF")
        }
        guard lines.count >= 2 else {
            problem(1, nil, "has no column headings")
            return ([], problems)
        }
        let header = Self.fields(lines[0])
        var from: CalendarDate?, to: CalendarDate?
        var accountLength = 4
        checkHeader(header, problem: { problem(1, $0, $1) }, from: &from, to: &to, accountLength: &accountLength)
        let headings = Self.fields(lines[1]).map(\.value)
        if headings.count != 125 { problem(2, nil, "has \(headings.count) column headings, not 125") }
        for (i, (found, wanted)) in zip(headings, Self.columns).enumerated() where found != wanted {
            problem(2, i + 1, "heading \"\(found)\" is not \"\(wanted)\"")
        }
        var bookings: [Booking] = []
        for (i, line) in lines.enumerated().dropFirst(2) {
            if let b = checkRow(Self.fields(line), from: from, to: to, accountLength: accountLength,
                                problem: { problem(i + 1, $0, $1) }) {
                bookings.append(b)
            }
        }
        return (bookings, problems)
    }

    private func checkHeader(_ h: [Field], problem: (Int, String) -> Void, from: inout CalendarDate?, to: inout CalendarDate?,
                             accountLength: inout Int) {
        guard h.count == 31 else { return problem(0, "the header has \(h.count) fields, not 31") }
        func expect(_ n: Int, _ value: String, quoted: Bool) {
            if h[n - 1].value != value || h[n - 1].quoted != quoted {
                problem(n, "is \(h[n - 1].raw), not \(quoted ? "\"\(value)\"" : value)")
            }
        }
        expect(1, "EXTF", quoted: true)
        expect(2, "700", quoted: false)
        expect(3, "21", quoted: false)
        expect(4, "Buchungsstapel", quoted: true)
        expect(5, "13", quoted: false)
        if !Self.matches(h[5].value, digits: 17) || !h[5].value.hasPrefix("20") { problem(6, "created at \(h[5].raw) is not YYYYMMDDHHMMSSFFF") }
        if !h[6].value.isEmpty { problem(7, "imported must be empty") }
        if !h[7].quoted || h[7].value.count != 2 || !h[7].value.allSatisfy({ $0.isASCII && $0.isLetter }) { problem(8, "origin \(h[7].raw) is not two letters") }
        if h[8].value.count > 25 { problem(9, "exported by is longer than 25 characters") }
        if let n = Int(h[10].value), (1001...9_999_999).contains(n) {} else { problem(11, "consultant number \(h[10].raw) is not 1001–9999999") }
        if let n = Int(h[11].value), (1...99_999).contains(n) {} else { problem(12, "client number \(h[11].raw) is not 1–99999") }
        let fiscalStart = Self.date(yyyymmdd: h[12].value)
        if fiscalStart == nil || fiscalStart?.day != 1 { problem(13, "fiscal year start \(h[12].raw) is not the first of a month as YYYYMMDD") }
        if let n = Int(h[13].value), (4...8).contains(n) { accountLength = n } else { problem(14, "account length \(h[13].raw) is not 4–8") }
        from = Self.date(yyyymmdd: h[14].value)
        to = Self.date(yyyymmdd: h[15].value)
        if from == nil { problem(15, "date from \(h[14].raw) is not YYYYMMDD") }
        if to == nil { problem(16, "date to \(h[15].raw) is not YYYYMMDD") }
        if let f = from, let t = to {
            if f > t { problem(16, "date to lies before date from") }
            if f.year != t.year { problem(16, "dates from and to lie in two calendar years") }
            if let s = fiscalStart {
                let end = CalendarDate(year: s.year + 1, month: s.month, day: 1)!.adding(days: -1)
                if f < s || t > end { problem(15, "the period \(f) to \(t) is not inside the fiscal year from \(s)") }
            }
        }
        if h[16].value.count > 30 { problem(17, "the label is longer than 30 characters") }
        expect(19, "1", quoted: false)
        expect(20, "0", quoted: false)
        if h[20].value != "0" && h[20].value != "1" { problem(21, "locking \(h[20].raw) is not 0 or 1") }
        expect(22, "EUR", quoted: true)
        if h[26].value != "03" && h[26].value != "04" { problem(27, "chart \(h[26].raw) is not \"03\" or \"04\"") }
        if h[30].value.count > 16 { problem(31, "application information is longer than 16 characters") }
    }

    private func checkRow(_ f: [Field], from: CalendarDate?, to: CalendarDate?, accountLength: Int,
                          problem: (Int, String) -> Void) -> Booking? {
        guard f.count == 125 else {
            problem(0, "has \(f.count) fields, not 125")
            return nil
        }
        for (i, field) in f.enumerated() where field.value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\t" }) {
            problem(i + 1, "holds a line break or tab")
        }
        for n in [2, 3, 9, 11, 12, 14] where !f[n - 1].value.isEmpty && !f[n - 1].quoted {
            problem(n, "text \(f[n - 1].raw) is not in quotes")
        }
        for n in [1, 7, 8, 10, 115, 116] where f[n - 1].quoted { problem(n, "\(f[n - 1].raw) is quoted; numbers and dates are bare") }
        var amount = 0
        if let cents = Self.amount(f[0].value) {
            amount = cents
            if cents == 0 { problem(1, "the amount is 0,00") }
        } else {
            problem(1, "amount \(f[0].raw) is not like 1234,56 (digits, a decimal comma, two decimals, no sign)")
        }
        let side = f[1].value
        if side != "S" && side != "H" { problem(2, "debit/credit \(f[1].raw) is not \"S\" or \"H\"") }
        if !f[2].value.isEmpty && f[2].value != "EUR" { problem(3, "currency \(f[2].raw) is not EUR") }
        func account(_ n: Int) -> Int {
            let text = f[n - 1].value
            guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let number = Int(text), number > 0,
                  text.count == accountLength || (text.count == accountLength + 1 && !text.hasPrefix("0")) else {
                problem(n, "account \(f[n - 1].raw) is not \(accountLength) digits (or \(accountLength + 1) for a debtor)")
                return 0
            }
            return number
        }
        let konto = account(7), gegen = account(8)
        let key = f[8].value
        if !key.isEmpty && !(key.count <= 4 && key.allSatisfy(\.isNumber)) { problem(9, "tax key \(f[8].raw) is not 1–4 digits") }
        let automatic = automaticAccounts.contains(konto) || automaticAccounts.contains(gegen)
        if automatic && !key.isEmpty && key != "40" { problem(9, "tax key \(key) on an automatic account: DATEV derives the tax itself") }
        if taxAccounts.contains(konto) || taxAccounts.contains(gegen) {
            problem(konto == 0 || taxAccounts.contains(konto) ? 7 : 8, "a row on a tax account: DATEV derives the tax from the gross amount")
        }
        var date: CalendarDate?
        let ddmm = f[9].value
        if Self.matches(ddmm, digits: 4), let d = Int(ddmm.prefix(2)), let m = Int(ddmm.suffix(2)), let year = from?.year,
           let found = CalendarDate(year: year, month: m, day: d) {
            date = found
            if let from, let to, !(from <= found && found <= to) { problem(10, "date \(ddmm) lies outside \(from) to \(to)") }
        } else {
            problem(10, "document date \(f[9].raw) is not DDMM")
        }
        let document = f[10].value
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$&%*+-/")
        if document.count > 36 { problem(11, "document \(document) is longer than 36 characters") }
        if !document.allSatisfy(allowed.contains) { problem(11, "document \(document) holds a character other than A-Z a-z 0-9 $ & % * + - /") }
        if f[11].value.count > 12 { problem(12, "document field 2 is longer than 12 characters") }
        if f[13].value.count > 60 { problem(14, "booking text is \(f[13].value.count) characters, more than 60") }
        let service = f[114].value
        if automatic && service.isEmpty { problem(115, "a row on a revenue account without the date of supply") }
        for n in [115, 116] where !f[n - 1].value.isEmpty && Self.date(ddmmyyyy: f[n - 1].value) == nil {
            problem(n, "date \(f[n - 1].raw) is not DDMMYYYY")
        }
        if !service.isEmpty && f[115].value.isEmpty { problem(116, "the date of supply is set, the tax period date is not") }
        if !f[113].value.isEmpty && f[113].value != "0" && f[113].value != "1" { problem(114, "locking is not 0, 1 or empty") }
        return Booking(amount: amount, side: side, account: konto, contraAccount: gegen, taxKey: key, date: date,
                       document: document, text: f[13].value, serviceDate: service)
    }

    // MARK: Reading

    struct Field {
        var value: String
        var quoted: Bool
        var raw: String { quoted ? "\"\(value)\"" : (value.isEmpty ? "(empty)" : value) }
    }

    /// Splits a line at `;` outside quotes; `""` inside quotes is one quote.
    static func fields(_ line: String) -> [Field] {
        var fields: [Field] = []
        var current = "", quoted = false, inQuotes = false
        var chars = Array(line)[...]
        while let ch = chars.popFirst() {
            if inQuotes {
                if ch == "\"" {
                    if chars.first == "\"" { current.append("\""); chars = chars.dropFirst() } else { inQuotes = false }
                } else { current.append(ch) }
            } else if ch == "\"" && current.isEmpty && !quoted {
                inQuotes = true
                quoted = true
            } else if ch == ";" {
                fields.append(Field(value: current, quoted: quoted))
                current = ""
                quoted = false
            } else { current.append(ch) }
        }
        fields.append(Field(value: current, quoted: quoted))
        return fields
    }

    /// `1234,56` in minor units; nil for anything else (a point, a sign, a thousands separator, more or fewer decimals).
    public static func amount(_ text: String) -> Int? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...10).contains(parts[0].count), parts[1].count == 2,
              (parts[0] + parts[1]).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(parts[0])! * 100 + Int(parts[1])!
    }

    static func matches(_ text: String, digits: Int) -> Bool {
        text.count == digits && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func date(yyyymmdd text: String) -> CalendarDate? {
        guard matches(text, digits: 8) else { return nil }
        return CalendarDate(year: Int(text.prefix(4))!, month: Int(text.dropFirst(4).prefix(2))!, day: Int(text.suffix(2))!)
    }

    static func date(ddmmyyyy text: String) -> CalendarDate? {
        guard matches(text, digits: 8) else { return nil }
        return CalendarDate(year: Int(text.suffix(4))!, month: Int(text.dropFirst(2).prefix(2))!, day: Int(text.prefix(2))!)
    }

    /// The text of Windows-1252 bytes; nil if a byte is one Windows-1252 leaves unassigned.
    public static func windows1252(_ data: Data) -> String? {
        let high: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                              0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        var scalars = String.UnicodeScalarView()
        for byte in data {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            guard value != 0 || byte == 0, let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The line of the first sequence of bytes that reads as a UTF-8 multi-byte character
    /// (`Ã¤` where `ä` was meant), if any.
    static func looksLikeUTF8(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var line = 1
        for i in bytes.indices {
            if bytes[i] == 0x0A { line += 1 }
            if (0xC2...0xDF).contains(bytes[i]), i + 1 < bytes.count, (0x80...0xBF).contains(bytes[i + 1]) { return line }
        }
        return nil
    }
}
