/// Watches the bytes up to the end of the root element's opening tag.
///
/// It finds a DOCTYPE with an internal subset (`<!DOCTYPE x [ ... ]>`, where entities are
/// declared) before libxml2 parses any of it. A DOCTYPE that only names an external DTD
/// (`<!DOCTYPE BMECAT SYSTEM "bmecat_new_catalog.dtd">`, as catalogues carry it) is let
/// through: libxml2 is never asked to load a DTD, so it declares nothing. Any other `<!` in
/// the prolog that does not open a comment is refused too. And the scanner tells where the
/// root's opening tag ends, so that libxml2 parses no further before the reader has seen it.
///
/// Zero bytes are skipped, which lets the DOCTYPE check work on UTF-16 and UTF-32 too;
/// libxml2's own DOCTYPE node is the second line of defence for other encodings.
struct XMLPrologScanner {
    /// What the bytes seen so far tell.
    enum Verdict: Equatable {
        /// Still before the end of the root's opening tag: more bytes are needed.
        case undecided
        /// The root's opening tag is complete, and no DOCTYPE came before it.
        case clear
        /// A DOCTYPE with an internal subset (or another declaration) starts on this 1-based line.
        case doctype(line: Int)
    }

    private enum State {
        case misc, afterAngle, afterBang, afterBangDash
        /// Inside `<!DOCTYPE`, which began on `line`: only an external identifier may follow.
        case doctypeDeclaration(keyword: Int, quote: UInt8?, line: Int)
        case instruction(sawQuestionMark: Bool)
        case comment(dashes: Int)
        case rootTag(quote: UInt8?)
        case decided(Verdict)
    }

    private var state = State.misc
    private var line = 1

    /// The verdict once it is known; `.undecided` before.
    var verdict: Verdict {
        if case .decided(let verdict) = state { verdict } else { .undecided }
    }

    /// Scans the next bytes of the input. Returns the verdict and how many of the bytes it
    /// took to reach it (all of them while undecided).
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> (verdict: Verdict, examined: Int) {
        for (index, byte) in bytes.enumerated() where byte != 0 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            advance(byte)
            if case .decided(let verdict) = state { return (verdict, index + 1) }
        }
        return (verdict, bytes.count)
    }

    private mutating func advance(_ byte: UInt8) {
        switch state {
        case .misc:
            if byte == UInt8(ascii: "<") { state = .afterAngle }
        case .afterAngle:
            switch byte {
            case UInt8(ascii: "?"): state = .instruction(sawQuestionMark: false)
            case UInt8(ascii: "!"): state = .afterBang
            default: state = .rootTag(quote: nil)
            }
        case .afterBang:
            switch byte {
            case UInt8(ascii: "-"): state = .afterBangDash
            case UInt8(ascii: "D"): state = .doctypeDeclaration(keyword: 1, quote: nil, line: line)
            default: state = .decided(.doctype(line: line))
            }
        case .doctypeDeclaration(let keyword, let quote, let start):
            let word = Array("DOCTYPE".utf8)
            if keyword < word.count {
                state = byte == word[keyword] ? .doctypeDeclaration(keyword: keyword + 1, quote: nil, line: start)
                    : .decided(.doctype(line: start))
            } else if let quote {
                if byte == quote { state = .doctypeDeclaration(keyword: keyword, quote: nil, line: start) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .doctypeDeclaration(keyword: keyword, quote: byte, line: start)
            } else if byte == UInt8(ascii: "[") {
                state = .decided(.doctype(line: start))
            } else if byte == UInt8(ascii: ">") {
                state = .misc
            }
        case .afterBangDash:
            state = byte == UInt8(ascii: "-") ? .comment(dashes: 0) : .decided(.doctype(line: line))
        case .instruction(let sawQuestionMark):
            if sawQuestionMark, byte == UInt8(ascii: ">") {
                state = .misc
            } else {
                state = .instruction(sawQuestionMark: byte == UInt8(ascii: "?"))
            }
        case .comment(let dashes):
            if dashes >= 2, byte == UInt8(ascii: ">") {
                state = .misc
            } else {
                state = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .rootTag(let quote):
            if let quote {
                if byte == quote { state = .rootTag(quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .rootTag(quote: byte)
            } else if byte == UInt8(ascii: ">") {
                state = .decided(.clear)
            }
        case .decided:
            break
        }
    }
}
