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
        print("DEBUG", fa.placeWords, fb.placeWords, Similarity.words("Jl. Melati No. 24, Kelurahan Tomang"))
        #expect(Similarity.score(fa, id: a.id, candidate: fb, candidateId: b.id) == nil)
    }
}
