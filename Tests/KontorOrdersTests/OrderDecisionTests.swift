import KontorCore
import KontorOrders
import Testing

@Suite struct OrderReleaseTests {
    struct CreditAsked: Error {}

    @Test func aCancelledOrderIsBookedWithoutACreditCheck() throws {
        let release = try OrderRelease.decide(cancelled: true, creditHold: { throw CreditAsked() })
        #expect(release == .cancelled)
        #expect(release.status == .cancelled)
    }

    @Test func theCreditCheckHoldsOrReleases() {
        let held = OrderRelease.decide(cancelled: false, creditHold: { "credit limit 300.00 exceeded" })
        #expect(held == .hold(reason: "credit limit 300.00 exceeded"))
        #expect(held.status == .held)
        let released = OrderRelease.decide(cancelled: false, creditHold: { nil })
        #expect(released == .release)
        #expect(released.status == nil)
    }
}

@Suite struct ShipDecisionTests {
    struct StockAsked: Error {}

    @Test(arguments: PaymentMethod.allCases)
    func onlyPaidOrdersOrInvoiceAndCashOnDeliveryMayShipUnpaid(method: PaymentMethod) {
        #expect(ShipDecision.mayShip(paid: true, method: method))
        #expect(ShipDecision.mayShip(paid: false, method: method) == (method == .invoice || method == .cod))
    }

    @Test func anUnpaidPrepaidOrderWaitsForPaymentWithoutLookingAtStock() throws {
        #expect(try ShipDecision.decide(paid: false, method: .prepaid, inStock: { throw StockAsked() }) == .awaitPayment)
    }

    @Test func anOrderThatMayShipShipsOrWaitsForStock() {
        #expect(ShipDecision.decide(paid: true, method: .paypal, inStock: { true }) == .ship)
        #expect(ShipDecision.decide(paid: false, method: .invoice, inStock: { false }) == .awaitStock)
        #expect(ShipDecision.decide(paid: false, method: .cod, inStock: { true }).status == .shipped)
    }

    struct OwedAsked: Error {}

    @Test func aPaymentInFullReleasesAnOrderAwaitingItOrAHeldOneNotYetInvoiced() throws {
        #expect(ShipDecision.paymentReleases(status: .awaitingPayment, invoiced: false, paying: 1380, owed: { 1380 }))
        #expect(ShipDecision.paymentReleases(status: .awaitingPayment, invoiced: true, paying: 500, owed: { -200 }))
        #expect(!ShipDecision.paymentReleases(status: .awaitingPayment, invoiced: false, paying: 1379, owed: { 1380 }))
        #expect(ShipDecision.paymentReleases(status: .held, invoiced: false, paying: 2980, owed: { 2980 }))
        #expect(try !ShipDecision.paymentReleases(status: .held, invoiced: true, paying: 2980, owed: { throw OwedAsked() }))
        #expect(try !ShipDecision.paymentReleases(status: .awaitingPayment, invoiced: false, paying: -500, owed: { throw OwedAsked() }))
        for status in OrderStatus.allCases where status != .awaitingPayment && status != .held {
            #expect(try !ShipDecision.paymentReleases(status: status, invoiced: false, paying: 1000, owed: { throw OwedAsked() }))
        }
    }
}

@Suite struct PaymentMatchTests {
    @Test func theReferenceComesFirstThenWordsWithADigit() {
        #expect(PaymentMatch.candidates(reference: "X", remittance: "Rechnung RE2025-00003, Best. #1003")
                    == ["X", "RE2025-00003", "1003"])
    }

    @Test func wordsAreTrimmedAndEmptyOnesDropped() {
        #expect(PaymentMatch.candidates(reference: "", remittance: "-1004/ _ab_ Kd/7_") == ["1004", "Kd/7"])
        #expect(PaymentMatch.candidates(reference: "1001", remittance: nil) == ["1001"])
        #expect(PaymentMatch.candidates(reference: "", remittance: "Danke!").isEmpty)
    }
}

@Suite struct BookedArticleTests {
    @Test func whatIsOpenIsWhatWasBookedLessWhatCameBack() {
        let article = BookedArticle(lines: [BookedLine(sku: "A", quantity: 1, unitPrice: 335, rate: .reduced),
                                            BookedLine(sku: "A", quantity: 2, unitPrice: 336, rate: .reduced)],
                                    returned: 2, basis: .gross)
        #expect(article.open == 1)
    }
}

@Suite struct OrderCancellationTests {
    @Test(arguments: OrderStatus.allCases)
    func onlyAnOrderNotYetShippedIsCancelled(status: OrderStatus) {
        let expected: OrderCancellation = switch status {
        case .held, .awaitingPayment, .awaitingStock, .released, .invoiced: .cancel
        case .shipped: .shipped
        case .delivered, .returned: .refused(status)
        case .cancelled: .alreadyCancelled
        case .reverted: .refused(.reverted)
        }
        #expect(OrderCancellation.decide(status) == expected)
    }
}
