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
    public static func read(_ url: URL) throws(Failure) -> ExportFile {
        let table: SheetTable
        do {
            table = try SheetFile.read(url) { headerIndex(in: $0) != nil }
        } catch {
            throw .sheet(error)
        }
        return try read(table)
    }

    /// The header row's index among a table's lines: the first that names every required column.
    static func headerIndex(in table: SheetTable) -> Int? {
        table.lines.firstIndex { AdminExport.isHeader($0.cells) }
    }

    public static func read(_ table: SheetTable) throws(Failure) -> ExportFile {
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
        let rows = table.lines[(headerIndex + 1)...].compactMap { line -> AdminExport.Row? in
            var cells: [AdminExport.Column: String] = [:]
            for (index, column) in columns where index < line.cells.count && !line.cells[index].isEmpty { cells[column] = line.cells[index] }
            return cells.values.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                ? AdminExport.Row(number: line.number, cells: cells) : nil
        }
        guard !rows.isEmpty else { throw .empty }
        return ExportFile(
            rows: rows, headerRow: header.number, unknownHeaders: unknown,
            missingColumns: AdminExport.Column.allCases.filter { !present.contains($0) }, dateSystem: table.dateSystem)
    }
}
