import Testing

@testable import Terminal

@Suite struct CellGridTests {
    @Test func widths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("陈") == 2)
        #expect(DisplayWidth.of("😡") == 2)
        #expect(DisplayWidth.of("🚧") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining mark takes no column")
        #expect(DisplayWidth.of("👩‍💻") == 2, "a ZWJ sequence is one emoji")
        #expect(DisplayWidth.of("Tan Mei Ling (陈美玲)") == 21)
        #expect(DisplayWidth.of("한국어") == 6)
    }

    @Test func truncationAndWrap() {
        #expect(DisplayWidth.truncate("Jalan berlubang", to: 8) == "Jalan b…")
        #expect(DisplayWidth.truncate("陈美玲陈美玲", to: 5) == "陈美…")
        #expect(DisplayWidth.truncate("pendek", to: 10) == "pendek")
        #expect(
            DisplayWidth.wrap("Lubang besar di depan halte sudah dua minggu", to: 12) == ["Lubang besar", "di depan", "halte sudah", "dua minggu"])
        #expect(DisplayWidth.wrap("lubangjalanberlubang", to: 8) == ["lubangja", "lanberlu", "bang"])
        #expect(DisplayWidth.wrap("a\n\nb", to: 5) == ["a", "", "b"])
        #expect(DisplayWidth.wrap("陈美玲陈美玲", to: 5) == ["陈美", "玲陈", "美玲"])
    }

    @Test func putClipsSanitisesAndKeepsWideCharactersWhole() {
        var grid = CellGrid(width: 10, height: 2)
        #expect(grid.put("ab陈美玲xyz", x: 0, y: 0) == 10)
        #expect(grid.text.split(separator: "\n")[0] == "ab陈美玲xy")
        grid.put("\u{1B}[31m", x: 0, y: 1)
        #expect(grid.text.split(separator: "\n")[1] == "␛[31m     ")
        var edge = CellGrid(width: 5, height: 1)
        edge.put("abcd陈", x: 0, y: 0)
        #expect(edge.text == "abcd ", "a wide character never straddles the edge")
        edge.put("x", x: 3, y: 0)
        #expect(edge.text == "abcx ")
    }

    @Test func onlyChangedCellsAreDrawn() {
        var a = CellGrid(width: 20, height: 3)
        a.put("Kotak Masuk", x: 0, y: 0)
        let first = FrameDiff.runs(from: nil, to: a)
        #expect(first.count == 3 && first[0].text.hasPrefix("Kotak Masuk"))
        var b = a
        b.put("X", x: 6, y: 0)
        let second = FrameDiff.runs(from: a, to: b)
        #expect(second == [DrawRun(x: 6, y: 0, text: "X", style: .plain)])
        #expect(FrameDiff.runs(from: b, to: b).isEmpty)
        #expect(FrameDiff.bytes(second) < 20)
        var c = b
        c.restyle(x: 0, y: 1, width: 20, style: Style(reverse: true))
        #expect(FrameDiff.runs(from: b, to: c).count == 1)
    }

    @Test func theSanitiserLeavesNoControlCharacter() {
        let hostile = "a\u{1B}]0;judul\u{07}b\u{9B}31mc\u{1B}P1$qm\u{1B}\\d\u{08}\r\u{7F}\u{202E}e\tf"
        let line = Sanitizer.line(hostile)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(line.contains("␛]0;judul␇"))
        #expect(Sanitizer.block("a\nb\r\nc\td") == "a\nb\nc    d")
        // A spreadsheet cell keeps its tabs and line breaks, and nothing else of the controls.
        let cell = Sanitizer.cell(hostile + "\r\ng")
        #expect(cell.hasSuffix("e\tf\r\ng") && cell.contains("␛]0;judul␇") && cell.contains("\r\u{2421}"), "\(cell)")
        #expect(!cell.unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || (0x7F...0x9F).contains($0.value) })
        #expect(Sanitizer.line("a\tb") == "a␉b")
    }
}
