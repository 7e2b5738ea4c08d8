import Foundation
import Terminal

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal's own count of columns: the C library's `wcwidth` in C.UTF-8, asked here and not
/// through `DisplayWidth`, so that tests hold lapor's drawing to what ncurses and tmux will count.
public enum TerminalOracle {
    nonisolated(unsafe) static let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
    /// The C library's own `wcwidth`, found by name (Glibc's Swift module does not declare it).
    static let cWcwidth: (@convention(c) (Int32) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth").map {
        unsafeBitCast($0, to: (@convention(c) (Int32) -> Int32).self)
    }

    /// `wcwidth` of one scalar: −1, 0, 1 or 2.
    public static func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        guard let locale, let cWcwidth else { return -2 }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return Int(cWcwidth(Int32(bitPattern: scalar.value)))
    }

    /// What the terminal would count differently from the grid, row by row and column by column:
    /// a cell whose first scalar the terminal counts at another width, a second spacing scalar in
    /// a cell (it would push every column after it), a scalar the terminal cannot print, more
    /// marks than a cell keeps, a wide cell without its right half. Empty when the grid is true.
    public static func problems(_ grid: CellGrid) -> [String] {
        var problems: [String] = []
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                let at = "row \(y) column \(x) \(cell.text.unicodeScalars.map { "U+" + String($0.value, radix: 16) })"
                guard cell.width > 0, let first = cell.text.unicodeScalars.first else {
                    problems.append("\(at): a right half without a wide cell before it")
                    x += 1
                    continue
                }
                let width = wcwidth(first)
                if width != Int(cell.width) { problems.append("\(at): the grid says \(cell.width) columns, the terminal \(width)") }
                for scalar in cell.text.unicodeScalars.dropFirst() where wcwidth(scalar) != 0 {
                    problems.append("\(at): U+\(String(scalar.value, radix: 16)) takes \(wcwidth(scalar)) more columns")
                }
                if cell.text.unicodeScalars.count > 5 { problems.append("\(at): more marks than a cell keeps") }
                if cell.width == 2 {
                    if x + 1 >= grid.width || grid[x + 1, y].width != 0 { problems.append("\(at): a wide cell without its right half") }
                    x += 2
                } else {
                    x += 1
                }
            }
        }
        return problems
    }

    /// Texts that C libraries, ncurses, tmux and terminals have counted differently, or that try
    /// to move or hide what is drawn: text-presentation emoji, lone regional indicators, angle
    /// brackets, Hangul jamo extensions, small and vertical forms, kana and Tangut supplements,
    /// U+2028, unassigned and newer scalars, right-to-left overrides, combining storms, tags and
    /// zero-width characters, with the sequences terminals disagree on.
    public static let hostileTexts: [String] = [
        "Bendera 🏳 mata 👁 suhu 🌡 di jalan",
        "Huruf 🇮 sendiri 🇩 dan 🇮🇩 bendera",
        "Kurung 〈sudut〉 dan 〈〉〈〉〈〉",
        "Jamo ꥠꥡꥢ ힰힱힲ 가ᅡᆨ 각",
        "Kecil ﹐﹑﹒ tegak ︐︑︒ bentuk",
        "Kana 𛀀𛀁𛄟 Tangut 𗀀𗀁 suplemen 𛅤",
        "Baris\u{2028}pemisah\u{2029}paragraf",
        "Belum \u{0378}\u{0379} baru \u{1FAE8}\u{1FAE9} \u{31350} \u{E0001}x",
        "Kanan \u{202E}ke kiri\u{202C} \u{2067}isolasi\u{2069} akhir",
        "Zalgo Z\u{0336}\u{0337}\u{0338}\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}a\u{0489}\u{0489}\u{0489}\u{0489}\u{0489}\u{0489} l",
        "Tag 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} bendera",
        "Nol\u{200B}lebar\u{200C}\u{200D}\u{2060}\u{FEFF}kata",
        "Keluarga 👨‍👩‍👧‍👦 kulit 👍🏽 tombol 1️⃣ hati ❤️",
        "Gabung e\u{0301} ä a\u{0308}\u{0323} न\u{093F} क\u{094D}ष",
        "Pinggir \u{00AD}lunak \u{FFFC}\u{FFFD} ganti \u{E000}pribadi \u{F0000}",
        "Lebar 陈美玲 ｆｕｌｌ ｗｉｄｔｈ ﾊﾝｶｸ",
    ]
}
