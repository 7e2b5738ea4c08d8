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
