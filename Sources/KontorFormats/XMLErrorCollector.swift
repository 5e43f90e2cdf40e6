import CLibXML2

/// Collects the errors libxml2 reports through a structured error handler.
final class XMLErrorCollector {
    /// One error as libxml2 raised it, copied out of its transient struct.
    struct Entry {
        var code: Int32
        var level: xmlErrorLevel
        /// The message without its trailing line break.
        var message: String
        /// 1-based line, or nil where libxml2 gives none.
        var line: Int?
        /// 1-based column, or nil where libxml2 gives none.
        var column: Int?
    }

    private(set) var errors: [Entry] = []

    /// The C function through which libxml2 reports an error to a collector.
    static let append: xmlStructuredErrorFunc = { collector, error in
        guard let collector, let error else { return }
        Unmanaged<XMLErrorCollector>.fromOpaque(collector).takeUnretainedValue().errors.append(Entry(error.pointee))
    }
}

extension XMLErrorCollector.Entry {
    /// Copies what Kontor reports out of libxml2's error struct.
    init(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown error"
        while message.last?.isNewline == true { message.removeLast() }
        self.init(
            code: error.code,
            level: error.level,
            message: message,
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil
        )
    }
}
