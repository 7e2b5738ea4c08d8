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

    /// The units and categories a file names, and how its rows map to them.
    public struct Catalog: Sendable {
        public var units: [Unit]
        public var categories: [Category]
        /// The unit every report of the file lies under: the one `Instansi Induk`, or a root
        /// above several.
        public var rootId: String
        /// The order of all-number dates in the file (`AdminExport.dateOrder(of:)`).
        public var dateOrder: DateOrder
        /// The workbook's date system (1904 when it says so).
        public var dateSystem: DateSystem
        private var unitByRowKey: [String: String]
        private var zoneByUnit: [String: IndonesianTimeZone]

        /// Builds the tree from every row: `Instansi Induk` → `Instansi Terdisposisi` (by its ID,
        /// else its name); each unit's zone is the one most of its reports' provinces lie in,
        /// unless `zone` overrides them all.
        public init(rows: [Row], zone override: IndonesianTimeZone? = nil, dateSystem: DateSystem = .from1900) {
            self.dateSystem = dateSystem
            self.dateOrder = AdminExport.dateOrder(of: rows.lazy.map { $0[.date] })
            var parents: [String: String] = [:]  // parent id → name
            var units: [String: (name: String, parent: String)] = [:]
            var votes: [String: [IndonesianTimeZone: Int]] = [:]
            var unitByRowKey: [String: String] = [:]
            var categories: [String: String] = [:]
            // A file names a few dozen provinces in 50,000 rows: each read once.
            var provinceZones: [String: IndonesianTimeZone?] = [:]
            for row in rows {
                let parentName = row[.parentAgency]
                let parentId = parentName.isEmpty ? nil : "induk-" + Self.slug(parentName)
                if let parentId { parents[parentId] = parents[parentId] ?? parentName }
                let unitName = row[.unit]
                let rawId = row[.unitId]
                var unitId: String? = parentId
                if !rawId.isEmpty || !unitName.isEmpty {
                    let id = rawId.isEmpty ? "unit-" + Self.slug(unitName) : Self.idToken(rawId)
                    if id != parentId {
                        units[id] = units[id] ?? (unitName.isEmpty ? rawId : unitName, parentId ?? "")
                    }
                    unitId = id
                }
                if let unitId {
                    unitByRowKey[Self.rowKey(row)] = unitId
                    let province = row[.province]
                    let known = provinceZones[province] ?? AdminExport.zone(ofProvince: province)
                    provinceZones[province] = known
                    if let zone = known {
                        votes[unitId, default: [:]][zone, default: 0] += 1
                        if let parentId { votes[parentId, default: [:]][zone, default: 0] += 1 }
                    }
                }
                let categoryId = row[.categoryId]
                let categoryName = row[.category]
                if !categoryId.isEmpty || !categoryName.isEmpty {
                    let id = categoryId.isEmpty ? "kat-" + Self.slug(categoryName) : Self.idToken(categoryId)
                    categories[id] = categories[id] ?? (categoryName.isEmpty ? categoryId : categoryName)
                }
            }
            func zone(_ id: String) -> IndonesianTimeZone {
                if let override { return override }
                let counted = votes[id] ?? [:]
                return counted.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .wib
            }
            var tree: [Unit] = []
            let root: String
            if parents.count == 1, let only = parents.first {
                root = only.key
                tree.append(Unit(id: only.key, name: only.value, timezone: zone(only.key).identifier))
            } else {
                root = "ekspor"
                let all = votes.values.reduce(into: [IndonesianTimeZone: Int]()) { $0.merge($1, uniquingKeysWith: +) }
                let rootZone = override ?? all.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .wib
                tree.append(Unit(id: root, name: "Semua instansi dalam ekspor", timezone: rootZone.identifier))
                for (id, name) in parents.sorted(by: { $0.key < $1.key }) {
                    tree.append(Unit(id: id, name: name, parentId: root, timezone: zone(id).identifier))
                }
            }
            for (id, unit) in units.sorted(by: { $0.key < $1.key }) where id != root {
                tree.append(Unit(id: id, name: unit.name, parentId: unit.parent.isEmpty ? root : unit.parent, timezone: zone(id).identifier))
            }
            self.units = tree
            self.rootId = root
            self.unitByRowKey = unitByRowKey
            self.zoneByUnit = Dictionary(tree.map { ($0.id, $0.zone) }, uniquingKeysWith: { a, _ in a })
            self.categories = categories.sorted { $0.key < $1.key }.map { Category(id: $0.key, name: $0.value) }
        }

        /// The unit a row's report is with (nil: the file names none).
        public func unitId(of row: Row) -> String? { unitByRowKey[Self.rowKey(row)] }

        /// The zone a row's submission time is read in.
        public func zone(of row: Row) -> IndonesianTimeZone { unitId(of: row).flatMap { zoneByUnit[$0] } ?? zoneByUnit[rootId] ?? .wib }

        /// The category id a row names.
        public func categoryId(of row: Row) -> String? {
            let id = row[.categoryId]
            let name = row[.category]
            if !id.isEmpty { return Self.idToken(id) }
            return name.isEmpty ? nil : "kat-" + Self.slug(name)
        }

        static func rowKey(_ row: Row) -> String { row[.parentAgency] + "\u{1F}" + row[.unitId] + "\u{1F}" + row[.unit] }

        /// An id from a cell: kept when it is letters, digits, `-`, `_` and `.` (at most 64),
        /// else a slug of it.
        static func idToken(_ text: String) -> String {
            let ok =
                text.utf8.count <= 64
                && text.unicodeScalars.allSatisfy {
                    ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "-_.".unicodeScalars.contains($0)
                }
            return ok ? text : "id-" + slug(text)
        }

        /// Lower-case ASCII letters and digits joined by `-` (at most 48 characters).
        static func slug(_ text: String) -> String {
            var out = ""
            var dash = false
            for scalar in text.lowercased().unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if dash, !out.isEmpty { out += "-" }
                    out.unicodeScalars.append(scalar)
                    dash = false
                } else {
                    dash = true
                }
                if out.count >= 48 { break }
            }
            return out.isEmpty ? "x" : out
        }
    }

    /// A row's tracking ID and instant, or why the row cannot be read (the checks `read` makes
    /// first, and all that choosing among duplicates needs).
    public static func identity(_ row: Row, catalog: Catalog) -> Result<(identity: Identity, timeUnread: Bool, timeKnown: Bool), Rejection> {
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
            return .success((Identity(row: row.number, id: id, at: read.at), read.timeUnread, read.timeKnown))
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

    /// Reads one row into a report, or says why it cannot be.
    public static func read(_ row: Row, catalog: Catalog) -> Result<ReadRow, Rejection> {
        let identity: Identity
        let timeUnread: Bool
        let timeKnown: Bool
        switch self.identity(row, catalog: catalog) {
        case .success(let read): (identity, timeUnread, timeKnown) = read
        case .failure(let rejection): return .failure(rejection)
        }
        var notes: [Note] = []
        var cells = row.cells.filter { !$0.value.trimmingWhitespace.isEmpty }
        cells[.trackingId] = identity.id
        cells[.date] = identity.at.localDate.iso
        if timeUnread { notes.append(.badTime(row[.time])) }
        cells[.time] = timeKnown ? clockText(identity.at.secondOfDay) : nil
        let label = row[.status].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let mapped = status(ofLabel: label)
        if mapped.status == .unknown { notes.append(.unknownStatus(label)) }
        let kindText = row[.classification]
        let reportKind = kind(kindText) ?? .pengaduan
        if kind(kindText) == nil { notes.append(.unknownKind(kindText)) }
        let privacyText = row[.privacy]
        let reportPrivacy = privacy(privacyText) ?? .rahasia
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

    /// A report's cells as `role` may see them: the reporter's name left out where the screen
    /// hides it (`Report.showsReporter`, the one rule every output asks).
    public static func visibleCells(_ cells: [Column: String], of report: Report, to role: Role) -> [Column: String] {
        guard !Report.showsReporter(of: report.privacy, to: role) else { return cells }
        var out = cells
        out[.reporterName] = nil
        return out
    }
}
