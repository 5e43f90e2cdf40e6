import KontorCore

extension JSONElement {
    /// The element as a flat record: each member with a text, number or boolean value
    /// becomes a field, its text the string, the number as written, or `true`/`false`;
    /// a member whose value is null is left out. Keys are trimmed.
    ///
    /// - Throws: `json.shape` when the element is not an object, `json.nested` for the first
    ///   member whose value is an array or an object.
    public func flatRecord(file fileName: String) throws(Diagnostic) -> FlatRecord {
        let location = SourceLocation(file: fileName, line: line, path: pointer)
        guard case .object(let members) = value else {
            throw Diagnostic.jsonNotObject(value, at: location)
        }
        var fields: [(name: String, value: FieldValue)] = []
        fields.reserveCapacity(members.count)
        for (key, value) in members {
            let place = SourceLocation(file: fileName, line: line, path: pointer + "/" + JSONPointer.escape(key))
            let text: String
            switch value {
            case .null: continue
            case .bool(let flag): text = flag ? "true" : "false"
            case .number(let literal): text = literal
            case .string(let string): text = string
            case .array, .object: throw Diagnostic.jsonNested(key, value, at: place)
            }
            fields.append((name: key.trimmingSpaces(), value: FieldValue(text: text, location: place)))
        }
        return FlatRecord(location: location, fields: fields)
    }
}
