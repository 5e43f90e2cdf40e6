import CLibXML2
import KontorCore

/// A compiled W3C XML Schema that `XMLReader` validates against while it streams a document.
///
/// Compile a schema once and share it between readers: validation only reads it.
public final class XMLSchema: @unchecked Sendable {
    /// The compiled schema; immutable once compiled, which makes sharing it safe.
    let pointer: xmlSchemaPtr
    /// Names of simple types for people, by type name without namespace (`amount`, `xs:date`).
    let typeDescriptions: [String: String]

    /// Compiles the schema `xsd`, trusted text shipped with Kontor; `name` names it in
    /// errors, and `typeDescriptions` words a value's type in messages, such as
    /// `"amount": "amount (a point as decimal separator, at most 2 decimal places)"`.
    ///
    /// Throws a `Diagnostic` with code `xml.schema-invalid` if the schema does not compile.
    public init(xsd: String, name: String, typeDescriptions: [String: String] = [:]) throws {
        let errors = XMLErrorCollector()
        let compiled: xmlSchemaPtr? = xsd.withCString { text in
            guard let context = xmlSchemaNewMemParserCtxt(text, Int32(xsd.utf8.count)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            let errorsPointer = Unmanaged.passUnretained(errors).toOpaque()
            xmlSchemaSetParserStructuredErrors(context, XMLErrorCollector.append, errorsPointer)
            return withLibXML2ErrorHandler(XMLErrorCollector.append, context: errorsPointer) { xmlSchemaParse(context) }
        }
        guard let compiled else {
            let first = errors.errors.first
            throw Diagnostic(
                "xml.schema-invalid",
                "the schema \(name) does not compile: \(first?.message ?? "libxml2 gave no reason")",
                de: "Das Schema \(name) lässt sich nicht übersetzen: \(first?.message ?? "libxml2 nennt keinen Grund")",
                at: SourceLocation(file: name, line: first?.line)
            )
        }
        pointer = compiled
        self.typeDescriptions = typeDescriptions
    }

    deinit { xmlSchemaFree(pointer) }
}
