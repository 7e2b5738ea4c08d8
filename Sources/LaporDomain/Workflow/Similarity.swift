import Foundation

/// Reports that may be the same complaint again (issue 16): citizens resubmit, cite their earlier
/// tracking number, or send the same complaint through another channel. Pure: a report's
/// features, the keys a store looks candidates up by, and the score of a candidate with the
/// reasons for it. The store keeps the features; every caller ranks with `rank`.
public enum Similarity {
    /// At most this many suggestions for a report.
    public static let limit = 5
    /// Whether a report's suggestions are looked up as soon as it is opened: a report waiting in
    /// the verification queue (the statuses it is verified from), where duplicates are archived.
    /// Any other report's are looked up on demand.
    public static func suggestsOnOpen(_ status: ReportStatus) -> Bool { ActionRule.rule(for: .verify).from.contains(status) }

    /// A candidate scoring below this is not suggested.
    public static let threshold = 0.33

    /// What a report is compared by. Hashes are FNV-1a (stable across runs and machines: the
    /// store keeps them), never the reporter's contact itself.
    public struct Features: Hashable, Sendable {
        /// The title's and body's words, folded (case, diacritics, spelling variants such as
        /// `jl` → `jalan`), without stop words: sorted, unique 32-bit hashes.
        public var words: [UInt32]
        /// The location's words, likewise.
        public var placeWords: [UInt32]
        /// The reporter's contact (`PersonalData.contactKey`), hashed; nil when the store does
        /// not have it (a role that may not see the reporter).
        public var contactKey: Int64?
        /// Tracking IDs the title or body cites.
        public var cited: [String]
        public var categoryId: String?

        public init(words: [UInt32], placeWords: [UInt32], contactKey: Int64?, cited: [String], categoryId: String?) {
            self.words = words
            self.placeWords = placeWords
            self.contactKey = contactKey
            self.cited = cited
            self.categoryId = categoryId
        }
    }

    /// Why a candidate is suggested.
    public enum Reason: Hashable, Sendable {
        case sameContact
        /// The report cites the candidate's tracking ID.
        case citesIt
        /// The candidate cites the report's tracking ID.
        case citedBy
        case samePlace
        case sameCategory
        /// The share of words the two have in common (Jaccard), in percent.
        case similarText(Int)
    }

    public struct Suggestion: Hashable, Sendable {
        public var id: String
        public var score: Double
        public var reasons: [Reason]

        public init(id: String, score: Double, reasons: [Reason]) {
            self.id = id
            self.score = score
            self.reasons = reasons
        }
    }

    // MARK: Features

    public static func features(of report: Report) -> Features {
        let text = report.title + "\n" + report.body
        // The text is compared without the place's words: those are compared as the place.
        let place = Set(words(report.location?.text ?? "").filter { !addressWords.contains($0) })
        return Features(
            words: hashes(words(text).filter { !place.contains($0) }), placeWords: hashes(Array(place)),
            contactKey: report.reporter?.contact.map(PersonalData.contactKey).flatMap { $0.isEmpty ? nil : fnv("contact:" + $0) },
            cited: citedIds(in: text, except: report.id), categoryId: report.categoryId)
    }

    /// The keys a store files a report under, for others to find it by: its text's bands, its
    /// contact, its place, and each tracking ID it cites.
    public static func keys(of features: Features) -> [Int64] {
        textContactAndPlaceKeys(features, citing: features.cited)
    }

    /// The keys to look a report's candidates up by: the same, except that the reports citing
    /// it are found by its own tracking ID (and those it cites, by theirs, in the store directly).
    public static func lookupKeys(of features: Features, id: String) -> [Int64] {
        textContactAndPlaceKeys(features, citing: [id])
    }

    /// The text's bands, the contact's and the place's keys, and the key of each ID in `citing`.
    static func textContactAndPlaceKeys(_ features: Features, citing: [String]) -> [Int64] {
        var keys = bands(features.words)
        if let contact = features.contactKey { keys.append(contact) }
        if let place = placeKey(features.placeWords) { keys.append(place) }
        keys += citing.map { fnv("cites:" + $0) }
        return Array(Set(keys)).sorted()
    }

    /// A digest of the features: a store rewrites a report's keys only when it changes.
    public static func digest(of features: Features) -> Int64 {
        var h = FNV()
        for w in features.words { h.add(UInt64(w)) }
        h.add(0xFFFF_FFFF_FFFF)
        for w in features.placeWords { h.add(UInt64(w)) }
        h.add(UInt64(bitPattern: features.contactKey ?? 0))
        for id in features.cited { h.add(id) }
        h.add(features.categoryId ?? "-")
        return Int64(bitPattern: h.value)
    }

    // MARK: Scoring

    /// How much a candidate looks like the report, and why; nil below `threshold`. Words in
    /// common weigh most; a shared contact or a cited tracking ID is strong evidence; the same
    /// place and category add a little; two reports about different places are different cases
    /// however alike their words (the same template of complaint about another street).
    public static func score(_ report: Features, id: String, candidate: Features, candidateId: String) -> Suggestion? {
        guard id != candidateId else { return nil }
        var reasons: [Reason] = []
        let text = jaccard(report.words, candidate.words)
        var score = 0.8 * text
        if let contact = report.contactKey, contact == candidate.contactKey {
            score += 0.3
            reasons.append(.sameContact)
        }
        if report.cited.contains(candidateId) {
            score += 0.45
            reasons.append(.citesIt)
        } else if candidate.cited.contains(id) {
            score += 0.45
            reasons.append(.citedBy)
        }
        switch samePlace(report.placeWords, candidate.placeWords) {
        case true?:
            score += 0.15
            reasons.append(.samePlace)
        case false? where !reasons.contains(.citesIt) && !reasons.contains(.citedBy) && !reasons.contains(.sameContact):
            score *= 0.3
        default: break
        }
        if let category = report.categoryId, category == candidate.categoryId {
            score += 0.05
            reasons.append(.sameCategory)
        }
        let percent = Int((text * 100).rounded())
        if percent >= 10 { reasons.insert(.similarText(percent), at: 0) }
        score = min(1, score)
        guard score >= threshold else { return nil }
        return Suggestion(id: candidateId, score: (score * 100).rounded() / 100, reasons: reasons)
    }

    /// Whether two places are the same: their names mostly shared (60% or more: another street
    /// in the same kelurahan is another place) and their
    /// numbers (a house, an RT) the same when both have some; false when either differs; nil
    /// when one report has no place.
    static func samePlace(_ a: [UInt32], _ b: [UInt32]) -> Bool? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let numbersA = Set(a.filter { numberHashes.contains($0) })
        let numbersB = Set(b.filter { numberHashes.contains($0) })
        if !numbersA.isEmpty, !numbersB.isEmpty, numbersA.isDisjoint(with: numbersB) { return false }
        let namesA = a.filter { !numbersA.contains($0) }
        let namesB = b.filter { !numbersB.contains($0) }
        guard !namesA.isEmpty, !namesB.isEmpty else { return numbersA == numbersB }
        return jaccard(namesA, namesB) >= 0.6
    }

    /// The hashes of the numbers 0–9999 (a place's numbers are told from its names by these).
    static let numberHashes: Set<UInt32> = Set(hashes((0...9999).map(String.init)))

    /// The best `limit` candidates above the threshold, best first (ties: the newer report, by
    /// tracking ID, first).
    public static func rank(_ report: Features, id: String, candidates: [(id: String, features: Features)]) -> [Suggestion] {
        let scored = candidates.compactMap { score(report, id: id, candidate: $0.features, candidateId: $0.id) }
        return Array(
            scored.sorted { a, b in
                a.score != b.score ? a.score > b.score : (a.id.count != b.id.count ? a.id.count > b.id.count : a.id > b.id)
            }.prefix(limit))
    }

    // MARK: Words

    /// Common words that say nothing about which complaint it is.
    static let stopWords: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "pada", "sudah", "telah", "ada", "tidak", "tak", "saya",
        "kami", "kita", "akan", "juga", "karena", "atau", "bisa", "dapat", "mohon", "tolong", "terima", "kasih", "sangat", "lagi",
        "masih", "belum", "oleh", "para", "agar", "supaya", "dalam", "sebagai", "tersebut", "bapak", "ibu", "pak", "selamat", "pagi",
        "siang", "sore", "malam", "hari", "nya", "kalau", "jika", "sehingga", "namun", "tetapi", "tapi", "ya", "sama", "lalu", "kemudian",
        "segera", "hal", "mau", "ingin", "yth", "the", "and", "laporan", "lapor", "melaporkan", "sekali", "sampai", "sejak", "secara",
        "kepada", "bagi", "apa", "mengapa", "kenapa", "bagaimana", "sekitar", "kira", "hanya", "pun", "adalah", "menjadi",
    ]

    /// Words every address has: a place is compared by the others (the street's name and
    /// number, the kelurahan's name).
    static let addressWords: Set<String> = [
        "jalan", "nomor", "gang", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "desa", "rt", "rw", "blok", "raya",
        "dekat", "depan", "samping", "belakang", "seberang",
    ]

    /// Spellings of the same word in addresses and complaints.
    static let variants: [String: String] = [
        "jl": "jalan", "jln": "jalan", "gg": "gang", "kel": "kelurahan", "kec": "kecamatan", "kab": "kabupaten",
        "no": "nomor", "nmr": "nomor", "sdh": "sudah", "tdk": "tidak", "yg": "yang",
        "dgn": "dengan", "utk": "untuk", "blm": "belum", "krn": "karena", "sy": "saya", "kmrn": "kemarin", "bln": "bulan", "mgg": "minggu",
    ]

    /// The words of a text as compared: letters and digits, lower case, diacritics folded, the
    /// variants above made one, `-nya` dropped, a light stem (`stem`), stop words and one-letter
    /// words (not digits) left out.
    public static func words(_ text: String) -> [String] {
        // By Unicode scalars, ASCII by its bytes: a report is filed on every write of a pull, and
        // Characters with Foundation's folding made a full pull three times slower.
        var out: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            var word = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if let variant = variants[word] { word = variant }
            if word.utf8.count > 5, word.hasSuffix("nya") { word.removeLast(3) }
            if !addressWords.contains(word), !stopWords.contains(word) { word = stem(word) }
            guard word.utf8.count > 1 || word.utf8.first.map({ (0x30...0x39).contains($0) }) == true, !stopWords.contains(word) else { return }
            out.append(word)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) {
                    current.append(b)
                } else if (0x41...0x5A).contains(b) {
                    current.append(b | 0x20)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // Lower case without diacritics: é → e, Ü → u (rare in reports: Foundation for it).
                for folded in scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping.unicodeScalars
                where folded.properties.generalCategory != .nonspacingMark {
                    current.append(contentsOf: String(folded).utf8)
                }
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The most tracking IDs read from one text: each is a key a store writes (a hostile text of
    /// ten thousand numbers files twenty).
    public static let maxCited = 20

    /// A light stem: one common prefix and `-an` off a word long enough to keep four letters
    /// (`pengangkutan`, `diangkut`, `mengangkut` → `angkut`; `tumpukan` → `tumpuk`). Not Indonesian
    /// morphology (`-kan` is left, as `tumpukan` would lose its k): the same word's forms made
    /// one often enough that a neighbour's rewording is found (recall 0.85 → 0.96 on 10,000 demo
    /// reports, precision unchanged).
    /// By bytes (a word is ASCII letters when stemmed): Characters' prefix and count were a
    /// third of filing a report (perf, an import of 200,000 rows).
    static func stem(_ word: String) -> String {
        let b = Array(word.utf8)
        guard b.count >= 6, b.allSatisfy({ (0x61...0x7A).contains($0) }) else { return word }
        var start = 0
        var end = b.count
        for prefix in stemPrefixes where b.count - prefix.count >= 4 && b.starts(with: prefix) {
            start = prefix.count
            break
        }
        if end - start - 2 >= 4, b[end - 2] == 0x61, b[end - 1] == 0x6E { end -= 2 }
        return start == 0 && end == b.count ? word : String(decoding: b[start..<end], as: UTF8.self)
    }

    static let stemPrefixes = ["meng", "mem", "men", "peng", "pem", "pen", "di", "ter", "ber"].map { Array($0.utf8) }

    /// Tracking IDs in a text: a run of 7 to 12 digits on its own (not part of a longer number,
    /// nor a phone number: those begin with 0 or 62 and are longer), other than the report's own.
    public static func citedIds(in text: String, except own: String) -> [String] {
        var out: [String] = []
        var run: [UInt8] = []
        var glued = false
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        func flush() {
            defer {
                run.removeAll(keepingCapacity: true)
                glued = false
            }
            guard !glued, (7...12).contains(run.count), run.first != 0x30 else { return }
            // A phone number written from its country code (62…) is no tracking ID.
            if run.count >= 10, run[0] == 0x36, run[1] == 0x32 { return }
            let id = String(decoding: run, as: UTF8.self)
            if id != own, !out.contains(id), out.count < maxCited { out.append(id) }
        }
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            if (0x30...0x39).contains(b) {
                if run.isEmpty, isLetter(previous) { glued = true }
                run.append(b)
            } else if !run.isEmpty {
                if isLetter(b) { glued = true }
                flush()
            }
            previous = b
        }
        if !run.isEmpty { flush() }
        return out
    }

    // MARK: Hashes and bands

    static func hashes(_ words: [String]) -> [UInt32] {
        Array(Set(words.map { UInt32(truncatingIfNeeded: UInt64(bitPattern: fnv($0))) })).sorted()
    }

    static func placeKey(_ words: [UInt32]) -> Int64? {
        guard !words.isEmpty else { return nil }
        var h = FNV()
        h.add("place:")
        for w in words { h.add(UInt64(w)) }
        return Int64(bitPattern: h.value)
    }

    /// MinHash of the words, 16 values, in 8 bands of 2: two texts share a band with a
    /// probability of 1 − (1 − J²)⁸ for a Jaccard similarity J (0.3 → 53%, 0.5 → 90%, 0.1 → 8%);
    /// the place's and the contact's keys find most of the rest. Each band is a row a store writes
    /// per report (16 bands made a full pull a third slower than 8).
    /// Texts of fewer than 4 words have no bands (they would match everything short).
    static func bands(_ words: [UInt32]) -> [Int64] {
        guard words.count >= 4 else { return [] }
        var minima = [UInt64](repeating: .max, count: 16)
        for w in words {
            for k in 0..<16 {
                let v = mix(UInt64(w) &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
                if v < minima[k] { minima[k] = v }
            }
        }
        return (0..<8).map { band in
            Int64(bitPattern: mix(mix(minima[2 * band] ^ UInt64(band + 1)) ^ minima[2 * band + 1]))
        }
    }

    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(common) / Double(a.count + b.count - common)
    }

    /// splitmix64's finaliser.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func fnv(_ text: String) -> Int64 {
        var h = FNV()
        h.add(text)
        return Int64(bitPattern: h.value)
    }

    /// FNV-1a, 64 bits.
    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }

        mutating func add(_ number: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                value ^= (number >> UInt64(shift)) & 0xFF
                value = value &* 0x100_0000_01b3
            }
        }
    }
}
