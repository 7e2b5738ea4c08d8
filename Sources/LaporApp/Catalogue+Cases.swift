import Foundation
import LaporDomain
import LaporStore
import LaporSync
import LaporText

// The sentences that word the store's and the sync's own values (views, sorts, outbox states,
// sync summaries). They live here, above the store and the sync, so that `LaporText` depends on
// `LaporDomain` alone.
extension Catalogue {
    public func syncSummary(_ s: SyncSummary) -> String {
        let base = pick(
            "Sinkron: \(s.reports) laporan diperbarui, \(s.removed) dihapus, \(s.sent) tindakan terkirim, \(s.replayed) sudah pernah diterima, \(s.conflicts) konflik, \(s.failed) gagal, \(s.pending) menunggu (\(String(format: "%.1f", s.seconds)) detik).",
            "Sync: \(s.reports) reports updated, \(s.removed) removed, \(s.sent) actions sent, \(s.replayed) already received, \(s.conflicts) in conflict, \(s.failed) failed, \(s.pending) waiting (\(String(format: "%.1f", s.seconds)) s)."
        )
        switch s.outcome {
        case .offline: return offline(s.message ?? "-") + " " + base
        case .auth: return tokenRefused
        case .partial:
            guard !s.skipped.isEmpty else { return base + " " + pick("Lihat lapor outbox.", "See lapor outbox.") }
            return base + " " + skippedItems(s.skipped) + (s.conflicts + s.failed > 0 ? " " + pick("Lihat lapor outbox.", "See lapor outbox.") : "")
        case .done: return base
        }
    }

    /// A sync's summary for the screen's one line: nil when a sync that went well changed nothing
    /// (the status bar's "synced … ago" says it); else only what happened, and the whole summary
    /// when something needs the user (offline, refused, conflicts).
    public func syncSummaryShort(_ s: SyncSummary) -> String? {
        guard s.outcome == .done else { return syncSummary(s) }
        let parts = [
            (s.reports, pick("\(s.reports) laporan diperbarui", "\(s.reports) reports updated")),
            (s.removed, pick("\(s.removed) dihapus", "\(s.removed) removed")),
            (s.sent, pick("\(s.sent) tindakan terkirim", "\(s.sent) actions sent")),
            (s.replayed, pick("\(s.replayed) sudah pernah diterima", "\(s.replayed) already received")),
            (s.pending, pick("\(s.pending) menunggu", "\(s.pending) waiting")),
        ].filter { $0.0 > 0 }.map(\.1)
        guard !parts.isEmpty else { return nil }
        return pick("Sinkron: ", "Sync: ") + parts.joined(separator: ", ") + "."
    }

    /// The feed items a sync left out, named (at most five ids, then a count).
    public func skippedItems(_ items: [SkippedItem]) -> String {
        let ids = items.compactMap(\.reportId)
        var named = ids.prefix(5).joined(separator: ", ")
        if ids.count > 5 { named += pick(" dan \(ids.count - 5) lainnya", " and \(ids.count - 5) more") }
        if ids.isEmpty { named = pick("tanpa nomor", "without a number") }
        return pick(
            "\(items.count) laporan dilewati karena terlalu besar atau tidak terbaca (\(named)); sisanya tersinkron, rinciannya di log audit.",
            "\(items.count) report(s) skipped as too large or unreadable (\(named)); the rest is synced, details in the audit log.")
    }

    public func outboxState(_ state: OutboxItem.State) -> String {
        switch state {
        case .queued: pick("menunggu dikirim", "queued")
        case .sent: pick("terkirim", "sent")
        case .conflict: pick("konflik", "conflict")
        case .failed: pick("gagal", "failed")
        case .discarded: pick("dibatalkan", "discarded")
        }
    }

    public func unsettledLine(_ type: ActionType, state: OutboxItem.State, after: String?) -> String {
        switch state {
        case .queued:
            let base = pick(
                "\(actionName(type).capitalizedFirst) menunggu dikirim (belum tersinkron)",
                "\(actionName(type).capitalizedFirst) waiting to be sent (not yet synced)")
            return after.map { base + pick(" → \($0)", " → \($0)") } ?? base
        case .conflict:
            return pick(
                "\(actionName(type).capitalizedFirst): konflik dengan server — tekan o",
                "\(actionName(type).capitalizedFirst): conflict with the server — press o")
        default:
            return pick(
                "\(actionName(type).capitalizedFirst): ditolak server — tekan o",
                "\(actionName(type).capitalizedFirst): refused by the server — press o")
        }
    }

    public func viewName(_ view: ReportView) -> String {
        switch view {
        case .inbox: pick("Kotak Masuk", "Inbox")
        case .waiting: pick("Menunggu Pelapor", "Waiting for reporter")
        case .done: pick("Selesai", "Done")
        case .queue: pick("Antrean Verifikasi", "Verification queue")
        case .ready: pick("Siap Disposisi", "Ready to dispatch")
        case .overdue: pick("Terlambat", "Overdue")
        case .dueSoon: pick("Segera Jatuh Tempo", "Due soon")
        case .escalating: pick("Menjelang Eskalasi", "Escalation near")
        case .escalated: pick("Eskalasi", "Escalated")
        case .unknown: pick("Status tak dikenal", "Unknown status")
        case .all: pick("Semua", "All")
        }
    }

    public func sortedBy(_ sort: InboxSort) -> String {
        switch sort {
        case .due: pick("Urut menurut tenggat terdekat.", "Sorted by nearest deadline.")
        case .age: pick("Urut menurut laporan tertua.", "Sorted by oldest report.")
        case .id: pick("Urut menurut nomor laporan.", "Sorted by tracking ID.")
        case .unit: pick("Urut menurut unit, lalu tenggat.", "Sorted by unit, then deadline.")
        case .escalation: pick("Urut menurut eskalasi terdekat.", "Sorted by nearest escalation.")
        }
    }
}
