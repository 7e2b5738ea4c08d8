import LaporText
import Terminal

/// The modes that read keys, each with its one table. Help (`?` or F1), the hint line and the
/// clash test read the tables through here; dispatch reads the same tables in each mode's update.
public enum InputMode: String, CaseIterable, Sendable {
    /// The list and the detail.
    case normal
    /// The detail beside an open composer.
    case reading
    case composer
    case picker
    case verifyForm
    case outbox
    case confirmation
    /// A one-line prompt: search, filter, the original of a duplicate.
    case prompt
    /// A box to read: key help, a deadline's days, a refusal, a bulk summary.
    case overlay

    public var keys: [KeyHelp] {
        switch self {
        case .normal: KeyMap.table.described
        case .reading: ReadingCommand.table.described
        case .composer: ComposerCommand.table.described
        case .picker: PickerCommand.table.described
        case .verifyForm: VerifyFormCommand.table.described
        case .outbox: OutboxCommand.table.described
        case .confirmation: ConfirmCommand.table.described
        case .prompt: PromptCommand.table.described
        case .overlay: OverlayCommand.table.described
        }
    }

    /// Whether keys outside the table are typed as text: then no printable key may be bound.
    public var takesText: Bool {
        switch self {
        case .composer, .picker, .verifyForm, .prompt: true
        case .normal, .reading, .outbox, .confirmation, .overlay: false
        }
    }

    /// What typing does, first on the hint line, where it needs saying.
    public func typingHint(_ language: Language) -> String? {
        switch self {
        case .picker: language == .id ? "ketik untuk menyaring" : "type to narrow"
        case .verifyForm: language == .id ? "ketik untuk judul" : "type for the title"
        default: nil
        }
    }

    /// The mode's name, at the head of its help.
    public func name(_ language: Language) -> String {
        let (id, en) =
            switch self {
            case .normal: ("Daftar dan rincian", "List and detail")
            case .reading: ("Membaca rincian di samping penyusun teks", "Reading the detail beside the composer")
            case .composer: ("Penyusun teks", "Composer")
            case .picker: ("Pilihan", "Picker")
            case .verifyForm: ("Formulir verifikasi", "Verify form")
            case .outbox: ("Kotak keluar", "Outbox")
            case .confirmation: ("Konfirmasi", "Confirmation")
            case .prompt: ("Isian satu baris", "One-line prompt")
            case .overlay: ("Kotak untuk dibaca", "A box to read")
            }
        return language == .id ? id : en
    }

    /// The hint line of the mode: what typing does, then the hinted keys.
    public func hintLine(_ language: Language) -> String { keys.hintLine(language, typing: typingHint(language)) }
}

extension AppState {
    /// The mode the next key goes to; nil while keys wait for a report (`awaiting`).
    public var inputMode: InputMode? {
        if keyHelp != nil { return .overlay }
        switch mode {
        case .normal:
            guard composer != nil else { return .normal }
            return focus == .composer ? .composer : .reading
        case .searching, .filtering, .duplicateOf, .goingTo, .namingView: return .prompt
        case .picker: return .picker
        case .verify: return .verifyForm
        case .confirm: return .confirmation
        case .outbox: return .outbox
        case .explain, .notice: return .overlay
        }
    }
}

/// The keys of a box to read. Only these close it; any other key does nothing, so that what was
/// typed after a refusal or a pop-up never acts on the list (issue 25).
enum OverlayCommand: CaseIterable, Sendable {
    case close

    static let table = KeyTable<OverlayCommand>([
        // Not q, a space or ?: they come inside typed words and sentences.
        KeyBinding(.close, [.escape, .enter, .function(1)], "Esc/Enter", "tutup", "close", hint: true)
    ])
}
