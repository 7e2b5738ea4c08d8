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
