import Foundation
import LaporDomain

/// A spreadsheet read as text: the rows that hold anything, each with its sheet row number.
public struct SheetTable: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// 1-based, as a spreadsheet program shows it.
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
    }

    public var lines: [Line]
    /// The workbook's date system (a CSV file's is 1900's).
    public var dateSystem: AdminExport.DateSystem

    public init(lines: [Line], dateSystem: AdminExport.DateSystem = .from1900) {
        self.lines = lines
        self.dateSystem = dateSystem
    }
}

/// Why a file is not read at all (one sentence each in `Catalogue.importFailure`).
public enum SheetFailure: Error, Equatable, Sendable {
    case unreadable(String)
    /// Neither an `.xlsx` workbook nor a CSV file.
    case notASpreadsheet
    /// An OLE compound file: a password-protected workbook, or the old `.xls` format.
    case encryptedOrLegacy
    /// A zip that ends early or whose parts do not read.
    case damaged(String)
    /// A part, or the file, over the limit (bytes): a zip bomb or far more than an export holds.
    case tooLarge(limit: Int)
    /// An XML part declares entities or a DTD, which an export never does (an entity bomb).
    case declaresEntities
    /// An XML part in an encoding the entity check cannot read (the name it declares).
    case xmlEncoding(String)
    /// More rows than a spreadsheet can hold, or more cells than `SheetFile.maxCells`.
    case tooManyRows
    /// A CSV file that is not UTF-8.
    case notUTF8
    /// The workbook has no worksheet.
    case noSheet
}

/// Reads `.xlsx` and `.csv` files into a `SheetTable`, with limits against hostile files.
public enum SheetFile {
    /// The most bytes read from one file or one part of a workbook.
    public static let maxBytes = 256 << 20
    /// Rows beyond a spreadsheet's own limit (1,048,576) are refused.
    public static let maxRows = 1_048_576
    /// Columns past this one are not read: an export has 26 (and lapor's 4).
    public static let maxColumns = 256
    /// The most cells a file's rows may hold together (each row counted up to its last cell):
    /// 16 million is 300,000 rows of 53 columns; far more is no export, and would not fit in
    /// memory (a row of one cell at column 256, a million times; a CSV line of a million commas).
    public static let maxCells = 16_000_000

    /// Reads `url`: of a workbook, the first sheet `accept` takes (else the first sheet); `limit`
    /// is the most bytes of the file or of one part, `cells` the most cells (tests lower both, to
    /// check them on small files).
    public static func read(
        _ url: URL, limit: Int = maxBytes, cells: Int = maxCells, accept: (SheetTable) -> Bool = { _ in true },
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(SheetFailure) -> SheetTable {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw .unreadable(String(describing: error))
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .encryptedOrLegacy }
        if head.starts(with: [0x50, 0x4B]) { return try XLSXReader.read(url, limit: limit, cells: cells, accept: accept, progress: progress) }
        if url.pathExtension.lowercased() == "xlsx" { throw .damaged("no zip signature") }
        return try CSVFile.read(url, limit: limit, cells: cells)
    }
}
