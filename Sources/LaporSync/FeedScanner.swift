import Foundation

/// Splits a `/changes` page into its items' raw JSON without building objects for the whole page,
/// so that each report is decoded once and stored as the exact text the server sent.
enum FeedScanner {
    struct Page {
        var items: [Range<Int>]
        var cursor: Range<Int>?
        var more: Bool?
        /// The reference server's hint on a pull's first page: how many items the pull holds.
        var total: Int?
    }

    enum Failure: Error { case malformed(Int) }

    /// The top-level `changes`, `cursor` and `more` of a page; other keys are skipped.
    static func scan(_ bytes: UnsafeRawBufferPointer) throws -> Page {
        var i = 0
        var page = Page(items: [], cursor: nil, more: nil, total: nil)
        func ws() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
        func expect(_ c: UInt8) throws {
            ws()
            guard i < bytes.count, bytes[i] == c else { throw Failure.malformed(i) }
            i += 1
        }
        try expect(UInt8(ascii: "{"))
        ws()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return page }
        while true {
            ws()
            let keyStart = i
            try skipString(bytes, &i)
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(keyStart + 1)..<(i - 1)]), as: UTF8.self)
            try expect(UInt8(ascii: ":"))
            ws()
            switch key {
            case "changes":
                try expect(UInt8(ascii: "["))
                ws()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                } else {
                    while true {
                        ws()
                        let start = i
                        try skipValue(bytes, &i)
                        page.items.append(start..<i)
                        ws()
                        guard i < bytes.count else { throw Failure.malformed(i) }
                        if bytes[i] == UInt8(ascii: ",") {
                            i += 1
                            continue
                        }
                        if bytes[i] == UInt8(ascii: "]") {
                            i += 1
                            break
                        }
                        throw Failure.malformed(i)
                    }
                }
            case "cursor":
                let start = i
                try skipValue(bytes, &i)
                page.cursor = start..<i
            case "more":
                let start = i
                try skipValue(bytes, &i)
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                page.more = text == "true" ? true : text == "false" ? false : nil
            case "total":
                let start = i
                try skipValue(bytes, &i)
                page.total = Int(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)).flatMap { $0 >= 0 ? $0 : nil }
            default:
                try skipValue(bytes, &i)
            }
            ws()
            guard i < bytes.count else { throw Failure.malformed(i) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") { break }
            throw Failure.malformed(i)
        }
        return page
    }

    static func skipString(_ b: UnsafeRawBufferPointer, _ i: inout Int) throws {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Failure.malformed(i) }
        i += 1
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""):
                i += 1
                return
            default: i += 1
            }
        }
        throw Failure.malformed(i)
    }

    /// Skips one JSON value (its well-formedness is checked by the decoder that reads it later).
    static func skipValue(_ b: UnsafeRawBufferPointer, _ i: inout Int) throws {
        guard i < b.count else { throw Failure.malformed(i) }
        switch b[i] {
        case UInt8(ascii: "\""): try skipString(b, &i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    try skipString(b, &i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return
                    }
                default: break
                }
                i += 1
            }
            throw Failure.malformed(i)
        default:
            let start = i
            while i < b.count, !",}] \n\r\t".utf8.contains(b[i]) { i += 1 }
            guard i > start else { throw Failure.malformed(i) }
        }
    }
}
