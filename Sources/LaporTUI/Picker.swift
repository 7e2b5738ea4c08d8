import Foundation
import LaporDomain
import LaporStore
import Terminal

/// A list to choose from, narrowed by typing.
public struct Picker: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A unit for a dispatch or a forward.
        case unit(PendingAction)
        /// An archive reason.
        case reason(PendingAction)
        /// A reply template for the composer.
        case template
        /// A category for the verify form.
        case category(VerifyForm)
        /// A view of the list, built-in or saved (`t`).
        case view
    }

    public struct Option: Equatable, Sendable {
        public var id: String
        public var label: String
        /// Searched with the label but not shown (e.g. the unit's id).
        public var keywords: String

        public init(id: String, label: String, keywords: String = "") {
            self.id = id
            self.label = label
            self.keywords = keywords
        }
    }

    public var purpose: Purpose
    public var title: String
    public var options: [Option]
    public var query = ""
    public var selected = 0

    public init(purpose: Purpose, title: String, options: [Option]) {
        self.purpose = purpose
        self.title = title
        self.options = options
    }

    /// The options matching every word typed, in any case and without diacritics.
    public var matches: [Option] {
        let words = Self.fold(query).split(separator: " ")
        guard !words.isEmpty else { return options }
        return options.filter { option in
            let haystack = Self.fold(option.label + " " + option.id + " " + option.keywords)
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    static func fold(_ s: String) -> String { s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}
