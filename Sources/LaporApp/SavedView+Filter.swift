import LaporDomain
import LaporStore

extension SavedView {
    /// The filter the saved view stands for at `now`: its base view narrowed by its filter words
    /// (parsed against today's units and categories) and its search — the same for the TUI and
    /// `lapor list --view NAME`.
    public func filter(at now: Timestamp, workflow: Workflow) -> Result<InboxFilter, FilterParser.Problem> {
        var extra = InboxFilter()
        if let words = filter, !words.isEmpty {
            switch FilterParser.parse(words, units: workflow.units, categories: workflow.categories) {
            case .success(let parsed): extra = parsed
            case .failure(let problem): return .failure(problem)
            }
        }
        var f = base.filter(at: now).narrowed(by: extra)
        f.search = search
        return .success(f)
    }

    /// The order it was saved with, else its base view's.
    public var order: InboxSort { sort ?? base.defaultSort }
}
