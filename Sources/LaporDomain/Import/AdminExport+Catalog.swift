/// What a file says as a whole: its units and their zones, its categories, the order of its
/// all-number dates, its date system, the columns it lacks. Built once from every row.
extension AdminExport {
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
        /// The columns the file's header lacks. Without `Tipe Laporan` every report is taken as
        /// rahasia (the reporter for admins only: the safe side), without `Klasifikasi Laporan`
        /// as a pengaduan; said once for the file (`absentColumnNotes`), not on every row.
        public var absent: Set<Column>
        private var unitByRowKey: [String: String]
        private var categoryByKey: [String: String]
        private var zoneByUnit: [String: IndonesianTimeZone]

        /// Builds the tree from every row: `Instansi Induk` → `Instansi Terdisposisi` (by its ID,
        /// else its name); each unit's zone is the one most of its reports' provinces lie in,
        /// unless `zone` overrides them all.
        public init(rows: [Row], zone override: IndonesianTimeZone? = nil, dateSystem: DateSystem = .from1900, absent: Set<Column> = []) {
            self.dateSystem = dateSystem
            self.absent = absent
            self.dateOrder = AdminExport.dateOrder(of: rows.lazy.map { $0[.date] })
            var parents: [String: String] = [:]  // parent id → name
            var units: [String: (name: String, parent: String)] = [:]
            var votes: [String: [IndonesianTimeZone: Int]] = [:]
            var unitByRowKey: [String: String] = [:]
            var parentByRowKey: [String: String] = [:]
            var categories: [String: String] = [:]
            var categoryByKey: [String: String] = [:]
            // A file names a few dozen provinces in 50,000 rows: each read once.
            var provinceZones: [String: IndonesianTimeZone?] = [:]
            for row in rows {
                // A file names a few hundred units and categories in 200,000 rows: each worked
                // out once, then only counted.
                let key = Self.rowKey(row)
                if let unitId = unitByRowKey[key] {
                    let province = row[.province]
                    let known = provinceZones[province] ?? AdminExport.zone(ofProvince: province)
                    provinceZones[province] = known
                    if let zone = known {
                        votes[unitId, default: [:]][zone, default: 0] += 1
                        if let parentId = parentByRowKey[key] { votes[parentId, default: [:]][zone, default: 0] += 1 }
                    }
                    let categoryKey = Self.categoryKey(row)
                    if categoryByKey[categoryKey] != nil { continue }
                }
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
                if let unitId, unitByRowKey[key] == nil {
                    unitByRowKey[key] = unitId
                    parentByRowKey[key] = parentId
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
                    categoryByKey[Self.categoryKey(row)] = id
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
            self.categoryByKey = categoryByKey
            self.zoneByUnit = Dictionary(tree.map { ($0.id, $0.zone) }, uniquingKeysWith: { a, _ in a })
            self.categories = categories.sorted { $0.key < $1.key }.map { Category(id: $0.key, name: $0.value) }
        }

        /// The unit a row's report is with (nil: the file names none).
        public func unitId(of row: Row) -> String? { unitByRowKey[Self.rowKey(row)] }

        /// The zone a row's submission time is read in.
        public func zone(of row: Row) -> IndonesianTimeZone { unitId(of: row).flatMap { zoneByUnit[$0] } ?? zoneByUnit[rootId] ?? .wib }

        /// The category id a row names.
        public func categoryId(of row: Row) -> String? {
            if let known = categoryByKey[Self.categoryKey(row)] { return known }
            let id = row[.categoryId]
            let name = row[.category]
            if !id.isEmpty { return Self.idToken(id) }
            return name.isEmpty ? nil : "kat-" + Self.slug(name)
        }

        static func rowKey(_ row: Row) -> String { row[.parentAgency] + "\u{1F}" + row[.unitId] + "\u{1F}" + row[.unit] }
        static func categoryKey(_ row: Row) -> String { row[.categoryId] + "\u{1F}" + row[.category] }

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
}
