import Foundation
import LaporDomain
import Testing

@testable import LaporImport

/// A worksheet read in pieces on every core reads exactly as the whole sheet read at once
/// (issue 15: the speed of a 50,000-row import), whatever the sheet spells differently.
@Suite struct XLSXReaderTests {
    func temporary(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-reader-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// A sheet's rows read whole and in pieces of `piece` bytes.
    func wholeAndInPieces(_ url: URL, piece: Int) throws -> (SheetTable, SheetTable) {
        (
            try XLSXReader.read(url, limit: SheetFile.maxBytes, cells: SheetFile.maxCells, piece: .max),
            try XLSXReader.read(url, limit: SheetFile.maxBytes, cells: SheetFile.maxCells, piece: piece)
        )
    }

    /// The cuts of a sheet's bytes seen in chunks of `chunk`, and the rows read from its pieces
    /// (nil when the reader would fall back to the whole sheet).
    func pieces(_ xml: String, every: Int, chunk: Int = 97) throws -> (cuts: Int, table: SheetTable?, whole: SheetTable) {
        let data = Data(xml.utf8)
        let cuts = SheetCuts(every: every)
        var offset = 0
        while offset < data.count {
            let end = min(data.count, offset + chunk)
            cuts.see(data.subdata(in: offset..<end), at: offset)
            offset = end
        }
        let file = temporary("sheet.xml")
        try data.write(to: file)
        let whole = SheetRows(strings: ["geteilt", "shared"])
        try XLSXReader.parse(file: file, with: whole)
        return (
            cuts.offsets.count,
            XLSXReader.rowsInPieces(of: file, cuts: cuts, context: SheetRows.Context(strings: ["geteilt", "shared"], maxCells: 1_000)),
            SheetTable(lines: whole.lines)
        )
    }

    func sheet(_ rows: String, prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <\(p)worksheet \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" a="x>y"><\(p)sheetViews/><\(p)sheetData>\(rows)</\(p)sheetData><\(p)mergeCells count="1"><\(p)mergeCell ref="A1:C1"/></\(p)mergeCells></\(p)worksheet>
            """
    }

    func row(_ r: Int?, _ cells: [String], prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let number = r.map { " r=\"\($0)\"" } ?? ""
        let body = cells.map { text in
            text == "#s1" ? "<\(p)c t=\"s\"><\(p)v>1</\(p)v></\(p)c>" : "<\(p)c t=\"inlineStr\"><\(p)is><\(p)t>\(text)</\(p)t></\(p)is></\(p)c>"
        }.joined()
        return "<\(p)row\(number)>\(body)</\(p)row>"
    }

    @Test func numberedAndUnnumberedRowsReadAlike() throws {
        // Numbered rows, rows without `r` (each follows the one before), an empty row (counted,
        // not read), escaped end tags in text, a shared string.
        var rows = ""
        for i in 1...40 {
            switch i % 5 {
            case 0: rows += row(nil, ["ohne r \(i)", "&lt;/row&gt;"])
            case 1: rows += row(i * 2, ["mit r \(i)", "#s1"])
            case 2: rows += row(nil, [])
            default: rows += row(nil, ["x \(i)", "a &amp; b"])
            }
        }
        for prefix in ["", "x"] {
            let text =
                prefix.isEmpty
                ? rows
                : rows.replacingOccurrences(of: "<row", with: "<x:row").replacingOccurrences(of: "</row", with: "</x:row")
                    .replacingOccurrences(of: "<c ", with: "<x:c ").replacingOccurrences(of: "</c>", with: "</x:c>")
                    .replacingOccurrences(of: "<is>", with: "<x:is>").replacingOccurrences(of: "</is>", with: "</x:is>")
                    .replacingOccurrences(of: "<t>", with: "<x:t>").replacingOccurrences(of: "</t>", with: "</x:t>")
                    .replacingOccurrences(of: "<v>", with: "<x:v>").replacingOccurrences(of: "</v>", with: "</x:v>")
            let read = try pieces(sheet(text, prefix: prefix), every: 150)
            #expect(read.cuts > 10, "prefix \(prefix)")
            #expect(read.table == read.whole, "prefix \(prefix)")
            #expect(read.whole.lines.count == 32 && read.whole.lines.contains { $0.cells == ["mit r 11", "shared"] && $0.number == 22 })
            // Numbered row 22, then an empty row (23), then rows 24 and 25.
            #expect(read.whole.lines.first { $0.cells.first == "x 14" }?.number == 25)
        }
    }

    @Test func aSheetWithoutRowsOrWithoutCutsIsReadWhole() throws {
        #expect(try pieces(sheet("").replacingOccurrences(of: "<sheetData></sheetData>", with: "<sheetData/>"), every: 10).table == nil)
        let few = try pieces(sheet(row(1, ["a"])), every: 1 << 20)
        #expect(few.cuts == 0 && few.table == nil && few.whole.lines.count == 1)
    }

    /// An end tag inside a comment cuts the sheet where no piece parses: the sheet is read whole.
    @Test func aCutInsideACommentFallsBackToTheWholeSheet() throws {
        var rows = ""
        for i in 1...30 { rows += row(i, ["r\(i)"]) + (i == 10 ? "<!-- " + String(repeating: "</row> ", count: 40) + " -->" : "") }
        let read = try pieces(sheet(rows), every: 120)
        #expect(read.cuts > 0 && read.table == nil && read.whole.lines.count == 30)
    }

    @Test func aWrittenExportReadsTheSameInPieces() throws {
        var sheet: [[String]] = [["Judul Laporan: Rekap"], [], AdminExport.Column.allCases.map(\.rawValue)]
        for i in 0..<600 {
            sheet.append(AdminExport.Column.allCases.enumerated().map { c, column in i % 7 == 3 && c == 5 ? "" : "\(column.rawValue) \(i) <&>" })
        }
        let url = temporary("ekspor.xlsx")
        try XLSXWriter.write(sheet, to: url)
        let (whole, inPieces) = try wholeAndInPieces(url, piece: 4_096)
        #expect(whole.lines.count == 602 && inPieces == whole)
        let sample = try wholeAndInPieces(SheetFileTests.fixture("contoh-ekspor.xlsx"), piece: 512)
        #expect(sample.0.lines.count > 40 && sample.1 == sample.0)
    }
}
