import CSV
import Foundation
import LaporDomain

/// CSV files (RFC 4180 by CSV.swift): UTF-8 with or without a byte-order mark; the delimiter is
/// the one the header line uses (`,`, `;` as spreadsheet programs write in an Indonesian locale,
/// or a tab). A leading `'` that guards a formula character (as `lapor export --format csv` and
/// `lapor list --format csv` write it) is taken off again.
enum CSVFile {
    static func read(_ url: URL, limit: Int, cells: Int) throws(SheetFailure) -> SheetTable {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(String(describing: error))
        }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        // Binary data is not a CSV file.
        if text.utf8.contains(0) { throw .notASpreadsheet }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar =
            [",", ";", "\t"].max { a, b in
                firstLine.unicodeScalars.filter { $0 == a }.count < firstLine.unicodeScalars.filter { $0 == b }.count
            } ?? ","
        // Counted before CSV.swift makes arrays of them: a line of a million commas is refused,
        // not held in memory.
        let delimiterByte = UInt8(delimiter.value)
        guard text.utf8.lazy.filter({ $0 == delimiterByte || $0 == 0x0A }).count <= cells else { throw .tooManyRows }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw .damaged(String(describing: error))
        }
        var lines: [SheetTable.Line] = []
        var number = 0
        while let row = reader.next() {
            number += 1
            guard number <= SheetFile.maxRows else { throw .tooManyRows }
            let cells = row.prefix(SheetFile.maxColumns).map(unguard)
            if cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { lines.append(.init(number: number, cells: cells)) }
        }
        if let error = reader.error { throw .damaged(String(describing: error)) }
        return SheetTable(lines: lines)
    }

    /// `'=…` → `=…`: the formula guard lapor writes, undone.
    static func unguard(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first(where: { $0 != " " }), "=+-@".unicodeScalars.contains(next) else {
            return cell
        }
        return String(cell.dropFirst())
    }
}
