import LaporDomain

/// A kind of complaint citizens send, in their own words, with where it goes and how the unit
/// answers. `{lokasi}`, `{waktu}` and `{lama}` are filled in per report.
struct ReportTemplate {
    var kind: ReportKind
    var categoryId: String
    /// Units that handle it; the first of a chain may forward to the next.
    var units: [String]
    var titles: [String]
    var bodies: [String]
    var followups: [String]
    var weight: Int
}

enum ReportTemplates {
    static let all: [ReportTemplate] = [
        ReportTemplate(
            kind: .pengaduan, categoryId: "121", units: ["dki-dpu-jp", "dki-dpu-ju", "makassar-dpu"],
            titles: ["Jalan berlubang di {lokasi}", "Lubang besar membahayakan pengendara di {lokasi}", "Aspal rusak parah di {lokasi}"],
            bodies: [
                "Selamat siang. Di {lokasi} ada lubang besar di tengah jalan, diameternya kira-kira satu meter. Sudah {lama} tidak diperbaiki dan {waktu} ada pengendara motor yang jatuh. Mohon segera ditambal sebelum ada korban lagi.",
                "Mohon perhatian Dinas PU, jalan di {lokasi} rusak dan berlubang di beberapa titik. Kalau hujan lubangnya tergenang sehingga tidak kelihatan. Kondisi ini sudah {lama}.",
                "Lapor, jalan di {lokasi} amblas di dekat gorong-gorong. {waktu} mobil saya hampir terperosok. Tolong dipasang tanda bahaya dulu 🚧 lalu diperbaiki.",
            ],
            followups: [
                "Terima kasih atas laporan Bapak/Ibu. Tim Satgas Jalan telah melakukan penambalan lubang di lokasi tersebut. Mohon konfirmasi apabila masih ada kerusakan.",
                "Laporan sudah kami tindak lanjuti. Perbaikan jalan dijadwalkan minggu ini dan rambu peringatan sudah dipasang di lokasi.",
            ],
            weight: 14),
        ReportTemplate(
            kind: .pengaduan, categoryId: "141", units: ["dki-dlh", "jayapura-dlhk"],
            titles: ["Sampah menumpuk pasca banjir di {lokasi}", "Sampah tidak diangkut di {lokasi}"],
            bodies: [
                "Sejak banjir surut, sampah dan lumpur menumpuk di pinggir jalan {lokasi} dan belum diangkut. Baunya menyengat dan mulai banyak lalat. Sudah {lama} seperti ini.",
                "Truk sampah tidak datang ke {lokasi} sudah {lama}. Warga terpaksa membakar sampah sendiri. Mohon jadwal pengangkutan diperbaiki.",
            ],
            followups: [
                "Petugas kebersihan kecamatan telah mengangkut sampah di lokasi dan jadwal pengangkutan kembali normal. Terima kasih atas laporannya.",
                "Kami sudah mengerahkan truk tambahan untuk pengangkutan sampah pasca banjir di wilayah tersebut.",
            ],
            weight: 10),
        ReportTemplate(
            kind: .pengaduan, categoryId: "151", units: ["kemenkumham-babel", "kemenkumham-lapas-tjp"],
            titles: ["Pungutan liar saat kunjungan di Lapas Tanjung Pandan", "Dugaan pungli layanan kunjungan lapas"],
            bodies: [
                "Saya mengunjungi keluarga di Lapas Kelas IIB Tanjung Pandan {waktu}. Di pintu masuk kami diminta membayar Rp50.000 tanpa kuitansi dengan alasan biaya pendaftaran. Bukankah layanan kunjungan gratis?",
                "Ada oknum petugas yang meminta uang agar barang titipan untuk warga binaan bisa diterima. Kejadiannya {waktu} dan sudah berlangsung {lama}.",
            ],
            followups: [
                "Terima kasih atas laporannya. Kanwil telah memeriksa petugas yang bersangkutan dan menegaskan bahwa layanan kunjungan tidak dipungut biaya. Hasil pemeriksaan ditindaklanjuti sesuai ketentuan."
            ],
            weight: 5),
        ReportTemplate(
            kind: .pengaduan, categoryId: "131", units: ["bpjs-kes-jp", "bpjs-kes"],
            titles: ["Antrean BPJS Kesehatan sangat panjang", "Sulit mengurus perubahan faskes BPJS"],
            bodies: [
                "Saya datang ke kantor cabang BPJS Kesehatan {waktu} jam 07.00 dan baru dilayani jam 14.00. Nomor antrean habis sebelum jam 09.00. Mohon ditambah loket atau layanan daring diperbaiki.",
                "Sudah {lama} saya mencoba memindahkan faskes tingkat pertama lewat aplikasi tetapi selalu gagal. Di kantor cabang disuruh kembali lagi minggu depan.",
            ],
            followups: [
                "Mohon maaf atas ketidaknyamanannya. Perubahan faskes Bapak/Ibu sudah kami proses dan berlaku mulai bulan depan. Antrean kini dapat diambil melalui aplikasi Mobile JKN."
            ],
            weight: 8),
        ReportTemplate(
            kind: .pengaduan, categoryId: "161", units: ["bpn-kab-tangerang"],
            titles: ["Balik nama sertifikat tanah tidak selesai", "Proses balik nama sertifikat berlarut-larut"],
            bodies: [
                "Saya mengajukan balik nama sertifikat di Kantor Pertanahan Kabupaten Tangerang sudah {lama}, padahal dijanjikan selesai dalam 5 hari kerja. Setiap ditanya jawabannya masih proses.",
                "Berkas balik nama sertifikat atas tanah di {lokasi} sudah lengkap tetapi belum selesai. Kami diminta biaya tambahan di luar PNBP.",
            ],
            followups: [
                "Berkas Bapak/Ibu telah kami periksa; sertifikat sudah selesai dan dapat diambil di loket pelayanan dengan membawa tanda terima asli."
            ],
            weight: 6),
        ReportTemplate(
            kind: .pengaduan, categoryId: "133", units: ["bpom-jakarta"],
            titles: ["Obat kedaluwarsa dijual di apotek", "Produk makanan kedaluwarsa di minimarket {lokasi}"],
            bodies: [
                "Saya membeli obat sirup di apotek dekat {lokasi} {waktu}, ternyata tanggal kedaluwarsanya sudah lewat tiga bulan. Mohon apotek tersebut diperiksa.",
                "Di minimarket {lokasi} masih banyak susu kemasan yang sudah kedaluwarsa dipajang di rak. Saya khawatir anak-anak membelinya.",
            ],
            followups: [
                "Petugas Balai Besar POM telah melakukan pemeriksaan ke sarana tersebut dan mengamankan produk kedaluwarsa. Pemilik sarana diberi sanksi administratif."
            ],
            weight: 5),
        ReportTemplate(
            kind: .pengaduan, categoryId: "123", units: ["dki-dpu-jp", "makassar-dpu"],
            titles: ["Lampu penerangan jalan mati di {lokasi}"],
            bodies: [
                "Lampu PJU di sepanjang {lokasi} mati sudah {lama}. Malam hari gelap sekali dan rawan begal. Mohon segera diperbaiki."
            ],
            followups: ["Lampu PJU di lokasi telah diperbaiki oleh tim pemeliharaan. Terima kasih atas partisipasinya."],
            weight: 6),
        ReportTemplate(
            kind: .pengaduan, categoryId: "122", units: ["dki-dpu-ju", "dki-dpu"],
            titles: ["Saluran air tersumbat menyebabkan genangan di {lokasi}"],
            bodies: [
                "Saluran air di {lokasi} tersumbat sampah dan lumpur. Setiap hujan sebentar saja jalan langsung tergenang setinggi lutut. Sudah {lama} tidak dikeruk."
            ],
            followups: ["Pengerukan saluran di lokasi telah dilaksanakan oleh Satgas Sumber Daya Air. Genangan sudah surut."],
            weight: 6),
        ReportTemplate(
            kind: .pengaduan, categoryId: "172", units: ["dki-dishub"],
            titles: ["Parkir liar memakan badan jalan di {lokasi}"],
            bodies: [
                "Setiap sore banyak mobil parkir di bahu jalan {lokasi} sehingga macet panjang. Juru parkirnya tidak resmi dan memungut Rp10.000. Mohon ditertibkan."
            ],
            followups: ["Dinas Perhubungan telah melakukan penertiban parkir liar di lokasi dan akan melakukan patroli rutin."],
            weight: 5),
        ReportTemplate(
            kind: .pengaduan, categoryId: "132", units: ["makassar-dinkes", "kemenkes-yankes"],
            titles: ["Pelayanan puskesmas lambat", "Dokter jaga tidak ada di puskesmas {lokasi}"],
            bodies: [
                "Anak saya demam tinggi dan kami ke puskesmas {lokasi} {waktu}, tetapi dokter jaga tidak ada dan kami disuruh menunggu lebih dari tiga jam.",
                "Pendaftaran di puskesmas {lokasi} masih manual dan antrean sangat panjang. Lansia harus berdiri lama 😡",
            ],
            followups: ["Kepala puskesmas telah menambah petugas pendaftaran dan memastikan jadwal dokter jaga terisi setiap hari."],
            weight: 6),
        ReportTemplate(
            kind: .permintaanInformasi, categoryId: "181", units: ["bengkulu-diskominfotik"],
            titles: ["Permintaan informasi anggaran perbaikan jalan provinsi", "Permohonan data penerima bantuan sosial"],
            bodies: [
                "Dengan hormat, saya mahasiswa yang sedang meneliti belanja infrastruktur. Mohon informasi rincian anggaran perbaikan jalan provinsi tahun ini beserta daftar ruasnya.",
                "Saya memohon informasi jumlah penerima bantuan sosial per kecamatan di Provinsi Bengkulu. Terima kasih 🙏",
            ],
            followups: ["Informasi yang Bapak/Ibu minta telah kami kirimkan melalui surel dan juga tersedia di portal PPID provinsi."],
            weight: 4),
        ReportTemplate(
            kind: .aspirasi, categoryId: "99", units: ["dki", "makassar", "jayapura"],
            titles: ["Usulan penambahan taman bermain anak", "Aspirasi: perbanyak jalur sepeda"],
            bodies: [
                "Kami warga {lokasi} mengusulkan agar lahan kosong milik pemerintah dijadikan taman bermain anak dan ruang terbuka hijau.",
                "Usul agar jalur sepeda diperbanyak dan dilindungi pembatas, karena banyak warga yang mulai bersepeda ke kantor.",
            ],
            followups: ["Terima kasih atas aspirasinya. Usulan ini kami catat sebagai masukan dalam musyawarah perencanaan pembangunan tahun depan."],
            weight: 4),
        ReportTemplate(
            kind: .pengaduan, categoryId: "153", units: ["kejati-lampung", "kejari-lamteng"],
            titles: ["Penanganan perkara lambat di Kejari Lampung Tengah"],
            bodies: [
                "Laporan dugaan penyimpangan dana desa yang kami sampaikan ke Kejaksaan Negeri Lampung Tengah sudah {lama} tanpa kabar perkembangan."
            ],
            followups: ["Laporan Bapak/Ibu sedang dalam tahap pengumpulan data dan keterangan. Perkembangan akan kami sampaikan melalui kanal ini."],
            weight: 3),
        ReportTemplate(
            kind: .pengaduan, categoryId: "142", units: ["dki-dlh", "jayapura-dlhk"],
            titles: ["Sungai tercemar limbah pabrik di {lokasi}"],
            bodies: [
                "Air sungai di {lokasi} berubah warna hitam dan berbau sejak {lama}. Diduga ada pabrik yang membuang limbah pada malam hari. Ikan-ikan banyak yang mati."
            ],
            followups: ["Tim pengawas lingkungan telah mengambil sampel air dan memanggil pihak perusahaan untuk klarifikasi."],
            weight: 4),
    ]

    /// Street-level places per agency region, so that reports read as if from there.
    static let places: [String: [String]] = [
        "dki": [
            "Jl. Gunung Sahari, Jakarta Pusat", "Jl. Kramat Raya, Senen", "Jl. Cempaka Putih Tengah", "Jl. Yos Sudarso, Tanjung Priok",
            "Jl. Pluit Raya, Penjaringan", "Jl. Salemba Raya", "Kelurahan Kampung Melayu", "Jl. Danau Sunter Utara",
        ],
        "makassar": ["Jl. Perintis Kemerdekaan, Tamalanrea", "Jl. Urip Sumoharjo, Panakkukang", "Kelurahan Tallo"],
        "jayapura": ["Jl. Raya Abepura, Jayapura", "Kelurahan Entrop", "Jl. Ahmad Yani, Jayapura Utara"],
        "bpn": ["Kecamatan Cikupa, Kabupaten Tangerang", "Desa Pasir Jaya, Cikupa"],
        "bpom": ["Jl. Matraman Raya, Jakarta Timur", "Jl. Percetakan Negara, Jakarta Pusat"],
        "kemenkes": ["Kecamatan Biringkanaya, Makassar", "Kecamatan Tamalate, Makassar"],
        "default": ["Kecamatan Gunung Sugih, Lampung Tengah", "Tanjung Pandan, Belitung", "Kota Bengkulu", "Jl. Sudirman, Jakarta"],
    ]

    static let reporters = [
        "Budi Santoso", "Siti Aminah", "Rahmat Hidayat", "Dewi Lestari", "Agus Salim", "Nur Aisyah", "Yohanes Wenda", "Made Wirawan",
        "Andi Tenri", "Fransiska Kogoya", "Teguh Prasetyo", "Rina Marlina", "Tan Mei Ling (陈美玲)", "Putu Ayu 🌺", "Ahmad Fauzi",
        "Maria Magdalena Rumbiak",
    ]

    static let waktu = ["kemarin sore", "tadi pagi", "Senin lalu", "minggu lalu", "dua hari yang lalu", "kemarin malam sekitar jam 21.00"]
    static let lama = ["dua minggu", "lebih dari sebulan", "tiga bulan", "hampir setahun", "sepuluh hari", "beberapa minggu"]

    static let holdReasons = [
        "Mohon lengkapi lokasi kejadian secara rinci (nama jalan, RT/RW, kelurahan).",
        "Mohon lampirkan foto atau bukti pendukung.",
        "Mohon jelaskan waktu kejadian dan pihak yang terlibat.",
    ]

    static let infoRequests = [
        "Mohon Bapak/Ibu menyampaikan titik lokasi yang lebih tepat beserta foto terbaru.",
        "Mohon informasikan nomor antrean atau nomor berkas agar dapat kami telusuri.",
    ]

    static let returnReasons = ["Lokasi tersebut merupakan kewenangan pemerintah kabupaten, bukan unit kami."]

    static let replies = [
        "Terima kasih, tetapi sampai hari ini kondisinya belum berubah.",
        "Baik, foto terbaru sudah saya lampirkan. Lokasinya tepat di depan halte.",
        "Terima kasih atas tindak lanjutnya, masalah sudah selesai 🙏",
    ]

    /// Text that tries to take over a terminal: every client must show it as harmless text.
    static let hostileBodies = [
        "Laporan uji: \u{1B}]0;LAPOR DIRETAS\u{07}judul jendela diganti, layar dibersihkan\u{1B}[2J\u{1B}[H dan warna merah \u{1B}[31mMERAH\u{1B}[0m.",
        "Karakter kontrol C1: \u{9B}31m CSI 8-bit, \u{9D}0;judul\u{9C} OSC 8-bit, bel \u{07}\u{07}, mundur \u{08}\u{08}\u{08}, carriage return\rtimpa.",
        "DCS \u{1B}P1$qm\u{1B}\\ dan hyperlink \u{1B}]8;;http://contoh.invalid\u{1B}\\klik\u{1B}]8;;\u{1B}\\ serta tab\tdan vertical tab\u{0B}.",
        "Baris sangat panjang: " + String(repeating: "lubangjalanberlubang", count: 250),
    ]
}
