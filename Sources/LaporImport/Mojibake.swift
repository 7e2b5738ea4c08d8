/// UTF-8 that another program read as Latin-1 and saved again (LibreOffice converting a CSV
/// without being told its encoding does it): every non-ASCII character became two or three
/// (`é` → `Ã©`), and a byte-order mark became `ï»¿` at the start of the first cell. That mark is the
/// sign: a table whose first cell starts with it has each cell read back as the UTF-8 it was,
/// where it is valid UTF-8 (issue 24, found trying files as colleagues make them).
enum Mojibake {
    /// The byte-order mark as Latin-1 reads it.
    static let mark = "\u{EF}\u{BB}\u{BF}"

    /// Repairs `table` when its first cell carries the mark; whether it did.
    static func repairIfMarked(_ table: inout SheetTable) -> Bool {
        guard let first = table.lines.first?.cells.first(where: { !$0.isEmpty }), first.hasPrefix(mark) else {
            // A byte-order mark kept as a character (read as UTF-8 but not taken off) is dropped.
            if let first = table.lines.first, let cell = first.cells.first, cell.hasPrefix("\u{FEFF}") {
                table.lines[0].cells[0] = String(cell.dropFirst())
            }
            return false
        }
        for l in table.lines.indices {
            for c in table.lines[l].cells.indices {
                table.lines[l].cells[c] = repaired(table.lines[l].cells[c])
            }
        }
        if let c = table.lines[0].cells.firstIndex(where: { !$0.isEmpty }), table.lines[0].cells[c].hasPrefix("\u{FEFF}") {
            table.lines[0].cells[c].removeFirst()
        }
        return true
    }

    /// The cell's characters taken as Latin-1 bytes and read as UTF-8; the cell as it is when
    /// that is not valid UTF-8 (or a character is beyond Latin-1).
    static func repaired(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 >= 0x80 }) else { return cell }
        var bytes: [UInt8] = []
        for scalar in cell.unicodeScalars {
            guard scalar.value <= 0xFF else { return cell }
            bytes.append(UInt8(scalar.value))
        }
        return String(validating: bytes, as: UTF8.self) ?? cell
    }
}
