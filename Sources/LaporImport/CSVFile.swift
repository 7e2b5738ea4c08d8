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
        let delimiter = Self.delimiter(of: text)
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

    /// The delimiter: the one that splits a line into the export's header (information lines may
    /// stand above it), else the one the first lines use most.
    static func delimiter(of text: String) -> UnicodeScalar {
        let candidates: [UnicodeScalar] = [";", ",", "\t"]
        let lines = text.prefix(1 << 20).split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.prefix(64)
        for line in lines {
            for candidate in candidates {
                let cells = line.unicodeScalars.split(separator: candidate, omittingEmptySubsequences: false).map {
                    String(String.UnicodeScalarView($0)).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                }
                if AdminExport.isHeader(cells) { return candidate }
            }
        }
        let counts = candidates.map { candidate in lines.prefix(20).map { $0.unicodeScalars.filter { $0 == candidate }.count }.max() ?? 0 }
        return zip(candidates, counts).max { $0.1 < $1.1 }.map(\.0) ?? ","
    }

    /// `'=…` → `=…`: the formula guard lapor writes, undone (`FormulaGuard`).
    static func unguard(_ cell: String) -> String { FormulaGuard.unguarded(cell) }
}
