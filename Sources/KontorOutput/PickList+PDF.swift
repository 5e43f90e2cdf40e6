extension PickList {
    /// Entries one page holds.
    static let rowsPerPage = 33

    /// The pick list as A4 pages: a table per warehouse (bin, article number, name,
    /// quantity, orders and a box to tick), each warehouse starting on a new page and ending
    /// with its count of positions and pieces; every page headed with the title and the
    /// warehouse and numbered `Seite n von m`. An empty list gives one page that says so.
    public func pages() -> [PDFPage] {
        var plans: [(warehouse: String?, entries: ArraySlice<Entry>, continued: Bool, total: (positions: Int, pieces: Int)?)] = []
        for group in byWarehouse {
            let chunks = TablePagination.chunks(count: group.entries.count, first: Self.rowsPerPage,
                                                further: Self.rowsPerPage, reserveOnLast: 2)
            let total = (positions: group.entries.count, pieces: group.entries.reduce(0) { $0 + $1.quantity })
            for (index, range) in chunks.enumerated() {
                plans.append((group.warehouse, group.entries[range], index > 0, index == chunks.count - 1 ? total : nil))
            }
        }
        if plans.isEmpty { plans.append((nil, [], false, nil)) }
        return plans.enumerated().map { pageIndex, plan in
            var page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
            page.text(PDFPage.fitting(title, width: PDFPage.mm(110), size: 14, bold: true), x: Self.left, y: Self.top(20), size: 14, bold: true)
            if let warehouse = plan.warehouse {
                let heading = "Lager \(warehouse)" + (plan.continued ? " (Fortsetzung)" : "")
                page.textRight(PDFPage.fitting(heading, width: PDFPage.mm(60), size: 12, bold: true), x: Self.right,
                               y: Self.top(20), size: 12, bold: true)
                drawTable(plan.entries, on: &page, total: plan.total)
            } else {
                page.text("Nichts zu kommissionieren.", x: Self.left, y: Self.top(34), size: 10)
            }
            page.textCentered("Seite \(pageIndex + 1) von \(plans.count)", x: PDFPage.a4Width / 2, y: PDFPage.mm(10), size: 8)
            return page
        }
    }

    private static let left = PDFPage.mm(20)
    private static let right = PDFPage.a4Width - PDFPage.mm(20)
    private static func top(_ millimetres: Double) -> Double { PDFPage.a4Height - PDFPage.mm(millimetres) }

    private func drawTable(_ entries: ArraySlice<Entry>, on page: inout PDFPage, total: (positions: Int, pieces: Int)?) {
        let mm = PDFPage.mm
        let size = 9.0
        let x = (bin: Self.left, sku: Self.left + mm(25), name: Self.left + mm(60), quantity: Self.left + mm(127),
                 orders: Self.left + mm(130), box: Self.right - mm(4))
        func row(_ y: Double, _ bin: String, _ sku: String, _ name: String, _ quantity: String, _ orders: String, bold: Bool) {
            page.text(PDFPage.fitting(bin, width: mm(23), size: size, bold: bold), x: x.bin, y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(sku, width: mm(33), size: size, bold: bold), x: x.sku, y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(name, width: mm(52), size: size, bold: bold), x: x.name, y: y, size: size, bold: bold)
            page.textRight(quantity, x: x.quantity, y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(orders, width: mm(34), size: size, bold: bold), x: x.orders, y: y, size: size, bold: bold)
        }
        row(Self.top(34), "Platz", "Artikelnr.", "Bezeichnung", "Menge", "Aufträge", bold: true)
        page.line(from: (Self.left, Self.top(36)), to: (Self.right, Self.top(36)))
        var y = 42.0
        for entry in entries {
            row(Self.top(y), entry.bin ?? "–", entry.sku, entry.name, String(entry.quantity),
                entry.orders.joined(separator: ", "), bold: false)
            page.rectangle(x: x.box, y: Self.top(y) - mm(0.5), width: mm(3.5), height: mm(3.5), filled: false)
            page.line(from: (Self.left, Self.top(y + 2.2)), to: (Self.right, Self.top(y + 2.2)), width: 0.2)
            y += 7
        }
        if let total {
            row(Self.top(y + 1), "", "", "\(total.positions) Positionen", String(total.pieces), "Stück", bold: true)
        }
    }
}
