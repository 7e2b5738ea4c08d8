import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension XLSXReader {
    /// The most bytes of the sheet parsed as one piece (`SheetCuts`): well under libxml2's 10 MB
    /// for a part given whole, and small enough that every core gets several.
    static let pieceBytes = 2 << 20

    /// The sheet's rows parsed in pieces on every core (`SheetCuts`), numbered as one parse would
    /// number them; nil when the sheet has no cuts or a piece does not parse, and the caller then
    /// parses the whole file (which says why a bad file is bad). The XML parse was a third of a
    /// 50,000-row import, on one core.
    static func rowsInPieces(of file: URL, cuts: SheetCuts, context: SheetRows.Context) -> SheetTable? {
        guard let preamble = cuts.preamble, !cuts.offsets.isEmpty,
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue
        else { return nil }
        let bounds = [0] + cuts.offsets + [size]
        let count = bounds.count - 1
        let closing = cuts.closing
        let done = Counter()
        let pieces = Parallel.map(Array(0..<count), perChunk: 1) { index -> PieceRows? in
            defer { context.progress?(Double(done.increment()) / Double(count)) }
            guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
            defer { try? handle.close() }
            let length = bounds[index + 1] - bounds[index]
            guard (try? handle.seek(toOffset: UInt64(bounds[index]))) != nil, let bytes = try? handle.read(upToCount: length),
                bytes.count == length
            else { return nil }
            let data = (index == 0 ? Data() : preamble) + bytes + (index == count - 1 ? Data() : closing)
            var reader = SheetRows(context, numbered: index == 0)
            do throws(SheetScanner.Fallback) {
                try SheetScanner.scan([UInt8](data), into: reader)
                // Rows over a limit: the whole sheet's parse says so.
                guard reader.failure == nil else { return nil }
            } catch {
                reader = SheetRows(context, numbered: index == 0)
                guard (try? parse(data, with: reader)) != nil else { return nil }
            }
            return PieceRows(
                lines: reader.lines, unnumberedLines: reader.unnumberedLines, isNumbered: reader.isNumbered, lastRow: reader.lastRow,
                cellCount: reader.cellCount)
        }
        // Rows without an `r` attribute before a piece's first numbered row follow the row
        // before them, which the piece before ends with.
        var lines: [SheetTable.Line] = []
        var previous = 0
        var cellCount = 0
        for piece in pieces {
            guard let reader = piece else { return nil }
            for (k, line) in reader.lines.enumerated() {
                var line = line
                if k < reader.unnumberedLines { line.number += previous }
                guard line.number <= SheetFile.maxRows else { return nil }
                lines.append(line)
            }
            previous = reader.isNumbered ? reader.lastRow : previous + reader.lastRow
            cellCount += reader.cellCount
            guard cellCount <= context.maxCells else { return nil }
        }
        return SheetTable(lines: lines)
    }
}

/// Where a worksheet can be cut into pieces that parse on their own, found while it inflates:
/// after a row's end tag, about every `every` bytes. A piece after the first is the sheet's start
/// up to its `<sheetData>` tag, the piece's rows, and the end tags a whole sheet closes with.
/// Text cannot hold a `<` unescaped, so an end tag found is one; a cut inside a comment or a
/// CDATA section leaves a piece that does not parse, and the whole sheet is parsed then.
final class SheetCuts {
    let every: Int
    /// The sheet's bytes up to and with its `<sheetData>` start tag.
    private(set) var preamble: Data?
    /// `</sheetData></worksheet>`, with the names as the sheet spells them.
    private(set) var closing = Data()
    /// The offsets to cut at, in order.
    private(set) var offsets: [Int] = []
    private var rowEnd: [UInt8] = []
    private var head = Data()
    private var lastCut = 0
    private var gaveUp = false

    init(every: Int) { self.every = every }

    /// The next chunk of the sheet, which starts at `offset`.
    func see(_ chunk: Data, at offset: Int) {
        guard !gaveUp else { return }
        guard preamble != nil else {
            head += chunk
            findPreamble()
            if preamble == nil, head.count > 1 << 20 { gaveUp = true }
            if preamble != nil { head = Data() }
            return
        }
        let from = lastCut + every - offset
        guard from < chunk.count else { return }
        let bytes = [UInt8](chunk)
        let pattern = rowEnd
        var i = max(0, from)
        while i + pattern.count <= bytes.count {
            if bytes[i] == 0x3C, bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                lastCut = offset + i + pattern.count
                offsets.append(lastCut)
                return
            }
            i += 1
        }
    }

    /// The root element's name and the `sheetData` start tag, from the sheet's first bytes.
    private func findPreamble() {
        let bytes = [UInt8](head)
        func name(at start: Int) -> (String, Int)? {
            var j = start
            while j < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F].contains(bytes[j]) { j += 1 }
            guard j < bytes.count, j > start else { return nil }
            return (String(decoding: bytes[start..<j], as: UTF8.self), j)
        }
        // The end of the tag that starts at `start`, past quoted attribute values.
        func tagEnd(from start: Int) -> Int? {
            var quote: UInt8?
            var j = start
            while j < bytes.count {
                let b = bytes[j]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == 0x22 || b == 0x27 {
                    quote = b
                } else if b == 0x3E {
                    return j
                }
                j += 1
            }
            return nil
        }
        var root: String?
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x3C else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == 0x3F || next == 0x21 || next == 0x2F {
                i += 1
                continue
            }
            guard let (qname, afterName) = name(at: i + 1), let end = tagEnd(from: afterName) else { return }
            if root == nil {
                root = qname
            } else if qname == "sheetData" || qname.hasSuffix(":sheetData") {
                guard let root else { return }
                // `<sheetData/>`: a sheet without rows has nothing to cut.
                if bytes[end - 1] == 0x2F {
                    gaveUp = true
                    return
                }
                let prefix = String(qname.dropLast("sheetData".count))
                preamble = Data(bytes[0...end])
                closing = Data("</\(qname)></\(root)>".utf8)
                rowEnd = Array("</\(prefix)row>".utf8)
                return
            }
            i = end + 1
        }
    }
}

/// A count shared by the threads of a `Parallel.map`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// What a piece's parse read (`SheetRows`, as a value to hand between threads).
struct PieceRows: Sendable {
    var lines: [SheetTable.Line]
    var unnumberedLines: Int
    var isNumbered: Bool
    var lastRow: Int
    var cellCount: Int
}
