/// Colours a cell can take; the backend maps them to what the terminal has (256, 8 or none).
public enum Color: UInt8, Hashable, Sendable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white, gray
}

/// How a cell is drawn. Every state must also read without colour (symbols and text).
public struct Style: Hashable, Sendable {
    public var fg: Color = .standard
    public var bg: Color = .standard
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(fg: Color = .standard, bg: Color = .standard, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
}

/// One screen position: a grapheme (with its display width) or the right half of a wide one.
public struct Cell: Hashable, Sendable {
    public var text: String
    /// 1 or 2 for a grapheme; 0 for the continuation of a wide grapheme to its left.
    public var width: UInt8
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
}

/// The in-memory screen every view draws into; the terminal backend only copies it out.
/// Text put into the grid is sanitised first: no control character from a report reaches it.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (the selected row, the active prompt).
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes one line of text at (x, y), clipped to `maxWidth` columns (and the grid), and
    /// returns the columns used. A wide character that would straddle the edge is replaced by a
    /// space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? Int.max)
        var col = 0
        // Cell by cell as the terminal counts them (`DisplayWidth.cells`): one spacing scalar each.
        func place(_ text: String, _ w: Int) -> Bool {
            if col + w > limit {
                if col < limit { set(x + col, y, Cell(text: " ", width: 1, style: style)) }
                col = min(limit, col + 1)
                return false
            }
            set(x + col, y, Cell(text: text, width: UInt8(w), style: style))
            if w == 2 { set(x + col + 1, y, Cell(text: "", width: 0, style: style)) }
            col += w
            return true
        }
        for c in Sanitizer.line(text) {
            if let a = c.asciiValue {
                if a >= 0x20, a < 0x7F, !place(String(c), 1) { return col }
                continue
            }
            for cell in DisplayWidth.cells(c) where !place(cell.text, cell.width) { return col }
        }
        return col
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { set(col, row, Cell(text: " ", width: 1, style: style)) }
        }
    }

    /// Repaints the style of a rectangle (a selection bar), keeping the text.
    public mutating func restyle(x: Int, y: Int, width w: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { cells[y * width + col].style = style }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = .blank }
        if cells[i].width == 0, x > 0 { cells[i - 1] = .blank }
        cells[i] = cell
    }

    /// The grid as text, one line per row, trailing spaces kept: what snapshot tests compare.
    public var text: String {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }.joined(separator: "\n")
    }

    public static func == (a: CellGrid, b: CellGrid) -> Bool { a.width == b.width && a.height == b.height && a.cells == b.cells }
    public func hash(into h: inout Hasher) { h.combine(cells) }
}
