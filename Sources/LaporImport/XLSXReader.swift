import Foundation
import LaporDomain
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The first worksheet of an `.xlsx` workbook, as text. Cells are shared strings, inline strings,
/// numbers or booleans; a formula's cached value is read (never evaluated). Each part is inflated
/// under `SheetFile.maxBytes` — counted as it inflates, so a zip bomb stops at the limit — and
/// refused when it declares a DTD or entities; the sheet and its shared strings go through a
/// private temporary folder (0700, files 0600) removed when the read ends.
enum XLSXReader {
    static func read(_ url: URL, limit: Int, cells: Int, piece: Int = pieceBytes) throws(SheetFailure) -> SheetTable {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .damaged(String(describing: error))
        }
        let sheetPath = try firstSheetPath(archive, limit: limit)
        // The large parts are inflated to a private temporary folder and parsed from there: a
        // 50,000-row sheet (35 MB of XML) is never held in memory whole.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-import-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unreadable(String(describing: error))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        var strings: [String] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            let reader = SharedStrings()
            try parse(file: try partFile(entry, of: archive, limit: limit, in: folder), with: reader)
            strings = reader.strings
        }
        guard let sheet = archive[sheetPath] else { throw .noSheet }
        let cuts = SheetCuts(every: piece)
        let file = try partFile(sheet, of: archive, limit: limit, in: folder, cuts: cuts)
        if let table = rowsInPieces(of: file, cuts: cuts, strings: strings, maxCells: cells) { return table }
        let reader = SheetRows(strings: strings, maxCells: cells)
        try parse(file: file, with: reader)
        return SheetTable(lines: reader.lines)
    }

    /// A part inflated into a file of `folder`, up to the limit, refused when it declares a DTD
    /// or entities (looked for across the chunks' seams); `cuts` sees every chunk.
    static func partFile(_ entry: Entry, of archive: Archive, limit: Int, in folder: URL, cuts: SheetCuts? = nil) throws(SheetFailure) -> URL {
        let file = folder.appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: file.path)
        else { throw .unreadable("temporary file") }
        defer { try? handle.close() }
        var written = 0
        var seam = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += chunk.count
                guard written <= limit else { throw SheetFailure.tooLarge(limit: limit) }
                if declaresEntities(seam + chunk.prefix(16)) || declaresEntities(chunk) { throw SheetFailure.declaresEntities }
                seam = chunk.suffix(16)
                cuts?.see(chunk, at: written - chunk.count)
                try handle.write(contentsOf: chunk)
            }
        } catch let failure as SheetFailure {
            throw failure
        } catch {
            throw .damaged(String(describing: error))
        }
        return file
    }

    /// Whether the bytes hold `<!DOCTYPE` (either case) or `<!ENTITY`: a scan for `<!` and a look
    /// at what follows (Data's own search was 5% of a 50,000-row import).
    static func declaresEntities(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            let n = bytes.count
            var i = 0
            while i + 1 < n {
                if bytes[i] == 0x3C, bytes[i + 1] == 0x21 {
                    // Upper-cased letters after `<!`.
                    var word: [UInt8] = []
                    var j = i + 2
                    while j < n, word.count < 7 {
                        let b = bytes[j]
                        guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else { break }
                        word.append(b & 0xDF)
                        j += 1
                    }
                    if word.starts(with: Array("DOCTYPE".utf8)) || word.starts(with: Array("ENTITY".utf8)) { return true }
                }
                i += 1
            }
            return false
        }
    }

    static func parse(file: URL, with delegate: some XMLParserDelegate & Failing) throws(SheetFailure) {
        guard let stream = InputStream(url: file) else { throw .unreadable("temporary file") }
        try parse(XMLParser(stream: stream), with: delegate)
    }

    /// A part's bytes, inflated up to the limit.
    static func part(_ entry: Entry, of archive: Archive, limit: Int) throws(SheetFailure) -> Data {
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw SheetFailure.tooLarge(limit: limit) }
                data.append(chunk)
            }
        } catch let failure as SheetFailure {
            throw failure
        } catch {
            throw .damaged(String(describing: error))
        }
        if declaresEntities(data) { throw .declaresEntities }
        return data
    }

    /// The first sheet of the workbook, by the workbook's order and its relationships; the
    /// conventional path when those parts are missing.
    static func firstSheetPath(_ archive: Archive, limit: Int) throws(SheetFailure) -> String {
        guard let workbook = archive["xl/workbook.xml"] else {
            if archive["xl/worksheets/sheet1.xml"] != nil { return "xl/worksheets/sheet1.xml" }
            throw .notASpreadsheet
        }
        let sheets = Elements(named: "sheet", attribute: "r:id")
        try parse(try part(workbook, of: archive, limit: limit), with: sheets)
        guard let rId = sheets.values.first else { throw .noSheet }
        guard let rels = archive["xl/_rels/workbook.xml.rels"] else { return "xl/worksheets/sheet1.xml" }
        let relations = Relationships()
        try parse(try part(rels, of: archive, limit: limit), with: relations)
        guard let target = relations.targets[rId] else { return "xl/worksheets/sheet1.xml" }
        // Targets are relative to xl/, or absolute within the package.
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func parse(_ data: Data, with delegate: some XMLParserDelegate & Failing) throws(SheetFailure) {
        try parse(XMLParser(stream: InputStream(data: data)), with: delegate)
    }

    /// Parses from a stream, which the parser reads in chunks: given the data whole, libxml2
    /// refuses a part over 10 MB ("huge input lookup"), and a 50,000-row sheet is 35 MB.
    static func parse(_ parser: XMLParser, with delegate: some XMLParserDelegate & Failing) throws(SheetFailure) {
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            if let failure = delegate.failure { throw failure }
            throw .damaged(parser.parserError.map { String(describing: $0) } ?? "XML")
        }
        if let failure = delegate.failure { throw failure }
    }

    /// An element's name without its namespace prefix (`x:row` is `row`: some programs write
    /// SpreadsheetML with a prefix).
    static func localName(_ element: String) -> Substring {
        guard let colon = element.utf8.lastIndex(of: 0x3A) else { return Substring(element) }
        return element[element.index(after: colon)...]
    }

    /// The column index (0-based) of a cell reference such as `AB12`.
    static func column(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 65, byte <= 90 else { break }
            index = index * 26 + Int(byte - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }
}

/// A parser delegate that may stop the parse with a reason.
protocol Failing: AnyObject {
    var failure: SheetFailure? { get }
}

/// One attribute of every element of a name, in order (`<sheet r:id=…>`).
final class Elements: NSObject, XMLParserDelegate, Failing {
    let name: String
    let attribute: String
    var values: [String] = []
    var failure: SheetFailure?

    init(named name: String, attribute: String) {
        self.name = name
        self.attribute = attribute
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if element == name || element.hasSuffix(":" + name),
            let value = attributes[attribute] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
        {
            values.append(value)
        }
    }
}

/// `Relationship` ids and targets.
final class Relationships: NSObject, XMLParserDelegate, Failing {
    var targets: [String: String] = [:]
    var failure: SheetFailure?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if XLSXReader.localName(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

/// `<si>` items: the text of their `<t>` runs (phonetic runs left out).
final class SharedStrings: NSObject, XMLParserDelegate, Failing {
    var strings: [String] = []
    var failure: SheetFailure?
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch XLSXReader.localName(element) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXReader.localName(element) {
        case "si":
            strings.append(current)
            if strings.count > SheetFile.maxRows * 64 {
                failure = .tooLarge(limit: SheetFile.maxBytes)
                parser.abortParsing()
            }
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// The rows of a worksheet: rows without any text are left out (a sheet of a million empty
/// rows reads as nothing).
final class SheetRows: NSObject, XMLParserDelegate, Failing {
    let strings: [String]
    var lines: [SheetTable.Line] = []
    var failure: SheetFailure?
    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0
    private var cellType = ""
    private var value = ""
    private var collecting = false
    private var inlineText = false
    private(set) var cellCount = 0
    private let maxCells: Int
    /// Whether the row numbers are the sheet's: true from the start of the sheet, or from the
    /// first row with an `r` attribute in a piece of it (`SheetCuts`).
    private(set) var isNumbered: Bool
    /// The first lines whose numbers count from the piece's start (`isNumbered` false then).
    private(set) var unnumberedLines = 0
    /// The last row's number (or its count from the piece's start).
    var lastRow: Int { rowNumber }

    init(strings: [String], maxCells: Int = SheetFile.maxCells, numbered: Bool = true) {
        self.strings = strings
        self.maxCells = maxCells
        self.isNumbered = numbered
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch XLSXReader.localName(element) {
        case "row":
            if let r = attributes["r"].flatMap({ Int($0) }) {
                rowNumber = r
                isNumbered = true
            } else {
                rowNumber += 1
            }
            if rowNumber > SheetFile.maxRows || rowNumber < 1 {
                failure = .tooManyRows
                parser.abortParsing()
            }
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.column(of:)) ?? cells.count
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v":
            collecting = true
            value = ""
        case "t":
            if cellType == "inlineStr" {
                inlineText = true
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting || inlineText { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXReader.localName(element) {
        case "v": collecting = false
        case "t": inlineText = false
        case "c":
            let text: String
            switch cellType {
            case "s": text = Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "e": text = ""
            default: text = value
            }
            guard cellColumn < SheetFile.maxColumns else { return }
            if !text.isEmpty {
                if cells.count <= cellColumn { cells += Array(repeating: "", count: cellColumn + 1 - cells.count) }
                cells[cellColumn] = text
            }
        case "row":
            if cells.contains(where: { !$0.isEmpty }) {
                lines.append(SheetTable.Line(number: rowNumber, cells: cells))
                if !isNumbered { unnumberedLines = lines.count }
                cellCount += cells.count
                if cellCount > maxCells {
                    failure = .tooManyRows
                    parser.abortParsing()
                }
            }
        default: break
        }
    }
}
