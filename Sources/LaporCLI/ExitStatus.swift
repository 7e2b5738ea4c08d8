import LaporText

/// What `lapor` exits with. The one list: `lapor --help`, the man page and `docs/cli.md` say the
/// same, and `ExitStatusTests` hold the documents to it.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case ok = 0
    /// Something failed that is not the user's input: a file or store that cannot be opened or
    /// written, no terminal, a port in use.
    case failure = 1
    /// A usage error or bad input: an unknown command, option or value, a malformed ID.
    case usage = 2
    /// The server could not be reached or answered wrongly.
    case offline = 3
    /// The server refused the token.
    case auth = 4
    /// A sync did part of its work (conflicts, failed actions, skipped items).
    case partial = 5
    /// The workflow's rules refused the action (role, status, scope, payload), or it is queued already.
    case refused = 6
    /// The report or outbox item is not in the local store.
    case notInStore = 7

    /// One line each, for `--help` and the docs.
    public var meaning: String {
        switch self {
        case .ok: "done"
        case .failure: "failure (a file, the store, no terminal)"
        case .usage: "usage error or bad input"
        case .offline: "offline or a bad answer from the server"
        case .auth: "token refused"
        case .partial: "sync partly done"
        case .refused: "refused by the rules"
        case .notInStore: "not in the local store"
        }
    }

    /// The same line in Bahasa Indonesia, for the help in that language.
    public var meaningInIndonesian: String {
        switch self {
        case .ok: "selesai"
        case .failure: "gagal (berkas, penyimpanan, tidak ada terminal)"
        case .usage: "salah pakai atau masukan tidak sah"
        case .offline: "luring atau jawaban server tidak sah"
        case .auth: "token ditolak"
        case .partial: "sinkronisasi selesai sebagian"
        case .refused: "ditolak oleh aturan"
        case .notInStore: "tidak ada di penyimpanan lokal"
        }
    }

    /// "Exit codes: 0 done, 1 failure …": the sentence `lapor --help` ends with.
    public static func summary(in language: Language) -> String {
        switch language {
        case .en: "Exit codes: " + allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: ", ") + "."
        case .id: "Kode keluar: " + allCases.map { "\($0.rawValue) \($0.meaningInIndonesian)" }.joined(separator: ", ") + "."
        }
    }
}
