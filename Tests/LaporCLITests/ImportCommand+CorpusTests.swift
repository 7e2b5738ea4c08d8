import Foundation
import LaporDomain
import LaporStore
import Testing

/// The corpus of shapes (issue 24): files written as spreadsheets and agencies pass them around
/// (re-saved by Excel, the 1904 date system, cells without references, an Indonesian locale's
/// CSV, short headers, the data on a second sheet, duplicates, a US locale, rows that read two
/// ways, hostile parts), each with what lapor must read: every report at the instant its
/// generator wrote (`scripts/export-fixtures.py` knows the true instants), every refused row with
/// its reason, or the sentence of a refused file. Nothing may come in otherwise.
@Suite struct ImportCorpusTests {
    static let folder = ImportCommandTests.exports.appendingPathComponent("varian")

    struct Expectation: Decodable {
        var exit: Int32
        var reports: [String: String]?
        var titles: [String: String]?
        var statuses: [String: String]?
        var ratings: [String: Int]?
        var privacies: [String: String]?
        var absent: [String]?
        var repaired: Bool?
        var rejected: [[Either]]?
        var notes: [[Either]]?
        var failure: String?
    }

    /// A row number or a phrase, as the expectation file lists them.
    enum Either: Decodable {
        case number(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }

        var number: Int? { if case .number(let n) = self { n } else { nil } }
        var text: String? { if case .text(let t) = self { t } else { nil } }
    }

    struct Summary: Decodable {
        struct Line: Decodable {
            var row: Int
            var reason: String
        }
        var new: Int
        var rejected: [Line]
        var notes: [Line]
        var absentColumns: [String]
        var repairedEncoding: Bool
    }

    static func expectations() throws -> [String: Expectation] {
        try JSONDecoder().decode([String: Expectation].self, from: Data(contentsOf: folder.appendingPathComponent("harapan.json")))
    }

    @Test func everyFileOfTheCorpusReadsAsItsGeneratorWroteIt() async throws {
        let expectations = try Self.expectations()
        #expect(expectations.count >= 12)
        for (name, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let m = Machine()
            defer { m.remove() }
            let run = await m.run("import", Self.folder.appendingPathComponent(name).path, "--format", "json", "--lang", "en")
            #expect(run.code == expected.exit, "\(name): exit \(run.code): \(run.err)")
            if let failure = expected.failure {
                #expect(run.err.contains(failure) && run.err.split(separator: "\n").count == 1, "\(name): \(run.err)")
                continue
            }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let summary = try decoder.decode(Summary.self, from: Data(run.out.utf8))
            let store = try CaseStore(path: m.home.appendingPathComponent("data/lapor/ekspor/cases.sqlite").path)
            let reports = expected.reports ?? [:]
            #expect(try store.reportCount() == reports.count && summary.new == reports.count, "\(name): \(run.out)")
            for (id, instant) in reports {
                let report = try #require(try store.report(id), "\(name): \(id) missing")
                #expect(report.submittedAt.rfc3339 == instant, "\(name) \(id): \(report.submittedAt.rfc3339), expected \(instant)")
                if let title = expected.titles?[id] { #expect(report.title == title, "\(name) \(id)") }
                if let status = expected.statuses?[id] { #expect(report.status.rawValue == status, "\(name) \(id)") }
                if let privacy = expected.privacies?[id] { #expect(report.privacy.rawValue == privacy, "\(name) \(id)") }
                #expect(report.rating == expected.ratings?[id], "\(name) \(id): rating")
            }
            #expect(summary.repairedEncoding == (expected.repaired ?? false), "\(name)")
            for phrase in expected.absent ?? [] {
                #expect(summary.absentColumns.contains { $0.contains(phrase) }, "\(name): '\(phrase)' in \(summary.absentColumns)")
            }
            let rejected = expected.rejected ?? []
            #expect(summary.rejected.count == rejected.count, "\(name): \(summary.rejected.map(\.reason))")
            for line in rejected {
                let (row, phrase) = (line.first?.number ?? 0, line.last?.text ?? "")
                #expect(
                    summary.rejected.contains { $0.row == row && $0.reason.contains(phrase) },
                    "\(name): row \(row) '\(phrase)' in \(summary.rejected)")
            }
            for line in expected.notes ?? [] {
                let (row, phrase) = (line.first?.number ?? 0, line.last?.text ?? "")
                #expect(
                    summary.notes.contains { $0.row == row && $0.reason.contains(phrase) }, "\(name): note \(row) '\(phrase)' in \(summary.notes)")
            }
        }
    }

    /// A file re-saved in another shape holds the same reports: importing it over the first
    /// changes nothing (the Excel copy of the sample, against the sample as lapor wrote it).
    @Test func theSameReportsInAnotherShapeAreUnchanged() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        let file = m.home.appendingPathComponent("ulang.csv").path
        #expect(await m.run("export", file).code == 0)
        // The CSV as a spreadsheet in an Indonesian locale saves it again: `;`, day-first dates
        // with dot times, decimal commas.
        var text = ""
        var quoted = false
        for ch in try String(contentsOfFile: file, encoding: .utf8) {
            if ch == "\"" { quoted.toggle() }
            text.append(ch == "," && !quoted ? ";" : ch)
        }
        let iso = try NSRegularExpression(pattern: #"(\d{4})-(\d{2})-(\d{2});(\d{2}):(\d{2}):(\d{2})"#)
        text = iso.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$3/$2/$1;$4.$5.$6")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let again = await m.run("import", file)
        #expect(again.code == 0 && again.out.contains("0 baru, 0 diperbarui, 37 tidak berubah, 0 ditolak"), "\(again.out) \(again.err)")
    }
}
