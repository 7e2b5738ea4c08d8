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

    @Test func pickerAndVerifyForm() throws {
        var s = acting(admin, report: submitted())
        _ = Update.update(&s, .key(.char("d")))
        try assertSnapshot(View.render(s), "picker-120x40")
        var v = acting(admin, report: submitted(), width: 80, height: 24)
        _ = Update.update(&v, .key(.char("v")))
        try assertSnapshot(View.render(v), "verify-80x24")
    }
}
