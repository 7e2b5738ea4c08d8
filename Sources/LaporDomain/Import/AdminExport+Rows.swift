/// From the export's rows to reports: units and categories built from what the file names, then
/// each row read on its own (one bad row never stops the rest).
extension AdminExport {
    /// One data row: the text of each cell the header named, as the file had it.
    public struct Row: Hashable, Sendable {
        /// The row's number in the sheet (1-based, as a spreadsheet program shows it).
        public var number: Int
        public var cells: [Column: String]

        public init(number: Int, cells: [Column: String]) {
            self.number = number
            self.cells = cells
        }

        /// A cell's text without surrounding white space ("" when absent).
        public subscript(_ column: Column) -> String { (cells[column] ?? "").trimmingWhitespace }
    }

    /// Why a row is not imported.
    public enum Rejection: Error, Hashable, Sendable {
        case noTrackingId
        case badTrackingId(String)
        case duplicateTrackingId(String, firstRow: Int)
        case noDate
        case badDate(String)
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
        private var unitByRowKey: [String: String]
        private var zoneByUnit: [String: IndonesianTimeZone]

        /// Builds the tree from every row: `Instansi Induk` → `Instansi Terdisposisi` (by its ID,
        /// else its name); each unit's zone is the one most of its reports' provinces lie in,
        /// unless `zone` overrides them all.
        public init(rows: [Row], zone override: IndonesianTimeZone? = nil) {
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

    /// Reads one row into a report, or says why it cannot be.
    public static func read(_ row: Row, catalog: Catalog) -> Result<ReadRow, Rejection> {
        for (column, text) in row.cells where text.utf8.count > maxCellBytes {
            return .failure(.cellTooLong(column, bytes: text.utf8.count))
        }
        let id = row[.trackingId]
        guard !id.isEmpty else { return .failure(.noTrackingId) }
        // A numeric cell may come as 1234567.0.
        let digits = id.hasSuffix(".0") ? String(id.dropLast(2)) : id
        guard Report.isValidTrackingID(digits) else { return .failure(.badTrackingId(id)) }
        let dateText = row[.date]
        guard !dateText.isEmpty else { return .failure(.noDate) }
        guard let day = date(dateText) else { return .failure(.badDate(dateText)) }
        var notes: [Note] = []
        let timeText = row[.time]
        var seconds = time(timeText)
        if seconds == nil, Double(dateText) != nil { seconds = time(dateText) }
        if seconds == nil {
            notes.append(.badTime(timeText))
        }
        let zone = catalog.zone(of: row)
        let submitted = Timestamp.startOfDay(day, in: zone).adding(seconds: Int64(seconds ?? 0))
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
            let value = Double(ratingText).flatMap { $0.rounded() == $0 ? Int($0) : nil }
            if let value, (1...5).contains(value) { rating = value } else { notes.append(.badRating(ratingText)) }
        }
        let place = [row[.village], row[.district], row[.city], row[.province]].filter { !$0.isEmpty }.joined(separator: ", ")
        let name = row[.reporterName]
        let report = Report(
            id: digits, kind: reportKind, channel: channel(row[.source]), title: title, body: body,
            categoryId: catalog.categoryId(of: row), location: place.isEmpty ? nil : Report.Location(text: place), privacy: reportPrivacy,
            reporter: name.isEmpty ? nil : Report.Reporter(name: name), status: mapped.status, statusLabel: label,
            unitId: catalog.unitId(of: row), submittedAt: submitted, rating: rating)
        return .success(ReadRow(report: report, notes: notes))
    }
}
