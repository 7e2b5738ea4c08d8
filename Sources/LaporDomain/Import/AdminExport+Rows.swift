/// From the export's rows to reports: units and categories built from what the file names, then
/// each row read on its own (one bad row never stops the rest).
extension AdminExport {
    /// One data row: the text of each cell the header named, as the file had it.
    public struct Row: Hashable, Sendable {
        /// The row's number in the sheet (1-based, as a spreadsheet program shows it).
        public var number: Int
        /// The cells by `Column.ordinal`, "" where the file has none: an array, not a dictionary
        /// (a dictionary a row held 200,000 rows at ~1 KB each).
        public private(set) var values: [String]

        public init(number: Int, cells: [Column: String]) {
            self.number = number
            self.values = Column.allCases.map { cells[$0] ?? "" }
        }

        /// The cells in `Column.allCases` order (padded or cut to the 26).
        public init(number: Int, values: [String]) {
            self.number = number
            self.values = Array((values + Array(repeating: "", count: max(0, Column.allCases.count - values.count))).prefix(Column.allCases.count))
        }

        /// The cells the file holds, by column.
        public var cells: [Column: String] {
            var out: [Column: String] = [:]
            for (column, value) in zip(Column.allCases, values) where !value.isEmpty { out[column] = value }
            return out
        }

        /// A cell's text without surrounding white space ("" when absent).
        public subscript(_ column: Column) -> String {
            column.ordinal < values.count ? values[column.ordinal].trimmingWhitespace : ""
        }

        /// Lets go of the cells once the row is read (an import holds a batch of rows, not all).
        public mutating func release() { values = [] }
    }

    /// Why a row is not imported.
    public enum Rejection: Error, Hashable, Sendable {
        case noTrackingId
        case badTrackingId(String)
        /// The same tracking ID on another row, which is kept: it came in later (`byTime`), or it
        /// came in at the same time and is further down the file.
        case duplicateTrackingId(String, keptRow: Int, byTime: Bool)
        case noDate
        /// The date cell does not read, or reads two ways (`WhenProblem` says which).
        case badDate(String, WhenProblem)
        /// The time cell reads two ways, or disagrees with the date cell.
        case badTime(String, WhenProblem)
        /// A cell over `maxCellBytes` (bytes, not characters).
        case cellTooLong(Column, bytes: Int)
        /// The report's JSON would be over the store's limit.
        case tooLarge
    }

    /// What was read but not as written: said in the import summary, never silently.
    public enum Note: Hashable, Sendable {
        /// The status label is not known: imported as `unknown` with the label kept.
        case unknownStatus(String)
        /// `Klasifikasi Laporan` not known: counted as pengaduan (its follow-up period).
        case unknownKind(String)
        /// `Tipe Laporan` not known: imported as rahasia (the reporter hidden), the safe side.
        case unknownPrivacy(String)
        /// `Waktu Laporan Masuk` unreadable or empty: 00:00 assumed.
        case badTime(String)
        /// `Rating` not a number from 1 to 5: left out.
        case badRating(String)
        /// No `Judul Laporan`: the title says so.
        case noTitle
    }

    /// A row read into a report.
    public struct ReadRow: Hashable, Sendable {
        public var report: Report
        public var notes: [Note]
        /// The row's cells as lapor keeps them: as written, but the tracking ID as digits, the
        /// date and time as read (ISO 8601 in the unit's zone; no time when the file gave none) and
        /// a rating as its number, so that the same report in another shape (a file re-saved by a
        /// spreadsheet program) is the same row.
        public var cells: [Column: String]
    }

    /// The columns whose absence changes how every row reads, in the order the summary says them.
    public static let consequentialColumns: [Column] = [.privacy, .classification, .time]

    /// A row's identity, and whether its time was read (the first checks of `read`).
    public struct Identified: Hashable, Sendable {
        public var identity: Identity
        /// The time cell held something that does not read.
        public var timeUnread: Bool
        /// The file gave a time (in either cell).
        public var timeKnown: Bool
    }

    /// The tracking ID and submission instant of a row: what a duplicate is judged by.
    public struct Identity: Hashable, Sendable {
        public var row: Int
        public var id: String
        public var at: Timestamp

        public init(row: Int, id: String, at: Timestamp) {
            self.row = row
            self.id = id
            self.at = at
        }
    }

    /// The longest cell accepted, in bytes (a report's body on the LAPOR! web is far shorter).
    public static let maxCellBytes = 200_000

    /// The title of a report whose row has none.
    public static let untitled = "(tanpa judul)"

    /// A row's tracking ID and instant, or why the row cannot be read (the checks `read` makes
    /// first, and all that choosing among duplicates needs).
    public static func identity(_ row: Row, catalog: Catalog) -> Result<Identified, Rejection> {
        for (column, text) in zip(Column.allCases, row.values) where text.utf8.count > maxCellBytes {
            return .failure(.cellTooLong(column, bytes: text.utf8.count))
        }
        let written = row[.trackingId]
        guard !written.isEmpty else { return .failure(.noTrackingId) }
        guard let id = trackingId(written) else { return .failure(.badTrackingId(written)) }
        let dateText = row[.date]
        guard !dateText.isEmpty else { return .failure(.noDate) }
        let timeText = row[.time]
        switch instant(date: dateText, time: timeText, zone: catalog.zone(of: row), order: catalog.dateOrder, system: catalog.dateSystem) {
        case .success(let read):
            return .success(
                Identified(identity: Identity(row: row.number, id: id, at: read.at), timeUnread: read.timeUnread, timeKnown: read.timeKnown))
        case .failure(let problem):
            switch problem {
            case .clockOrFraction, .timesDisagree, .offsetsDisagree: return .failure(.badTime(timeText, problem))
            default: return .failure(.badDate(dateText, problem))
            }
        }
    }

    /// A tracking ID as written: digits (7–12), from a number cell (`4100001.0`, `9.108001E+06`) or
    /// with Excel's text mark (`'9108001`); nil for anything else.
    public static func trackingId(_ text: String) -> String? {
        let t = withoutTextMark(text)
        if Report.isValidTrackingID(t) { return t }
        guard t.utf8.contains(where: { $0 == 0x2E || $0 == 0x2C || $0 == 0x45 || $0 == 0x65 }), let n = wholeNumber(t), n > 0 else { return nil }
        let digits = String(n)
        return Report.isValidTrackingID(digits) ? digits : nil
    }

    /// The row kept for each tracking ID a file holds more than once: the one submitted last (an
    /// export that grew by a later copy of a report), and on a tie the one further down the file.
    /// Only the IDs held more than once are in the answer.
    public static func keptRows(_ identities: some Sequence<Identity>) -> [String: Identity] {
        var best: [String: Identity] = [:]
        var repeated = Set<String>()
        for candidate in identities {
            guard let current = best[candidate.id] else {
                best[candidate.id] = candidate
                continue
            }
            repeated.insert(candidate.id)
            if (candidate.at, candidate.row) > (current.at, current.row) { best[candidate.id] = candidate }
        }
        return best.filter { repeated.contains($0.key) }
    }

    /// Why a row is left out for a copy of its report kept on another row (`keptRows`).
    public static func duplicate(_ mine: Identity, of kept: Identity) -> Rejection {
        .duplicateTrackingId(mine.id, keptRow: kept.row, byTime: kept.at != mine.at)
    }

    /// Reads one row into a report, or says why it cannot be; `identified` is the row's
    /// `identity` when the caller has it already (an import judges duplicates by it first).
    public static func read(_ row: Row, catalog: Catalog, identified: Result<Identified, Rejection>? = nil) -> Result<ReadRow, Rejection> {
        let identity: Identity
        let timeUnread: Bool
        let timeKnown: Bool
        switch identified ?? self.identity(row, catalog: catalog) {
        case .success(let read): (identity, timeUnread, timeKnown) = (read.identity, read.timeUnread, read.timeKnown)
        case .failure(let rejection): return .failure(rejection)
        }
        var notes: [Note] = []
        var cells: [Column: String] = [:]
        for (column, value) in zip(Column.allCases, row.values) where !value.isEmpty && !value.allSatisfy(\.isWhitespace) { cells[column] = value }
        cells[.trackingId] = identity.id
        cells[.date] = identity.at.localDate.iso
        if timeUnread, !catalog.absent.contains(.time) { notes.append(.badTime(row[.time])) }
        cells[.time] = timeKnown ? clockText(identity.at.secondOfDay) : nil
        let label = collapsingSpaces(row[.status])
        let mapped = status(ofLabel: label)
        if mapped.status == .unknown { notes.append(.unknownStatus(label)) }
        let kindText = row[.classification]
        let reportKind = kind(kindText) ?? .pengaduan
        if kind(kindText) == nil, !catalog.absent.contains(.classification) { notes.append(.unknownKind(kindText)) }
        let privacyText = row[.privacy]
        let reportPrivacy = catalog.absent.contains(.privacy) ? .rahasia : privacy(privacyText) ?? .rahasia
        if privacy(privacyText) == nil { notes.append(.unknownPrivacy(privacyText)) }
        var title = TextRules.normalised(row[.title]).trimmingWhitespace
        if title.isEmpty {
            notes.append(.noTitle)
            title = untitled
        }
        let finalBody = row[.bodyFinal]
        let body = TextRules.normalised(finalBody.isEmpty ? row[.bodyFirst] : finalBody)
        var rating: Int?
        let ratingText = row[.rating]
        if !ratingText.isEmpty {
            if let value = wholeNumber(ratingText), (1...5).contains(value) {
                rating = value
                cells[.rating] = String(value)
            } else {
                notes.append(.badRating(ratingText))
            }
        }
        let place = [row[.village], row[.district], row[.city], row[.province]].filter { !$0.isEmpty }.joined(separator: ", ")
        let name = row[.reporterName]
        let report = Report(
            id: identity.id, kind: reportKind, channel: channel(row[.source]), title: title, body: body,
            categoryId: catalog.categoryId(of: row), location: place.isEmpty ? nil : Report.Location(text: place), privacy: reportPrivacy,
            reporter: name.isEmpty ? nil : Report.Reporter(name: name), status: mapped.status, statusLabel: label,
            unitId: catalog.unitId(of: row), submittedAt: identity.at, rating: rating)
        return .success(ReadRow(report: report, notes: notes, cells: cells))
    }

    /// White space inside a text made one space (the text already trimmed): ASCII text without a
    /// run of spaces, nearly every label, as it is.
    static func collapsingSpaces(_ text: String) -> String {
        var previousSpace = false
        var plain = true
        for byte in text.utf8 {
            if byte >= 0x80 || (0x09...0x0D).contains(byte) || (byte == 0x20 && previousSpace) {
                plain = false
                break
            }
            previousSpace = byte == 0x20
        }
        return plain ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A report's cells as `role` may see them: the reporter's name left out where the screen
    /// hides it (`Report.showsReporter`, the one rule every output asks).
    public static func visibleCells(_ cells: [Column: String], of report: Report, to role: Role) -> [Column: String] {
        guard !Report.showsReporter(of: report.privacy, to: role) else { return cells }
        var out = cells
        out[.reporterName] = nil
        return out
    }
}
