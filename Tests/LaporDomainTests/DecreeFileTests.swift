import Foundation
import Testing

@testable import LaporDomain

/// `lapor calendar check` and `lapor central --holidays`: a decree file, checked whole.
@Suite struct DecreeFileTests {
    @Test func everyProblemIsNamed() {
        let bad = Data(
            #"{"year": 2027, "holidays": [{"date": "2027-01-01", "name": "Tahun Baru", "kind": "libur_nasional"}, {"date": "2026-12-31", "name": "x", "kind": "libur_nasional"}, {"date": "2027-02-30", "name": "x", "kind": "libur_nasional"}, {"date": "2027-03-01", "name": "", "kind": "libur_daerah"}, {"date": "2027-01-01", "name": "lagi", "kind": "libur_nasional"}, {"date": "2027-01-02", "name": "Sabtu", "kind": "cuti_bersama"}]}"#
                .utf8)
        let (decree, problems) = DecreeFile.check(bad, fileYear: 2028)
        #expect(decree == nil)
        #expect(problems.contains(.fileNameYear(file: 2028, content: 2027)))
        #expect(problems.contains(.outsideYear(date: "2026-12-31", year: 2027)))
        #expect(problems.contains(.badDate("2027-02-30")))
        #expect(problems.contains(.unknownKind(date: "2027-03-01", kind: "libur_daerah")))
        #expect(problems.contains(.duplicate(date: "2027-01-01", kind: "libur_nasional")))
        #expect(problems.contains(.weekend(date: "2027-01-02")))
        #expect(DecreeFile.check(Data("[1]".utf8)).problems == [.notJSON])
        let good = Data(
            #"{"year": 2027, "provisional": true, "holidays": [{"date": "2027-01-01", "name": "Tahun Baru", "kind": "libur_nasional"}]}"#.utf8)
        #expect(DecreeFile.check(good, fileYear: 2027).decree?.holidays.count == 1)
    }
}
