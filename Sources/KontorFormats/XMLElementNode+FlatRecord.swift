import KontorCore

extension XMLElementNode {
    /// The record of Kontor's own format that this element holds: each child element that
    /// has no child elements of its own becomes a field named by its local name, with its
    /// text, untrimmed, as the value. Child elements that hold elements are left out.
    ///
    /// The record's location is this element's line and path; each field's location is its
    /// child element's.
    public func flatRecord(file: String) -> FlatRecord {
        FlatRecord(
            location: SourceLocation(file: file, line: line, path: path),
            fields: children.compactMap { child in
                guard child.children.isEmpty else { return nil }
                let location = SourceLocation(file: file, line: child.line, path: child.path)
                return (name: child.name, value: FieldValue(text: child.text, location: location))
            }
        )
    }
}
