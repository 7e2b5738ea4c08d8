import Foundation
import LaporDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The rows of a worksheet: rows without any text are left out (a sheet of a million empty
/// rows reads as nothing). A cell's column is its reference's (`C7`), or the one after the cell
/// before it when it has none, as the standard says (OpenXML SDK tools write no references).
/// Fed by `SheetScanner` (the sheet's bytes, fast) or by Foundation's `XMLParser` (the same
/// calls, through its delegate: whatever the scanner leaves to it).
final class SheetRows: NSObject, XMLParserDelegate, Failing {
    /// What every piece of a sheet reads with.
    struct Context: Sendable {
        var strings: [String]
        var styles = DateStyles()
        var system = AdminExport.DateSystem.from1900
        var maxCells = SheetFile.maxCells
        /// Told the share of the sheet's pieces parsed so far (a progress line).
        var progress: (@Sendable (Double) -> Void)? = nil
    }

    /// The elements rows are read from; every other element is passed over.
    enum Element {
        case row, c, v, t, other

        init(localName name: Substring) {
            switch name {
            case "row": self = .row
            case "c": self = .c
            case "v": self = .v
            case "t": self = .t
            default: self = .other
            }
        }
    }

    let context: Context
    var lines: [SheetTable.Line] = []
    var failure: SheetFailure?
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0
    private var lastColumn = -1
    private var cellType = ""
    private var cellStyle: Int?
    private var value = ""
    private var collecting = false
    private var inlineText = false
    private(set) var cellCount = 0
    /// Whether the row numbers are the sheet's: true from the start of the sheet, or from the
    /// first row with an `r` attribute in a piece of it (`SheetCuts`).
    private(set) var isNumbered: Bool
    /// The first lines whose numbers count from the piece's start (`isNumbered` false then).
    private(set) var unnumberedLines = 0
    /// The last row's number (or its count from the piece's start).
    var lastRow: Int { rowNumber }
    /// Whether text here is read (a value, or an inline string's text).
    var wantsText: Bool { collecting || inlineText }

    init(_ context: Context, numbered: Bool = true) {
        self.context = context
        self.isNumbered = numbered
    }

    convenience init(strings: [String], maxCells: Int = SheetFile.maxCells, numbered: Bool = true) {
        self.init(Context(strings: strings, maxCells: maxCells), numbered: numbered)
    }

    /// The attributes rows are read from: a row's and a cell's `r`, a cell's `t` and `s`.
    struct Attributes {
        var r: String?
        var t: String?
        var s: String?
    }

    /// An element starts, with its attributes. False when the rows cannot go on (`failure`
    /// says why).
    func start(_ element: Element, _ attributes: Attributes) -> Bool {
        switch element {
        case .row:
            if let r = attributes.r.flatMap({ Int($0) }) {
                rowNumber = r
                isNumbered = true
            } else {
                rowNumber += 1
            }
            if rowNumber > SheetFile.maxRows || rowNumber < 1 {
                failure = .tooManyRows
                return false
            }
            cells = []
            lastColumn = -1
        case .c:
            cellColumn = attributes.r.flatMap(XLSXReader.column(of:)) ?? (lastColumn + 1)
            lastColumn = cellColumn
            cellType = attributes.t ?? "n"
            cellStyle = attributes.s.flatMap { Int($0) }
            value = ""
        case .v:
            collecting = true
            value = ""
        case .t:
            if cellType == "inlineStr" {
                inlineText = true
            }
        case .other: break
        }
        return true
    }

    func text(_ string: String) {
        if collecting || inlineText { value += string }
    }

    /// An element ends. False when the rows cannot go on (`failure` says why).
    func end(_ element: Element) -> Bool {
        switch element {
        case .v: collecting = false
        case .t: inlineText = false
        case .c:
            let text: String
            switch cellType {
            case "s":
                let strings = context.strings
                text = Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "e": text = ""
            case "n":
                // A number in a date or time style: the date the spreadsheet shows.
                if let style = cellStyle, let kind = context.styles[style], let number = Double(value),
                    let shown = DateStyles.text(number, kind: kind, system: context.system)
                {
                    text = shown
                } else {
                    text = value
                }
            default: text = value
            }
            guard cellColumn < SheetFile.maxColumns else { return true }
            if !text.isEmpty {
                if cells.count <= cellColumn { cells += Array(repeating: "", count: cellColumn + 1 - cells.count) }
                cells[cellColumn] = text
            }
        case .row:
            if cells.contains(where: { !$0.isEmpty }) {
                lines.append(SheetTable.Line(number: rowNumber, cells: cells))
                if !isNumbered { unnumberedLines = lines.count }
                cellCount += cells.count
                if cellCount > context.maxCells {
                    failure = .tooManyRows
                    return false
                }
            }
        case .other: break
        }
        return true
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let kind = Element(localName: XLSXReader.localName(element))
        let wanted = kind == .row || kind == .c
        if !start(kind, wanted ? Attributes(r: attributes["r"], t: attributes["t"], s: attributes["s"]) : Attributes()) { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    /// CDATA is text (no spreadsheet program writes it, but XML allows it).
    func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if !end(Element(localName: XLSXReader.localName(element))) { parser.abortParsing() }
    }
}
