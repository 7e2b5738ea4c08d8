import Foundation
import LaporDomain

/// An admin-area export read from a file: its header row found, its data rows by column.
public struct ExportFile: Sendable {
    public var rows: [AdminExport.Row]
    /// The sheet row of the header (`Tracking ID` first).
    public var headerRow: Int
    /// Header cells that name no known column (kept out of the import, said in the summary).
    public var unknownHeaders: [String]
    /// Known columns the header lacks (their values read as empty).
    public var missingColumns: [AdminExport.Column]

    /// The workbook's date system (serials in a 1904 workbook count from 1904).
    public var dateSystem: AdminExport.DateSystem = .from1900
    /// The file had been read by another program in the wrong encoding (its UTF-8 taken for
    /// Latin-1: the byte-order mark came out as `ï»¿`) and saved so: its texts were read back.
    public var repairedEncoding = false

    /// The columns without which a file is not an export.
    public static var required: [AdminExport.Column] { AdminExport.requiredColumns }

    /// Why a file is not an export: one sentence each (`Catalogue.importFailure`).
    public enum Failure: Error, Equatable, Sendable {
        case sheet(SheetFailure)
        /// No row that names the required columns, on any sheet.
        case noHeader
        /// A row names `Tracking ID` but lacks a column every export has.
        case missingColumns([AdminExport.Column])
        /// A header and no data rows.
        case empty
    }

    /// Reads the first sheet that holds the export's table (the data may be on a sheet other than
    /// the first, beside a summary or a chart).
    /// `progress` is told the share of a workbook's sheet parsed so far.
    public static func read(_ url: URL, progress: (@Sendable (Double) -> Void)? = nil) throws(Failure) -> ExportFile {
        var table: SheetTable
        do {
            table = try SheetFile.read(url, accept: { headerIndex(in: $0) != nil }, progress: progress)
        } catch {
            throw .sheet(error)
        }
        return try read(consuming: &table)
    }

    public static func read(_ table: SheetTable) throws(Failure) -> ExportFile {
        var copy = table
        return try read(consuming: &copy)
    }

    /// The header row's index among a table's lines: the first that names every required column.
    static func headerIndex(in table: SheetTable) -> Int? {
        table.lines.firstIndex { AdminExport.isHeader($0.cells) }
    }

    /// Reads the table's rows, letting go of each line once it is a row (the lines and the rows
    /// of a 200,000-row file are not held at once).
    static func read(consuming table: inout SheetTable) throws(Failure) -> ExportFile {
        let repaired = Mojibake.repairIfMarked(&table)
        guard let headerIndex = headerIndex(in: table) else {
            // A row that names the tracking ID but not the other columns: say which are missing.
            if let near = table.lines.first(where: { $0.cells.contains { AdminExport.Column(header: $0) == .trackingId } }) {
                let present = Set(near.cells.compactMap(AdminExport.Column.init(header:)))
                throw .missingColumns(required.filter { !present.contains($0) })
            }
            throw .noHeader
        }
        let header = table.lines[headerIndex]
        guard let (columns, unknown) = AdminExport.header(header.cells) else { throw .noHeader }
        let present = Set(columns.values)
        // A row with nothing in the columns lapor reads (a numbered template row, a footer in an
        // ignored column) holds no report: left out.
        let places = AdminExport.Column.allCases.map { column in columns.first { $0.value == column }?.key }
        var rows: [AdminExport.Row] = []
        rows.reserveCapacity(table.lines.count - headerIndex - 1)
        for index in (headerIndex + 1)..<table.lines.count {
            let line = table.lines[index]
            table.lines[index].cells = []
            let values = places.map { place in place.flatMap { $0 < line.cells.count ? line.cells[$0] : nil } ?? "" }
            if values.contains(where: { !$0.isEmpty && !$0.allSatisfy(\.isWhitespace) }) {
                rows.append(AdminExport.Row(number: line.number, values: values))
            }
        }
        guard !rows.isEmpty else { throw .empty }
        return ExportFile(
            rows: rows, headerRow: header.number, unknownHeaders: unknown,
            missingColumns: AdminExport.Column.allCases.filter { !present.contains($0) }, dateSystem: table.dateSystem,
            repairedEncoding: repaired)
    }
}
