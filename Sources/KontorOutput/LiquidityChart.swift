import KontorCore

/// A bar chart of balances against a threshold as SVG: one bar per period (blue, red where
/// it ends below the threshold), the zero line, and the threshold as a dashed red line. Whole
/// pixel coordinates and no dates or randomness of its own, so the same figures always give
/// the same bytes; every text is escaped.
public struct LiquidityChart: Sendable {
    /// One bar: its label under the axis, the text shown when pointing at it, its value in
    /// minor units.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var detail: String
        public var value: Int

        public init(label: String, detail: String, value: Int) {
            self.label = label
            self.detail = detail
            self.value = value
        }
    }

    public var title: String
    public var bars: [Bar]
    public var threshold: Int

    /// A chart titled `title` of `bars`, with the line at `threshold`.
    public init(title: String, bars: [Bar], threshold: Int) {
        self.title = title
        self.bars = bars
        self.threshold = threshold
    }

    static let (width, height) = (760, 400)
    static let (left, right, top, bottom) = (100, 20, 50, 60)

    /// The chart as an SVG document.
    public var svg: String {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let values = bars.map(\.value) + [0, threshold]
        let high = values.max() ?? 0
        let low = min(values.min() ?? 0, high - 100)
        func y(_ value: Int) -> Int { Self.top + (high - value) * plotHeight / (high - low) }
        let slot = bars.isEmpty ? plotWidth : plotWidth / bars.count
        let barWidth = max(1, slot * 3 / 4)
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)" font-family="Helvetica, Arial, sans-serif" font-size="11">
            <title>\(XMLText.escape(title))</title>
            <rect class="background" x="0" y="0" width="\(Self.width)" height="\(Self.height)" fill="#ffffff"/>
            <text class="heading" x="\(Self.left)" y="28" font-size="15" font-weight="bold">\(XMLText.escape(title))</text>
            <text class="axis" x="\(Self.left - 6)" y="\(y(high) + 4)" text-anchor="end">\(XMLText.escape(GermanFormat.euros(high)))</text>
            <text class="axis" x="\(Self.left - 6)" y="\(y(low) + 4)" text-anchor="end">\(XMLText.escape(GermanFormat.euros(low)))</text>

            """
        for (index, bar) in bars.enumerated() {
            let x = Self.left + index * slot + (slot - barWidth) / 2
            let upper = y(max(bar.value, 0)), lower = y(min(bar.value, 0))
            let fill = bar.value < threshold ? "#c0392b" : "#4a7bb7"
            s += """
                <rect class="bar" x="\(x)" y="\(upper)" width="\(barWidth)" height="\(max(1, lower - upper))" fill="\(fill)">\
                <title>\(XMLText.escape(bar.detail))</title></rect>
                <text class="label" x="\(Self.left + index * slot + slot / 2)" y="\(Self.top + plotHeight + 18)" text-anchor="middle">\(XMLText.escape(bar.label))</text>

                """
        }
        s += """
            <line class="zero" x1="\(Self.left)" y1="\(y(0))" x2="\(Self.left + plotWidth)" y2="\(y(0))" stroke="#555555" stroke-width="1"/>
            <line class="threshold" x1="\(Self.left)" y1="\(y(threshold))" x2="\(Self.left + plotWidth)" y2="\(y(threshold))" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>
            <text class="threshold-label" x="\(Self.left + plotWidth)" y="\(y(threshold) - 5)" text-anchor="end" fill="#c0392b">\(XMLText.escape("Schwelle " + GermanFormat.euros(threshold)))</text>
            </svg>

            """
        return s
    }
}
