import Foundation
import LaporDomain
import Testing

@testable import LaporTUI

/// An offline profile's `y` (issue 24): the draft leaves lapor through the clipboard, so it passes
/// the guard a sent text passes — personal data on a report that hides its reporter asked twice,
/// a template's unfilled blank asked once; a clean draft goes at once.
@Suite struct OfflineCopyGuardTests {
    func offline(_ privacy: Privacy) -> AppState {
        var s = acting(liaison, report: detail(privacy: privacy))
        s.fromExport = true
        return s
    }

    @Test func aCleanDraftIsCopiedAtOnce() {
        var s = offline(.rahasia)
        #expect(Update.update(&s, .key(.char("y"))) == [.loadDraftToCopy("9165816")])
        #expect(Update.update(&s, .draftToCopy("9165816", "Sudah ditambal.")) == [.copy("Sudah ditambal.")])
        #expect(s.mode == .normal && s.message?.contains("disalin ke papan klip") == true)
    }

    @Test func personalDataOnAHiddenReporterIsAskedTwice() {
        var s = offline(.anonim)
        let text = "Hubungi pelapor di 0812-3456-7890."
        #expect(Update.update(&s, .draftToCopy("9165816", text)).isEmpty)
        guard case .confirm(let c) = s.mode else {
            Issue.record("no confirmation: \(s.mode)")
            return
        }
        #expect(c.isCopy && c.asksAgain && c.highlights == ["0812-3456-7890"])
        #expect(
            c.lines.first == "Salin draf laporan 9165816 ke papan klip?" && c.lines.contains { $0.contains("y sekali lagi untuk tetap menyalin") })
        #expect(c.lines.last?.contains("y/Enter:salin") == true)
        // The screen's last line says the same, not "put it in the outbox".
        let bottom = View.render(s).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.contains("y/Enter:salin") && !bottom.contains("kotak keluar"), "\(bottom)")
        #expect(Update.update(&s, .key(.char("y"))).isEmpty)
        guard case .confirm(let again) = s.mode else {
            Issue.record("asked once only: \(s.mode)")
            return
        }
        #expect(again.lines.contains { $0.contains("Data pribadi akan ada di papan klip") })
        #expect(Update.update(&s, .key(.char("y"))) == [.copy(text)])
        #expect(s.mode == .normal && s.message?.contains("disalin") == true)
        // The same draft on a public report goes at once.
        var open = offline(.public)
        #expect(Update.update(&open, .draftToCopy("9165816", text)) == [.copy(text)])
    }

    @Test func anUnfilledBlankIsAskedAndNCopiesNothing() {
        var s = offline(.public)
        let text = "Yth. Bapak/Ibu, perbaikan dijadwalkan pada [tanggal]."
        #expect(Update.update(&s, .draftToCopy("9165816", text)).isEmpty)
        guard case .confirm(let c) = s.mode else {
            Issue.record("no confirmation: \(s.mode)")
            return
        }
        #expect(!c.asksAgain && c.lines.contains { $0.contains("1 isian [...] templat belum diisi") })
        #expect(Update.update(&s, .key(.char("n"))).isEmpty && s.mode == .normal)
    }
}
