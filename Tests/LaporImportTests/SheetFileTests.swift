import Foundation
import LaporDomain
import Testing
import ZIPFoundation

@testable import LaporImport

/// Files as an agency has them, and files built to hurt (issue 15): each read, or refused with a
/// reason — never a crash or a hang.
@Suite struct SheetFileTests {
    static let exports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/exports")

    static func fixture(_ name: String) -> URL { exports.appendingPathComponent(name) }

    func temporary(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-sheet-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    func failure(_ url: URL, limit: Int = SheetFile.maxBytes, cells: Int = SheetFile.maxCells) -> SheetFailure? {
        do {
            _ = try SheetFile.read(url, limit: limit, cells: cells)
            return nil
        } catch {
            return error
        }
    }

    /// A workbook of one sheet with the given worksheet XML, as a spreadsheet program zips it.
    func workbook(_ sheet: Data, at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        try add("[Content_Types].xml", Data(XLSXWriter.contentTypes.utf8))
        try add("xl/workbook.xml", Data(XLSXWriter.workbook("Laporan").utf8))
        try add("xl/_rels/workbook.xml.rels", Data(XLSXWriter.workbookRelationships.utf8))
        try add("xl/worksheets/sheet1.xml", sheet)
    }

    @Test func theSampleWorkbookReads() throws {
        let table = try SheetFile.read(Self.fixture("contoh-ekspor.xlsx"))
        // Three information rows (merged cells), a blank row, the header on row 5, 39 rows of data.
        #expect(table.lines.first?.cells.first == "Judul Laporan: Rekap Laporan Instansi")
        let header = try #require(table.lines.first { $0.cells.first == "Tracking ID" })
        #expect(header.number == 5 && header.cells.count == 26)
        let export = try ExportFile.read(table)
        #expect(export.headerRow == 5 && export.rows.count == 39 && export.missingColumns.isEmpty && export.unknownHeaders.isEmpty)
        // Numbers stay numbers (the tracking ID, a date serial), shared strings resolve.
        #expect(export.rows[0][.trackingId] == "4100001" && export.rows[0][.date] == "1 Oct 2026")
        #expect(export.rows[2][.date] == "46310" && AdminExport.serialDate(46310) == LocalDate(year: 2026, month: 10, day: 15))
        #expect(export.rows[0][.status] == "Terdisposisi ke Dinas Bina Marga Provinsi DKI Jakarta")
    }

    @Test func theSampleCSVReadsLikeTheWorkbook() throws {
        let csv = try ExportFile.read(Self.fixture("contoh-ekspor.csv"))
        let xlsx = try ExportFile.read(Self.fixture("contoh-ekspor-terbaru.xlsx"))
        #expect(csv.rows.count == 36 && csv.headerRow == 1)
        // The same generator's rows: the first (changed in the newer export) aside, equal cells.
        #expect(csv.rows[5].cells == xlsx.rows[4].cells.filter { $0.key != .date }.merging(csv.rows[5].cells.filter { $0.key == .date }) { $1 })
        #expect(csv.rows[0][.title] == "Jalan berlubang di Manggarai")
    }

    @Test func aFormulaIsReadByItsCachedValue() throws {
        let export = try ExportFile.read(Self.fixture("rumus.xlsx"))
        #expect(export.rows.count == 6 && export.rows.allSatisfy { !$0[.title].isEmpty && !$0[.title].hasPrefix("TRIM") })
    }

    @Test func whatIsNotAnExportSaysWhy() throws {
        #expect(failure(Self.fixture("bom-entitas.xlsx")) == .declaresEntities)
        if case .damaged = failure(Self.fixture("terpotong.xlsx")) {} else { Issue.record("a truncated workbook is damaged") }
        #expect(throws: ExportFile.Failure.noHeader) { try ExportFile.read(Self.fixture("tanpa-judul-tabel.xlsx")) }
        #expect(throws: ExportFile.Failure.noHeader) { try ExportFile.read(Self.fixture("bukan-ekspor.csv")) }
        // An encrypted workbook is an OLE compound file (so is the old .xls).
        let encrypted = temporary("sandi.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)).write(to: encrypted)
        #expect(failure(encrypted) == .encryptedOrLegacy)
        let latin1 = temporary("ekspor.csv")
        try Data("Tracking ID;Judul Laporan\r\n4100001;Jalan di Bogor\u{E9}".utf8.map { $0 }.dropLast(2) + [0xE9]).write(to: latin1)
        #expect(failure(latin1) == .notUTF8)
        let image = temporary("foto.xlsx")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: image)
        if case .damaged = failure(image) {} else { Issue.record("a PNG named .xlsx is refused") }
        #expect(throws: ExportFile.Failure.empty) {
            let header = temporary("kosong.csv")
            try Data((AdminExport.Column.allCases.map(\.rawValue).joined(separator: ",") + "\n").utf8).write(to: header)
            _ = try ExportFile.read(header)
        }
        #expect(throws: ExportFile.Failure.missingColumns([.date, .title, .status])) {
            let header = temporary("sempit.csv")
            try Data("Tracking ID,Nama Pelapor\n4100001,Budi\n".utf8).write(to: header)
            _ = try ExportFile.read(header)
        }
    }

    /// A part that inflates past the limit stops there: counted as it inflates, whatever the zip
    /// declares (the limit lowered to 1 MB so that the test writes 2 MB, not 300).
    @Test func aZipBombStopsAtTheLimit() throws {
        let url = temporary("bom.xlsx")
        try workbook(Data(repeating: 0x20, count: 2 << 20), at: url)
        #expect(failure(url, limit: 1 << 20) == .tooLarge(limit: 1 << 20))
    }

    /// A million empty rows read as nothing: the header and the one row after them remain. (On a
    /// thread of its own: seconds of work on one of Swift's two cooperative threads would starve
    /// the timing tests of the server running beside it.)
    @Test func aMillionEmptyRowsAreSkipped() async throws {
        try await Parallel.offThePool { try self.millionEmptyRows() }
    }

    func millionEmptyRows() throws {
        var xml = #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        xml += #"<row r="1"><c r="A1" t="inlineStr"><is><t>Tracking ID</t></is></c></row>"#
        xml.reserveCapacity(30_000_000)
        for r in 2...1_000_001 { xml += "<row r=\"\(r)\"/>" }
        xml += #"<row r="1000002"><c r="A1000002"><v>4100001</v></c></row></sheetData></worksheet>"#
        let url = temporary("sejuta.xlsx")
        try workbook(Data(xml.utf8), at: url)
        let table = try SheetFile.read(url)
        #expect(table.lines.map(\.number) == [1, 1_000_002] && table.lines[1].cells == ["4100001"])
        // Past a spreadsheet's own last row: refused.
        let past = temporary("lewat.xlsx")
        try workbook(Data(#"<worksheet><sheetData><row r="2000000"><c><v>1</v></c></row></sheetData></worksheet>"#.utf8), at: past)
        #expect(failure(past) == .tooManyRows)
    }

    /// Cells far to the right, row after row, or a CSV line of commas: refused before they fill
    /// the memory (each would be an array of empty strings up to its last column). The cap is
    /// lowered to 100,000 cells here so that the files stay small (the real one is 16 million).
    @Test func farColumnsAndEndlessCommasAreRefused() throws {
        var xml = #"<worksheet><sheetData>"#
        for r in 1...400 { xml += "<row r=\"\(r)\"><c r=\"IU\(r)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }
        xml += "</sheetData></worksheet>"
        let wide = temporary("lebar.xlsx")
        try workbook(Data(xml.utf8), at: wide)
        #expect(failure(wide, cells: 100_000) == .tooManyRows)
        #expect(failure(wide) == nil)
        // A cell past column 256 is not read at all.
        let far = temporary("jauh.xlsx")
        try workbook(
            Data(
                #"<worksheet><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c><c r="A1" t="inlineStr"><is><t>Tracking ID</t></is></c></row></sheetData></worksheet>"#
                    .utf8), at: far)
        #expect(try SheetFile.read(far).lines.map(\.cells) == [["Tracking ID"]])
        let commas = temporary("koma.csv")
        try Data(("Tracking ID," + String(repeating: ",", count: 100_001)).utf8).write(to: commas)
        #expect(failure(commas, cells: 100_000) == .tooManyRows)
    }
}
