/// The language of everything a user reads: Bahasa Indonesia unless asked otherwise.
public enum Language: String, CaseIterable, Sendable {
    case id
    case en

    /// `--lang` wins; else an English `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set);
    /// else Bahasa Indonesia. An unknown `--lang` value is nil, for the caller to refuse.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        if let flag {
            switch flag.lowercased() {
            case "id", "in", "ind", "indonesia", "bahasa": return .id
            case "en", "eng", "english": return .en
            default: return nil
            }
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .id
        }
        return .id
    }
}
