import Testing

@testable import LaporImport

/// The CSV formula guard and its undoing (issue 24): what writing puts on, reading takes off, and
/// nothing else, so an export read back holds the cells as they were.
@Suite struct FormulaGuardTests {
    @Test func guardedCellsReadBackAsTheyWere() {
        let cells = [
            "=1+1", "+62 812", "-6", "-", "@SUM(A1)", " =x", "\t=x", "\r=x", "\n@x", "'=x", "''=x", "'-6", "'9108001", "'", "''", "Jalan",
            "", "=\u{0301}1", "100%", "-0,5", "+", "'\t+x",
        ]
        for cell in cells {
            #expect(FormulaGuard.unguarded(FormulaGuard.guarded(cell)) == cell, "\(cell.debugDescription)")
        }
        for dangerous in ["=1+1", "+62 812", "@SUM(A1)", " =x", "\t=x", "\r=x", "\n@x", "-", "+", "-A1"] {
            #expect(FormulaGuard.guarded(dangerous) == "'" + dangerous, "\(dangerous.debugDescription)")
        }
        for harmless in ["-6", "+62", "Jalan", "'9108001", "'-6", ""] {
            #expect(FormulaGuard.guarded(harmless) == harmless, "\(harmless.debugDescription)")
        }
    }
}
