import LaporDomain

/// Duplicate groups planted in the demo seed (issue 16), so that suggestions are measured, not
/// assumed (`lapor-bench duplicates`). Every `period` reports hold one group: a complaint about a
/// particular place; a neighbour's report of the same thing in other words ("saya juga
/// mengalami"); the first reporter's resubmission through another channel, its sentences
/// reordered, with typos, half the time citing the first tracking number; and a report about the
/// same place but another problem, which is not a duplicate. The resubmissions and the other
/// problem wait in the verification queue.
public enum PlantedDuplicates {
    public static let period = 200

    public enum Member: Int, CaseIterable, Sendable {
        case original = 100
        case decoy = 120
        case rephrased = 150
        case resubmitted = 190
    }

    /// A planted group's tracking IDs (those the seed's size reached).
    public struct Group: Sendable, Equatable {
        /// The original and its duplicates, in order of submission.
        public var duplicates: [String]
        /// The same place, another problem: no duplicate of the others.
        public var decoy: String?
    }

    /// The planted member at a report index, if any.
    public static func member(at index: Int) -> (group: Int, member: Member)? {
        guard let member = Member(rawValue: index % period) else { return nil }
        return (index / period, member)
    }

    /// The groups a seed of `reports` reports holds (tracking IDs are 9100000 + index).
    public static func groups(reports: Int) -> [Group] {
        (0..<(reports / period + 1)).compactMap { g in
            func id(_ m: Member) -> String? {
                let index = g * period + m.rawValue
                return index < reports ? String(9_100_000 + index) : nil
            }
            let duplicates = [Member.original, .rephrased, .resubmitted].compactMap(id)
            guard duplicates.count >= 2 else { return nil }
            return Group(duplicates: duplicates, decoy: id(.decoy))
        }
    }

    /// What a planted report says.
    struct Content {
        var kind: ReportKind
        var categoryId: String
        var unit: String
        var title: String
        var body: String
        var place: String
        var reporter: Report.Reporter
        var channel: Channel
    }

    static func content(group: Int, member: Member) -> Content {
        var rng = SeedRandom(seed: 0x5EED_D00D &+ UInt64(group) &* 7919)
        // Each group its own place (a street and a kelurahan): two groups never share one.
        let street = streets[group % streets.count]
        let number = Int.random(in: 2...180, using: &rng)
        let village = villages[(group / streets.count) % villages.count]
        let place = "Jl. \(street) No. \(number), Kelurahan \(village)"
        let spot = "Jalan \(street) nomor \(number)"
        let problemIndex = Int.random(in: 0..<problems.count, using: &rng)
        var size = Int.random(in: 3...40, using: &rng)
        var weeks = Int.random(in: 2...9, using: &rng)
        let first = Report.Reporter(name: rng.pick(names), contact: "08\(Int.random(in: 1_100_000_000...1_399_999_999, using: &rng))")
        let neighbour = Report.Reporter(name: rng.pick(names), contact: "08\(Int.random(in: 1_100_000_000...1_399_999_999, using: &rng))")
        let other = Report.Reporter(name: rng.pick(names), contact: "08\(Int.random(in: 1_100_000_000...1_399_999_999, using: &rng))")
        let cites = group % 2 == 0
        let originalId = String(9_100_000 + group * period + Member.original.rawValue)
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{spot}", with: spot).replacingOccurrences(of: "{kel}", with: village)
                .replacingOccurrences(of: "{n}", with: String(size)).replacingOccurrences(of: "{w}", with: String(weeks))
        }
        var problem = problems[problemIndex]
        var title: String
        var sentences: [String]
        var reporter = first
        var channel: Channel = [.web, .mobile, .sms][group % 3]
        switch member {
        case .original:
            title = problem.titles[0]
            // invariant: every sentence of the constant table has two wordings
            sentences = problem.sentences.map { $0[0] }
        case .rephrased:
            title = problem.titles[1]
            // invariant: every sentence of the constant table has two wordings
            sentences = ["Saya juga mengalami hal yang sama."] + problem.sentences.map { $0[1] }
            reporter = neighbour
            channel = [.mobile, .whatsapp, .web][group % 3]
        case .resubmitted:
            title = problem.titles[0]
            // invariant: every sentence of the constant table has two wordings
            var reordered = problem.sentences.map { $0[0] }
            reordered.shuffle(using: &rng)
            sentences = reordered.map { typos($0, rng: &rng) }
            if cites { sentences.insert("Laporan saya sebelumnya nomor \(originalId) belum ada tanggapan.", at: 0) }
            channel = [.sms, .twitter, .mobile][group % 3]
        case .decoy:
            problem = problems[(problemIndex + 1 + group % (problems.count - 1)) % problems.count]
            title = problem.titles[group % 2]
            // invariant: every sentence of the constant table has two wordings
            sentences = problem.sentences.map { $0[group % 2] }
            reporter = other
            size += 7
            weeks += 1
        }
        return Content(
            kind: .pengaduan, categoryId: problem.categoryId, unit: problem.units[group % problem.units.count], title: fill(title),
            body: fill(sentences.joined(separator: " ")), place: place, reporter: reporter, channel: channel)
    }

    /// Two letters swapped in about one word of six (of the words longer than four letters).
    static func typos(_ sentence: String, rng: inout SeedRandom) -> String {
        sentence.split(separator: " ", omittingEmptySubsequences: false).map { word in
            var letters = Array(word)
            guard letters.count > 4, letters.allSatisfy(\.isLetter), rng.chance(0.17) else { return String(word) }
            let i = Int.random(in: 1..<(letters.count - 2), using: &rng)
            letters.swapAt(i, i + 1)
            return String(letters)
        }.joined(separator: " ")
    }

    struct Problem {
        var categoryId: String
        var units: [String]
        /// Two titles: the first reporter's and the neighbour's.
        var titles: [String]
        /// Each sentence in two wordings.
        var sentences: [[String]]
    }

    static let problems: [Problem] = [
        Problem(
            categoryId: "121", units: ["dki-dpu-jp", "dki-dpu-ju"],
            titles: ["Lubang besar di {spot}", "Jalan rusak berlubang dekat {spot}"],
            sentences: [
                [
                    "Di depan {spot}, Kelurahan {kel}, ada lubang sedalam {n} cm di tengah jalan.",
                    "Aspal di sekitar {spot} di {kel} amblas membentuk lubang kira-kira {n} senti.",
                ],
                ["Lubang itu sudah {w} minggu dibiarkan.", "Kerusakan ini sudah berlangsung {w} minggu tanpa perbaikan."],
                ["Dua pengendara motor terjatuh karena tidak melihatnya.", "Beberapa motor tergelincir di situ, terutama waktu malam."],
                ["Mohon ditambal sebelum jatuh korban.", "Kami minta Dinas Bina Marga segera memperbaikinya."],
            ]),
        Problem(
            categoryId: "122", units: ["dki-dpu-ju", "dki-dpu"],
            titles: ["Lampu penerangan jalan mati di {spot}", "Penerangan jalan padam di sekitar {spot}"],
            sentences: [
                ["Sebanyak {n} tiang lampu di {spot}, Kelurahan {kel}, padam semua.", "Di {spot} ({kel}) ada {n} lampu jalan yang tidak menyala."],
                ["Sudah {w} minggu jalan itu gelap gulita setiap malam.", "Selama {w} minggu warga melintas dalam gelap."],
                ["Warga takut karena pernah ada penjambretan.", "Kejadian jambret pernah terjadi di ruas itu."],
                ["Mohon lampunya segera diganti.", "Tolong petugas PJU memeriksa dan memperbaiki lampunya."],
            ]),
        Problem(
            categoryId: "141", units: ["dki-dlh"],
            titles: ["Sampah menggunung di {spot}", "Tumpukan sampah belum diangkut di {spot}"],
            sentences: [
                [
                    "Tempat pembuangan sementara di {spot}, Kelurahan {kel}, penuh sampah setinggi {n} puluh senti.",
                    "Sampah di TPS dekat {spot} wilayah {kel} menumpuk tinggi.",
                ],
                ["Truk pengangkut tidak datang selama {w} minggu.", "Sudah {w} minggu tidak ada pengangkutan."],
                ["Baunya menyengat sampai ke rumah warga dan banyak lalat.", "Bau busuk tercium hingga permukiman, lalat di mana-mana."],
                ["Mohon jadwal truk sampah dipulihkan.", "Kami berharap Dinas Lingkungan Hidup segera mengangkutnya."],
            ]),
        Problem(
            categoryId: "123", units: ["dki-dpu-jp"],
            titles: ["Saluran air tersumbat di {spot}", "Got mampet dan meluap di {spot}"],
            sentences: [
                [
                    "Saluran air di sepanjang {spot}, Kelurahan {kel}, tersumbat lumpur dan sampah.",
                    "Got di {spot} daerah {kel} mampet oleh endapan dan plastik.",
                ],
                ["Setiap hujan air meluap setinggi {n} cm ke jalan.", "Kalau hujan, genangan sampai {n} senti masuk ke jalan."],
                ["Kondisi ini sudah {w} minggu.", "Sudah {w} minggu belum dikeruk."],
                ["Mohon segera dikeruk.", "Tolong dibersihkan sebelum musim hujan puncak."],
            ]),
        Problem(
            categoryId: "172", units: ["dki-dishub"],
            titles: ["Parkir liar memacetkan {spot}", "Kendaraan parkir sembarangan di {spot}"],
            sentences: [
                [
                    "Puluhan mobil parkir di bahu {spot}, Kelurahan {kel}, hingga jalan tinggal satu lajur.",
                    "Di {spot} wilayah {kel}, mobil diparkir di kedua sisi jalan.",
                ],
                ["Juru parkir meminta Rp{n}.000 tanpa karcis.", "Ada juru parkir yang menarik Rp{n}.000 tanpa tanda terima."],
                ["Macet terjadi setiap sore sejak {w} minggu lalu.", "Kemacetan tiap sore sudah {w} minggu."],
                ["Mohon ditertibkan.", "Kami minta Dinas Perhubungan melakukan penertiban."],
            ]),
        Problem(
            categoryId: "142", units: ["dki-dlh"],
            titles: ["Pohon tumbang menutup {spot}", "Pohon besar roboh di {spot}"],
            sentences: [
                [
                    "Sebatang pohon angsana setinggi {n} meter tumbang di {spot}, Kelurahan {kel}.",
                    "Pohon angsana besar roboh melintang di {spot} ({kel}).",
                ],
                ["Batangnya menutup separuh jalan dan menimpa kabel listrik.", "Kabel listrik ikut tertimpa dan jalan tertutup sebagian."],
                ["Sudah {w} hari belum dipotong.", "Belum ada petugas yang memotongnya selama {w} hari."],
                ["Mohon segera dievakuasi.", "Tolong dikirim tim pemangkas."],
            ]),
        Problem(
            categoryId: "141", units: ["dki-dlh"],
            titles: ["Pembakaran sampah di {spot}", "Asap pembakaran sampah di sekitar {spot}"],
            sentences: [
                [
                    "Setiap malam ada yang membakar sampah di lahan kosong {spot}, Kelurahan {kel}.",
                    "Lahan kosong di {spot} wilayah {kel} dipakai membakar sampah tiap malam.",
                ],
                ["Asapnya masuk ke {n} rumah dan anak-anak batuk.", "Asap tebal masuk ke rumah warga, sekitar {n} rumah terdampak."],
                ["Sudah {w} minggu kami menegur tetapi tidak berhenti.", "Teguran warga selama {w} minggu tidak dihiraukan."],
                ["Mohon ditindak.", "Kami minta petugas turun tangan."],
            ]),
        Problem(
            categoryId: "122", units: ["dki-dpu-ju"],
            titles: ["Trotoar rusak di {spot}", "Trotoar ambles dan berlubang di {spot}"],
            sentences: [
                [
                    "Trotoar di {spot}, Kelurahan {kel}, ambles sepanjang {n} meter.",
                    "Sepanjang {n} meter trotoar di {spot} ({kel}) turun dan retak.",
                ],
                ["Pejalan kaki terpaksa turun ke jalan.", "Orang yang berjalan kaki harus lewat badan jalan."],
                ["Sudah {w} minggu tidak diperbaiki.", "Kerusakan dibiarkan {w} minggu."],
                ["Mohon segera diperbaiki.", "Tolong trotoarnya dibangun ulang."],
            ]),
    ]

    static let streets = [
        "Kenanga", "Melati", "Flamboyan", "Cempaka Baru", "Anggrek Cendrawasih", "Mawar Merah", "Dahlia", "Teratai", "Bougenville",
        "Kamboja", "Nusa Indah", "Seroja", "Asoka", "Tanjung Duren", "Pinang Ranti", "Kemuning", "Srikaya", "Rambutan", "Sawo Kecik",
        "Manggis", "Belimbing", "Jambu Air", "Kelapa Gading", "Duku", "Salak", "Kedondong", "Nangka", "Sukun", "Gandaria", "Kemang",
    ]

    static let villages = [
        "Pademangan Barat", "Sunter Agung", "Papanggo", "Kebon Kosong", "Serdang", "Utan Panjang", "Harapan Mulia", "Cempaka Baru",
        "Sumur Batu", "Kebon Kelapa", "Petojo Utara", "Duri Pulo", "Tomang", "Jati Pulo", "Kota Bambu", "Rawa Badak", "Tugu Utara",
        "Lagoa", "Koja", "Warakas",
    ]

    static let names = [
        "Hendra Wijaya", "Sri Wahyuni", "Bambang Suryadi", "Lina Marlina", "Yusuf Ramadhan", "Fitri Handayani", "Joko Susilo", "Wulan Sari",
        "Rudi Hartono", "Intan Permata", "Dedi Kurniawan", "Ayu Puspita",
    ]
}
