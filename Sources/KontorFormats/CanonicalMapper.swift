import KontorCore

/// Turns flat records of Kontor's own formats into canonical document records,
/// collecting every problem with its place.
///
/// Orders come one row per line; the mapper groups consecutive rows of one order number
/// and hands out the order when the next order starts (or at `finish`).
public struct CanonicalMapper {
    public let kind: DocumentKind
    /// Whether amounts may use a decimal comma (`;`-separated files from German spreadsheets).
    public let decimalComma: Bool
    private var pending: Order?
    private var pendingPayout: Payout?
    private var finishedOrders: Set<String> = []
    private var warnedColumns: Set<String> = []
    private let names = ColumnNames()

    public init(kind: DocumentKind, decimalComma: Bool = false) {
        self.kind = kind
        self.decimalComma = decimalComma
    }

    /// Maps one record; problems go to `log`. Returns the records that are complete.
    public mutating func map(_ record: FlatRecord, log: inout DiagnosticLog) -> [DocumentRecord] {
        // Spreadsheets export rows of bare delimiters below the data: they are no records.
        if record.fields.allSatisfy({ $0.value.text.trimmingSpaces().isEmpty }) { return [] }
        var fields = Fields(record: record, decimalComma: decimalComma, names: names)
        warnAboutUnknownColumns(record, log: &log)
        let result: DocumentRecord?
        switch kind {
        case .products: result = product(&fields)
        case .stockCount: result = stockCount(&fields)
        case .goodsReceipt: result = goodsReceipt(&fields)
        case .customers: result = customer(&fields)
        case .payments: result = payment(&fields)
        case .returns: result = returnLine(&fields)
        case .cancellations: result = cancellation(&fields)
        case .tracking: result = trackingEvent(&fields)
        case .exchangeRates: result = exchangeRate(&fields)
        case .transfers: result = transfer(&fields)
        case .orders:
            return orderLine(&fields, log: &log)
        case .payouts:
            return payoutLine(&fields, log: &log)
        }
        log.append(contentsOf: fields.problems)
        return fields.problems.contains(where: { $0.severity == .error }) ? [] : result.map { [$0] } ?? []
    }

    /// Hands out the last pending order at the end of the file.
    public mutating func finish() -> [DocumentRecord] {
        defer { pending = nil; pendingPayout = nil }
        return (pending.map { [.order($0)] } ?? []) + (pendingPayout.map { [.payout($0)] } ?? [])
    }

    private mutating func warnAboutUnknownColumns(_ record: FlatRecord, log: inout DiagnosticLog) {
        let known = KindDetector.knownColumns[kind] ?? []
        for (name, value) in record.fields where names.checked.insert(name).inserted {
            let key = names.normalized(name)
            guard !known.contains(key), !warnedColumns.contains(key) else { continue }
            warnedColumns.insert(key)
            log.append(Diagnostic("field.unknown", "column \"\(name)\" is not used for \(kind.title) and was ignored",
                                  de: "Spalte \"\(name)\" wird bei \(kind.titleDE) nicht verwendet und wurde ignoriert",
                                  at: value.location, severity: .warning))
        }
    }

    private func product(_ f: inout Fields) -> DocumentRecord? {
        let sku = f.required("sku"), name = f.required("name"), price = f.money("price", required: true)
        let rate = f.vatRate("vat_rate", required: true)
        let weight = f.decimal("weight_kg", places: 3, limit: .weight, minimum: 0)
        let ean = f.gtin("ean")
        let reorder = f.integer("reorder_point", minimum: 0)
        let cost = f.money("cost", minimum: 0)
        let tariff = f.tariffNumber("tariff_number"), origin = f.country("origin_country")
        let leadTime = f.integer("lead_time_days", minimum: 0), minimumOrder = f.integer("min_order_quantity", minimum: 1)
        guard let sku, let name, let price, let rate else { return nil }
        if price < 0 { f.fail("price", "price \(Money.decimalString(price)) is negative", de: "Preis \(Money.decimalString(price)) ist negativ") }
        return .product(Product(sku: sku, name: name, priceGross: price, vatRate: rate, weightGrams: weight, ean: ean,
                                reorderPoint: reorder, cost: cost, bin: f.optional("bin"), tariffNumber: tariff,
                                originCountry: origin, warehouse: f.optional("warehouse"), leadTimeDays: leadTime,
                                minimumOrderQuantity: minimumOrder, supplier: f.optional("supplier"), location: f.location))
    }

    private func stockCount(_ f: inout Fields) -> DocumentRecord? {
        let sku = f.required("sku"), counted = f.integer("counted", required: true, minimum: 0)
        let scope = f.choice("scope", CountScope.self)
        guard let sku, let counted else { return nil }
        return .stockCount(StockCountLine(sku: sku, counted: counted, warehouse: f.optional("warehouse") ?? defaultWarehouse,
                                          scope: scope, location: f.location))
    }

    private func goodsReceipt(_ f: inout Fields) -> DocumentRecord? {
        let sku = f.required("sku"), received = f.integer("received", required: true, minimum: 1)
        let cost = f.money("cost", minimum: 0)
        guard let sku, let received else { return nil }
        return .goodsReceipt(GoodsReceiptLine(sku: sku, received: received, cost: cost, supplier: f.optional("supplier"),
                                              reference: f.optional("reference"),
                                              warehouse: f.optional("warehouse") ?? defaultWarehouse, location: f.location))
    }

    private func customer(_ f: inout Fields) -> DocumentRecord? {
        let id = f.required("customer_id"), name = f.required("name"), email = f.email("email")
        let limit = f.money("credit_limit", minimum: 0), terms = f.integer("payment_terms_days", minimum: 0, maximum: 3650)
        guard let id, let name, let email else { return nil }
        return .customer(Customer(customerID: id, name: name, email: email, creditLimit: limit, paymentTermsDays: terms,
                                  vatID: f.optional("vat_id"), country: f.country("country"), street: f.optional("street"),
                                  zip: f.optional("zip"), city: f.optional("city"), isBusiness: f.boolean("business"),
                                  dunningStop: f.boolean("dunning_stop"), blocked: f.boolean("blocked"), location: f.location))
    }

    private func payment(_ f: inout Fields) -> DocumentRecord? {
        let reference = f.required("reference"), amount = f.money("amount", required: true), date = f.date("date", required: true)
        guard let reference, let amount, let date else { return nil }
        if amount == 0 { f.fail("amount", "amount is zero", de: "Betrag ist null") }
        return .payment(Payment(reference: reference, amount: amount, date: date, payer: f.optional("payer"),
                                method: f.optional("method"), currency: f.currency("currency") ?? "EUR", location: f.location))
    }

    private func transfer(_ f: inout Fields) -> DocumentRecord? {
        let sku = f.required("sku"), quantity = f.integer("quantity", required: true, minimum: 1)
        let from = f.required("from_warehouse"), to = f.required("to_warehouse")
        guard let sku, let quantity, let from, let to else { return nil }
        if from == to {
            f.fail("to_warehouse", "from_warehouse and to_warehouse are both \"\(from)\": a transfer moves goods between two warehouses",
                   de: "from_warehouse und to_warehouse sind beide \"\(from)\": eine Umlagerung bewegt Ware zwischen zwei Lagern",
                   hint: "Name the warehouse the goods leave in from_warehouse and the one they go to in to_warehouse.")
            return nil
        }
        return .transfer(TransferLine(sku: sku, quantity: quantity, from: from, to: to, reference: f.optional("reference"),
                                      location: f.location))
    }

    private func exchangeRate(_ f: inout Fields) -> DocumentRecord? {
        let currency = f.currency("currency", required: true), date = f.date("date", required: true)
        let rate = f.exchangeRate("rate", required: true)
        guard let currency, let date, let rate else { return nil }
        return .exchangeRate(ExchangeRate(currency: currency, date: date, perEuro: rate, location: f.location))
    }

    private func returnLine(_ f: inout Fields) -> DocumentRecord? {
        if f.optional("sku") == nil, f.optional("quantity") == nil, f.optional("amount") != nil { return goodwillRefund(&f) }
        if f.optional("amount") != nil {
            f.fail("amount", "a return gives either an article and quantity, or an amount without an article (a goodwill refund), not both",
                   de: "Eine Retoure nennt entweder Artikel und Menge oder einen Betrag ohne Artikel (Kulanzerstattung), nicht beides",
                   hint: "Leave amount empty on lines with an sku; a returned article is credited at its invoiced price.")
        }
        let order = f.required("order_number"), sku = f.required("sku"), quantity = f.integer("quantity", required: true, minimum: 1)
        let condition = f.choice("condition", ReturnCondition.self) ?? .resellable
        let date = f.date("date")
        guard let order, let sku, let quantity else { return nil }
        return .returnLine(ReturnLine(orderNumber: order, sku: sku, quantity: quantity, reason: f.optional("reason"),
                                      condition: condition, date: date, location: f.location))
    }

    private func cancellation(_ f: inout Fields) -> DocumentRecord? {
        guard let order = f.required("order_number") else { return nil }
        return .cancellation(Cancellation(orderNumber: order, reason: f.optional("reason"), location: f.location))
    }

    private func trackingEvent(_ f: inout Fields) -> DocumentRecord? {
        let shipment = f.optional("shipment"), sscc = f.sscc("sscc")
        if shipment == nil, f.optional("sscc") == nil {
            f.fail("shipment", "shipment and sscc are both empty: a tracking event names its shipment or its parcel",
                   de: "shipment und sscc sind beide leer: ein Sendungsereignis nennt seine Sendung oder sein Paket",
                   hint: "Give the shipment reference (such as SH-00001) in shipment, or the parcel's 18-digit SSCC in sscc.",
                   code: "field.missing")
        }
        let status = f.required("status") == nil ? nil : f.choice("status", TrackingStatus.self)
        let date = f.date("date", required: true)
        guard let status, let date else { return nil }
        return .tracking(TrackingEvent(shipment: shipment, sscc: sscc, trackingNumber: f.optional("tracking_number"),
                                       carrier: f.optional("carrier"), status: status, date: date, reason: f.optional("reason"),
                                       location: f.location))
    }

    private func goodwillRefund(_ f: inout Fields) -> DocumentRecord? {
        let order = f.required("order_number"), amount = f.money("amount", required: true, minimum: 0)
        let rate = f.vatRate("vat_rate"), date = f.date("date")
        guard let order, let amount else { return nil }
        if amount == 0 { f.fail("amount", "amount is zero", de: "Betrag ist null") }
        return .goodwillRefund(GoodwillRefund(orderNumber: order, amount: amount, vatRate: rate, reason: f.optional("reason"),
                                              date: date, location: f.location))
    }

    /// One row of a payout report: the payout's columns, repeated on every row, and one
    /// order it covers. Consecutive rows of one payout id make one payout.
    private mutating func payoutLine(_ f: inout Fields, log: inout DiagnosticLog) -> [DocumentRecord] {
        let id = f.required("payout_id"), date = f.date("date", required: true)
        let gross = f.money("gross", required: true), fees = f.money("fees", required: true, minimum: 0)
        let net = f.money("net", required: true), method = f.optional("method")?.lowercased()
        let order = f.required("order_number"), amount = f.money("amount", required: true)
        log.append(contentsOf: f.problems)
        guard !f.problems.contains(where: { $0.severity == .error }), let id, let date, let gross, let fees, let net,
              let order, let amount else { return [] }
        let line = PayoutOrder(orderNumber: order, amount: amount, location: f.location)
        if var payout = pendingPayout, payout.id == id {
            if payout.date != date || payout.gross != gross || payout.fees != fees || payout.net != net || payout.method != method {
                log.append(Diagnostic("payout.columns", "payout \(id) gives other date, method, gross, fees or net than on its first row",
                                      de: "Auszahlung \(id) nennt andere Werte für Datum, Zahlungsart, Brutto, Gebühren oder Netto als in ihrer ersten Zeile",
                                      hint: "Repeat the payout's columns unchanged on every row of its orders.", at: f.location))
                return []
            }
            payout.orders.append(line)
            pendingPayout = payout
            return []
        }
        var emitted: [DocumentRecord] = []
        if let done = pendingPayout { emitted.append(.payout(done)) }
        pendingPayout = Payout(id: id, date: date, method: method, gross: gross, fees: fees, net: net, orders: [line],
                               location: f.location)
        return emitted
    }

    private mutating func orderLine(_ f: inout Fields, log: inout DiagnosticLog) -> [DocumentRecord] {
        let number = f.required("order_number"), date = f.date("order_date", required: true)
        let sku = f.required("sku"), quantity = f.integer("quantity", required: true, minimum: 1)
        let price = f.money("unit_price", required: true, minimum: 0)
        let rate = f.vatRate("vat_rate")
        let lineDiscount = f.money("line_discount", minimum: 0)
        if let lineDiscount, let quantity, let price, lineDiscount > quantity * price {
            f.fail("line_discount", "line_discount \(Money.decimalString(lineDiscount)) is more than the line costs (\(quantity) × \(Money.decimalString(price)) = \(Money.decimalString(quantity * price)))",
                   de: "line_discount \(Money.decimalString(lineDiscount)) ist mehr, als die Position kostet (\(quantity) × \(Money.decimalString(price)) = \(Money.decimalString(quantity * price)))",
                   hint: "line_discount is the amount taken off the whole line, not a percentage and not per unit.")
        }
        let shipping = f.money("shipping", minimum: 0)
        let orderDiscount = f.money("order_discount", minimum: 0)
        let method = f.choice("payment_method", PaymentMethod.self)
        let paid = f.boolean("paid")
        let currency = f.optional("currency")?.uppercased()
        let country = f.country("ship_country")
        log.append(contentsOf: f.problems)
        f.problems.removeAll()
        var emitted: [DocumentRecord] = []
        guard let number else { return emitted }

        if pending?.orderNumber != number {
            if let done = pending {
                finishedOrders.insert(done.orderNumber)
                emitted.append(.order(done))
                pending = nil
            }
            if finishedOrders.contains(number) {
                log.append(Diagnostic("order.split", "the lines of order \(number) are not together: it appeared before, above other orders",
                                      de: "Die Zeilen der Bestellung \(number) stehen nicht zusammen",
                                      hint: "Sort the file by order number so that each order's lines follow each other.",
                                      at: f.location))
                return emitted
            }
            let shipTo = f.optional("ship_name").map {
                Address(name: $0, addition: f.optional("ship_addition"), street: f.optional("ship_street") ?? "", zip: f.optional("ship_zip") ?? "",
                        city: f.optional("ship_city") ?? "", country: country ?? "DE")
            }
            guard let date else { return emitted }
            pending = Order(orderNumber: number, orderDate: date, customerID: f.optional("customer_id"),
                            customerEmail: f.optional("customer_email"), customerName: f.optional("customer_name"),
                            shipTo: shipTo, paymentMethod: method ?? .prepaid, paid: paid ?? false,
                            shipping: shipping ?? 0, currency: currency ?? "EUR", discount: orderDiscount ?? 0,
                            couponCode: f.optional("coupon_code"), lines: [], location: f.location)
            pending?.invoiceNumber = f.optional("invoice_number")
        } else {
            takeOrderLevelAmounts(shipping: shipping, discount: orderDiscount, of: number, &f, log: &log)
        }
        if let sku, let quantity, let price {
            pending?.lines.append(OrderLine(sku: sku, quantity: quantity, unitPrice: price, vatRate: rate, discount: lineDiscount ?? 0,
                                            location: f.location))
        }
        return emitted
    }

    /// The shipping charge and order discount on a further line of the pending order: taken
    /// if the order has none yet, an error if it already has one.
    private mutating func takeOrderLevelAmounts(shipping: Int?, discount: Int?, of number: String, _ f: inout Fields,
                                               log: inout DiagnosticLog) {
        if let discount, discount != 0, pending?.discount != 0 {
            log.append(Diagnostic("order.discount-twice", "the order discount of order \(number) is given on more than one line",
                                  de: "Der Bestellrabatt der Bestellung \(number) steht in mehr als einer Zeile",
                                  hint: "Give order_discount once per order, on its first line; a discount of one line is its line_discount.",
                                  at: f.place("order_discount")))
        } else if let discount, pending?.discount == 0 {
            pending?.discount = discount
        }
        if pending?.couponCode == nil, let code = f.optional("coupon_code") { pending?.couponCode = code }
        if let shipping, shipping != 0, pending?.shipping != 0 {
            log.append(Diagnostic("order.shipping-twice", "shipping of order \(number) is given on more than one line",
                                  de: "Versandkosten der Bestellung \(number) stehen in mehr als einer Zeile",
                                  hint: "Give the shipping charge once per order, on its first line.",
                                  at: f.place("shipping")))
        } else if let shipping, pending?.shipping == 0 {
            pending?.shipping = shipping
        }
    }
}
