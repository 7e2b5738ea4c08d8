import Foundation
import LaporDomain
import LaporStore
import LaporText
import Terminal
import Testing

@testable import LaporTUI

/// The outbox browser and what a queued action shows until the server answers.
@Suite struct OutboxBrowserTests {
    @Test func theOutboxEditsRequeuesAndDiscards() {
        var s = acting(liaison)
        #expect(Update.update(&s, .key(.char("o"))) == [.loadOutbox])
        let request = ActionRequest(id: "item-1", reportId: "9165816", baseVersion: 3, type: .requestInfo, text: "Mohon alamat.")
        var server = detail()
        server.unitId = "dki-dpu"
        server.version = 5
        let conflict = OutboxItem(
            seq: 2, id: "item-1", reportId: "9165816", request: request, state: .conflict, attempts: 1, error: "Laporan sudah diteruskan.",
            serverReport: server, createdAt: now, updatedAt: now, acknowledgedAt: nil)
        var sent = conflict
        sent.seq = 1
        sent.id = "item-0"
        sent.state = .sent
        sent.serverReport = nil
        _ = Update.update(&s, .loadedOutbox([conflict, sent]))
        let screen = View.render(s).text
        #expect(screen.contains("Mohon alamat.") && screen.contains("Di server sekarang"))
        // Why, in Indonesian from the report's status (not the server's English), naming the report.
        #expect(screen.contains("Server menolak minta informasi: laporan kini berstatus"), "\(screen)")
        #expect(!screen.contains("Laporan sudah diteruskan."))
        _ = Update.update(&s, .key(.char("j")))
        _ = Update.update(&s, .key(.char("x")))
        #expect(s.message?.contains("terkirim") == true && s.message?.contains("9165816") == true, "a sent item cannot be discarded")
        _ = Update.update(&s, .key(.char("k")))
        _ = Update.update(&s, .key(.char("x")))
        guard case .confirm(let c) = s.mode else { return }
        #expect(c.then == .discard("item-1") && c.lines[0].contains("laporan 9165816") && !c.lines[0].contains("item-1"))
        #expect(Update.update(&s, .key(.char("y"))) == [.discard("item-1")])
        #expect(Update.update(&s, .outboxChanged("ok")).contains(.loadOutbox))
        _ = Update.update(&s, .loadedOutbox([conflict]))
        _ = Update.update(&s, .key(.char("r")))
        #expect(Update.update(&s, .key(.enter)) == [.requeue("item-1")])
        _ = Update.update(&s, .loadedOutbox([conflict]))
        _ = Update.update(&s, .key(.enter))
        #expect(s.composer?.editor.text == "Mohon alamat." && s.composer?.pending.retryOf == "item-1")
        _ = keys(&s, " Terima kasih.")
        _ = Update.update(&s, .key(.ctrl("s")))
        guard case .confirm(let c2) = s.mode, case .queue(let p) = c2.then else { return }
        #expect(p.retryOf == "item-1" && p.text == "Mohon alamat. Terima kasih.")
    }

    @Test func aQueuedActionShowsAtOnceUntilTheServerAnswers() {
        var s = acting(liaison)
        let request = ActionRequest(id: "item-1", reportId: "9165816", baseVersion: 3, type: .followup, text: "Sudah ditambal kemarin.")
        let item = OutboxItem(
            seq: 1, id: "item-1", reportId: "9165816", request: request, state: .queued, attempts: 0, error: nil, serverReport: nil,
            createdAt: now, updatedAt: now, acknowledgedAt: nil)
        _ = Update.update(&s, .loadedUnsettled([item], reports: ["9165816"]))
        let screen = View.render(s).text
        #expect(screen.contains("↑ Tindak lanjut menunggu dikirim") && screen.contains("Ditindaklanjuti oleh Instansi"))
        #expect(screen.contains("Sudah ditambal kemarin.") && screen.contains("belum tersinkron"))
        #expect(screen.contains("↑9165816"), "the list marks it too")
        _ = Update.update(&s, .loadedUnsettled([], reports: []))
        #expect(!View.render(s).text.contains("belum tersinkron"), "settled")
    }
}
