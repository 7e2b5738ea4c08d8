import LaporTestSupport
import Testing

@testable import Terminal

/// Widths as terminals draw them (issue 12): a sequence whose width terminals disagree on is
/// drawn in a form they agree on, and counted as that form.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("👨‍👩‍👧‍👦", "👨", 2), ("🇮🇩", "ID", 2), ("1️⃣", "1", 1), ("👍🏽", "👍", 2), ("❤️", "❤", 1), ("✔️", "✔", 1), ("é", "é", 1), ("e\u{301}", "é", 1), ("🇮", "I", 1),
        ("\u{0378}", "\u{FFFD}", 1),
        ("陈", "陈", 2), ("🚧", "🚧", 2), ("a", "a", 1),
    ])
    func eachClusterHasOneDrawnFormAndItsWidth(cluster: String, drawn: String, width: Int) throws {
        let character = try #require(cluster.first)
        #expect(DisplayWidth.drawable(character) == drawn)
        #expect(DisplayWidth.of(character) == width)
    }

    /// Every scalar is counted as the C library counts it (what ncurses and tmux count), asked
    /// independently (`TerminalOracle`); one it cannot print takes the one column of its
    /// placeholder; controls none, as the sanitiser shows them as symbols first (issue 25).
    @Test func everyScalarIsCountedAsTheCLibraryCountsIt() throws {
        var wrong: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = TerminalOracle.wcwidth(scalar)
            let control = v < 0x20 || (0x7F..<0xA0).contains(v)
            let regional = (0x1F1E6...0x1F1FF).contains(v)
            let expected = control ? 0 : regional ? 1 : c < 0 ? 1 : c
            if DisplayWidth.of(scalar) != expected, wrong.count < 20 {
                wrong.append("U+\(String(v, radix: 16)): \(DisplayWidth.of(scalar)) vs \(expected)")
            }
            if !control, !regional, DisplayWidth.cWidth(scalar) != c, wrong.count < 20 { wrong.append("U+\(String(v, radix: 16)) C \(c)") }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        // The ones terminals were seen to disagree on, by name.
        for (text, width) in [("🏳", 1), ("👁", 1), ("🌡", 1), ("〈", 2), ("\u{2028}", 1), ("\u{0378}", 1), ("\u{AD}", 1), ("🇮", 1)] {
            #expect(DisplayWidth.of(text) == width, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// A string's width is its characters' widths, on the ASCII fast path and off it.
    @Test func aStringIsItsCharacters() {
        for text in ["\r\n", "Jalan \u{1F600} ok", "e\u{301}", "日本", "\u{1B}[2J", "tab\there"] + TerminalOracle.hostileTexts {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
        }
    }

    /// Each hostile text, drawn into a grid at any offset, is counted by the terminal as by lapor:
    /// cell by cell, one spacing scalar each, a placeholder for what it cannot print, marks kept
    /// to four, nothing invisible that could move or hide a column.
    @Test func hostileTextDrawsAsTheTerminalCounts() {
        for text in TerminalOracle.hostileTexts {
            for offset in 0..<3 {
                var grid = CellGrid(width: 40, height: 2)
                let used = grid.put(text, x: offset, y: 0, maxWidth: 30)
                grid.put("|", x: offset + used, y: 0)
                grid.put(text + text, x: 0, y: 1)
                #expect(TerminalOracle.problems(grid).isEmpty, "\(text.debugDescription): \(TerminalOracle.problems(grid))")
                // The mark after the text lands where `put` said the text ended.
                #expect(grid[offset + used, 0].text == "|", "\(text.debugDescription) at \(offset)")
                #expect(used == min(30, DisplayWidth.of(text)) || used == 30, "\(text.debugDescription): \(used)")
            }
        }
    }

    @Test func aGridCellHoldsTheDrawnForm() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("👨‍👩‍👧‍👦🇮🇩x", x: 0, y: 0)
        #expect(grid.text.hasPrefix("👨IDx"), "\(grid.text)")
    }
}

/// Cutting text for a narrow screen: at words and whole fields, with "…" (issue 12).
@Suite struct FittingTests {
    @Test func aMessageIsCutAtAWord() {
        #expect(DisplayWidth.truncateAtWord("Sinkron: 0 laporan diperbarui, 0 dihapus", to: 24) == "Sinkron: 0 laporan…")
        #expect(DisplayWidth.truncateAtWord("pendek", to: 24) == "pendek")
        #expect(DisplayWidth.truncateAtWord("satukatayangpanjangsekali", to: 10) == "satukatay…")
    }

    @Test func aUnitNameKeepsItsEnd() {
        #expect(DisplayWidth.truncateKeepingEnd("Suku Dinas PU Jakarta Utara", to: 18) == "…PU Jakarta Utara")
        #expect(DisplayWidth.truncateKeepingEnd("Dinas PU", to: 18) == "Dinas PU")
    }

    @Test func fieldsAreWholeOrLeftOutWithAnEllipsis() {
        let fields = ["terlambat 1", "hari ini 0", "kotak keluar 1", "Dinas Pekerjaan Umum"]
        #expect(DisplayWidth.fitFields(fields, separator: " · ", to: 200) == fields.joined(separator: " · "))
        #expect(DisplayWidth.fitFields(fields, separator: " · ", to: 30) == "terlambat 1 · hari ini 0 · …")
        #expect(DisplayWidth.of(DisplayWidth.fitFields(fields, separator: " · ", to: 30)) <= 30)
        #expect(DisplayWidth.fitFields(["satu bidang yang panjang"], separator: " · ", to: 12) == "satu bidang…")
    }
}
