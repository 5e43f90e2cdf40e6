import Foundation
import KontorOutput
import Testing

@Suite struct PickListTests {
    private typealias Entry = PickList.Entry

    private let entries = [
        Entry(warehouse: "Hamburg", bin: nil, sku: "POT-1", name: "Teekanne", quantity: 1, orders: ["A-7"]),
        Entry(warehouse: "Hamburg", bin: "R2-10", sku: "TEE-2", name: "Grüner Tee", quantity: 3, orders: ["A-1", "A-2"]),
        Entry(warehouse: "Berlin", bin: "B-1", sku: "TEE-9", name: "Rooibos", quantity: 2, orders: ["A-3"]),
        Entry(warehouse: "Hamburg", bin: "R2-9", sku: "TEE-1", name: "Schwarztee", quantity: 4, orders: ["A-1"]),
        Entry(warehouse: "Hamburg", bin: "R2-9", sku: "TEE-10", name: "Earl Grey", quantity: 1, orders: ["A-4"]),
        Entry(warehouse: "Hamburg", bin: "R2-9", sku: "TEE-1", name: "Schwarztee", quantity: 1, orders: ["A-5"]),
        Entry(warehouse: "Hamburg", bin: nil, sku: "CUP-1", name: "Becher", quantity: 2, orders: ["A-6"]),
    ]

    @Test func sortedByWarehouseThenBinWithoutBinLastThenSKU() {
        let list = PickList(title: "Pickliste 03.12.2026", entries: entries)
        #expect(list.sorted.map { "\($0.warehouse) \($0.bin ?? "-") \($0.sku) \($0.quantity)" } == [
            "Berlin B-1 TEE-9 2",
            "Hamburg R2-9 TEE-1 4",
            "Hamburg R2-9 TEE-1 1",
            "Hamburg R2-9 TEE-10 1",
            "Hamburg R2-10 TEE-2 3",
            "Hamburg - CUP-1 2",
            "Hamburg - POT-1 1",
        ])
        #expect(list.byWarehouse.map(\.warehouse) == ["Berlin", "Hamburg"])
        #expect(list.byWarehouse.map(\.entries.count) == [1, 6])
    }

    @Test func aTablePerWarehouse() throws {
        let list = PickList(title: "Pickliste 03.12.2026", entries: entries)
        let texts = try PDFText.pages(list.pages())
        #expect(texts.count == 2)
        #expect(texts[0].contains("Pickliste 03.12.2026") && texts[0].contains("Lager Berlin") && !texts[0].contains("Hamburg"))
        #expect(texts[0].contains("1 Positionen") && texts[0].contains("Seite 1 von 2"))
        #expect(texts[1].contains("Lager Hamburg") && texts[1].contains("Seite 2 von 2"))
        #expect(texts[1].contains("A-1, A-2"))
        #expect(texts[1].contains("6 Positionen"))
        let lines = texts[1].split(separator: "\n").map(String.init)
        let order = ["TEE-1 ", "TEE-10", "TEE-2", "CUP-1", "POT-1"].map { sku in lines.firstIndex { $0.contains(sku) } ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1))
        #expect(lines.contains { $0.contains("6 Positionen") && $0.contains("12") })
    }

    @Test func aLongWarehouseContinuesAndAnEmptyListSaysSo() throws {
        let many = (1...40).map { Entry(warehouse: "Hamburg", bin: "R\($0)", sku: "S\($0)", name: "Tee", quantity: 1, orders: []) }
        let texts = try PDFText.pages(PickList(title: "Pickliste", entries: many).pages())
        #expect(texts.count == 2)
        #expect(texts[1].contains("Lager Hamburg (Fortsetzung)") && texts[1].contains("40 Positionen"))
        #expect(texts[0].contains("R33 ") && !texts[0].contains("R34 "))
        let empty = try PDFText.pages(PickList(title: "Pickliste", entries: []).pages())
        #expect(empty.count == 1 && empty[0].contains("Nichts zu kommissionieren."))
    }
}
