import Testing

@testable import Terminal

/// Widths as terminals draw them (issue 12): a sequence whose width terminals disagree on is
/// drawn in a form they agree on, and counted as that form.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("👨‍👩‍👧‍👦", "👨", 2), ("🇮🇩", "ID", 2), ("1️⃣", "1", 1), ("👍🏽", "👍", 2), ("❤️", "❤", 1), ("✔️", "✔", 1), ("é", "é", 1),
        ("陈", "陈", 2), ("🚧", "🚧", 2), ("a", "a", 1),
    ])
    func eachClusterHasOneDrawnFormAndItsWidth(cluster: String, drawn: String, width: Int) throws {
        let character = try #require(cluster.first)
        #expect(DisplayWidth.drawable(character) == drawn)
        #expect(DisplayWidth.of(character) == width)
    }

    /// The ASCII and Latin-1 fast paths agree with the width from Unicode properties, scalar by
    /// scalar and for strings and characters made of them (issue 13).
    @Test func theFastPathsAgreeWithTheProperties() throws {
        for v in UInt32(0)..<0x300 {
            let scalar = try #require(Unicode.Scalar(v))
            #expect(DisplayWidth.of(scalar) == DisplayWidth.byProperties(scalar), "U+\(String(v, radix: 16))")
            let text = "a" + String(Character(scalar)) + "b"
            #expect(DisplayWidth.of(text) == text.unicodeScalars.reduce(0) { $0 + DisplayWidth.byProperties($1) }, "in \(v)")
        }
        for text in ["\r\n", "Jalan \u{1F600} ok", "e\u{301}", "日本", "\u{1B}[2J", "tab\there"] {
            let slow = text.reduce(0) { sum, c in sum + DisplayWidth.drawable(c).unicodeScalars.reduce(0) { $0 + DisplayWidth.byProperties($1) } }
            #expect(DisplayWidth.of(text) == slow, "\(text.debugDescription)")
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
