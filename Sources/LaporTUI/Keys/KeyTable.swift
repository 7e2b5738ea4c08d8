import LaporText
import Terminal

/// One line of a mode's key table: the keys, how help writes them, what they do in both
/// languages, and whether the hint line shows it.
public struct KeyBinding<C: Hashable & Sendable>: Sendable {
    public let command: C
    public let keys: [Key]
    /// How the keys are written in help: `j/↓`.
    public let label: String
    public let helpID: String
    public let helpEN: String
    /// Shown on the hint line.
    public let hint: Bool

    public init(_ command: C, _ keys: [Key], _ label: String, _ helpID: String, _ helpEN: String, hint: Bool = false) {
        self.command = command
        self.keys = keys
        self.label = label
        self.helpID = helpID
        self.helpEN = helpEN
        self.hint = hint
    }

    public init(command: C, keys: [Key], label: String, helpID: String, helpEN: String, hint: Bool) {
        self.init(command, keys, label, helpID, helpEN, hint: hint)
    }

    public func help(_ language: Language) -> String { language == .id ? helpID : helpEN }

    /// The binding without its command: what help, hints and the clash test read.
    public var described: KeyHelp { KeyHelp(keys: keys, label: label, helpID: helpID, helpEN: helpEN, hint: hint) }
}

/// A binding as help shows it, whatever mode it belongs to.
public struct KeyHelp: Sendable, Equatable {
    public let keys: [Key]
    public let label: String
    public let helpID: String
    public let helpEN: String
    public let hint: Bool

    public func help(_ language: Language) -> String { language == .id ? helpID : helpEN }
    /// `label:help`, as every hint line writes a key.
    public func hintText(_ language: Language) -> String { "\(label):\(help(language))" }
}

/// A mode's keys: the one table that dispatch, help and the hint line all read. A key not in the
/// table is typing (in modes that take text) or ignored.
public struct KeyTable<C: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<C>]
    private let byKey: [Key: C]

    public init(_ bindings: [KeyBinding<C>]) {
        self.bindings = bindings
        var map: [Key: C] = [:]
        // The first binding of a key wins; the clash test makes sure there is only one.
        for b in bindings { for k in b.keys where map[k] == nil { map[k] = b.command } }
        byKey = map
    }

    public func command(for key: Key) -> C? { byKey[key] }

    public var described: [KeyHelp] { bindings.map(\.described) }
}

extension [KeyHelp] {
    /// The keys the hint line shows, in table order, two spaces between them.
    public func hintLine(_ language: Language, typing: String? = nil) -> String {
        ((typing.map { [$0] } ?? []) + filter(\.hint).map { $0.hintText(language) }).joined(separator: "  ")
    }
}
