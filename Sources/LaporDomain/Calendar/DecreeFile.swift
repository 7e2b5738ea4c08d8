import Foundation

/// A holiday decree file (`fixtures/holidays/YYYY.json`, `lapor central --holidays DIR`,
/// `lapor calendar check FILE`), checked whole: every problem is reported, not only the first.
public enum DecreeFile {
    /// What is wrong with a decree file; worded by `LaporText` (and in English by `english`).
    public enum Problem: Hashable, Sendable {
        case notJSON
        case missingField(String)
        case badYear(String)
        /// The file is named for another year than the one it holds.
        case fileNameYear(file: Int, content: Int)
        case badDate(String)
        case outsideYear(date: String, year: Int)
        case unknownKind(date: String, kind: String)
        case emptyName(date: String)
        case duplicate(date: String, kind: String)
        case weekend(date: String)

        /// True for what makes the file unusable; false for a remark (a holiday on a weekend).
        public var isError: Bool {
            if case .weekend = self { return false }
            return true
        }

        public var english: String {
            switch self {
            case .notJSON: "the file is not a JSON object"
            case .missingField(let f): "the field \(f) is missing"
            case .badYear(let y): "year \(y) is not a year from 2000 to 2099"
            case .fileNameYear(let file, let content): "the file is named for \(file) but holds \(content)"
            case .badDate(let d): "\(d) is not a date YYYY-MM-DD"
            case .outsideYear(let d, let y): "\(d) is not in \(y)"
            case .unknownKind(let d, let k): "\(d): kind \(k) is neither libur_nasional nor cuti_bersama"
            case .emptyName(let d): "\(d) has no name"
            case .duplicate(let d, let k): "\(d) is listed twice as \(k)"
            case .weekend(let d): "\(d) falls on a weekend (allowed, but it moves no deadline)"
            }
        }
    }

    /// The decree in `data` and every problem found. `fileYear` is the year the file's name
    /// says (`2027.json`), when it says one.
    public static func check(_ data: Data, fileYear: Int? = nil) -> (decree: HolidayYear?, problems: [Problem]) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return (nil, [.notJSON]) }
        var problems: [Problem] = []
        guard let yearValue = object["year"] else { return (nil, [.missingField("year")]) }
        guard let year = yearValue as? Int, WorkingCalendar.supportedYears.contains(year) else {
            return (nil, [.badYear("\(yearValue)")])
        }
        if let fileYear, fileYear != year { problems.append(.fileNameYear(file: fileYear, content: year)) }
        guard let list = object["holidays"] as? [[String: Any]] else { return (nil, problems + [.missingField("holidays")]) }
        var holidays: [Holiday] = []
        var seen: Set<String> = []
        for entry in list {
            let text = entry["date"] as? String ?? "?"
            guard let date = LocalDate(iso: text) else {
                problems.append(.badDate(text))
                continue
            }
            if date.year != year { problems.append(.outsideYear(date: text, year: year)) }
            let kindText = entry["kind"] as? String ?? "?"
            guard let kind = Holiday.Kind(rawValue: kindText) else {
                problems.append(.unknownKind(date: text, kind: kindText))
                continue
            }
            let name = (entry["name"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { problems.append(.emptyName(date: text)) }
            if !seen.insert("\(text) \(kind.rawValue)").inserted { problems.append(.duplicate(date: text, kind: kind.rawValue)) }
            if date.weekday.isWeekend { problems.append(.weekend(date: text)) }
            holidays.append(Holiday(date: date, name: name, kind: kind, source: entry["source"] as? String ?? object["source"] as? String))
        }
        let decree = HolidayYear(
            year: year, provisional: object["provisional"] as? Bool ?? false, source: object["source"] as? String,
            holidays: holidays.sorted { $0.date < $1.date })
        return (problems.contains(where: \.isError) ? nil : decree, problems)
    }
}
