import KontorCore

/// A schema validation problem in words for people, before it is tied to an element path.
struct XMLSchemaProblem {
    /// The local name of the element it is about, when libxml2 names one.
    var element: String?
    var line: Int?
    var message: String
    var severity: Diagnostic.Severity
}
