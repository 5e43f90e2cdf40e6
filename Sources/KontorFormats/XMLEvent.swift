/// One step through an XML document, as `XMLReader` hands it out.
///
/// Every `.start` is matched by an `.end`, also for an empty element such as `<a/>`.
/// Comments and processing instructions are not reported.
public enum XMLEvent: Sendable, Equatable {
    /// An element opens.
    case start(XMLElementStart)
    /// Character data directly inside the open element: text, CDATA or white space,
    /// references resolved. Adjacent pieces may come as several events.
    case text(String)
    /// The innermost open element closes.
    case end
}
