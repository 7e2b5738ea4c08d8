import LaporDomain

/// The sentences of duplicate suggestions (issue 16).
extension Catalogue {
    public var similarHeading: String { pick("Mungkin duplikat (D mengisi yang teratas):", "Possible duplicates (D fills in the first):") }

    public var noSimilarReports: String { pick("Tidak ada laporan serupa di penyimpanan ini.", "No similar report in this store.") }

    public func similarReason(_ reason: Similarity.Reason) -> String {
        switch reason {
        case .sameContact: pick("kontak pelapor sama", "same reporter contact")
        case .citesIt: pick("menyebut nomornya", "cites its number")
        case .citedBy: pick("menyebut nomor ini", "cites this number")
        case .samePlace: pick("lokasi sama", "same place")
        case .sameCategory: pick("kategori sama", "same category")
        case .similarText(let percent): pick("teks \(percent)% mirip", "text \(percent)% alike")
        }
    }

    /// A suggestion on one line: number, score, status and title, then why.
    public func similarLine(_ suggestion: Similarity.Suggestion, title: String, status: String) -> String {
        let score = Int((suggestion.score * 100).rounded())
        return "\(suggestion.id) \(score)% [\(status)] \(title) · " + suggestion.reasons.map(similarReason).joined(separator: ", ")
    }
}
