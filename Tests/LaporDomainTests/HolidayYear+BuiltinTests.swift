import Foundation
import Testing

@testable import LaporDomain

@Suite struct BuiltinHolidaysTests {
    /// SwiftPM compiles the files in; only the list of years is written by hand.
    @Test func everyFixtureYearIsCompiledIn() throws {
        let folder = repositoryRoot.appendingPathComponent("fixtures/holidays")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == HolidayYear.builtinJSON.keys.sorted().map { "\($0).json" }, "add the new year to HolidayYear+Builtin.swift")
        for file in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(Int(file.dropLast(5)).flatMap { HolidayYear.builtinJSON[$0] }.map { Data($0) } == bytes)
        }
    }

    @Test func everyFixtureTemplateIsCompiledIn() throws {
        let folder = repositoryRoot.appendingPathComponent("fixtures/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files == ReplyTemplate.builtin.map { $0.name + ".txt" }.sorted(), "add the new template to ReplyTemplate+Builtin.swift")
        for template in ReplyTemplate.builtin {
            let text = try String(contentsOf: folder.appendingPathComponent(template.name + ".txt"), encoding: .utf8)
            #expect(template.body + "\n" == text)
        }
    }

    @Test func decreesAreCompleteAndConsistent() {
        let years = WorkingCalendar.builtinYears
        #expect(years.map(\.year) == [2024, 2025, 2026, 2027])
        #expect(years.map(\.provisional) == [false, false, false, true])
        #expect(years.map { $0.holidays.count } == [29, 28, 25, 26])
        for year in years {
            #expect(year.source?.isEmpty == false)
            for holiday in year.holidays {
                #expect(holiday.date.year == year.year)
                #expect(!holiday.name.isEmpty)
                #expect(holiday.source?.isEmpty == false)
            }
            #expect(year.holidays.map(\.date) == year.holidays.map(\.date).sorted())
        }
        let y2026 = years[2].holidays
        #expect(y2026.contains(Holiday(date: day("2026-03-19"), name: "Hari Suci Nyepi", kind: .liburNasional, source: y2026[0].source)))
        #expect(
            y2026.filter { $0.kind == .cutiBersama }.map(\.date.iso) == [
                "2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28", "2026-12-24",
            ])
    }

    @Test func aYearDocumentWithAStrayDateIsRefused() {
        let json = #"{"year": 2026, "holidays": [{"date": "2025-12-25", "name": "Natal", "kind": "libur_nasional"}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HolidayYear.self, from: Data(json.utf8)) }
    }

    @Test func theContractsCalendarAnswerDecodes() throws {
        let json =
            #"{"year": 2026, "holidays": [{"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "libur_nasional"}, {"date": "2026-03-18", "name": "Cuti Bersama Idul Fitri", "kind": "cuti_bersama"}]}"#
        let year = try JSONDecoder().decode(HolidayYear.self, from: Data(json.utf8))
        #expect(year.provisional == false)
        #expect(year.holidays.map(\.kind) == [.liburNasional, .cutiBersama])
        #expect(year.holidays[0].source == nil)
    }
}
