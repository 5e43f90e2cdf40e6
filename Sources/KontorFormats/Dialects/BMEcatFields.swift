import KontorCore

/// Reads values out of the element trees of BMEcat catalogues and openTRANS orders (both
/// use BMEcat's element names, decimal points and VAT factors), and collects a diagnostic
/// naming the element path and line for every value it cannot use.
///
/// Elements are looked up by local name, whatever their namespace prefix, so that
/// `bmecat:SUPPLIER_PID` and `SUPPLIER_PID` read the same.
struct BMEcatFields {
    /// The file's name as the shop uploaded it.
    let file: String
    /// The problems found so far.
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Whether an error was found.
    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Where `node` is: its line and element path.
    func location(_ node: XMLElementNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, path: node.path)
    }

    /// The element reached from `node` through the child names `path`, taking the first
    /// child of each name.
    static func find(_ node: XMLElementNode?, _ path: String...) -> XMLElementNode? {
        find(node, path)
    }

    /// The element reached from `node` through the child names `path`.
    static func find(_ node: XMLElementNode?, _ path: [String]) -> XMLElementNode? {
        var current = node
        for name in path { current = current?.child(name) }
        return current
    }

    /// The children of `node` with this local name.
    static func all(_ node: XMLElementNode?, _ name: String) -> [XMLElementNode] {
        node?.children.filter { $0.name == name } ?? []
    }

    /// The trimmed text of `node`, nil when it is missing or empty.
    static func text(_ node: XMLElementNode?) -> String? {
        guard let text = node?.text.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    /// Records an error at `node`.
    mutating func fail(_ code: String, _ message: String, de: String, hint: String? = nil, at node: XMLElementNode) {
        problems.append(Diagnostic(code, message, de: de, hint: hint, at: location(node)))
    }

    /// Records a warning at `node`.
    mutating func warn(_ code: String, _ message: String, de: String, hint: String? = nil, at node: XMLElementNode) {
        problems.append(Diagnostic(code, message, de: de, hint: hint, at: location(node), severity: .warning))
    }

    /// A decimal amount scaled by 10^`places`; `what` says whose it is in the message
    /// (`PRICE_AMOUNT "3,50" of article ART-1 is not a number`).
    /// `limit` words a value too large to read at all.
    mutating func decimal(_ node: XMLElementNode, places: Int, what: BMEcatSubject, limit: FigureLimit = .amount) -> Int? {
        let text = node.text.trimmingSpaces()
        switch DecimalParser.parse(text, places: places) {
        case .success(let value):
            return value
        case .failure(.empty):
            fail("field.missing", "\(node.name) \(what) is empty", de: "\(node.name) \(what.de) ist leer", at: node)
        case .failure(.tooManyDecimals(let p)):
            fail("field.invalid", "\(node.name) \"\(text)\" \(what) has more than \(p) decimal places",
                 de: "\(node.name) \"\(text)\" \(what.de) hat mehr als \(p) Nachkommastellen", at: node)
        case .failure(.outOfRange):
            problems.append(.outOfRange(node.name, "\"\(text)\"", limit, negative: text.hasPrefix("-"), subject: what,
                                        at: location(node)))
        case .failure(.notANumber), .failure(.ambiguousSeparator):
            fail("field.invalid", "\(node.name) \"\(text)\" \(what) is not a number",
                 de: "\(node.name) \"\(text)\" \(what.de) ist keine Zahl",
                 hint: "Write amounts with a decimal point and no thousands separator, for example 1234.50.", at: node)
        }
        return nil
    }

    /// An amount scaled by 10^`places` (2: cents; 4 for net list prices), at most
    /// 1,000,000,000.00 EUR in absolute value.
    mutating func amount(_ node: XMLElementNode, places: Int, what: BMEcatSubject) -> Int? {
        guard let value = decimal(node, places: places, what: what) else { return nil }
        var scale = 1
        for _ in 2..<max(2, places) { scale *= 10 }
        guard value.magnitude <= UInt(Limits.maxAmountMinor) * UInt(scale) else {
            refuse(node, .amount, what: what, negative: value < 0)
            return nil
        }
        return value
    }

    /// A weight in grams, from kilograms (`places` 3) or grams (`places` 0), at most 1,000 kg.
    mutating func weightGrams(_ node: XMLElementNode, places: Int, what: BMEcatSubject) -> Int? {
        guard let value = decimal(node, places: places, what: what, limit: .weight) else { return nil }
        guard FigureLimit.weight.admits(value) else {
            refuse(node, .weight, what: what)
            return nil
        }
        return value
    }

    /// Records that the value of `node` is beyond `limit`.
    private mutating func refuse(_ node: XMLElementNode, _ limit: FigureLimit, what: BMEcatSubject, negative: Bool = false) {
        problems.append(.outOfRange(node.name, "\"\(node.text.trimmingSpaces())\"", limit, negative: negative, subject: what,
                                    at: location(node)))
    }

    /// A whole number of at least `minimum`; `24` and `24.0` are read alike.
    mutating func wholeNumber(_ node: XMLElementNode, minimum: Int, what: BMEcatSubject) -> Int? {
        guard let scaled = decimal(node, places: 3, what: what, limit: .quantity) else { return nil }
        guard scaled % 1000 == 0 else {
            fail("field.invalid", "\(node.name) \"\(node.text.trimmingSpaces())\" \(what) is not a whole number",
                 de: "\(node.name) \"\(node.text.trimmingSpaces())\" \(what.de) ist keine ganze Zahl",
                 hint: "Kontor counts articles in whole units.", at: node)
            return nil
        }
        let value = scaled / 1000
        guard value >= minimum else {
            fail("field.invalid", "\(node.name) \(value) \(what) is less than \(minimum)",
                 de: "\(node.name) \(value) \(what.de) ist kleiner als \(minimum)", at: node)
            return nil
        }
        guard FigureLimit.quantity.admits(value) else {
            refuse(node, .quantity, what: what)
            return nil
        }
        return value
    }

    /// A VAT rate written as a factor, as BMEcat and openTRANS write it: `0.19`, `0.07`, `0.00`.
    mutating func taxFactor(_ node: XMLElementNode, what: BMEcatSubject) -> VATRate? {
        let text = node.text.trimmingSpaces()
        if case .success(let tenThousandths) = DecimalParser.parse(text, places: 4), tenThousandths % 100 == 0,
           let rate = VATRate(percent: tenThousandths / 100) {
            return rate
        }
        fail("field.invalid", "\(node.name) \"\(text)\" \(what) is not a German VAT rate",
             de: "\(node.name) \"\(text)\" \(what.de) ist kein deutscher Umsatzsteuersatz",
             hint: "Give the rate as a factor: 0.19, 0.07 or 0.00.", at: node)
        return nil
    }
}
