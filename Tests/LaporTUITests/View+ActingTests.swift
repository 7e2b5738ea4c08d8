import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

extension AppState.Mode {
    var picker: Picker? {
        if case .picker(let p) = self { return p }
        return nil
    }

    var isDuplicatePrompt: Bool {
        if case .duplicateOf = self { return true }
        return false
    }
}

@Suite struct ActingSnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func composerBesideTheDetail(width: Int, height: Int) throws {
        var s = acting(liaison, width: width, height: height)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        _ = Update.update(&s, .key(.paste("Yth. Bapak/Ibu,\n\nLubang di depan halte sudah ditambal pada 4 Maret 2026 oleh Suku Dinas PU 陈美玲 🚧.")))
        try assertSnapshot(View.render(s), "composer-\(width)x\(height)")
        _ = Update.update(&s, .key(.ctrl("s")))
        try assertSnapshot(View.render(s), "confirm-\(width)x\(height)")
    }

    /// Issue 16: a follow-up on an anonim report that quotes a phone number and an e-mail address
    /// (a liaison's store has no reporter of an anonim report to compare): the confirmation names
    /// them, shows them highlighted in the text, and y is asked for twice. In the user guide.
    @Test(arguments: [(80, 24), (120, 40)])
    func personalDataInAFollowUp(width: Int, height: Int) throws {
        var s = acting(liaison, width: width, height: height)
        _ = Update.update(&s, .key(.char("c")))
        _ = Update.update(&s, .loadedDraft(DraftKey(reportId: "9165816", kind: "followup"), nil))
        _ = Update.update(&s, .key(.paste("Yth. Bapak/Ibu, petugas kami akan menghubungi 0812 3456 7890 besok atau menulis ke budi.s@contoh.id.")))
        _ = Update.update(&s, .key(.ctrl("s")))
        let grid = View.render(s)
        try assertSnapshot(grid, "personal-data-\(width)x\(height)")
        // The phone and the name, as drawn, are in the highlight style.
        let screen = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var highlighted = 0
        for (y, line) in screen.enumerated() where line.dropFirst(2).hasPrefix("│") && line.contains("menghubungi 0812 3456 7890") {
            let x = DisplayWidth.of(String(line[..<(line.range(of: "0812")?.lowerBound ?? line.endIndex)]))
            #expect(grid[x, y].style == View.highlightStyle && grid[x - 2, y].style != View.highlightStyle)
            highlighted += 1
        }
        #expect(highlighted == 1, "\(grid.text)")
        #expect(Update.update(&s, .key(.char("y"))).isEmpty, "the first y does not send")
        #expect(View.render(s).text.contains("Yakin? Data pribadi akan terkirim."))
        guard case .queue? = Update.update(&s, .key(.char("y"))).first else {
            Issue.record("the second y did not queue")
            return
        }
    }

    @Test func pickerAndVerifyForm() throws {
        var s = acting(admin, report: submitted())
        _ = Update.update(&s, .key(.char("d")))
        try assertSnapshot(View.render(s), "picker-120x40")
        var v = acting(admin, report: submitted(), width: 80, height: 24)
        _ = Update.update(&v, .key(.char("v")))
        try assertSnapshot(View.render(v), "verify-80x24")
        // A public report whose body holds a phone number: the form says so; Ctrl-R makes it
        // rahasia, and the verification sends that correction.
        var exposed = submitted()
        exposed.body = "Hubungi saya di 0857-1234-5678 atau NIK 3171014501900002 bila perlu."
        var p = acting(admin, report: exposed, width: 80, height: 24)
        _ = Update.update(&p, .key(.char("v")))
        try assertSnapshot(View.render(p), "verify-personal-data-80x24")
        #expect(View.render(p).text.contains("Laporan publik ini memuat data pribadi"))
        _ = Update.update(&p, .key(.ctrl("r")))
        #expect(!View.render(p).text.contains("Laporan publik ini memuat data pribadi"))
        _ = Update.update(&p, .key(.ctrl("s")))
        guard case .confirm(let c) = p.mode, case .queue(let pending) = c.then else {
            Issue.record("no confirmation: \(p.mode)")
            return
        }
        #expect(pending.privacy == .rahasia && pending.type == .verify)
    }
}
