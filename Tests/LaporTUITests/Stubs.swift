import LaporSync

enum LaporSyncSummaryStub {
    static var offline: SyncSummary {
        var s = SyncSummary()
        s.outcome = .offline
        return s
    }
}
