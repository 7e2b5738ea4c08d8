import Foundation
import LaporDomain
import Testing

@testable import LaporCentral
@testable import LaporSync

/// The feed's hand-written report reader against the oracle, `Report`'s own `Decodable`, on the
/// demo seed's reports and on hostile bytes (issue 13).
@Suite struct FeedReportTests {
    /// What the reader keeps of a report: the oracle's answer without the skipped fields.
    func indexed(_ report: Report) -> Report {
        var r = report
        // The location's text is read, its coordinates are not.
        r.location = report.location.map { Report.Location(text: $0.text) }
        r.attachments = []
        r.archiveReason = nil
        r.duplicateOf = nil
        r.dueProvisional = nil
        r.escalationWarningAt = nil
        r.rating = nil
        return r
    }

    func read(_ data: Data) throws -> Report { try data.withUnsafeBytes { try FeedReport(json: $0).report } }

    func demoReports(_ count: Int) throws -> [Report] {
        let workflow = Workflow(units: try UnitTree(BuiltinFixtures.units), calendar: .builtin())
        var factory = DemoReportFactory(
            workflow: workflow, now: Timestamp(rfc3339: "2026-11-26T10:00:00+07:00")!, seed: 7, count: count)
        return (0..<count).map { factory.make(index: $0) }
    }

    @Test func readsEveryDemoReportAsJSONDecoderDoes() throws {
        let encoder = JSONEncoder()
        var events = 0
        for report in try demoReports(2_000) {
            let data = try encoder.encode(report)
            let oracle = try JSONDecoder().decode(Report.self, from: data)
            #expect(try read(data) == indexed(oracle), "report \(report.id)")
            events += report.timeline.count
        }
        #expect(events > 4_000, "the sample holds real timelines")
    }

    @Test func escapesKeyOrderAndUnknownKeysReadAsTheOracleReadsThem() throws {
        let json = #"""
            {"extra": {"nested": [1, 2.5e3, -4, true, null, {"x": "]}"}]}, "id": "9100001", "version": 3, "kind": "aspirasi",
             "channel": "sms", "title": "Kata \"kutip\" \u00e9 \ud83d\ude00 \/ \\ \b\f\n\r\t", "body": "", "category_id": null,
             "privacy": "rahasia", "status": "dispatched", "status_label": "Didisposisi", "unit_id": "dki-dpu",
             "submitted_at": "2026-11-02T09:00:00+07:00", "updated_at": "2026-11-03T09:00:00.123Z", "attachments": [{"id": "a", "name": "f.jpg", "mime": "image/jpeg", "size": 10}],
             "timeline": [{"at": "2026-11-03T09:00:00Z", "type": "dispatched", "id": "e-1", "unit_id": "dki-dpu", "system": false,
                "actor": {"role": "admin", "name": "Admin", "id": "u-admin", "x": 1}, "text": null, "future": [[]]}]}
            """#
        let data = Data(json.utf8)
        #expect(try read(data) == indexed(try JSONDecoder().decode(Report.self, from: data)))
    }

    /// Every prefix of a real report, and single-byte changes of it: an answer or an error, never
    /// a trap; what the reader accepts, the oracle accepts too.
    @Test func brokenBytesAreRefusedNeverATrap() throws {
        let data = try JSONEncoder().encode(try demoReports(3)[2])
        for n in 0..<data.count {
            #expect(throws: (any Error).self) { try read(data.prefix(n)) }
        }
        var accepted = 0
        for n in stride(from: 0, to: data.count, by: 3) {
            for byte: UInt8 in [0x22, 0x5C, 0x7B, 0x5D, 0x2C, 0x00, 0xFF, 0x31] {
                var mutated = data
                mutated[n] = byte
                if let mine = try? read(mutated) {
                    accepted += 1
                    let oracle = try? JSONDecoder().decode(Report.self, from: mutated)
                    #expect(oracle.map(indexed) == mine || oracle == nil && mine.id.isEmpty == false, "byte \(n) = \(byte)")
                }
            }
        }
        #expect(accepted > 0)
        let deep = Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(throws: (any Error).self) { try read(Data(#"{"extra": "#.utf8) + deep + Data("}".utf8)) }
        #expect(throws: (any Error).self) { try read(Data(#"{"id": "\ud800"}"#.utf8)) }
        #expect(throws: (any Error).self) { try read(Data([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])) }
    }
}
