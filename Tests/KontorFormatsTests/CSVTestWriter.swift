/// Writes CSV as a careful program would: fields in quotes when they need them (and
/// sometimes when they do not), quotes doubled.
struct CSVTestWriter {
    var delimiter: Character
    var lineBreak: String

    /// The text of one record, without its line break.
    func record(_ fields: [String], quoteAnyway: (Int) -> Bool) -> String {
        fields.enumerated().map { index, field in
            let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
                || (fields.count == 1 && field.isEmpty)
            guard needsQuotes || quoteAnyway(index) else { return field }
            return "\"" + field.replacing("\"", with: "\"\"") + "\""
        }.joined(separator: String(delimiter))
    }
}
