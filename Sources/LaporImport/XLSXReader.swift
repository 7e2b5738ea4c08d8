import Foundation
import LaporDomain
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The worksheets of an `.xlsx` workbook, as text. Cells are shared strings, inline strings,
/// numbers or booleans; a number in a date or time style reads as the date the spreadsheet shows
/// (ISO 8601, in the workbook's date system); a formula's cached value is read (never evaluated).
/// Each part is inflated under `SheetFile.maxBytes` — counted as it inflates, so a zip bomb stops
/// at the limit — and refused when it declares a DTD or entities, in any encoding; the sheet and
/// its shared strings go through a private temporary folder (0700, files 0600) removed when the
/// read ends, and the folders of reads that died (a `kill -9`) are removed by the next read.
enum XLSXReader {
    /// The first sheet, in the workbook's order, that `accept` takes (the first sheet when none
    /// does, so that the caller can say why).
    static func read(
        _ url: URL, limit: Int, cells: Int, piece: Int = pieceBytes, accept: (SheetTable) -> Bool = { _ in true },
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(SheetFailure) -> SheetTable {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .damaged(String(describing: error))
        }
        let workbook = try Workbook.read(archive, limit: limit)
        TemporaryFolders.removeLeftovers()
        // The large parts are inflated to a private temporary folder and parsed from there: a
        // 50,000-row sheet (35 MB of XML) is never held in memory whole.
        let folder = try TemporaryFolders.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        var strings: [String] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            let reader = SharedStrings()
            try parse(file: try partFile(entry, of: archive, limit: limit, in: folder), with: reader)
            strings = reader.strings
        }
        var first: SheetTable?
        for path in workbook.sheets {
            guard let sheet = archive[path] else { continue }
            let context = SheetRows.Context(
                strings: strings, styles: workbook.styles, system: workbook.dateSystem, maxCells: cells, progress: progress)
            let table = try read(sheet, of: archive, context: context, limit: limit, piece: piece, in: folder)
            if accept(table) { return table }
            if first == nil { first = table }
        }
        guard let first else { throw .noSheet }
        return first
    }

    /// One worksheet's rows: in pieces on every core, else whole.
    static func read(_ sheet: Entry, of archive: Archive, context: SheetRows.Context, limit: Int, piece: Int, in folder: URL) throws(SheetFailure)
        -> SheetTable
    {
        let cuts = SheetCuts(every: piece)
        let file = try partFile(sheet, of: archive, limit: limit, in: folder, cuts: cuts)
        defer { try? FileManager.default.removeItem(at: file) }
        if var table = rowsInPieces(of: file, cuts: cuts, context: context) {
            table.dateSystem = context.system
            return table
        }
        return SheetTable(lines: try wholeSheet(file, context: context).lines, dateSystem: context.system)
    }

    /// A sheet read whole: by `SheetScanner` when it is small enough to hold (a sheet without
    /// cuts), else, or when the scanner leaves it, by `XMLParser` from the file.
    static func wholeSheet(_ file: URL, context: SheetRows.Context) throws(SheetFailure) -> SheetRows {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? .max
        if size <= wholeScanBytes, let bytes = FileManager.default.contents(atPath: file.path) {
            let reader = SheetRows(context)
            if (try? SheetScanner.scan([UInt8](bytes), into: reader)) != nil {
                if let failure = reader.failure { throw failure }
                return reader
            }
            // Left to XMLParser below.
        }
        let reader = SheetRows(context)
        try parse(file: file, with: reader)
        return reader
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
                if written == 0, let failure = encodingFailure(chunk) { throw failure }
                written += chunk.count
                guard written <= limit else { throw SheetFailure.tooLarge(limit: limit) }
                if declaresEntities(seam + chunk.prefix(seamBytes)) || declaresEntities(chunk) { throw SheetFailure.declaresEntities }
                seam = chunk.suffix(seamBytes)
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

    /// The largest sheet `SheetScanner` reads whole (larger ones are read in pieces, or streamed
    /// through `XMLParser`).
    static let wholeScanBytes = 32 << 20

    /// The bytes kept from a chunk's end to find `<!DOCTYPE` across the seam, in UTF-16 too.
    static let seamBytes = 40

    /// Whether the bytes hold `<!DOCTYPE` (either case) or `<!ENTITY`: a scan for `<!` and a look
    /// at what follows (Data's own search was 5% of a 50,000-row import). NUL bytes are passed
    /// over, so that UTF-16 and UTF-32 text (`<\0!\0D\0…`) is scanned as well as UTF-8, where a
    /// NUL never occurs.
    static func declaresEntities(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            let n = bytes.count
            func next(_ from: Int) -> Int {
                var j = from
                while j < n, bytes[j] == 0 { j += 1 }
                return j
            }
            var i = 0
            while i + 1 < n {
                if bytes[i] == 0x3C, case let k = next(i + 1), k < n, bytes[k] == 0x21 {
                    // Upper-cased letters after `<!`.
                    var word: [UInt8] = []
                    var j = next(k + 1)
                    while j < n, word.count < 7 {
                        let b = bytes[j]
                        guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) else { break }
                        word.append(b & 0xDF)
                        j = next(j + 1)
                    }
                    if word.starts(with: Array("DOCTYPE".utf8)) || word.starts(with: Array("ENTITY".utf8)) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The encodings an XML part may declare: UTF-8 (what every spreadsheet program writes), the
    /// ASCII-compatible single-byte ones, and UTF-16, all of which `declaresEntities` scans. A part
    /// in another encoding (EBCDIC, UTF-7) could hide a declaration from the scan: refused.
    static let readableEncodings: Set<String> = [
        "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252",
    ]

    /// Why a part's first bytes are not XML this reader scans safely: it must start with `<`
    /// (after a byte-order mark, white space and the NULs of UTF-16), and declare no encoding
    /// but `readableEncodings`.
    static func encodingFailure(_ first: Data) -> SheetFailure? {
        var bytes = [UInt8](first.prefix(512))
        for bom in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]] where bytes.starts(with: bom) {
            bytes.removeFirst(bom.count)
            break
        }
        bytes.removeAll { $0 == 0 }
        guard let start = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        guard bytes[start] == 0x3C else { return .xmlEncoding("?") }
        let head = String(decoding: bytes[start...], as: UTF8.self)
        guard head.hasPrefix("<?xml"), let close = head.range(of: "?>") else { return nil }
        let declaration = head[..<close.lowerBound]
        guard let at = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[at.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return .xmlEncoding("?") }
        let name = rest.dropFirst().prefix { $0 != quote }.lowercased()
        return readableEncodings.contains(name) ? nil : .xmlEncoding(String(name.prefix(40)))
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
        if let failure = encodingFailure(data) { throw failure }
        if declaresEntities(data) { throw .declaresEntities }
        return data
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

/// `Relationship` ids and targets, and the styles part's target.
final class Relationships: NSObject, XMLParserDelegate, Failing {
    var targets: [String: String] = [:]
    var stylesTarget: String?
    var failure: SheetFailure?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        guard XLSXReader.localName(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        if attributes["Type"]?.hasSuffix("/styles") == true { stylesTarget = target }
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
