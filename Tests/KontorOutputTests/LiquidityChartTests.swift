import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KontorOutput
import Testing

/// The liquidity chart: well-formed SVG, one bar per week, the threshold line, escaped text,
/// the same bytes for the same figures.
@Suite struct LiquidityChartTests {
    /// Counts the elements of an XML document by name and class, or fails to parse.
    final class Census: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var texts: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name + (attributes["class"].map { "." + $0 } ?? ""), default: 0] += 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    static func census(_ svg: String) -> Census? {
        let parser = XMLParser(data: Data(svg.utf8))
        let census = Census()
        parser.delegate = census
        return parser.parse() ? census : nil
    }

    let chart = LiquidityChart(title: "Liquiditätsvorschau Tee & <Kanne> \"Nord\"", bars: (1...13).map {
        LiquidityChart.Bar(label: "W\($0)", detail: "Woche \($0)", value: 200_000 - $0 * 30_000)
    }, threshold: 50_000)

    @Test func thirteenBarsAndTheThresholdInWellFormedSVG() throws {
        let census = try #require(Self.census(chart.svg), "not well-formed XML")
        #expect(census.elements["svg"] == 1)
        #expect(census.elements["rect.bar"] == 13)
        #expect(census.elements["line.threshold"] == 1)
        #expect(census.texts.joined().contains("Liquiditätsvorschau Tee & <Kanne> \"Nord\""))
        #expect(census.texts.joined().contains("Schwelle 500,00 €"))
        #expect(chart.svg.contains("Tee &amp; &lt;Kanne&gt; &quot;Nord&quot;"))
    }

    @Test func barsBelowTheThresholdAreRedAndNegativeOnesHangFromTheZeroLine() {
        // 170,000 … −190,000: weeks 6 on (20,000 and below) are under 50,000.
        let bars = chart.svg.split(separator: "\n").filter { $0.contains("class=\"bar\"") }
        #expect(bars.filter { $0.contains("#c0392b") }.count == 8)
        #expect(chart.svg == chart.svg, "the same figures give the same bytes")
        #expect(LiquidityChart(title: "x", bars: [], threshold: 0).svg.contains("<svg"))
    }
}
