import KontorCore
import Testing

/// Converting between a currency and euros at a reference rate, in integer minor units.
@Suite struct ExchangeRateTests {
    /// 100.00 CHF at 0.9599 CHF per euro are 104.1775… EUR: 104.18.
    @Test func anAmountIsConvertedAtTheRateAndRoundedToTheCent() {
        #expect(CurrencyConversion.euros(100_00, perEuro: 959_900) == 104_18)
        #expect(CurrencyConversion.euros(-100_00, perEuro: 959_900) == -104_18)
        // 1,000 JPY at 161.64 are 6.1866… EUR.
        #expect(CurrencyConversion.euros(1_000_00, perEuro: 161_640_000) == 6_19)
        // 100.00 EUR at 0.9599 are 95.99 CHF.
        #expect(CurrencyConversion.foreign(100_00, perEuro: 959_900) == 95_99)
    }

    /// Half a cent is rounded away from zero, both ways.
    @Test func halfACentIsRoundedAwayFromZero() {
        #expect(CurrencyConversion.euros(1, perEuro: 2_000_000) == 1)
        #expect(CurrencyConversion.euros(-1, perEuro: 2_000_000) == -1)
        #expect(CurrencyConversion.euros(1, perEuro: 2_000_001) == 0)
    }

    /// A share of a large amount is computed without overflow and rounded.
    @Test func aShareIsExact() {
        #expect(CurrencyConversion.share(1, of: 3, scaledTo: 100) == 33)
        #expect(CurrencyConversion.share(2, of: 3, scaledTo: 100) == 67)
        #expect(CurrencyConversion.share(20_000, of: 50_000, scaledTo: 52_089) == 20_836)
        let large = 100_000_000_000
        #expect(CurrencyConversion.share(large / 2, of: large, scaledTo: large) == large / 2)
        #expect(CurrencyConversion.share(-1, of: 3, scaledTo: 100) == -33)
    }

    @Test func ratesReadAsPeopleWriteThem() {
        #expect(ExchangeRate.decimalString(959_900) == "0.9599")
        #expect(ExchangeRate.decimalString(161_640_000) == "161.64")
        #expect(ExchangeRate.decimalString(859_550) == "0.85955")
        #expect(ExchangeRate.decimalString(1_000_000) == "1.00")
        #expect(ExchangeRate.isCurrencyCode("CHF"))
        #expect(!ExchangeRate.isCurrencyCode("chf"))
        #expect(!ExchangeRate.isCurrencyCode("EURO"))
    }

    /// An order's unit prices, discounts and shipping are each converted; its currency is EUR.
    @Test func anOrderIsConvertedAmountByAmount() {
        let place = SourceLocation(file: "-")
        let order = Order(orderNumber: "CH-1", orderDate: CalendarDate(year: 2024, month: 3, day: 13)!, shipping: 9_90,
                          currency: "CHF", discount: 5_00,
                          lines: [OrderLine(sku: "TEE", quantity: 2, unitPrice: 24_90, discount: 1_00, location: place)],
                          location: place)
        let euros = order.converted(perEuro: 959_900)
        #expect(euros.currency == "EUR")
        #expect(euros.shipping == 10_31)
        #expect(euros.discount == 5_21)
        #expect(euros.lines.map(\.unitPrice) == [25_94])
        #expect(euros.lines.map(\.discount) == [1_04])
        #expect(euros.lines.map(\.quantity) == [2])
    }
}
