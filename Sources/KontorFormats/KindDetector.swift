import KontorCore

/// Decides which of Kontor's own kinds a file holds from its set of column names or keys.
public enum KindDetector {
    /// The columns that identify each kind, most specific first.
    public static let signatures: [(kind: DocumentKind, required: [String], excluded: [String])] = [
        (.orders, ["order_number", "order_date", "sku", "quantity", "unit_price"], []),
        (.transfers, ["sku", "quantity", "from_warehouse", "to_warehouse"], []),
        (.payouts, ["payout_id", "order_number", "amount"], []),
        (.returns, ["order_number", "sku", "quantity"], ["order_date", "unit_price"]),
        (.products, ["sku", "name", "price", "vat_rate"], []),
        (.stockCount, ["sku", "counted"], []),
        (.goodsReceipt, ["sku", "received"], []),
        (.customers, ["customer_id", "name", "email"], []),
        (.payments, ["reference", "amount", "date"], []),
        (.exchangeRates, ["currency", "date", "rate"], ["order_number", "reference"]),
        // Refunds without goods (goodwill): after payments, whose German `Bestellnummer` may name an order too.
        (.returns, ["order_number", "amount"], ["order_date", "unit_price", "reference"]),
        // A status and what names the parcel: after returns, whose export may give the
        // tracking number of the parcel sent back.
        (.tracking, ["tracking_number", "status"], []),
        (.tracking, ["shipment", "status"], []),
        (.tracking, ["sscc", "status"], []),
        // Only an order number (and a reason): a column of any other kind rules it out, so
        // that an orders or payments file missing a column is never taken for cancellations.
        (.cancellations, ["order_number"], cancellationsExcluded),
    ]

    /// Every column each kind understands, required or optional.
    public static let knownColumns: [DocumentKind: Set<String>] = [
        .products: ["sku", "name", "price", "vat_rate", "weight_kg", "ean", "reorder_point", "cost",
                    "bin", "tariff_number", "origin_country", "warehouse", "lead_time_days", "min_order_quantity", "supplier"],
        .stockCount: ["sku", "counted", "warehouse", "scope"],
        .goodsReceipt: ["sku", "received", "cost", "supplier", "reference", "warehouse"],
        .customers: ["customer_id", "name", "email", "credit_limit", "payment_terms_days", "vat_id", "country", "street", "zip", "city", "business", "dunning_stop", "blocked"],
        .orders: ["order_number", "order_date", "sku", "quantity", "unit_price", "customer_id", "customer_email",
                  "customer_name", "ship_name", "ship_addition", "ship_street", "ship_zip", "ship_city", "ship_country",
                  "payment_method", "paid", "shipping", "currency", "vat_rate", "line_discount", "order_discount",
                  "coupon_code", "invoice_number"],
        .payments: ["reference", "amount", "date", "payer", "method", "currency"],
        .returns: ["order_number", "sku", "quantity", "reason", "condition", "date", "amount", "vat_rate"],
        .cancellations: ["order_number", "reason"],
        .payouts: ["payout_id", "date", "method", "gross", "fees", "net", "order_number", "amount"],
        .tracking: ["shipment", "sscc", "tracking_number", "carrier", "status", "date", "reason"],
        .exchangeRates: ["currency", "date", "rate"],
        .transfers: ["sku", "quantity", "from_warehouse", "to_warehouse", "reference"],
    ]

    /// Every column of the other kinds: none may be in a cancellations file.
    static var cancellationsExcluded: [String] {
        let own = knownColumns[.cancellations] ?? []
        return knownColumns.filter { $0.key != .cancellations }.values.flatMap { $0 }.filter { !own.contains($0) }
    }

    /// The exports of shop systems and banks Kontor reads besides its own formats, for error reports.
    public static let otherFormats = "It also reads Shopify order exports and German spreadsheet columns (CSV), "
        + "WooCommerce and Shopware 6 orders (JSON), openTRANS 2.1 orders, BMEcat catalogues and CAMT.053 bank statements (XML), and the ECB's euro reference rates (CSV and XML)."

    /// A column name as Kontor compares it: trimmed, lower case, spaces and dashes as `_`.
    public static func normalize(_ name: String) -> String {
        String(name.trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// The kind whose identifying columns are all present, or nil.
    public static func detect(columns: [String]) -> DocumentKind? {
        let names = Set(columns.map(normalize))
        for signature in signatures where names.isSuperset(of: signature.required) && names.isDisjoint(with: signature.excluded) {
            return signature.kind
        }
        return nil
    }

    /// A shop owner's explanation of why no kind matched: what was found, the kinds Kontor
    /// knows, and what the closest kind is missing.
    public static func explainNoMatch(columns: [String], foundDescription: String, at location: SourceLocation) -> Diagnostic {
        let names = Set(columns.map(normalize))
        let closest = signatures.max { a, b in
            names.intersection(a.required).count * b.required.count < names.intersection(b.required).count * a.required.count
        }!
        let missing = closest.required.filter { !names.contains($0) }
        let known = signatures.map { "\($0.kind.title) (\($0.required.joined(separator: ", ")))" }.joined(separator: "; ")
        var message = "cannot tell what kind of document this is: \(foundDescription)"
        var messageDE = "Dokumentart nicht erkannt: \(foundDescription)"
        if !names.intersection(closest.required).isEmpty {
            message += "; it looks like \(closest.kind.title) but lacks \(missing.joined(separator: ", "))"
            messageDE += "; sieht aus wie \(closest.kind.titleDE), aber es fehlt \(missing.joined(separator: ", "))"
        }
        return Diagnostic("detect.unknown-kind", message, de: messageDE,
                          hint: "Kontor reads these kinds, recognised by their columns: \(known). \(otherFormats) See docs/formats.md.",
                          at: location)
    }
}
