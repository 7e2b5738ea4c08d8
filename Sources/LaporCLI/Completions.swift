import ArgumentParser
import Foundation
import LaporDomain
import LaporStore
import LaporText

/// Shell completion of values (`lapor --generate-completion-script bash|zsh|fish`): the fixed
/// lists from the domain, and what only the local store knows — its units, its saved views, the
/// configured profiles. Run by the shell at each Tab: it never fails, it offers less.
enum Completions {
    static let statuses = CompletionKind.list(ReportStatus.allCases.map(\.rawValue))
    static let kinds = CompletionKind.list(ReportKind.allCases.map(\.rawValue))
    static let privacies = CompletionKind.list(Privacy.allCases.map(\.rawValue))
    static let channels = CompletionKind.list(Channel.allCases.map(\.rawValue))
    static let sorts = CompletionKind.list(InboxSort.allCases.map(\.rawValue))
    static let formats = CompletionKind.list(ListFormat.allCases.map(\.rawValue))

    static let units = CompletionKind.custom { _, _, prefix in
        matching(prefix, (try? store()?.reference()?.units.map(\.id)) ?? [])
    }

    static let views = CompletionKind.custom { _, _, prefix in
        let saved = (try? store()?.savedViews().map(\.name)) ?? []
        return matching(prefix, ReportView.allCases.map(\.rawValue) + saved)
    }

    static let profiles = CompletionKind.custom { _, _, prefix in
        let paths = Paths(environment: ProcessInfo.processInfo.environment)
        return matching(prefix, config(paths).map { Array($0.profiles.keys).sorted() } ?? [])
    }

    static func matching(_ prefix: String, _ words: [String]) -> [String] { words.filter { $0.hasPrefix(prefix) } }

    static func config(_ paths: Paths) -> AppConfig? { try? ProfileSession.loadConfig(paths, text: Catalogue(.id)) }

    /// The default profile's store, if there is one (never created here).
    static func store() throws -> CaseStore? {
        let paths = Paths(environment: ProcessInfo.processInfo.environment)
        guard let config = config(paths),
            let name = config.implicitProfile
        else { return nil }
        let path = paths.store(profile: name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try CaseStore(path: path)
    }
}
