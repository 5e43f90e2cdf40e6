import KontorCore
import Testing

@Suite struct DiagnosticLogTests {
    func warning(_ i: Int) -> Diagnostic {
        Diagnostic("payment.unmatched", "payment \(i) matches nothing", at: SourceLocation(file: "p.csv", line: i + 1),
                   severity: .warning)
    }

    /// Warnings past the cap used to count as errors, which rejected a file without an error.
    @Test func warningsPastTheirCapAreSummedUpNotCountedAsErrors() {
        var log = DiagnosticLog(cap: 3)
        for i in 1...5 { log.append(warning(i)) }
        #expect(!log.hasErrors && log.errorCount == 0 && log.suppressed == 0)
        #expect(log.warningCount == 5 && log.suppressedWarnings == 2)
        #expect(!log.isFull)
        #expect(log.diagnostics.map(\.description) == [
            "p.csv:2: warning: payment 1 matches nothing",
            "p.csv:3: warning: payment 2 matches nothing",
            "p.csv:4: warning: payment 3 matches nothing",
            "p.csv:5: warning: … and 2 more warnings, not listed; the first of them is here",
        ])
        #expect(log.diagnostics.last?.occurrences == 2)
    }

    /// Warnings filled the log, so that an error after them was never listed.
    @Test func warningsLeaveRoomForErrors() {
        var log = DiagnosticLog(cap: 2)
        for i in 1...4 { log.append(warning(i)) }
        log.append(Diagnostic("field.invalid", "quantity \"zwei\" is not a whole number", at: SourceLocation(file: "p.csv", line: 9)))
        #expect(log.errorCount == 1 && !log.isFull)
        #expect(log.diagnostics.map(\.code) == ["payment.unmatched", "payment.unmatched", "field.invalid", "log.more-warnings"])
    }

    @Test func theSameProblemAtTheSamePlaceIsCountedNotRepeated() {
        var log = DiagnosticLog(cap: 100)
        let place = SourceLocation(file: "p.xml", line: 7, column: 29)
        for _ in 1...100 { log.append(Diagnostic("xml.syntax", "mismatch", de: "Fehler", at: place)) }
        log.append(Diagnostic("xml.syntax", "mismatch", at: SourceLocation(file: "p.xml", line: 8)))
        #expect(log.diagnostics.map(\.description) == ["p.xml:7:29: mismatch (found 100 times)", "p.xml:8: mismatch"])
        #expect(log.diagnostics.first?.messageDE == "Fehler (100-mal gefunden)")
        #expect(log.errorCount == 101)
    }
}
