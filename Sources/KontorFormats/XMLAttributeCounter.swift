/// Counts the attributes of every start tag in the bytes on their way to libxml2, so that an
/// element with more than a limit is refused before libxml2 parses its tag.
///
/// libxml2 2.9 compares each attribute of a tag with every one before it, and a schema
/// reports each attribute it does not allow: a tag with 400,000 attributes took 20 minutes.
/// The counter looks at each byte once. It knows just enough XML to tell where a start tag
/// is: comments, CDATA sections, processing instructions, declarations and end tags are
/// passed over, and in a start tag every `=` outside a quoted value starts an attribute.
/// Zero bytes are skipped, as `XMLPrologScanner` skips them.
struct XMLAttributeCounter {
    /// An element with too many attributes: its name (as far as read) and the line its tag
    /// starts on.
    struct Excess: Equatable {
        var element: String
        var line: Int
    }

    private enum State {
        case text, afterAngle, afterBang, afterBangDash
        case comment(dashes: Int)
        /// Inside `<![`: `matched` bytes of `CDATA[` seen.
        case cdataStart(matched: Int)
        case cdata(brackets: Int)
        case instruction(sawQuestionMark: Bool)
        case declaration(quote: UInt8?)
        case endTag
        case startTag(inName: Bool, quote: UInt8?)
    }

    /// The most attributes one element may have.
    let limit: Int
    private var state = State.text
    private var line = 1
    private var tagLine = 1
    private var count = 0
    private var name: [UInt8] = []

    private static let cdataKeyword = Array("CDATA[".utf8)

    init(limit: Int) { self.limit = limit }

    /// Scans the next bytes; returns the first element with more than `limit` attributes.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Excess? {
        for byte in bytes where byte != 0 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if advance(byte) {
                return Excess(element: String(decoding: name, as: UTF8.self), line: tagLine)
            }
        }
        return nil
    }

    /// Takes one byte; true when it makes a start tag exceed the limit.
    private mutating func advance(_ byte: UInt8) -> Bool {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { state = .afterAngle }
        case .afterAngle:
            switch byte {
            case UInt8(ascii: "!"): state = .afterBang
            case UInt8(ascii: "?"): state = .instruction(sawQuestionMark: false)
            case UInt8(ascii: "/"): state = .endTag
            default:
                state = .startTag(inName: true, quote: nil)
                tagLine = line
                count = 0
                name = [byte]
            }
        case .afterBang:
            switch byte {
            case UInt8(ascii: "-"): state = .afterBangDash
            case UInt8(ascii: "["): state = .cdataStart(matched: 0)
            default: state = .declaration(quote: nil)
            }
        case .afterBangDash:
            state = byte == UInt8(ascii: "-") ? .comment(dashes: 0) : .declaration(quote: nil)
        case .comment(let dashes):
            if dashes >= 2, byte == UInt8(ascii: ">") {
                state = .text
            } else {
                state = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .cdataStart(let matched):
            if byte == Self.cdataKeyword[matched] {
                state = matched + 1 == Self.cdataKeyword.count ? .cdata(brackets: 0) : .cdataStart(matched: matched + 1)
            } else {
                state = .declaration(quote: nil)
            }
        case .cdata(let brackets):
            if brackets >= 2, byte == UInt8(ascii: ">") {
                state = .text
            } else {
                state = .cdata(brackets: byte == UInt8(ascii: "]") ? brackets + 1 : 0)
            }
        case .instruction(let sawQuestionMark):
            if sawQuestionMark, byte == UInt8(ascii: ">") {
                state = .text
            } else {
                state = .instruction(sawQuestionMark: byte == UInt8(ascii: "?"))
            }
        case .declaration(let quote):
            if let quote {
                if byte == quote { state = .declaration(quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .declaration(quote: byte)
            } else if byte == UInt8(ascii: ">") {
                state = .text
            }
        case .endTag:
            if byte == UInt8(ascii: ">") { state = .text }
        case .startTag(let inName, let quote):
            if let quote {
                if byte == quote { state = .startTag(inName: false, quote: nil) }
                return false
            }
            switch byte {
            case UInt8(ascii: ">"):
                state = .text
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                state = .startTag(inName: false, quote: byte)
            case UInt8(ascii: "="):
                count += 1
                if count > limit { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "/"):
                if inName { state = .startTag(inName: false, quote: nil) }
            default:
                if inName, name.count < 64 { name.append(byte) }
            }
        }
        return false
    }
}
