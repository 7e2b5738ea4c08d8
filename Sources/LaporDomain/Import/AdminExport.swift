/// The spreadsheet export of the LAPOR! admin area (issue 15): its columns, its status labels
/// and the shapes of its values. Reconstructed from a public importer of the official export;
/// what is still unknown is listed in `docs/import.md`. Pure: the readers of `.xlsx` and `.csv`
/// live in `LaporImport`, the store in `LaporStore`.
public enum AdminExport {
    /// The 26 columns, in the order the export writes them.
    public enum Column: String, CaseIterable, Sendable {
        case trackingId = "Tracking ID"
        case date = "Tanggal Laporan Masuk"
        case time = "Waktu Laporan Masuk"
        case reporterName = "Nama Pelapor"
        case classification = "Klasifikasi Laporan"
        case categoryId = "ID Kategori"
        case category = "Kategori"
        case title = "Judul Laporan"
        case bodyFirst = "Isi Laporan Awal"
        case bodyFinal = "Isi Laporan Akhir"
        case privacy = "Tipe Laporan (Anonim/Rahasia)"
        case source = "Sumber Laporan"
        case parentAgency = "Instansi Induk"
        case unitId = "ID Instansi Terdisposisi"
        case unit = "Instansi Terdisposisi"
        case status = "Status Laporan"
        case holdReason = "Alasan Tunda/Arsip"
        case province = "Provinsi"
        case city = "Kota/Kabupaten"
        case district = "Kecamatan"
        case village = "Kelurahan"
        case decreeNumber = "Nomor SK"
        case decreeURL = "Url SK"
        case annualReportURL = "Url Dokumen Laporan Tahunan"
        case vicePresident = "Laporan yang Masuk melalui Kanal Aduan Setwapres"
        case rating = "Rating"

        /// Hashed and compared by place: the names' text hashed on every cell of a 200,000-row
        /// import was a tenth of its time.
        public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
        public static func == (a: Column, b: Column) -> Bool { a.ordinal == b.ordinal }

        /// The columns in the order of their names (as a JSON object with sorted keys lists them).
        public static let byName = allCases.sorted { $0.rawValue < $1.rawValue }

        /// The column's place in `allCases` (the export's order), without a dictionary's hashing.
        public var ordinal: Int {
            switch self {
            case .trackingId: 0
            case .date: 1
            case .time: 2
            case .reporterName: 3
            case .classification: 4
            case .categoryId: 5
            case .category: 6
            case .title: 7
            case .bodyFirst: 8
            case .bodyFinal: 9
            case .privacy: 10
            case .source: 11
            case .parentAgency: 12
            case .unitId: 13
            case .unit: 14
            case .status: 15
            case .holdReason: 16
            case .province: 17
            case .city: 18
            case .district: 19
            case .village: 20
            case .decreeNumber: 21
            case .decreeURL: 22
            case .annualReportURL: 23
            case .vicePresident: 24
            case .rating: 25
            }
        }

        /// A header cell's text as compared: lower-case letters and digits only (`No. Tracking`
        /// and `no tracking` are one key).
        public static func key(_ header: String) -> String {
            String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
        }

        /// The shorter headers spreadsheets and agencies write for a column (issue 24).
        static let aliases: [Column: [String]] = [
            .trackingId: ["No. Tracking", "Nomor Tracking", "No Tracking", "Tracking", "ID Tracking", "Nomor Laporan", "No. Laporan", "ID Laporan"],
            .date: ["Tanggal Laporan", "Tanggal Masuk", "Tanggal", "Tgl Laporan", "Tgl. Laporan", "Tgl Masuk", "Tanggal Lapor"],
            .time: ["Waktu Laporan", "Waktu Masuk", "Waktu", "Jam", "Jam Masuk", "Pukul"],
            .reporterName: ["Pelapor", "Nama Pelapor Laporan"],
            .classification: ["Klasifikasi", "Jenis Laporan"],
            .categoryId: ["Kode Kategori"],
            .category: ["Kategori Laporan"],
            .title: ["Judul"],
            .bodyFirst: ["Isi Awal"],
            .bodyFinal: ["Isi Laporan", "Isi", "Uraian Laporan", "Isi Akhir"],
            .privacy: ["Tipe Laporan", "Anonim/Rahasia", "Kerahasiaan"],
            .source: ["Sumber", "Kanal", "Kanal Laporan", "Saluran"],
            .unitId: ["ID Instansi", "Kode Instansi"],
            .unit: ["Instansi", "Instansi Tujuan", "Instansi Penerima", "Unit"],
            .status: ["Status", "Status Terakhir"],
            .holdReason: ["Alasan Tunda", "Alasan Arsip", "Alasan"],
            .city: ["Kabupaten/Kota", "Kota", "Kabupaten"],
            .village: ["Desa/Kelurahan", "Desa"],
        ]

        /// Every key a column answers to.
        static let byKey: [String: Column] = {
            var out: [String: Column] = [:]
            for column in allCases { out[key(column.rawValue)] = column }
            for (column, names) in aliases {
                for name in names where out[key(name)] == nil { out[key(name)] = column }
            }
            return out
        }()

        /// The column a header cell names (case, spaces and punctuation ignored; the export's own
        /// name or a shorter one), if any.
        public init?(header: String) {
            guard let column = Self.byKey[Self.key(header)] else { return nil }
            self = column
        }
    }

    /// The columns without which a table is not an export.
    public static let requiredColumns: [Column] = [.trackingId, .date, .title, .status]

    /// A header row's columns by cell position, when the row names every required column; the
    /// first cell naming a column wins, later ones are left out (`ignored`).
    public static func header(_ cells: [String]) -> (columns: [Int: Column], ignored: [String])? {
        var columns: [Int: Column] = [:]
        var ignored: [String] = []
        var seen = Set<Column>()
        for (index, cell) in cells.enumerated() where !cell.trimmingWhitespace.isEmpty {
            if let column = Column(header: cell), !seen.contains(column) {
                columns[index] = column
                seen.insert(column)
            } else {
                ignored.append(cell)
            }
        }
        guard requiredColumns.allSatisfy(seen.contains) else { return nil }
        return (columns, ignored)
    }

    /// Whether a row is the table's header: it names every required column.
    public static func isHeader(_ cells: [String]) -> Bool { header(cells) != nil }

    /// What a status label of the export means in the contract's terms.
    public struct MappedStatus: Hashable, Sendable {
        public var status: ReportStatus
        /// `Ditutup oleh Sistem`, `Diarsipkan oleh Sistem`.
        public var bySystem: Bool
    }

    /// The known labels. Every other label is `unknown`: imported, kept as written, never guessed.
    /// The labels are the contract's own (`ReportStatus.label`, one place): the seven seen in
    /// official exports are among them, and the others make an export lapor wrote read back.
    public static func status(ofLabel label: String) -> MappedStatus {
        let words = normalized(label)
        if let known = Labels.shared.exact[words] { return known }
        // The labels that carry a unit or a reason: "Terdisposisi ke <Instansi>" (or its first word
        // alone), "Ditunda (<alasan>)".
        let labels = Labels.shared
        if let stem = labels.dispatched.first, words.hasPrefix(stem) || words == stem.split(separator: " ").first.map(String.init) {
            return MappedStatus(status: .dispatched, bySystem: false)
        }
        let held = labels.held
        if held.count == 2, words.hasPrefix(held[0]), words.hasSuffix(held[1]), words.count >= held[0].count + held[1].count {
            return MappedStatus(status: .held, bySystem: false)
        }
        return MappedStatus(status: .unknown, bySystem: false)
    }

    /// `ReportStatus.label`'s texts, normalised once (an import reads a label on every row:
    /// normalising them all again for each was 15% of a 50,000-row import).
    struct Labels: Sendable {
        static let shared = Labels()
        let exact: [String: MappedStatus]
        /// `Terdisposisi ke ` and what follows the unit's name, normalised.
        let dispatched: [String]
        /// `Ditunda (` and `)`, normalised.
        let held: [String]

        init() {
            var exact: [String: MappedStatus] = [:]
            for status in ReportStatus.contractCases {
                for bySystem in [false, true] {
                    let key = AdminExport.normalized(status.label(bySystem: bySystem))
                    if exact[key] == nil { exact[key] = MappedStatus(status: status, bySystem: bySystem) }
                }
            }
            self.exact = exact
            dispatched = AdminExport.normalized(ReportStatus.dispatched.label(unitName: "\u{1F}")).split(separator: "\u{1F}").map(String.init)
            held = AdminExport.normalized(ReportStatus.held.label(holdReason: "\u{1F}")).split(separator: "\u{1F}").map(String.init)
        }
    }

    /// `Klasifikasi Laporan`; nil for a value not known.
    public static func kind(_ text: String) -> ReportKind? {
        switch normalized(text) {
        case "pengaduan": .pengaduan
        case "aspirasi": .aspirasi
        case "permintaan informasi", "permintaan_informasi": .permintaanInformasi
        default: nil
        }
    }

    /// `Tipe Laporan (Anonim/Rahasia)`; nil for a value not known (the caller then hides the
    /// reporter: the safe side).
    public static func privacy(_ text: String) -> Privacy? {
        switch normalized(text) {
        case "", "-", "biasa", "publik", "public", "umum", "tidak": .public
        case "anonim", "anonymous": .anonim
        case "rahasia", "confidential": .rahasia
        case "anonim dan rahasia", "anonim/rahasia", "rahasia/anonim", "anonim & rahasia": .rahasia
        default: nil
        }
    }

    /// `Sumber Laporan`: how the report came in; `other` for a source not known (the label stays
    /// in the imported row).
    public static func channel(_ text: String) -> Channel {
        let t = normalized(text)
        if t.contains("whatsapp") || t == "wa" { return .whatsapp }
        if t.hasPrefix("sms") || t.contains("1708") { return .sms }
        if t.hasPrefix("web") || t.contains("website") || t.contains("lapor.go.id") { return .web }
        if t.contains("android") || t.contains("ios") || t.contains("mobile") || t.contains("aplikasi") { return .mobile }
        if t.contains("twitter") || t == "x" { return .twitter }
        if t.contains("instagram") { return .instagram }
        if t.contains("facebook") { return .facebook }
        if t.contains("email") || t.contains("e-mail") || t.contains("surel") { return .email }
        if t.contains("integrasi") || t.contains("terintegrasi") || t.contains("integrated") { return .integrated }
        return .other
    }

    /// The zone of a province (`Provinsi`): WITA for Bali, Nusa Tenggara, South, East and North
    /// Kalimantan and all of Sulawesi; WIT for Maluku and Papua; WIB for the rest. Nil when the
    /// text names no province (the caller then uses WIB and says so).
    public static func zone(ofProvince text: String) -> IndonesianTimeZone? {
        let t = normalized(text).replacingOccurrences(of: "provinsi ", with: "")
        guard !t.isEmpty else { return nil }
        if t.contains("maluku") || t.contains("papua") { return .wit }
        if t.contains("bali") || t.contains("nusa tenggara") || t == "ntb" || t == "ntt" || t.contains("sulawesi")
            || t.contains("gorontalo")
        {
            return .wita
        }
        if t.contains("kalimantan") {
            return t.contains("selatan") || t.contains("timur") || t.contains("utara") ? .wita : .wib
        }
        let wib = [
            "aceh", "sumatera", "sumatra", "riau", "jambi", "bengkulu", "lampung", "bangka", "jakarta", "dki", "jawa", "banten",
            "yogyakarta", "diy",
        ]
        return wib.contains(where: t.contains) ? .wib : nil
    }

    /// Month names and abbreviations, English and Bahasa Indonesia.
    static let months: [String: Int] = [
        "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "peb": 2, "pebruari": 2, "mar": 3, "maret": 3,
        "march": 3, "apr": 4, "april": 4, "may": 5, "mei": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8,
        "agu": 8, "agt": 8, "ags": 8, "agustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "okt": 10, "oktober": 10,
        "october": 10, "nov": 11, "nop": 11, "november": 11, "nopember": 11, "dec": 12, "des": 12, "desember": 12, "december": 12,
    ]

    /// A cell's text compared as a value: lower case, spaces made one, trimmed.
    static func normalized(_ text: String) -> String {
        // ASCII text (nearly every cell an export's fixed columns hold) by its bytes: Unicode's
        // whitespace and case tables for each character were a tenth of an import's time.
        var ascii = true
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
