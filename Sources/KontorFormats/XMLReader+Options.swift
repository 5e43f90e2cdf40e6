extension XMLReader {
    /// Limits and validation for one `XMLReader`.
    public struct Options: Sendable {
        /// The deepest nesting of elements read; the root counts as 1. Deeper is refused
        /// with `xml.depth`.
        public var maxDepth: Int
        /// The most bytes (UTF-8) of character data directly inside one element, and of one
        /// attribute value. More is refused with `xml.text-size`.
        public var maxTextBytes: Int
        /// The most attributes of one element, namespace declarations included. More is
        /// refused with `xml.attribute-count` before libxml2 parses the tag.
        public var maxAttributes: Int
        /// A schema to validate against while reading; problems become `xml.schema`
        /// diagnostics in `XMLReader.diagnostics`.
        public var schema: XMLSchema?

        /// Creates options; the defaults suit Kontor's inbox.
        public init(maxDepth: Int = 64, maxTextBytes: Int = 1 << 20, maxAttributes: Int = 256, schema: XMLSchema? = nil) {
            self.maxDepth = maxDepth
            self.maxTextBytes = maxTextBytes
            self.maxAttributes = maxAttributes
            self.schema = schema
        }
    }
}
