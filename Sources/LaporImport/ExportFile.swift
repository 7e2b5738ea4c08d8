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

    /// The columns without which a file is not an export.
    public static let required: [AdminExport.Column] = [.trackingId, .date, .title, .status]

    /// Why a file is not an export: one sentence each (`Catalogue.importFailure`).
    public enum Failure: Error, Equatable, Sendable {
        case sheet(SheetFailure)
        /// No row whose first cell is `Tracking ID`.
        case noHeader
        /// The header lacks a column every export has.
        case missingColumns([AdminExport.Column])
        /// A header and no data rows.
        case empty
    }

    public static func read(_ url: URL) throws(Failure) -> ExportFile {
        let table: SheetTable
        do {
            table = try SheetFile.read(url)
        } catch {
            throw .sheet(error)
        }
        return try read(table)
    }

    public static func read(_ table: SheetTable) throws(Failure) -> ExportFile {
        guard let headerIndex = table.lines.firstIndex(where: { AdminExport.isHeader(Array($0.cells.drop { $0.isEmpty }.prefix(1))) }) else {
            throw .noHeader
        }
        let header = table.lines[headerIndex]
        var columns: [Int: AdminExport.Column] = [:]
        var unknown: [String] = []
        for (index, cell) in header.cells.enumerated() where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
            if let column = AdminExport.Column(header: cell), !columns.values.contains(column) {
                columns[index] = column
            } else {
                unknown.append(cell)
            }
        }
        let present = Set(columns.values)
        let missingRequired = required.filter { !present.contains($0) }
        guard missingRequired.isEmpty else { throw .missingColumns(missingRequired) }
        let rows = table.lines[(headerIndex + 1)...].map { line in
            var cells: [AdminExport.Column: String] = [:]
            for (index, column) in columns where index < line.cells.count { cells[column] = line.cells[index] }
            return AdminExport.Row(number: line.number, cells: cells)
        }
        guard !rows.isEmpty else { throw .empty }
        return ExportFile(
            rows: rows, headerRow: header.number, unknownHeaders: unknown,
            missingColumns: AdminExport.Column.allCases.filter { !present.contains($0) })
    }
}
