import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KontorTestSupport
import Testing

/// The export for a tax audit (GoBD Z3, GDPdU description standard): `index.xml` describes
/// every file column by column, the files hold what it says, and the journal in it is the
/// journal of the books.
@Suite struct GoBDExportTests {
    /// The tables `index.xml` describes: file and column names in order.
    final class Index: NSObject, XMLParserDelegate {
        var tables: [(url: String, columns: [String])] = []
        var path: [String] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(name)
            text = ""
            if name == "Table" { tables.append(("", [])) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let parent = path.dropLast().last
            if name == "URL", parent == "Table" { tables[tables.count - 1].url = text }
            if name == "Name", parent == "VariableColumn" || parent == "VariablePrimaryKey" { tables[tables.count - 1].columns.append(text) }
            path.removeLast()
        }
    }

    @Test func theBooksOfAYearForTheAuditor() throws {
        let (root, demo) = try DemoTests.demoRoot()
        #expect(demo.status == 0, "\(demo.stdout)\n\(demo.stderr)")
        let export = try KontorBinary.run(["export", "gobd", "--shop", "teekontor", "--from", "2025-01-01", "--to", "2025-12-31"],
                                          root: root.path)
        #expect(export.status == 0, "\(export.stdout)\n\(export.stderr)")
        let folder = "outbox/teekontor/gobd/2025-01-01_2025-12-31/"
        let xml = try #require(root.read(folder + "index.xml"))
        #expect(xml.contains(#"<!DOCTYPE DataSet SYSTEM "gdpdu-01-09-2004.dtd">"#))
        let parser = XMLParser(data: Data(xml.utf8))
        let index = Index()
        parser.delegate = index
        #expect(parser.parse(), "index.xml is not well-formed")
        #expect(index.tables.map(\.url) == ["Buchungen.csv", "Konten.csv", "Rechnungen.csv", "Kunden.csv"])
        // Each file has the columns index.xml names, in its first line, and as many fields per row.
        for table in index.tables {
            let lines = try #require(root.read(folder + table.url)).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.split(separator: ";", omittingEmptySubsequences: false).map(String.init) == table.columns, "\(table.url)")
        }
        // The journal: debits equal credits, 1,333.02 EUR each as the demo reports, entries
        // numbered 1, 2, 3, … without a gap.
        let journal = try #require(root.read(folder + "Buchungen.csv")).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        func cents(_ text: String) -> Int { Int(text.replacingOccurrences(of: ",", with: "")) ?? -1 }
        #expect(journal.reduce(0) { $0 + cents($1[7]) } == 133_302)
        #expect(journal.reduce(0) { $0 + cents($1[8]) } == 133_302)
        let numbers = journal.map { Int($0[1]) ?? 0 }
        #expect(Array(Set(numbers)).sorted() == Array(1...(numbers.max() ?? 0)))
        #expect(journal.allSatisfy { $0[3].count == 10 && $0[3].dropFirst(2).first == "." }, "dates as DD.MM.YYYY")
        #expect(journal.allSatisfy { $0[13].count == 64 }, "each entry's hash")
        let invoices = try #require(root.read(folder + "Rechnungen.csv"))
        #expect(invoices.contains("RE2025-00001;Rechnung;"))
        #expect(try #require(root.read(folder + "Konten.csv")).contains("1400;Forderungen aus Lieferungen und Leistungen"))
    }
}
