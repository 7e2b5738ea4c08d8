import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

@Suite struct EditorTests {
    @Test func insertionDeletionAndMovementByCharacterAndWord() {
        var e = Editor()
        e.insert("Jalan sudah ditambal")
        #expect(e.text == "Jalan sudah ditambal" && e.cursor == 20)
        e.wordLeft()
        #expect(e.cursor == 12)
        e.wordLeft()
        e.wordLeft()
        #expect(e.cursor == 0)
        e.wordLeft()
        #expect(e.cursor == 0, "stops at the start")
        e.wordRight()
        #expect(e.cursor == 5)
        e.insert(" raya")
        #expect(e.text == "Jalan raya sudah ditambal")
        e.backspace()
        e.backspace()
        #expect(e.text == "Jalan ra sudah ditambal" && e.cursor == 8)
        e.delete()
        #expect(e.text == "Jalan rasudah ditambal")
        e.toEnd()
        e.deleteWordBackward()
        #expect(e.text == "Jalan rasudah ")
        e.toStart()
        e.backspace()
        #expect(e.text == "Jalan rasudah " && e.cursor == 0, "nothing before the start")
        e.toEnd()
        e.delete()
        #expect(e.count == 14, "nothing after the end")
        e.left()
        e.right()
        e.right()
        #expect(e.cursor == 14)
    }

    @Test func backspaceAndDeleteJoinLines() {
        var e = Editor("baris satu\nbaris dua")
        e.toStart()
        e.down(width: 40)
        e.lineStart(width: 40)
        #expect(e.cursor == 11)
        e.backspace()
        #expect(e.text == "baris satubaris dua")
        e.insert("\n")
        e.left()
        e.delete()
        #expect(e.text == "baris satubaris dua")
    }

    @Test func wideCharactersAndEmojiAreOneStepTwoColumns() {
        var e = Editor("陈美玲 🚧 ok")
        #expect(e.count == 8)
        e.toStart()
        e.right()
        #expect(e.position(width: 40) == (0, 2))
        e.right()
        e.right()
        e.right()
        e.right()
        #expect(e.position(width: 40) == (0, 9), "three wide names, a space, a wide emoji")
        e.backspace()
        #expect(e.text == "陈美玲  ok")
        // Wrapping counts columns: at 5 columns, two wide characters fill a line.
        let lines = Editor("陈美玲陈美玲").lines(width: 5)
        #expect(lines.count == 3 && lines.allSatisfy { $0.count == 2 })
    }

    @Test func wrapsAtWordsAndMovesOverWrappedLines() {
        var e = Editor("Lubang sudah ditambal pada 4 Maret oleh petugas")
        let lines = e.lines(width: 16)
        let shown = lines.map { String(e.characters[$0]) }
        #expect(shown == ["Lubang sudah ", "ditambal pada 4 ", "Maret oleh ", "petugas"])
        #expect(e.position(width: 16) == (3, 7))
        e.up(width: 16)
        #expect(e.position(width: 16) == (2, 7))
        e.up(width: 16)
        e.up(width: 16)
        #expect(e.position(width: 16) == (0, 7))
        e.up(width: 16)
        #expect(e.cursor == 0, "up on the first line goes to its start")
        e.lineEnd(width: 16)
        #expect(e.position(width: 16).line == 0, "End stays on the wrapped line")
        e.down(width: 16)
        e.down(width: 16)
        e.down(width: 16)
        e.down(width: 16)
        #expect(e.cursor == e.count, "down on the last line goes to its end")
        e.vertical(-10, width: 16)
        #expect(e.position(width: 16).line == 0, "PgUp stops at the top")
        // A word longer than the line is split.
        #expect(Editor("Pembangunaninfrastruktur").lines(width: 10).count == 3)
        // A line of only newlines.
        #expect(Editor("\n\n").lines(width: 10).count == 3)
    }

    @Test func pasteKeepsTextNormalisesLineEndsAndStopsAtTheLimit() {
        var e = Editor()
        e.insert("satu\r\ndua\rtiga\tempat\u{1B}[2J\u{7}")
        #expect(e.text == "satu\ndua\ntiga    empat[2J")
        var full = Editor(String(repeating: "a", count: Editor.limit - 3))
        let fitted = full.insert("abcdef")
        #expect(!fitted, "a paste past 20,000 characters says so")
        #expect(full.count == Editor.limit)
        #expect(Editor(String(repeating: "x", count: 25_000)).count == Editor.limit)
        // Bytes too: 19,999 four-byte emoji leave room for no 5-byte character.
        var emoji = Editor(String(repeating: "😀", count: 19_999))
        let fiveBytes = emoji.insert("a\u{0301}\u{0301}")
        #expect(!fiveBytes, "a character of 5 bytes does not fit in the last 4")
        let three = emoji.insert("abc")
        #expect(!three && emoji.count == Editor.limit && emoji.text.utf8.count == 79_997)
        let heavy = Editor(String(repeating: "a" + String(repeating: "\u{0301}", count: 4_000), count: 20))
        #expect(heavy.byteCount <= Editor.byteLimit && heavy.count == 9)
    }
}
