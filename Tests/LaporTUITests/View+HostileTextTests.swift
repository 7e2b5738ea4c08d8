import LaporDomain
import LaporStore
import LaporTestSupport
import Terminal
import Testing

@testable import LaporTUI

/// Text from reports cannot move the screen's columns (issue 25): with titles, bodies and a
/// composer full of what terminals count differently, every cell of every view is where the
/// terminal will count it (`TerminalOracle`, the C library's wcwidth), the tracking ids stay in
/// their column and the status bar stays the status bar.
@Suite struct HostileTextTests {
    static let sizes = [(80, 24), (120, 40)]

    func hostileState(width: Int, height: Int) -> AppState {
        var s = state(width: width, height: height)
        let texts = TerminalOracle.hostileTexts
        let hostileRows = texts.enumerated().map { i, text in
            row(String(9_170_000 + i), text + " " + text, due: "2026-03-2\(4 + i % 4)T23:59:59+07:00", seen: i % 2 == 0)
        }
        _ = Update.update(&s, .loaded(rows: hostileRows, total: hostileRows.count))
        var report = detail(body: texts.joined(separator: "\n"))
        report.id = hostileRows[0].id
        report.title = texts.joined(separator: " ")
        _ = Update.update(&s, .loadedDetail(report))
        return s
    }

    func check(_ s: AppState, _ what: String) {
        let grid = View.render(s)
        #expect(TerminalOracle.problems(grid).isEmpty, "\(what) \(s.width)×\(s.height): \(TerminalOracle.problems(grid).prefix(5))\n\(grid.text)")
        // The status bar is the status bar: it begins with the deadline counts, not report text.
        let status = (0..<grid.width).map { grid[$0, grid.height - 2].text }.joined()
        #expect(status.hasPrefix(" terlambat"), "\(what): \(status)")
    }

    @Test(arguments: sizes) func everyViewDrawsAsTheTerminalCounts(width: Int, height: Int) {
        var s = hostileState(width: width, height: height)
        check(s, "list")
        // Each listed row shows its tracking id whole, at the list's first columns.
        let grid = View.render(s)
        let ids = Set(s.rows.map(\.id))
        let shown = (0..<grid.height).compactMap { y -> String? in
            let id = (1..<8).map { grid[$0, y].text }.joined()
            return ids.contains(id) ? id : nil
        }
        #expect(shown.count >= min(ids.count, s.listRows), "ids in their column: \(shown)\n\(grid.text)")
        // The detail scrolled through its whole length.
        for _ in 0..<12 {
            _ = Update.update(&s, .key(.tab))
            _ = Update.update(&s, .key(.pageDown))
            _ = Update.update(&s, .key(.tab))
            check(s, "detail")
        }
        // A follow-up composer holding the same text.
        var composing = hostileState(width: width, height: height)
        _ = Update.update(&composing, .key(.char("c")))
        for text in TerminalOracle.hostileTexts { _ = Update.update(&composing, .key(.paste(text + "\n"))) }
        check(composing, "composer")
        // The key help and a search typed with the same text.
        var searching = hostileState(width: width, height: height)
        _ = Update.update(&searching, .key(.char("/")))
        _ = Update.update(&searching, .key(.paste(TerminalOracle.hostileTexts[0])))
        check(searching, "search")
    }
}
