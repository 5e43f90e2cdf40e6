import KontorCore
import KontorOrders
import Testing

@Suite struct PartDeliveryTests {
    let tee = BookedLine(sku: "TEE", quantity: 3, unitPrice: 1999, rate: .standard)
    let book = BookedLine(sku: "BOOK", quantity: 2, unitPrice: 1500, rate: .reduced)

    @Test func whatIsThereShipsInWholeUnitsAndTheRestWaits() throws {
        let part = try #require(PartDelivery.plan(lines: [tee], delivered: [:], available: ["TEE": 1]))
        #expect(part.lines.map(\.index) == [0])
        #expect(part.lines.map(\.line.quantity) == [1])
        #expect(part.quantities == ["TEE": 1])
        #expect(part.isFirst)
        #expect(!part.isLast)
    }

    @Test func nothingThereIsNoDelivery() {
        #expect(PartDelivery.plan(lines: [tee, book], delivered: [:], available: [:]) == nil)
        #expect(PartDelivery.plan(lines: [tee], delivered: [:], available: ["BOOK": 2]) == nil)
        #expect(PartDelivery.plan(lines: [tee], delivered: [0: 3], available: ["TEE": 5]) == nil)
    }

    @Test func theNextDeliveryTakesTheRestAndIsTheLast() throws {
        let part = try #require(PartDelivery.plan(lines: [tee, book], delivered: [0: 1, 1: 2], available: ["TEE": 2]))
        #expect(part.lines.map(\.index) == [0])
        #expect(part.quantities == ["TEE": 2])
        #expect(!part.isFirst)
        #expect(part.isLast)
    }

    @Test func anArticleOnTwoLinesFillsTheEarlierLineFirst() throws {
        let second = BookedLine(sku: "TEE", quantity: 2, unitPrice: 1799, rate: .standard)
        let part = try #require(PartDelivery.plan(lines: [tee, second], delivered: [:], available: ["TEE": 4]))
        #expect(part.lines.map(\.index) == [0, 1])
        #expect(part.lines.map(\.line.quantity) == [3, 1])
        #expect(!part.isLast)
    }

    @Test func aLinesDiscountIsSharedOverItsDeliveriesAndAddsUp() throws {
        var discounted = tee
        discounted.discount = 100
        let first = try #require(PartDelivery.plan(lines: [discounted], delivered: [:], available: ["TEE": 1]))
        let second = try #require(PartDelivery.plan(lines: [discounted], delivered: [0: 1], available: ["TEE": 1]))
        let third = try #require(PartDelivery.plan(lines: [discounted], delivered: [0: 2], available: ["TEE": 1]))
        let shares = [first, second, third].map { $0.lines[0].line.discount }
        #expect(shares == [33, 34, 33])
        #expect(shares.reduce(0, +) == 100)
    }

    @Test(arguments: [PriceBasis.gross, .net])
    func theInvoicesOfTheDeliveriesAddUpToTheOrdersTotal(basis: PriceBasis) throws {
        // Prices where VAT rounded per delivery parts from VAT rounded on the whole line.
        let lines = [BookedLine(sku: "A", quantity: 3, unitPrice: 3, rate: .standard, discount: 1),
                     BookedLine(sku: "B", quantity: 2, unitPrice: 7, rate: .reduced)]
        let shipping = 495
        let total = InvoiceCalculator.grossTotal(goods: lines.map { $0.taxable(basis: basis) }, shipping: shipping, basis: basis)
        var delivered: [Int: Int] = [:]
        var invoiced: [Int] = []
        for available in [["A": 1, "B": 1], ["A": 1], ["A": 1, "B": 1]] {
            let part = try #require(PartDelivery.plan(lines: lines, delivered: delivered, available: available))
            let totals = part.totals(shipping: shipping, basis: basis, remaining: total - invoiced.reduce(0, +))
            for t in totals { #expect(t.gross == t.net + t.vat) }
            invoiced.append(totals.reduce(0) { $0 + $1.gross })
            for taken in part.lines { delivered[taken.index, default: 0] += taken.line.quantity }
        }
        #expect(delivered == [0: 3, 1: 2])
        #expect(invoiced.reduce(0, +) == total)
        #expect(invoiced[0] > shipping)
    }

    @Test func onlyTheFirstDeliveryCarriesTheShippingCharge() throws {
        let first = try #require(PartDelivery.plan(lines: [tee], delivered: [:], available: ["TEE": 1]))
        let last = try #require(PartDelivery.plan(lines: [tee], delivered: [0: 1], available: ["TEE": 2]))
        let firstGross = first.totals(shipping: 495, basis: .gross, remaining: 0).reduce(0) { $0 + $1.gross }
        let lastGross = last.totals(shipping: 495, basis: .gross, remaining: 2 * 1999).reduce(0) { $0 + $1.gross }
        #expect(firstGross == 1999 + 495)
        #expect(lastGross == 2 * 1999)
    }
}
