import LaporDomain
import LaporText
import Terminal

/// What a key does in the normal mode. One table drives dispatch, the `?` overlay and the hint line.
public enum Command: String, CaseIterable, Sendable {
    case down, up, top, bottom, goTo, nextUnit, pageDown, pageUp, open, switchPane, search, filter, sort, clearSearch, sync, explain, help, quit
    case previousView, nextView, chooseView, saveView
    case followup, requestInfo, forward, returnReport, verify, dispatch, hold, archive, duplicate, closeReport
    case mark, markAll, outbox, copyDraft, similar

    /// The action a key starts (`D` is an archive as a duplicate).
    public var actionType: ActionType? {
        switch self {
        case .followup: .followup
        case .requestInfo: .requestInfo
        case .forward: .forward
        case .returnReport: .return
        case .verify: .verify
        case .dispatch: .dispatch
        case .hold: .hold
        case .archive, .duplicate: .archive
        case .closeReport: .close
        default: nil
        }
    }
}

/// The keys of the normal mode: the list and the detail.
public enum KeyMap {
    public static let table = KeyTable<Command>(bindings)

    public static let bindings: [KeyBinding<Command>] = [
        KeyBinding(command: .down, keys: [.char("j"), .down], label: "j/↓", helpID: "Turun", helpEN: "Down", hint: false),
        KeyBinding(command: .up, keys: [.char("k"), .up], label: "k/↑", helpID: "Naik", helpEN: "Up", hint: false),
        KeyBinding(command: .top, keys: [.home], label: "Home", helpID: "Ke awal", helpEN: "To the top", hint: false),
        KeyBinding(command: .bottom, keys: [.char("G"), .end], label: "G/End", helpID: "Ke akhir", helpEN: "To the end", hint: false),
        KeyBinding(
            command: .nextUnit, keys: [.char("u")], label: "u", helpID: "Unit berikutnya (tampilan Terlambat)",
            helpEN: "Next unit (the Overdue view)", hint: false),
        // A digit starts the number too: digits typed into the list never act on it (issue 25).
        KeyBinding(
            command: .goTo, keys: [.char("g")] + (0...9).map { .char(Character(String($0))) }, label: "g/0-9", helpID: "Buka nomor laporan…",
            helpEN: "Open a report by number…", hint: true),
        KeyBinding(command: .pageDown, keys: [.pageDown, .ctrl("f")], label: "PgDn", helpID: "Halaman berikut", helpEN: "Next page", hint: false),
        KeyBinding(command: .pageUp, keys: [.pageUp, .ctrl("b")], label: "PgUp", helpID: "Halaman sebelumnya", helpEN: "Previous page", hint: false),
        KeyBinding(command: .open, keys: [.enter], label: "Enter", helpID: "Buka rincian", helpEN: "Open the detail", hint: true),
        KeyBinding(command: .switchPane, keys: [.tab, .backTab], label: "Tab", helpID: "Pindah panel", helpEN: "Switch pane", hint: true),
        KeyBinding(command: .search, keys: [.char("/")], label: "/", helpID: "Cari", helpEN: "Search", hint: true),
        KeyBinding(
            command: .filter, keys: [.char("f")], label: "f", helpID: "Saring (status=… kind=… unit=…)", helpEN: "Filter (status=… kind=… unit=…)",
            hint: true),
        KeyBinding(command: .sort, keys: [.char("S")], label: "S", helpID: "Ganti urutan", helpEN: "Change the order", hint: false),
        KeyBinding(
            command: .clearSearch, keys: [.escape], label: "Esc", helpID: "Hapus pencarian dan saringan", helpEN: "Clear the search and filter",
            hint: false),
        KeyBinding(
            command: .chooseView, keys: [.char("t")], label: "t", helpID: "Pilih tampilan (juga yang tersimpan)…",
            helpEN: "Choose a view (saved ones too)…", hint: true),
        KeyBinding(command: .previousView, keys: [.char("[")], label: "[", helpID: "Tampilan sebelumnya", helpEN: "Previous view", hint: false),
        KeyBinding(command: .nextView, keys: [.char("]")], label: "]", helpID: "Tampilan berikutnya", helpEN: "Next view", hint: false),
        KeyBinding(
            command: .saveView, keys: [.char("V")], label: "V", helpID: "Simpan tampilan ini (saringan, pencarian, urutan)…",
            helpEN: "Save this view (filter, search, order)…", hint: false),
        KeyBinding(command: .followup, keys: [.char("c")], label: "c", helpID: "Tindak lanjut", helpEN: "Follow-up", hint: true),
        KeyBinding(
            command: .requestInfo, keys: [.char("i")], label: "i", helpID: "Minta informasi", helpEN: "Request information",
            hint: true),
        KeyBinding(command: .forward, keys: [.char("F")], label: "F", helpID: "Teruskan ke sub-unit", helpEN: "Forward to a sub-unit", hint: true),
        KeyBinding(
            command: .returnReport, keys: [.char("R")], label: "R", helpID: "Bukan wewenang", helpEN: "Not our authority",
            hint: false),
        KeyBinding(command: .verify, keys: [.char("v")], label: "v", helpID: "Verifikasi", helpEN: "Verify", hint: true),
        KeyBinding(command: .dispatch, keys: [.char("d")], label: "d", helpID: "Disposisi ke unit", helpEN: "Dispatch to a unit", hint: true),
        KeyBinding(command: .hold, keys: [.char("h")], label: "h", helpID: "Tunda (apa yang kurang)", helpEN: "Hold (what is missing)", hint: false),
        KeyBinding(command: .archive, keys: [.char("a")], label: "a", helpID: "Arsipkan dengan alasan", helpEN: "Archive with a reason", hint: false),
        KeyBinding(
            command: .duplicate, keys: [.char("D")], label: "D", helpID: "Duplikat laporan lain", helpEN: "Duplicate of another",
            hint: false),
        KeyBinding(
            command: .similar, keys: [.char("=")], label: "=", helpID: "Laporan serupa",
            helpEN: "Similar reports", hint: false),
        KeyBinding(command: .closeReport, keys: [.char("x")], label: "x", helpID: "Tutup laporan", helpEN: "Close the report", hint: true),
        KeyBinding(command: .mark, keys: [.char("m")], label: "m", helpID: "Tandai/lepas laporan", helpEN: "Mark/unmark a report", hint: false),
        KeyBinding(
            command: .markAll, keys: [.char("M")], label: "M", helpID: "Tandai semua", helpEN: "Mark all in the view", hint: false),
        KeyBinding(command: .outbox, keys: [.char("o")], label: "o", helpID: "Kotak keluar", helpEN: "Outbox", hint: true),
        KeyBinding(
            command: .copyDraft, keys: [.char("y")], label: "y", helpID: "Salin draf (OSC 52)", helpEN: "Copy the draft (OSC 52)",
            hint: false),
        KeyBinding(command: .sync, keys: [.char("s")], label: "s", helpID: "Sinkron", helpEN: "Sync", hint: true),
        KeyBinding(command: .explain, keys: [.char("e")], label: "e", helpID: "Rincian tenggat", helpEN: "Deadline days", hint: true),
        KeyBinding(command: .help, keys: [.char("?"), .function(1)], label: "?/F1", helpID: "Bantuan", helpEN: "Help", hint: true),
        KeyBinding(command: .quit, keys: [.char("q"), .ctrl("c")], label: "q", helpID: "Keluar", helpEN: "Quit", hint: true),
    ]

    public static func command(for key: Key) -> Command? { table.command(for: key) }

}
