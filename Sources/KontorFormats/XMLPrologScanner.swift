/// Watches the bytes up to the end of the root element's opening tag.
///
/// It finds a `<!DOCTYPE` before libxml2 parses any entity declaration in it: in the prolog
/// only comments, processing instructions and a DOCTYPE may follow `<`, so any `<!` that does
/// not open a comment counts as a DOCTYPE. And it tells where the root's opening tag ends, so
/// that libxml2 parses no further before the reader has seen the root.
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
        /// A DOCTYPE starts on this 1-based line.
        case doctype(line: Int)
    }

    private enum State {
        case misc, afterAngle, afterBang, afterBangDash
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
            state = byte == UInt8(ascii: "-") ? .afterBangDash : .decided(.doctype(line: line))
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
