import KontorAccounting
import KontorCore
import KontorCredit
import KontorLogistics
import Testing

@Suite struct InvoiceCalculatorTests {
    @Test func shippingFollowsTheGoodsProRata() {
        // 60.00 at 19 % and 40.00 at 7 %: 4.90 shipping splits 2.94 / 1.96.
        let lines = InvoiceCalculator.taxableLines(
            goods: [TaxableAmount(gross: 6000, rate: .standard), TaxableAmount(gross: 4000, rate: .reduced)], shipping: 490)
        #expect(lines.suffix(2) == [TaxableAmount(gross: 294, rate: .standard), TaxableAmount(gross: 196, rate: .reduced)])
    }

    @Test func vatIsRoundedPerLineThenSummed() {
        // Three lines of 0.10 at 19 %: 0.02 VAT each (0.01597 → 0.02), 0.06 in all; on the sum it would be 0.05.
        let totals = InvoiceCalculator.totals(goods: Array(repeating: TaxableAmount(gross: 10, rate: .standard), count: 3))
        #expect(totals == [RateTotal(rate: .standard, gross: 30, net: 24, vat: 6)])
    }

    @Test func totalsAddUpToTheGross() {
        let goods = [TaxableAmount(gross: 1780, rate: .reduced), TaxableAmount(gross: 1185, rate: .reduced),
                     TaxableAmount(gross: 2490, rate: .standard)]
        let totals = InvoiceCalculator.totals(goods: goods, shipping: 490)
        #expect(totals.reduce(0) { $0 + $1.gross } == 1780 + 1185 + 2490 + 490)
        #expect(totals.allSatisfy { $0.net + $0.vat == $0.gross })
        #expect(totals.map(\.rate) == [.standard, .reduced])
    }

    @Test func shippingAloneIsStandardRated() {
        #expect(InvoiceCalculator.totals(goods: [], shipping: 119) == [RateTotal(rate: .standard, gross: 119, net: 100, vat: 19)])
    }

    @Test func netPricesGetVATAddedPerLine() {
        // B2B: 3 × 10.05 net at 19 % = 30.15 net, 5.73 VAT (5.7285 rounded), 35.88 gross; shipping 5.00 net.
        let totals = InvoiceCalculator.totals(goods: [TaxableAmount(net: 3015, rate: .standard)], shipping: 500, basis: .net)
        #expect(totals == [RateTotal(rate: .standard, gross: 3588 + 595, net: 3515, vat: 573 + 95)])
    }
}

@Suite struct CreditPolicyTests {
    @Test func prepaidOrdersNeedNoCredit() {
        #expect(CreditPolicy.decide(orderTotal: 1_000_000, method: .prepaid, exposure: 0, limit: 0) == .release)
        #expect(CreditPolicy.decide(orderTotal: 1_000_000, method: .paypal, exposure: 0, limit: 0) == .release)
    }

    @Test func onAccountWithinTheLimitIsReleased() {
        #expect(CreditPolicy.decide(orderTotal: 10_000, method: .invoice, exposure: 20_000, limit: 30_000) == .release)
    }

    @Test func onAccountOverTheLimitIsHeldWithItsFigures() {
        let decision = CreditPolicy.decide(orderTotal: 38_110, method: .invoice, exposure: 0, limit: 30_000)
        #expect(decision == .hold(reason: "credit limit 300.00 exceeded: open 0.00 + order 381.10 = 381.10"))
    }
}

@Suite struct CreditStandingTests {
    @Test func blockedAndDunnedCustomersAreHeldOnAccountOnly() {
        #expect(CreditPolicy.decide(orderTotal: 100, method: .invoice, exposure: 0, limit: 100_000, blocked: true)
                == .hold(reason: "the customer is blocked from buying on account"))
        #expect(CreditPolicy.decide(orderTotal: 100, method: .invoice, exposure: 0, limit: 100_000,
                                    dunned: ["RE2025-00002 (1. Mahnung)", "RE2025-00007 (Letzte Mahnung)"])
                == .hold(reason: "overdue and dunned: RE2025-00002 (1. Mahnung), RE2025-00007 (Letzte Mahnung)"))
        #expect(CreditPolicy.decide(orderTotal: 100, method: .paypal, exposure: 0, limit: 0, blocked: true,
                                    dunned: ["RE2025-00002 (1. Mahnung)"]) == .release)
    }
}

/// Cash on delivery: the goods leave before the money, so the credit check weighs it.
@Suite struct CashOnDeliveryCreditTests {
    @Test func onlyInvoiceAndCashOnDeliveryCarryCreditRisk() {
        #expect(PaymentMethod.allCases.filter(\.carriesCreditRisk) == [.invoice, .cod])
        // Invoicing and payment terms still go by the account alone.
        #expect(PaymentMethod.allCases.filter(\.isOnAccount) == [.invoice])
    }

    @Test func cashOnDeliveryOverTheLimitIsHeldWithItsFigures() {
        #expect(CreditPolicy.decide(orderTotal: 8_000, method: .cod, exposure: 5_000, limit: 10_000)
                == .hold(reason: "credit limit 100.00 exceeded: open 50.00 + order 80.00 = 130.00"))
        #expect(CreditPolicy.decide(orderTotal: 5_000, method: .cod, exposure: 5_000, limit: 10_000) == .release)
    }

    @Test func cashOnDeliveryOfABlockedOrDunnedCustomerIsHeld() {
        #expect(CreditPolicy.decide(orderTotal: 100, method: .cod, exposure: 0, limit: 100_000, blocked: true)
                == .hold(reason: "the customer is blocked from buying on account or cash on delivery"))
        #expect(CreditPolicy.decide(orderTotal: 100, method: .cod, exposure: 0, limit: 0, dunned: ["RE2025-00002 (1. Mahnung)"])
                == .hold(reason: "overdue and dunned: RE2025-00002 (1. Mahnung)"))
    }

    @Test func cashOnDeliveryWithoutALimitIsNotWeighedAgainstOne() {
        #expect(CreditPolicy.decide(orderTotal: 100_000, method: .cod, exposure: 50_000, limit: 0) == .release)
        #expect(CreditPolicy.decide(orderTotal: 100_000, method: .invoice, exposure: 0, limit: 0)
                == .hold(reason: "credit limit 0.00 exceeded: open 0.00 + order 1000.00 = 1000.00"))
    }
}

/// The risk score's worked examples, figure by figure.
@Suite struct RiskScoreTests {
    @Test func aCustomerWhoPaysLateSometimes() {
        let risk = RiskScore.of(PaymentBehaviour(daysLate: [0, 10, 20], dunningLetters: 1, exposure: 25_000, limit: 50_000,
                                                 relationshipDays: 400, invoicedLastYear: 120_000))
        // 10.0 days on average: 35 × 10/30 = 11.67 → 12; 2 of 3 late: 13.33 → 13; one letter: 5;
        // half the limit used: 7.5 → 8; over a year: 0.
        #expect(risk.factors.map(\.points) == [12, 13, 5, 8, 0])
        #expect(risk.score == 38)
        #expect(risk.factors[0].description == "average days late: 10.0 days over 3 invoice(s) → 12/35")
        // Two months of 1,200.00 a year, 62 % of it, in steps of 50.00: 124.00 → 100.00.
        #expect(risk.suggestedLimit == 10_000)
    }

    @Test func aNewCustomerWithoutHistory() {
        let risk = RiskScore.of(PaymentBehaviour(daysLate: [], dunningLetters: 0, exposure: 0, limit: 0,
                                                 relationshipDays: nil, invoicedLastYear: 0))
        #expect(risk.factors.map(\.points) == [0, 0, 0, 0, 10])
        #expect(risk.score == 10)
        #expect(risk.suggestedLimit == nil)
    }

    @Test func theWorstCaseIsAHundred() {
        let risk = RiskScore.of(PaymentBehaviour(daysLate: [90, 120], dunningLetters: 6, exposure: 90_000, limit: 50_000,
                                                 relationshipDays: 30, invoicedLastYear: 10_000))
        #expect(risk.score == 100)
    }
}
