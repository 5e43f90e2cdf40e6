import KontorCore
import KontorFormats
import Testing

/// The European Central Bank's euro reference rates, in the files it publishes
/// (`eurofxref`: the day's, the last 90 days', the whole history; CSV and XML), and
/// Kontor's own `exchange_rates` kind.
@Suite struct ECBReferenceRatesTests {
    /// The rates among `records` as `CHF 2021-06-03 1.0961`.
    static func rates(_ records: [DocumentRecord]) -> [String] {
        records.compactMap {
            guard case .exchangeRate(let rate) = $0 else { return nil }
            return "\(rate.currency) \(rate.date) \(rate.perEuro)"
        }
    }

    /// The day's file as the ECB publishes it in `eurofxref.zip`: spaces after the commas, a
    /// comma at the end of each line, the day written out (the rates of 3 June 2021).
    @Test func theDaysCSVIsRead() throws {
        let text = """
            Date, USD, JPY, BGN, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, HRK, RUB, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, 
            03 June 2021, 1.2187, 133.81, 1.9558, 25.448, 7.4365, 0.85955, 345.82, 4.4520, 4.9220, 10.1145, 1.0961, 146.30, 10.1501, 7.5013, 89.2163, 10.5650, 1.5792, 6.1894, 1.4710, 7.7910, 9.4551, 17420.91, 3.9598, 88.8755, 1357.75, 24.3300, 5.0241, 1.6915, 58.208, 1.6141, 37.938, 16.5218, 

            """
        let (records, log) = try readDocument(text, file: "eurofxref.csv")
        #expect(log.diagnostics.map(\.description) == [])
        let rates = Self.rates(records)
        #expect(rates.count == 32)
        #expect(rates.contains("CHF 2021-06-03 1096100"))
        #expect(rates.contains("GBP 2021-06-03 859550"))
        #expect(rates.contains("IDR 2021-06-03 17420910000"))
        #expect(rates.first == "USD 2021-06-03 1218700")
    }

    /// The history: a day per line, newest first, `N/A` where a currency was not quoted.
    @Test func theHistoryCSVIsRead() throws {
        let text = """
            Date,USD,JPY,CHF,CYP,
            2024-03-13,1.0939,161.83,0.9599,N/A,
            2024-03-12,1.0923,161.20,0.9612,N/A,
            2007-12-31,1.4721,163.55,1.6547,0.585274,

            """
        let (records, log) = try readDocument(text, file: "eurofxref-hist.csv")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.rates(records) == [
            "USD 2024-03-13 1093900", "JPY 2024-03-13 161830000", "CHF 2024-03-13 959900",
            "USD 2024-03-12 1092300", "JPY 2024-03-12 161200000", "CHF 2024-03-12 961200",
            "USD 2007-12-31 1472100", "JPY 2007-12-31 163550000", "CHF 2007-12-31 1654700", "CYP 2007-12-31 585274",
        ])
    }

    /// The day's XML (`eurofxref-daily.xml`), as the ECB writes it: single quotes, tabs.
    @Test func theXMLIsRead() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
            \t<gesmes:subject>Reference rates</gesmes:subject>
            \t<gesmes:Sender>
            \t\t<gesmes:name>European Central Bank</gesmes:name>
            \t</gesmes:Sender>
            \t<Cube>
            \t\t<Cube time='2024-03-13'>
            \t\t\t<Cube currency='USD' rate='1.0939'/>
            \t\t\t<Cube currency='JPY' rate='161.83'/>
            \t\t\t<Cube currency='GBP' rate='0.85451'/>
            \t\t\t<Cube currency='CHF' rate='0.9599'/>
            \t\t</Cube>
            \t\t<Cube time='2024-03-12'>
            \t\t\t<Cube currency='CHF' rate='0.9612'/>
            \t\t</Cube>
            \t</Cube>
            </gesmes:Envelope>

            """
        let (records, log) = try readDocument(text, file: "eurofxref-daily.xml")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.rates(records) == ["USD 2024-03-13 1093900", "JPY 2024-03-13 161830000", "GBP 2024-03-13 854510",
                                        "CHF 2024-03-13 959900", "CHF 2024-03-12 961200"])
        #expect(records.first?.location.line == 9)
    }

    /// A rate that is no number, or zero, is an error naming the currency and the place.
    @Test func aBadRateIsAnErrorWithItsPlace() throws {
        let (records, log) = try readDocument("Date,USD,CHF\n2024-03-13,1.0939,0\n2024-03-14,abc,0.96\n", file: "eurofxref-hist.csv")
        #expect(Self.rates(records) == ["USD 2024-03-13 1093900", "CHF 2024-03-14 960000"])
        #expect(log.diagnostics.map(\.description) == [
            #"eurofxref-hist.csv:2:3: the rate of CHF "0" is not a reference rate"#,
            #"eurofxref-hist.csv:3:2: the rate of USD "abc" is not a reference rate"#,
        ])
        #expect(log.hasErrors)
        let (_, dates) = try readDocument("Date,USD\n13.3.24,1.0939\n", file: "eurofxref-hist.csv")
        #expect(dates.diagnostics.map(\.description) == [#"eurofxref-hist.csv:2:1: "13.3.24" is not a date"#])
    }

    /// Kontor's own kind: a rate per row, in CSV (also German columns) and XML.
    @Test func kontorsOwnRatesAreRead() throws {
        let (records, log) = try readDocument("currency,date,rate\nCHF,2024-03-13,0.9599\nusd,2024-03-13,1.0939\n", file: "rates.csv")
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Self.rates(records) == ["CHF 2024-03-13 959900", "USD 2024-03-13 1093900"])
        let (german, germanLog) = try readDocument("Währung;Kursdatum;Kurs\nCHF;13.03.2024;0,9599\n", file: "kurse.csv")
        #expect(germanLog.diagnostics.map(\.description) == [])
        #expect(Self.rates(german) == ["CHF 2024-03-13 959900"])
        let xml = """
            <exchange_rates xmlns="urn:kontor:formats:1">
              <exchange_rate><currency>CHF</currency><date>2024-03-13</date><rate>0.9599</rate></exchange_rate>
            </exchange_rates>
            """
        let (fromXML, xmlLog) = try readDocument(xml, file: "rates.xml")
        #expect(xmlLog.diagnostics.map(\.description) == [])
        #expect(Self.rates(fromXML) == ["CHF 2024-03-13 959900"])
        let (_, bad) = try readDocument("currency,date,rate\nFr.,2024-03-13,0.9599\nCHF,2024-03-13,-1\n", file: "rates.csv")
        #expect(bad.diagnostics.map(\.description) == [
            #"rates.csv:2:1: currency "Fr." is not a currency code"#,
            #"rates.csv:3:3: rate "-1" is not a reference rate"#,
        ])
    }

    /// A payment in Kontor's format may name its currency.
    @Test func aPaymentNamesItsCurrency() throws {
        let (records, log) = try readDocument("reference,amount,date,currency\nRE-1,500.00,2024-03-20,chf\nRE-2,10.00,2024-03-20,\n",
                                              file: "payments.csv")
        #expect(log.diagnostics.map(\.description) == [])
        let currencies = records.compactMap { record -> String? in
            guard case .payment(let payment) = record else { return nil }
            return payment.currency
        }
        #expect(currencies == ["CHF", "EUR"])
    }
}
