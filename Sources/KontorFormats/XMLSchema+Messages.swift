import CLibXML2
import KontorCore

extension XMLSchema {
    /// libxml2's validation message reworded for a shop owner: without namespaces, the
    /// element's name (the path names it) and facet jargon, and with the type of a value
    /// described in words where `typeDescriptions` knows it.
    ///
    /// `Element '{urn:kontor:formats:1}price': '12,5' is not a valid value of the atomic
    /// type '{urn:kontor:formats:1}amount'.` becomes `'12,5' is not a valid amount (...)`.
    ///
    /// `patterns` are the compiled regular expressions, which one reader keeps for all its
    /// messages: a regex literal is compiled where it is evaluated, which cost about 0.7 ms
    /// for every message (0.7 s for a tag of 1,000 attributes the schema does not allow).
    func problem(_ entry: XMLErrorCollector.Entry, patterns: XMLSchemaMessagePatterns) -> XMLSchemaProblem {
        var message = entry.message
        if message.last == "." { message.removeLast() }
        message.replace(patterns.namespace, with: "")
        var element: String?
        if let match = message.prefixMatch(of: patterns.element) {
            element = String(match.output.1)
            message = String(message[match.range.upperBound...])
        }
        message.replace(patterns.facet, with: "")
        if let match = message.wholeMatch(of: patterns.invalidValue) {
            let type = match.output.2.map(String.init)
            let described = type.flatMap { typeDescriptions[$0] } ?? type ?? "value"
            message = "\(match.output.1) is not a valid \(described)"
        }
        if let match = message.firstMatch(of: patterns.enumeration) {
            message.replaceSubrange(match.range, with: "is not one of \(match.output.1)")
        }
        if message.hasSuffix("has a length of '0'; this underruns the allowed minimum length of '1'") {
            message = "must not be empty"
        }
        message.replace(". Expected is", with: "; expected is")
        if let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase == true {
            message = first.lowercased() + message.dropFirst()
        }
        let severity: Diagnostic.Severity = entry.level == XML_ERR_WARNING ? .warning : .error
        return XMLSchemaProblem(element: element, line: entry.line, message: message, severity: severity)
    }
}

/// The regular expressions with which `XMLSchema.problem` rewords libxml2's messages,
/// compiled once per reader (a `Regex` is not `Sendable`, so readers do not share them).
struct XMLSchemaMessagePatterns {
    let namespace = #/\{[^{}'\s]*:[^{}'\s]*\}/#
    let element = #/Element '([^']*)'(?:: |, )/#
    let facet = #/\[facet '[^']*'\] /#
    let invalidValue = #/('.*') is not a valid value of the (?:local )?\w+ type(?: '([^']*)')?/#
    let enumeration = #/is not an element of the set \{(.*)\}$/#
}
