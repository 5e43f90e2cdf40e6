import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders
import KontorOutput
import KontorStore

/// The invoice documents: after each run, a PDF per invoice and per invoice correction
/// issued since the last run, in `outbox/<shop>/invoices/<yyyy>/<mm>/<number>.pdf`, with
/// every field § 14 UStG requires. The tax per rate is printed as the journal holds it,
/// never recomputed. Without the seller's name, address and tax number or VAT ID in
/// `kontor.toml` no invoice can be valid: then `invoices/SELLER-MISSING.txt` says what is
/// missing, and `kontor report invoices` writes every document once it is there.
enum InvoiceDocuments {
    /// Documents per piece.
    static let pieceSize = 200

    /// The report.
    static func report(settings: Settings) -> Report {
        Report(name: "invoices", title: "Invoices and invoice corrections as PDF (§ 14 UStG)",
               documents: ReportDocuments { shop, cursor, db, write in
            try next(shop: shop, cursor: cursor, settings: settings.shop(shop), db: db, write: write)
        })
    }

    /// The seller's fields an invoice cannot do without, as `kontor.toml` names them.
    static func missingSellerFields(_ seller: Seller) -> [String] {
        var missing: [String] = []
        if seller.legalName.isEmpty { missing.append("legal_name") }
        if seller.street.isEmpty { missing.append("street") }
        if seller.zip.isEmpty { missing.append("zip") }
        if seller.city.isEmpty { missing.append("city") }
        if seller.taxNumber.isEmpty && seller.vatID.isEmpty { missing.append("tax_number or vat_id") }
        return missing
    }

    static func next(shop: String, cursor: Int64, settings: ShopSettings, db: Database,
                     write: (ReportFile) throws -> Void) throws -> Int64 {
        let ledger = Ledger(db)
        let missing = missingSellerFields(settings.seller)
        guard missing.isEmpty else {
            let last = try ledger.lastEntry()
            if last > cursor, !(try ledger.documents(shop: shop, after: cursor, limit: 1).isEmpty) {
                try write(ReportFile(path: "invoices/SELLER-MISSING.txt", bytes: Data("""
                    No invoice documents were written: an invoice must name the seller (§ 14 UStG), and
                    [shops.\(shop).seller] in kontor.toml lacks \(missing.joined(separator: ", ")).
                    Fill it in, then `kontor report invoices --shop \(shop)` writes every invoice.

                    Es wurden keine Rechnungsdokumente geschrieben: eine Rechnung muss den leistenden
                    Unternehmer nennen (§ 14 UStG), und in [shops.\(shop).seller] in kontor.toml fehlt
                    \(missing.joined(separator: ", ")).

                    """.utf8)))
            }
            return max(cursor, last)
        }
        let documents = try ledger.documents(shop: shop, after: cursor, limit: pieceSize)
        guard let last = documents.last else { return max(cursor, try ledger.lastEntry()) }
        for document in documents {
            let invoice = try make(document, shop: shop, settings: settings, db: db)
            var pdf = PDFDocument()
            for page in invoice.pages() { pdf.add(page) }
            let month = document.date.prefix(7).replacingOccurrences(of: "-", with: "/")
            try write(ReportFile(path: "invoices/\(month)/\(document.number).pdf", bytes: Data(pdf.bytes())))
        }
        return last.entry
    }

    /// The document of an invoice or correction, from the books.
    static func make(_ d: IssuedDocument, shop: String, settings: ShopSettings, db: Database) throws -> InvoiceDocument {
        let book = OrderBook(db), inventory = Inventory(db)
        let booked = try book.order(shop: shop, number: d.orderNumber)
        let stored = try booked.flatMap { try book.stored($0) }
        let order = stored?.order
        let vatCase = try Ledger(db).vatCase(shop: shop, invoice: d.refersTo ?? d.number).0
        // A tax-free invoice is for the net prices; a small business's prices are without VAT.
        let gross = (order?.priceBasis ?? .gross) == .gross && vatCase.charges
        let correction = d.kind == "credit_note"
        var lines: [InvoiceDocument.Line] = []
        var shipping: Int?
        var part: (invoice: String, shipment: String, carriesShipping: Bool, lines: [BookedLine])?
        if correction {
            for r in d.rates where r.net != 0 || r.vat != 0 {
                let amount = gross ? r.net + r.vat : r.net
                lines.append(.init(sku: "", description: "Korrektur zu Rechnung \(d.refersTo ?? "-"), \(r.rate) % USt",
                                   quantity: 1, unitPrice: amount, total: amount, rate: r.rate))
            }
        } else if let stored {
            // The invoice of one delivery of an order that shipped in parts lists that delivery.
            if try book.anyDeliveries() { part = try booked.flatMap { try book.delivery(order: $0.id, invoice: d.number) } }
            for line in part?.lines ?? stored.lines {
                var name = try inventory.article(shop: shop, sku: line.sku)?.name ?? line.sku
                if line.discount > 0 { name += " (Rabatt \(GermanFormat.euros(-line.discount)))" }
                let price = vatCase.printedPrice(line.unitPrice, rate: line.rate, basis: stored.order.priceBasis)
                let total = vatCase.printedPrice(line.charged, rate: line.rate, basis: stored.order.priceBasis)
                lines.append(.init(sku: line.sku, description: name, quantity: line.quantity, unitPrice: price,
                                   total: total, rate: vatCase.printedRate(line.rate) / 100,
                                   rateText: Self.percent(vatCase.printedRate(line.rate))))
            }
            if stored.order.shipping > 0, part?.carriesShipping ?? true {
                shipping = vatCase.printedPrice(stored.order.shipping, rate: lines.map(\.rate).max().flatMap { VATRate(percent: $0) } ?? .standard,
                                                basis: stored.order.priceBasis)
            }
        }
        let customer = try CreditBook.address(shop: shop, key: d.customerKey, in: db)
        var buyer: [String]
        var delivery: [String]?
        if let customer {
            buyer = PostalAddress.lines(Address(name: customer.name, street: customer.street, zip: customer.zip,
                                                city: customer.city, country: customer.country.isEmpty ? "DE" : customer.country))
            if let shipTo = order?.shipTo {
                let lines = PostalAddress.lines(shipTo)
                if lines != buyer { delivery = lines }
            }
        } else {
            buyer = order?.shipTo.map { PostalAddress.lines($0) } ?? [order?.customerName ?? d.customerKey]
        }
        if let vatID = customer?.vatID, !vatID.isEmpty { buyer.append("USt-IdNr. \(vatID)") }
        let seller = settings.seller
        var notes: [String] = []
        var due: String?
        if let order, !correction {
            if order.paymentMethod.isOnAccount {
                due = ShippingDocuments.germanDate(d.dueDate)
            } else {
                notes.append("Zahlungsart: \(paymentName(order.paymentMethod)).")
            }
        }
        var corrects: String?
        if correction, let original = d.refersTo {
            let date = try Ledger(db).document(shop: shop, number: original).map { ShippingDocuments.germanDate($0.date) }
            corrects = "Korrektur zu Rechnung \(original)" + (date.map { " vom \($0)" } ?? "")
        }
        if let note = vatCase.legalNote(sellerVATID: seller.vatID.isEmpty ? nil : seller.vatID) { notes.append(note) }
        if let part { notes.append("Teillieferung zu Bestellung \(d.orderNumber), Sendung \(part.shipment).") }
        // An OSS sale's net and tax per destination rate, as recorded with it.
        var rates = d.rates.map { InvoiceDocument.RateTotal(rate: $0.rate, net: $0.net, vat: $0.vat) }
        if case .oss = vatCase {
            rates += try Ledger(db).ossLines(shop: shop, number: d.number).map {
                .init(rate: $0.rate / 100, net: $0.net, vat: $0.vat, rateText: Self.percent($0.rate))
            }
        }
        let shipped = try part.map { try Shipping(db).shipment(shop: shop, id: $0.shipment)?.shippedOn }
            ?? Shipping(db).shippedOn(shop: shop, order: d.orderNumber)
        return InvoiceDocument(
            title: correction ? "Rechnungskorrektur" : "Rechnung", number: d.number, date: ShippingDocuments.germanDate(d.date),
            deliveryDate: shipped.map { ShippingDocuments.germanDate($0) }, orderNumber: d.orderNumber,
            customerNumber: customer?.customerID, dueDate: due, corrects: corrects,
            seller: sellerLines(seller), sellerFacts: sellerFacts(seller), buyer: buyer,
            delivery: delivery, lines: lines, shipping: shipping, pricesIncludeVAT: gross,
            rates: rates, net: d.net, vat: d.vat, gross: d.gross,
            notes: notes)
    }

    /// A rate in hundredths of a percent as the document prints it where it is not whole
    /// (`5,5`); nil for a whole percent.
    static func percent(_ hundredths: Int) -> String? {
        hundredths % 100 == 0 ? nil : EUVATRates.text(hundredths).replacingOccurrences(of: ".", with: ",")
    }

    /// The seller for a letterhead: legal name, street, postcode and city.
    static func sellerLines(_ seller: Seller) -> [String] {
        [seller.legalName, seller.street, "\(seller.zip) \(seller.city)"].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The seller's tax number, VAT ID and bank, for the foot of a document.
    static func sellerFacts(_ seller: Seller) -> [String] {
        var facts: [String] = []
        if !seller.taxNumber.isEmpty { facts.append("Steuernummer \(seller.taxNumber)") }
        if !seller.vatID.isEmpty { facts.append("USt-IdNr. \(seller.vatID)") }
        if !seller.iban.isEmpty { facts.append("IBAN \(seller.iban)") }
        if !seller.bic.isEmpty { facts.append("BIC \(seller.bic)") }
        return facts
    }

    /// How a payment method reads on an invoice.
    static func paymentName(_ method: PaymentMethod) -> String {
        switch method {
        case .prepaid: "Vorkasse"
        case .invoice: "Rechnung"
        case .paypal: "PayPal"
        case .card: "Kreditkarte"
        case .cod: "Nachnahme"
        }
    }
}
