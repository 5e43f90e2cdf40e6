import KontorCore

/// The diagnostics with which `XMLReader` refuses a document.
extension Diagnostic {
    static func xmlDoctype(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.doctype",
            "the file contains a DOCTYPE declaration with declarations of its own; Kontor does not read DTDs or entity declarations, remove the <!DOCTYPE ...> part",
            de: "Die Datei enthält eine DOCTYPE-Deklaration mit eigenen Deklarationen; Kontor liest keine DTDs und keine Entity-Deklarationen, bitte den Teil <!DOCTYPE ...> entfernen",
            at: location
        )
    }

    static func xmlEntity(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.entity",
            "the entity reference &\(name); is not allowed; Kontor resolves only &amp; &lt; &gt; &quot; &apos; and character references such as &#228;",
            de: "Der Entity-Verweis &\(name); ist nicht erlaubt; Kontor löst nur &amp; &lt; &gt; &quot; &apos; und Zeichenverweise wie &#228; auf",
            at: location
        )
    }

    static func xmlDepth(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.depth",
            "elements are nested more than \(limit) levels deep; Kontor reads at most \(limit)",
            de: "Elemente sind tiefer als \(limit) Ebenen verschachtelt; Kontor liest höchstens \(limit)",
            at: location
        )
    }

    static func xmlTextSize(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.text-size",
            "the text of this element is longer than \(limit) bytes; Kontor reads at most \(limit)",
            de: "Der Text dieses Elements ist länger als \(limit) Bytes; Kontor liest höchstens \(limit)",
            at: location
        )
    }

    static func xmlAttributeSize(_ name: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.text-size",
            "the value of attribute \(name) is longer than \(limit) bytes; Kontor reads at most \(limit)",
            de: "Der Wert des Attributs \(name) ist länger als \(limit) Bytes; Kontor liest höchstens \(limit)",
            at: location
        )
    }

    static func xmlAttributeCount(_ element: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "xml.attribute-count",
            "the element <\(element)> has more than \(limit) attributes; Kontor reads at most \(limit)",
            de: "Das Element <\(element)> hat mehr als \(limit) Attribute; Kontor liest höchstens \(limit)",
            hint: "Kontor's data is in elements, not attributes; export the file again.",
            at: location
        )
    }

    static func xmlSyntax(_ message: String, at location: SourceLocation, severity: Severity = .error) -> Diagnostic {
        Diagnostic("xml.syntax", message, de: "XML-Fehler: \(message)", at: location, severity: severity)
    }
}
