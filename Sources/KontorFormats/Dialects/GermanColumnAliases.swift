import KontorCore

/// The German column names a spreadsheet uses for Kontor's canonical columns, per kind.
///
/// A German name can stand for different canonical columns in different kinds (`Datum` is
/// the order date in orders and the value date in payments; `Preis` the selling price in
/// products and the unit price in orders), so each kind has its own table.
enum GermanColumnAliases {
    /// A column name as the German tables compare it: lower case, umlauts and `ß` spelled out
    /// (`ä` → `ae`, `ß` → `ss`), only letters and digits kept. `Artikel-Nr.`, `artikel nr`
    /// and `ArtikelNr` are all `artikelnr`; `Straße` and `Strasse` are `strasse`.
    static func normalize(_ name: String) -> String {
        var result = ""
        for ch in name.lowercased() {
            switch ch {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            default: if ch.isLetter || ch.isNumber { result.append(ch) }
            }
        }
        return result
    }

    /// The kinds in the order they are tried: the order of ``KindDetector/signatures``,
    /// most specific first, a kind with two signatures at the place of its last (returns
    /// after payments, whose `Bestellnummer` and `Betrag` a goodwill refund shares).
    static var kinds: [DocumentKind] {
        let all = KindDetector.signatures.map(\.kind)
        return all.indices.filter { !all[($0 + 1)...].contains(all[$0]) }.map { all[$0] }
    }

    /// For each canonical column of a kind, the German names that stand for it, in order of
    /// preference when a file has more than one of them. Names are normalized.
    static func table(for kind: DocumentKind) -> [(canonical: String, aliases: [String])] {
        switch kind {
        case .products:
            [("sku", sku), ("name", ["bezeichnung", "artikelname", "artikelbezeichnung", "name"]),
             ("price", ["vkpreis", "bruttopreis", "verkaufspreis", "preis", "vk"]),
             ("vat_rate", vatRate), ("weight_kg", ["gewichtkg", "gewicht"]), ("ean", ["ean", "gtin", "eangtin", "barcode"]),
             ("reorder_point", ["meldebestand", "mindestbestand"]), ("cost", cost), ("bin", ["lagerplatz"]),
             ("tariff_number", ["zolltarifnummer", "zolltarifnr", "warennummer"]),
             ("origin_country", ["ursprungsland", "herkunftsland"]), ("warehouse", ["lager", "lagerort"]),
             ("lead_time_days", ["lieferzeit", "wiederbeschaffungszeit"]), ("min_order_quantity", ["mindestbestellmenge"]),
             ("supplier", ["lieferant"])]
        case .stockCount:
            [("sku", sku), ("counted", ["gezaehlt", "zaehlmenge", "bestand", "istbestand"]), ("warehouse", ["lager", "lagerort"]),
             ("scope", ["umfang", "zaehlumfang"])]
        case .goodsReceipt:
            [("sku", sku), ("received", ["eingang", "liefermenge", "wareneingang", "eingangsmenge"]), ("cost", cost),
             ("supplier", ["lieferant"]), ("reference", ["lieferschein", "lieferscheinnr", "lieferscheinnummer", "referenz"]),
             ("warehouse", ["lager", "lagerort"])]
        case .customers:
            [("customer_id", customerID), ("name", ["name", "kundenname", "firma"]), ("email", email),
             ("credit_limit", ["kreditlimit"]), ("payment_terms_days", ["zahlungsziel", "zahlungszieltage"]),
             ("vat_id", ["ustidnr", "ustid", "ustidnummer"]), ("country", country), ("street", street), ("zip", zip),
             ("city", city), ("business", ["gewerblich", "unternehmer"]), ("dunning_stop", ["mahnsperre"]), ("blocked", ["gesperrt", "kreditsperre"])]
        case .orders:
            [("order_number", orderNumber), ("order_date", ["bestelldatum", "datum"]), ("customer_id", customerID),
             ("customer_email", email), ("customer_name", ["kundenname", "name"]),
             ("ship_name", ["empfaenger", "lieferadressename", "lieferanschriftname"]), ("ship_addition", ["adresszusatz", "zusatz"]),
             ("ship_street", street),
             ("ship_zip", zip), ("ship_city", city), ("ship_country", country), ("payment_method", paymentMethod),
             ("paid", ["bezahlt"]), ("shipping", ["versandkosten", "versand"]), ("sku", sku), ("quantity", quantity),
             ("unit_price", ["einzelpreis", "vkpreis", "bruttopreis", "preis"]), ("currency", ["waehrung"]),
             ("vat_rate", vatRate)]
        case .payments:
            [("reference", ["referenz", "bestellnummer", "bestellnr", "rechnungsnummer", "rechnungsnr"]),
             ("amount", ["betrag"]), ("date", ["zahlungsdatum", "datum", "valuta", "wertstellung", "buchungsdatum"]),
             ("payer", ["zahler", "auftraggeber", "name"]), ("method", paymentMethod), ("currency", ["waehrung"])]
        case .returns:
            [("order_number", orderNumber), ("sku", sku), ("quantity", quantity),
             ("reason", ["grund", "ruecksendegrund", "retourengrund"]), ("condition", ["zustand"]),
             ("date", ["rueckgabedatum", "ruecksendedatum", "eingangsdatum", "datum"]), ("amount", ["betrag", "erstattung"]),
             ("vat_rate", vatRate)]
        case .cancellations:
            [("order_number", orderNumber), ("reason", ["grund", "stornogrund", "stornierungsgrund"])]
        case .payouts:
            [("payout_id", ["auszahlungsnummer", "auszahlungsnr", "auszahlungsid"]), ("date", ["auszahlungsdatum", "datum"]),
             ("method", paymentMethod), ("gross", ["brutto", "bruttobetrag"]), ("fees", ["gebuehren", "gebuehr"]),
             ("net", ["netto", "nettobetrag", "auszahlungsbetrag"]), ("order_number", orderNumber), ("amount", ["betrag"])]
        case .tracking:
            [("shipment", ["sendung", "versandreferenz", "lieferung"]), ("sscc", ["sscc", "nve"]),
             ("tracking_number", ["sendungsnummer", "trackingnummer", "paketnummer"]),
             ("carrier", ["versanddienstleister", "paketdienst", "spediteur"]), ("status", ["status", "sendungsstatus"]),
             ("date", ["datum", "ereignisdatum"]), ("reason", ["grund"])]
        case .transfers:
            [("sku", sku), ("quantity", quantity), ("from_warehouse", ["vonlager", "quelllager", "abgangslager"]),
             ("to_warehouse", ["nachlager", "ziellager", "zugangslager"]), ("reference", ["referenz", "umlagerungsnr"])]
        case .exchangeRates:
            [("currency", ["waehrung"]), ("date", ["kursdatum", "datum"]), ("rate", ["kurs", "referenzkurs", "wechselkurs"])]
        }
    }

    /// German names that rule a kind out although its identifying columns are there: a
    /// file with an order date or a unit price holds orders, not returns.
    static func excluded(for kind: DocumentKind) -> Set<String> {
        switch kind {
        case .returns: ["bestelldatum", "einzelpreis", "vkpreis", "bruttopreis", "preis"]
        case .cancellations:
            // Any German name of another kind's columns.
            Set(kinds.filter { $0 != .cancellations }.flatMap { table(for: $0).flatMap(\.aliases) })
                .subtracting(table(for: .cancellations).flatMap(\.aliases))
        default: []
        }
    }

    /// The payment's free text: searched for order and invoice numbers by the books.
    static let remittance = ["verwendungszweck"]

    private static let sku = ["artikelnummer", "artikelnr", "artnr"]
    private static let vatRate = ["mwstsatz", "mwst", "ustsatz", "ust", "steuersatz", "mehrwertsteuer"]
    private static let cost = ["einkaufspreis", "ekpreis", "eknetto", "ek"]
    private static let customerID = ["kundennummer", "kundennr", "kdnr"]
    private static let email = ["email", "emailadresse", "mail"]
    private static let country = ["land", "laendercode"]
    private static let street = ["strasse", "strasseundhausnummer", "anschrift"]
    private static let zip = ["plz", "postleitzahl"]
    private static let city = ["ort", "stadt", "wohnort"]
    private static let orderNumber = ["bestellnummer", "bestellnr", "auftragsnummer", "auftragsnr"]
    private static let paymentMethod = ["zahlungsart", "zahlart", "zahlweise"]
    private static let quantity = ["menge", "anzahl", "stueck", "stueckzahl"]
}
