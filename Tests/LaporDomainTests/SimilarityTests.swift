import Foundation
import Testing

@testable import LaporDomain

/// Duplicate suggestions' rules (issue 16): features, keys and scores.
@Suite struct SimilarityTests {
    func report(_ id: String, _ title: String, _ body: String, place: String?, contact: String? = nil, category: String? = "141") -> Report {
        Report(
            id: id, version: 1, kind: .pengaduan, channel: .web, title: title, body: body, categoryId: category,
            location: place.map { .init(text: $0) }, privacy: .public, reporter: .init(name: "Warga", contact: contact), status: .submitted,
            unitId: nil, submittedAt: Timestamp(epochSeconds: 1_790_000_000), timeline: [])
    }

    @Test func sameComplaintAboutAnotherPlaceIsNotADuplicate() {
        let a = report(
            "9100100", "Sampah menggunung di Jalan Melati nomor 24",
            "Tempat pembuangan sementara di Jalan Melati nomor 24, Kelurahan Tomang, penuh sampah. Truk pengangkut tidak datang selama 6 minggu.",
            place: "Jl. Melati No. 24, Kelurahan Tomang")
        let b = report(
            "9100500", "Sampah menggunung di Jalan Kamboja nomor 53",
            "Tempat pembuangan sementara di Jalan Kamboja nomor 53, Kelurahan Sunter Agung, penuh sampah. Truk pengangkut tidak datang selama 6 minggu.",
            place: "Jl. Kamboja No. 53, Kelurahan Sunter Agung")
        let fa = Similarity.features(of: a)
        let fb = Similarity.features(of: b)
        #expect(Similarity.score(fa, id: a.id, candidate: fb, candidateId: b.id) == nil)
    }

    @Test func wordsAreFoldedAndStopWordsLeftOut() {
        #expect(Similarity.words("Jl. Melati No. 24, Kelurahan Tomang") == ["jalan", "melati", "nomor", "24", "kelurahan", "tomang"])
        #expect(Similarity.words("Sampahnya TIDAK diangkut di Gg. Ñoño, ÉCOLE 陈美玲 🚧 5") == ["sampah", "angkut", "gang", "nono", "ecole", "陈美玲", "5"])
        // One light stem: the forms of a word compare as one.
        #expect(Similarity.words("pengangkutan diangkut mengangkutnya tumpukan") == ["angkut", "angkut", "angkut", "tumpuk"])
        #expect(Similarity.words("") == [] && Similarity.words("yang dan di") == [])
    }

    @Test func citedTrackingIdsNotPhonesOrGluedNumbers() {
        let text = "Laporan saya #9100100 dan nomor 9100200. HP 081234567890, 6281234567890, RT05 A9100300 9100400x 12345 9100500"
        #expect(Similarity.citedIds(in: text, except: "9100500") == ["9100100", "9100200"])
        // A hostile text of many numbers: its first twenty, so a report files a bounded set of keys.
        let many = (0..<10_000).map { String(9_200_000 + $0) }.joined(separator: " ")
        #expect(Similarity.citedIds(in: many, except: "").count == Similarity.maxCited)
        #expect(
            Similarity.keys(
                of: Similarity.Features(words: [], placeWords: [], contactKey: nil, cited: Similarity.citedIds(in: many, except: ""), categoryId: nil)
            ).count == 20)
    }

    @Test func anotherPlaceWithTheSameWordsIsAnotherCaseUnlessCited() {
        let a = report("9100100", "Lampu jalan mati", "Lampu jalan di depan rumah mati sejak dua minggu, gelap sekali.", place: "Jl. Melati No. 24")
        var b = report("9100200", "Lampu jalan mati", "Lampu jalan di depan rumah mati sejak dua minggu, gelap sekali.", place: "Jl. Melati No. 80")
        #expect(Similarity.score(Similarity.features(of: b), id: b.id, candidate: Similarity.features(of: a), candidateId: a.id) == nil)
        b.body += " Sama dengan laporan 9100100."
        let cited = Similarity.score(Similarity.features(of: b), id: b.id, candidate: Similarity.features(of: a), candidateId: a.id)
        #expect(cited?.reasons.contains(.citesIt) == true)
        // The same place, the same words: a duplicate, with its reasons.
        let c = report("9100300", "Lampu jalan mati", "Lampu di depan rumah mati sejak dua minggu, gelap.", place: "Jalan Melati nomor 24")
        let same = Similarity.score(Similarity.features(of: c), id: c.id, candidate: Similarity.features(of: a), candidateId: a.id)
        #expect(same?.reasons.contains(.samePlace) == true && same?.reasons.contains(.sameCategory) == true, "\(String(describing: same))")
        // The same contact, however written.
        let d = report("9100400", "Sampah", "Sampah menumpuk.", place: nil, contact: "+62 812-3456-7890")
        let e = report("9100401", "Sampah", "Sampah belum diangkut.", place: nil, contact: "081234567890")
        #expect(Similarity.features(of: d).contactKey == Similarity.features(of: e).contactKey && Similarity.features(of: d).contactKey != nil)
    }
}

/// The byte-wise stem is the stem it replaced (issue 24's import speed): the same word forms.
@Suite struct SimilarityStemTests {
    /// The Character-wise stem as it was.
    static func reference(_ word: String) -> String {
        var w = Substring(word)
        guard w.utf8.count >= 6, w.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return word }
        for prefix in ["meng", "mem", "men", "peng", "pem", "pen", "di", "ter", "ber"] where w.hasPrefix(prefix) && w.count - prefix.count >= 4 {
            w = w.dropFirst(prefix.count)
            break
        }
        if w.hasSuffix("an") && w.count - 2 >= 4 { w = w.dropLast(2) }
        return String(w)
    }

    @Test func theSameFormsAsBefore() {
        var words = ["pengangkutan", "diangkut", "mengangkut", "tumpukan", "berlubang", "terendam", "meng", "dian", "pembangunan", "jalan"]
        words += ["ditanam", "pendidikan", "penanganan", "menanam", "bermain", "xyzan", "ÉCOLE", "perbaikan", "12345678", "pemkot"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let letters = "abdeginmprt"
            words.append(String((0..<Int.random(in: 1...12, using: &random)).map { _ in letters.randomElement(using: &random)! }))
        }
        for word in words { #expect(Similarity.stem(word) == Self.reference(word), "\(word)") }
    }
}
