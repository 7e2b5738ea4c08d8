import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

/// Templates from the picker (issue 12).
@Suite struct TemplatePickerTests {
    @Test func aTemplatePutsTheCursorAtItsFirstBlankAndTheConfirmationWarnsOfUnfilledOnes() {
        var s = acting(liaison)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        s.templates = [ReplyTemplate(name: "selesai", body: "Yth. {{sapaan}},\nSudah kami [tindakan] pada [tanggal].\nSalam, {{unit}}")]
        _ = Update.update(&s, .key(.ctrl("t")))
        _ = Update.update(&s, .key(.enter))
        let editor = s.composer?.editor
        let text = editor.map { String($0.characters) } ?? ""
        let blank = text.range(of: "[tindakan]").map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        #expect(editor?.cursor == blank, "the cursor waits at the first blank, not after the signature")
        // Typing replaces nothing by itself; the confirmation counts the blanks left.
        _ = Update.update(&s, .key(.ctrl("s")))
        guard case .confirm(let c) = s.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(c.lines.contains("⚠ 2 isian [...] templat belum diisi."), "\(c.lines)")
    }
}
