import Foundation
import LaporDomain
import Testing

@testable import LaporImport

/// What `XLSXWriter` writes, `XLSXReader` reads back cell for cell (issue 15: lossless round trip).
@Suite struct XLSXWriterTests {
    @Test func everyCellReadsBackAsWritten() throws {
        let rows: [[String]] = [
            ["Judul Laporan: Rekap"],
            [],
            AdminExport.Column.allCases.map(\.rawValue),
            [
                "4100001", "3 Jan 2026", "08:05", "  Ni Luh  ", "Pengaduan", "", "Kategori & <lain>", "\"Kutipan\"", "Baris 1\nBaris 2",
                "😀 emoji é\u{301}",
            ],
            ["=1+1", "'=HYPERLINK()", "-5", "@x"],
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-writer-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.write(rows, to: url)
        let table = try SheetFile.read(url)
        #expect(table.lines.map(\.number) == [1, 3, 4, 5])
        #expect(
            table.lines.map(\.cells)
                == rows.filter { !$0.isEmpty }.map { row in
                    // Empty cells at a row's end are not written.
                    var r = row
                    while r.last == "" { r.removeLast() }
                    return r
                })
    }

    @Test func columnNamesAndControlCharacters() {
        #expect([0, 25, 26, 27, 701, 702].map(XLSXWriter.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
        #expect(XLSXWriter.escape("a\u{1B}[31mb\u{7}<") == "a[31mb&lt;")
    }
}
