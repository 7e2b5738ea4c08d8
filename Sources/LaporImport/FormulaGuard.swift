import Foundation

/// The guard against formula injection in the cells lapor writes to CSV (and takes off again when
/// it reads one): a cell whose first character after white space (spaces, tabs, line breaks) is
/// `=`, `+`, `-` or `@` gets a leading `'`, so that no spreadsheet program runs it; so does a
/// cell that already starts with `'` before such a cell, so that reading takes off exactly what
/// writing put on. A plain number (`-6`, `+6281234`) is no formula and stays as it is.
public enum FormulaGuard {
    /// Whether a spreadsheet could take the cell for a formula.
    public static func needsGuard(_ cell: Substring) -> Bool {
        if cell.first == "'" { return needsGuard(cell.dropFirst()) }
        guard let first = cell.unicodeScalars.first(where: { !" \t\r\n".unicodeScalars.contains($0) }), "=+-@".unicodeScalars.contains(first)
        else { return false }
        return Double(cell.trimmingCharacters(in: .whitespacesAndNewlines)) == nil
    }

    /// The cell as written to CSV.
    public static func guarded(_ cell: String) -> String { needsGuard(cell[...]) ? "'" + cell : cell }

    /// The cell as it was before `guarded`.
    public static func unguarded(_ cell: String) -> String {
        cell.first == "'" && needsGuard(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }
}
