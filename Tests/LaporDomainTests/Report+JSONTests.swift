import Foundation
import Testing

@testable import LaporDomain

/// The hand-written JSON of an imported report is the object `JSONEncoder` writes (issue 24: the
/// encoder was a tenth of a 200,000-row import), and reads back as the same report.
@Suite struct ReportJSONTests {
    static let texts = [
        "", "Jalan berlubang", "Kutip \" dan \\ garis / miring", "baris\nbaru\r\ttab \u{8}\u{C}\u{1}\u{1F}\u{7F}", "é\u{301} 😀 👨‍👩‍👧 ☎︎",
        "\u{202E}kanan\u{200B}", "http://lapor.go.id/a?b=c&d=e", "\u{0}",
    ]

    static func reports() -> [Report] {
        var out: [Report] = []
        for (i, text) in texts.enumerated() {
            for privacy in Privacy.allCases {
                var r = Report(
                    id: "41000\(10 + i)", version: i + 1, kind: ReportKind.allCases[i % 3], channel: Channel.allCases[i % 10], title: text,
                    body: text + text, categoryId: i % 2 == 0 ? nil : "kat-" + text, location: i % 3 == 0 ? nil : .init(text: text),
                    privacy: privacy, reporter: i % 4 == 0 ? nil : .init(name: text, contact: i % 2 == 0 ? nil : "0812" + text),
                    status: ReportStatus.contractCases[i % ReportStatus.contractCases.count], statusLabel: text, unitId: i % 2 == 0 ? "u" : nil,
                    archiveReason: i % 5 == 0 ? .noReply : nil, duplicateOf: i % 6 == 0 ? "4100001" : nil,
                    submittedAt: Timestamp(epochSeconds: 1_790_000_000 + Int64(i) * 3_677, offsetSeconds: [25_200, 28_800, 32_400][i % 3]),
                    rating: i % 3 == 0 ? nil : i % 5 + 1)
                if i % 2 == 1 {
                    r.dueAt = Timestamp(epochSeconds: 1_791_000_000, offsetSeconds: 28_800)
                    r.dueProvisional = i % 3 == 0
                    r.escalatesAt = Timestamp(epochSeconds: 1_795_000_000, offsetSeconds: 32_400)
                    r.escalationWarningAt = Timestamp(epochSeconds: 1_794_000_000, offsetSeconds: 32_400)
                }
                out.append(r)
            }
        }
        return out
    }

    @Test func writtenAsJSONEncoderWritesIt() throws {
        for report in Self.reports() {
            let fast = try #require(report.importedJSON)
            let encoded = try JSONEncoder().encode(report)
            // The same object (JSONEncoder's keys come in a hash order of its own), read back as
            // the same report.
            let object = try JSONSerialization.jsonObject(with: Data(fast.utf8)) as? NSDictionary
            #expect(object == (try JSONSerialization.jsonObject(with: encoded) as? NSDictionary), "\(fast)")
            #expect(try JSONDecoder().decode(Report.self, from: Data(fast.utf8)) == JSONDecoder().decode(Report.self, from: encoded))
            #expect(fast.hasPrefix(#"{"id":""#) && fast.hasSuffix("}"))
        }
    }

    @Test func notForAReportWithAHistory() {
        var report = Self.reports()[3]
        report.timeline = [TimelineEvent(id: "e-1", type: .submitted, at: report.submittedAt)]
        #expect(report.importedJSON == nil)
        report.timeline = []
        report.location = .init(text: "x", lat: -6.2, lon: 106.8)
        #expect(report.importedJSON == nil)
    }
}
