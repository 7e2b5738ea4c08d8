import Foundation
import LaporDomain
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a workbook says about its sheets (issue 24): their parts in the workbook's order, its date
/// system (`<workbookPr date1904="1"/>`: serials count from 1904) and which cell styles show a
/// number as a date or a time, so that a date cell reads as the date the spreadsheet shows.
struct Workbook {
    /// The worksheet parts, in the order the workbook lists its sheets.
    var sheets: [String]
    var dateSystem: AdminExport.DateSystem
    var styles: DateStyles

    static func read(_ archive: Archive, limit: Int) throws(SheetFailure) -> Workbook {
        guard let workbook = archive["xl/workbook.xml"] else {
            guard archive["xl/worksheets/sheet1.xml"] != nil else { throw .notASpreadsheet }
            return Workbook(sheets: ["xl/worksheets/sheet1.xml"], dateSystem: .from1900, styles: DateStyles())
        }
        let info = WorkbookInfo()
        try XLSXReader.parse(try XLSXReader.part(workbook, of: archive, limit: limit), with: info)
        guard !info.sheetIds.isEmpty else { throw .noSheet }
        let relations = Relationships()
        if let rels = archive["xl/_rels/workbook.xml.rels"] {
            try XLSXReader.parse(try XLSXReader.part(rels, of: archive, limit: limit), with: relations)
        }
        // Targets are relative to xl/, or absolute within the package.
        func path(_ target: String) -> String { target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target }
        var sheets = info.sheetIds.compactMap { relations.targets[$0].map(path) }
        if sheets.isEmpty { sheets = ["xl/worksheets/sheet1.xml"] }
        var styles = DateStyles()
        let stylesPath = relations.stylesTarget.map(path) ?? "xl/styles.xml"
        if let entry = archive[stylesPath] {
            let reader = StylesReader()
            try XLSXReader.parse(try XLSXReader.part(entry, of: archive, limit: limit), with: reader)
            styles = DateStyles(formatIds: reader.cellFormats, custom: reader.customFormats)
        }
        return Workbook(sheets: sheets, dateSystem: info.date1904 ? .from1904 : .from1900, styles: styles)
    }
}

/// The cell styles (`s="3"`: the fourth `<xf>` of `<cellXfs>`) whose number format shows a date,
/// a time or both.
struct DateStyles: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case date, time, dateTime
    }

    private var kinds: [Int: Kind] = [:]

    init() {}

    init(formatIds: [Int], custom: [Int: String]) {
        for (index, id) in formatIds.enumerated() {
            if let kind = custom[id].map(Self.kind(ofCode:)) ?? Self.builtin(id) { kinds[index] = kind }
        }
    }

    subscript(_ style: Int) -> Kind? { kinds[style] }

    /// The built-in number formats that show dates and times (ECMA-376 part 1, 18.8.30), and the
    /// East Asian date formats 27–36 and 50–58.
    static func builtin(_ id: Int) -> Kind? {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 18...21, 32, 33, 45...47: .time
        case 22: .dateTime
        default: nil
        }
    }

    /// A format code's kind: date parts (`y`, `d`, or `m` beside them) and time parts (`h`, `s`),
    /// outside quoted text, escaped characters and `[…]` sections (colours, locales) but `[h]`.
    static func kind(ofCode code: String) -> Kind? {
        var plain = ""
        var quoted = false
        var bracket: String?
        var escaped = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if ch == "\"" { quoted = false }
                continue
            }
            if var b = bracket {
                if ch == "]" {
                    // [h], [mm], [ss]: elapsed time.
                    if b.allSatisfy({ "hms".contains($0) }), !b.isEmpty { plain += b }
                    bracket = nil
                } else {
                    b.append(ch)
                    bracket = b
                }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": bracket = ""
            default: plain.append(ch)
            }
        }
        guard plain != "general" else { return nil }
        let hasDate = plain.contains("y") || plain.contains("d") || plain.contains("mmm")
        let hasTime = plain.contains("h") || plain.contains("s")
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return nil
        }
    }

    /// A number cell's value as the text the style shows: `2026-12-03`, `14:05:00` or
    /// `2026-12-03 14:05:00` (ISO 8601, which `AdminExport.when` reads); nil when it is no date.
    static func text(_ value: Double, kind: Kind, system: AdminExport.DateSystem) -> String? {
        let seconds = AdminExport.daySeconds(value - value.rounded(.down))
        let clock = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        if kind == .time || value < 1 && value >= 0 { return clock }
        guard let day = AdminExport.serialDate(value, system: system) else { return nil }
        return kind == .date ? day.iso : day.iso + " " + clock
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// `<sheet r:id=…>` in order, and `<workbookPr date1904=…>`.
final class WorkbookInfo: NSObject, XMLParserDelegate, Failing {
    var sheetIds: [String] = []
    var date1904 = false
    var failure: SheetFailure?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch XLSXReader.localName(element) {
        case "sheet":
            if let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value { sheetIds.append(id) }
        case "workbookPr":
            let value = (attributes["date1904"] ?? "").lowercased()
            date1904 = value == "1" || value == "true"
        default: break
        }
    }
}

/// `<numFmt numFmtId formatCode>` and the number format of each `<xf>` of `<cellXfs>`.
final class StylesReader: NSObject, XMLParserDelegate, Failing {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var failure: SheetFailure?
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch XLSXReader.localName(element) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            if cellFormats.count > 65_536 {
                failure = .tooLarge(limit: SheetFile.maxBytes)
                parser.abortParsing()
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if XLSXReader.localName(element) == "cellXfs" { inCellXfs = false }
    }
}
