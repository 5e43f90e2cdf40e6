import KontorCore

extension XMLElementNode {
    /// Every element down `path`, a list of local names, each step taking all children of
    /// that name: `"RmtInf", "Ustrd"` gives every line of unstructured remittance information.
    func camt053Elements(_ path: String...) -> [XMLElementNode] {
        camt053Elements(path)
    }

    /// The first element down `path` (`"BookgDt", "Dt"`); nil if there is none.
    func camt053Element(_ path: String...) -> XMLElementNode? {
        camt053Elements(path).first
    }

    /// The trimmed text of the first element down `path` that has some; nil if none has.
    func camt053Text(_ path: String...) -> String? {
        camt053Elements(path).lazy.compactMap(\.camt053TrimmedText).first
    }

    /// The trimmed text of every element down `path` that has some, in document order.
    func camt053Texts(_ path: String...) -> [String] {
        camt053Elements(path).compactMap(\.camt053TrimmedText)
    }

    /// Where this element is in `file`, for diagnostics and records.
    func camt053Location(file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, path: path)
    }

    private func camt053Elements(_ path: [String]) -> [XMLElementNode] {
        path.reduce([self]) { nodes, name in nodes.flatMap { $0.children.filter { $0.name == name } } }
    }

    /// The text without surrounding white space; nil when that leaves nothing.
    private var camt053TrimmedText: String? {
        let text = text.trimmingSpaces()
        return text.isEmpty ? nil : text
    }
}
