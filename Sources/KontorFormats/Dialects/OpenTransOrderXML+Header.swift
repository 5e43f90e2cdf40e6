import KontorCore

extension OpenTransOrderXML {
    /// The order (without lines yet) and the buyer as a customer, from `ORDER_HEADER`.
    ///
    /// The buyer is the `PARTY` with `PARTY_ROLE` `buyer` (else the one `BUYER_IDREF`
    /// names); its customer number is its `PARTY_ID` of type `supplier_specific` (the
    /// number the shop gave it), else the one `BUYER_IDREF` names, else its first. Goods go
    /// to the `delivery` party (else the one `DELIVERY_IDREF` names, else the buyer).
    static func header(_ node: XMLElementNode, fields: inout BMEcatFields) -> (Order, Customer?)? {
        guard let info = node.child("ORDER_INFO") else {
            fields.fail("field.missing", "ORDER_HEADER has no ORDER_INFO", de: "ORDER_HEADER hat kein ORDER_INFO",
                        hint: "ORDER_INFO holds the order number, date and parties.", at: node)
            return nil
        }
        let number = BMEcatFields.text(info.child("ORDER_ID"))
        if number == nil {
            fields.fail("field.missing", "ORDER_INFO has no ORDER_ID (the order number)",
                        de: "ORDER_INFO hat keine ORDER_ID (die Bestellnummer)", at: info.child("ORDER_ID") ?? info)
        }
        let date = orderDate(info, fields: &fields)
        let references = info.child("ORDER_PARTIES_REFERENCE")
        let parties = BMEcatFields.all(info.child("PARTIES"), "PARTY")
        let buyerRef = BMEcatFields.text(references?.child("BUYER_IDREF"))
        let deliveryRef = BMEcatFields.text(BMEcatFields.find(references, "SHIPMENT_PARTIES_REFERENCE", "DELIVERY_IDREF"))
        let buyer = party(parties, role: "buyer", id: buyerRef)
        guard let buyer else {
            fields.fail("opentrans.no-buyer", "the order names no buyer: no PARTY has the PARTY_ROLE buyer",
                        de: "Die Bestellung nennt keinen Käufer: keine PARTY hat die PARTY_ROLE buyer",
                        hint: "Kontor books the order to the buyer's customer account; give the buyer as a PARTY with PARTY_ROLE buyer.",
                        at: info.child("PARTIES") ?? info)
            return nil
        }
        let customerID = customerNumber(of: buyer, reference: buyerRef)
        if customerID == nil {
            fields.fail("field.missing", "the buyer PARTY has no PARTY_ID (the customer number)",
                        de: "Die Käufer-PARTY hat keine PARTY_ID (die Kundennummer)",
                        hint: "Kontor keys customers by the number the shop gave them; give it as PARTY_ID type=\"supplier_specific\".",
                        at: buyer)
        }
        let buyerAddress = buyer.child("ADDRESS")
        let name = BMEcatFields.text(buyerAddress?.child("NAME"))
        if name == nil {
            fields.fail("field.missing", "the buyer's ADDRESS has no NAME", de: "Die ADDRESS des Käufers hat keinen NAME",
                        at: buyerAddress ?? buyer)
        }
        let email = BMEcatFields.text(buyerAddress?.child("EMAIL"))
            ?? BMEcatFields.text(BMEcatFields.find(buyerAddress, "CONTACT_DETAILS", "EMAILS", "EMAIL"))
        let country = buyerAddress.flatMap { countryCode($0, fields: &fields) }
        let delivery = party(parties, role: "delivery", id: deliveryRef) ?? buyer
        let shipTo = (delivery.child("ADDRESS") ?? buyerAddress).flatMap { shippingAddress($0, fields: &fields) }
        let (method, termsDays) = payment(info.child("PAYMENT"), fields: &fields)
        let currency = BMEcatFields.text(info.child("CURRENCY"))?.uppercased() ?? "EUR"
        guard let number, let date, let customerID, let name else { return nil }

        var customer: Customer?
        if let email {
            customer = Customer(customerID: customerID, name: name, email: email, paymentTermsDays: termsDays,
                                vatID: BMEcatFields.text(buyerAddress?.child("VAT_ID")), country: country,
                                street: BMEcatFields.text(buyerAddress?.child("STREET")),
                                zip: BMEcatFields.text(buyerAddress?.child("ZIP")),
                                city: BMEcatFields.text(buyerAddress?.child("CITY")), location: fields.location(buyer))
        } else {
            fields.warn("opentrans.no-email",
                        "the buyer \(customerID) has no EMAIL; the order is booked, the customer's details are not updated",
                        de: "Der Käufer \(customerID) hat keine EMAIL; die Bestellung wird gebucht, die Kundendaten nicht aktualisiert",
                        hint: "Give the buyer's e-mail address in ADDRESS/EMAIL.", at: buyerAddress ?? buyer)
        }
        let order = Order(orderNumber: number, orderDate: date, customerID: customerID, customerEmail: email,
                          customerName: name, shipTo: shipTo, paymentMethod: method, paid: false, shipping: 0,
                          priceBasis: .net, currency: currency, lines: [], location: fields.location(node))
        return (order, customer)
    }

    /// `ORDER_DATE`, an xsd:dateTime such as `2025-03-10T09:15:00+01:00`: its date as written.
    private static func orderDate(_ info: XMLElementNode, fields: inout BMEcatFields) -> CalendarDate? {
        guard let node = info.child("ORDER_DATE"), let text = BMEcatFields.text(node) else {
            fields.fail("field.missing", "ORDER_INFO has no ORDER_DATE", de: "ORDER_INFO hat kein ORDER_DATE",
                        at: info.child("ORDER_DATE") ?? info)
            return nil
        }
        if let date = CalendarDate(parsing: text) { return date }
        fields.fail("field.invalid", "ORDER_DATE \"\(text)\" is not a valid date", de: "ORDER_DATE \"\(text)\" ist kein gültiges Datum",
                    hint: "openTRANS writes dates as 2025-03-10T09:15:00+01:00.", at: node)
        return nil
    }

    /// The party with this role, else the one with this id.
    private static func party(_ parties: [XMLElementNode], role: String, id: String?) -> XMLElementNode? {
        if let party = parties.first(where: { party in
            BMEcatFields.all(party, "PARTY_ROLE").contains { BMEcatFields.text($0)?.lowercased() == role }
        }) {
            return party
        }
        guard let id else { return nil }
        return parties.first { BMEcatFields.all($0, "PARTY_ID").contains { BMEcatFields.text($0) == id } }
    }

    /// The buyer's customer number: its `supplier_specific` id, else the referenced one, else the first.
    private static func customerNumber(of buyer: XMLElementNode, reference: String?) -> String? {
        let ids = BMEcatFields.all(buyer, "PARTY_ID")
        if let own = ids.first(where: { $0.attribute("type") == "supplier_specific" }), let text = BMEcatFields.text(own) {
            return text
        }
        if let reference, ids.contains(where: { BMEcatFields.text($0) == reference }) { return reference }
        return ids.lazy.compactMap { BMEcatFields.text($0) }.first
    }

    /// `COUNTRY_CODED` of an address, an ISO 3166 code such as `DE`.
    private static func countryCode(_ address: XMLElementNode, fields: inout BMEcatFields) -> String? {
        guard let node = address.child("COUNTRY_CODED"), let text = BMEcatFields.text(node) else { return nil }
        if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { return text.uppercased() }
        fields.fail("field.invalid", "COUNTRY_CODED \"\(text)\" is not a two-letter country code",
                    de: "COUNTRY_CODED \"\(text)\" ist kein zweistelliger Ländercode",
                    hint: "Use ISO codes such as DE, AT, CH.", at: node)
        return nil
    }

    /// The address the goods go to: `NAME` on the label's first line, `NAME2` (else
    /// `DEPARTMENT`, else `ADDRESS_REMARKS`) on the line between name and street.
    private static func shippingAddress(_ address: XMLElementNode, fields: inout BMEcatFields) -> Address? {
        guard let name = BMEcatFields.text(address.child("NAME")) else { return nil }
        let addition = BMEcatFields.text(address.child("NAME2")) ?? BMEcatFields.text(address.child("DEPARTMENT"))
            ?? BMEcatFields.text(address.child("ADDRESS_REMARKS"))
        return Address(name: name, addition: addition, street: BMEcatFields.text(address.child("STREET")) ?? "",
                       zip: BMEcatFields.text(address.child("ZIP")) ?? "",
                       city: BMEcatFields.text(address.child("CITY")) ?? "",
                       country: countryCode(address, fields: &fields) ?? "DE")
    }

    /// How the order is paid, and the days until payment is due.
    ///
    /// `CARD` is a card payment still to be charged; `CASH` is cash on delivery; `ACCOUNT`
    /// (bank transfer), `DEBIT` (direct debit), `CHECK`, or no means at all are payment on
    /// account after the invoice. The terms are the longest `TIME_FOR_PAYMENT/DAYS`.
    private static func payment(_ node: XMLElementNode?, fields: inout BMEcatFields) -> (PaymentMethod, Int?) {
        guard let node else { return (.invoice, nil) }
        let method: PaymentMethod
        if node.child("CARD") != nil {
            method = .card
        } else if node.child("CASH") != nil {
            method = .cod
        } else {
            method = .invoice
        }
        var days: Int?
        for term in BMEcatFields.all(node.child("PAYMENT_TERMS"), "TIME_FOR_PAYMENT") {
            guard let dayNode = term.child("DAYS"), let value = fields.wholeNumber(dayNode, minimum: 0, what: .order) else { continue }
            days = max(days ?? 0, value)
        }
        return (method, days)
    }
}
