/// Whose value a message is about, in English and German: `of article ART-1`, `des Artikels ART-1`.
struct BMEcatSubject: Sendable, CustomStringConvertible {
    /// The English words, such as `of article ART-1`.
    var en: String
    /// The German words, such as `des Artikels ART-1`.
    var de: String

    /// Of the article with this number.
    static func article(_ sku: String) -> BMEcatSubject {
        BMEcatSubject(en: "of article \(sku)", de: "des Artikels \(sku)")
    }

    /// Of the order item with this line id.
    static func item(_ id: String) -> BMEcatSubject {
        BMEcatSubject(en: "of item \(id)", de: "der Position \(id)")
    }

    /// Of the order as a whole.
    static let order = BMEcatSubject(en: "of the order", de: "der Bestellung")

    var description: String { en }
}
