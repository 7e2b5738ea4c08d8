import Foundation
import LaporDomain
import ZIPFoundation

/// Writes one sheet as an `.xlsx` workbook: text as shared strings (never a formula), numbers as
/// numbers, dates and times as date cells a spreadsheet shows day first (`03/12/2026 14:05`), the
/// first rows as information above the table, columns wide enough for what they hold. The file is
/// private to its owner (0600: it holds citizens' reports). What spreadsheet programs and
/// `XLSXReader` read.
public enum XLSXWriter {
    public enum Failure: Error, Equatable, Sendable {
        case cannotWrite(String)
    }

    /// Text rows (the information rows, a blank row, the header, the data).
    public static func write(_ rows: [[String]], to url: URL, sheetName: String = "Laporan") throws(Failure) {
        try write(rows.map { $0.map(AdminExport.Value.text) }, to: url, sheetName: sheetName)
    }

    /// Writes `rows` to `url`, replacing it only once the whole workbook is written (a temporary
    /// file beside it, then a rename).
    public static func write(_ rows: [[AdminExport.Value]], to url: URL, sheetName: String = "Laporan") throws(Failure) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            // Private before anything is written into it.
            guard chmod(temporary.path, 0o600) == 0 else { throw Failure.cannotWrite(String(cString: strerror(errno))) }
            func add(_ path: String, _ text: String) throws {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            try add("[Content_Types].xml", contentTypes)
            try add("_rels/.rels", packageRelationships)
            try add("xl/workbook.xml", workbook(sheetName))
            try add("xl/_rels/workbook.xml.rels", workbookRelationships)
            try add("xl/styles.xml", styles)
            let (sheetXML, strings) = sheet(rows)
            try add("xl/worksheets/sheet1.xml", sheetXML)
            try add("xl/sharedStrings.xml", sharedStrings(strings))
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(String(describing: error))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(reason)
        }
    }

    /// The worksheet XML: text as shared strings (each text once, as Excel writes it: a 200,000-row
    /// export with inline strings was over 450 MB of XML), numbers, cell references on every cell,
    /// columns wide enough for their dates and headers (a date in a narrow column shows as
    /// `#####`); and the shared strings in order.
    static func sheet(_ rows: [[AdminExport.Value]]) -> (String, [String]) {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        let columns = rows.map(\.count).max() ?? 0
        if columns > 0 {
            out += "<cols>"
            for c in 0..<columns {
                var width = 10
                for row in rows.prefix(200) where c < row.count {
                    switch row[c] {
                    case .text(let t): width = max(width, min(40, t.count + 2))
                    case .dateTime: width = max(width, 18)
                    case .date: width = max(width, 12)
                    case .time, .number: break
                    }
                }
                out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let ref = "\(columnName(c))\(r + 1)"
                switch value {
                case .text(let cell):
                    guard !cell.isEmpty else { continue }
                    let i = index[cell] ?? strings.count
                    if i == strings.count {
                        strings.append(cell)
                        index[cell] = i
                    }
                    out += "<c r=\"\(ref)\" t=\"s\"><v>\(i)</v></c>"
                case .number(let n):
                    out += "<c r=\"\(ref)\"><v>\(AdminExport.Value.number(n).text)</v></c>"
                case .date(let day):
                    out += "<c r=\"\(ref)\" s=\"1\"><v>\(Int(AdminExport.serial(day)))</v></c>"
                case .time(let seconds):
                    out += "<c r=\"\(ref)\" s=\"2\"><v>\(Double(seconds) / 86_400)</v></c>"
                case .dateTime(let day, let seconds):
                    out += "<c r=\"\(ref)\" s=\"3\"><v>\(AdminExport.serial(day, seconds: seconds))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData></worksheet>"
        return (out, strings)
    }

    /// The shared strings part; `xml:space="preserve"` only where a text's spaces at an end would
    /// otherwise be lost.
    static func sharedStrings(_ strings: [String]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
        for text in strings {
            let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            out += padded ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            out += escape(text)
            out += "</t></si>"
        }
        return out + "</sst>"
    }

    /// `A`, `B`, … `Z`, `AA`, …
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Text as XML character data; characters XML 1.0 cannot hold (controls but tab, line feed
    /// and carriage return) are left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func workbook(_ name: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(escape(String(name.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    }

    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """

    /// The default style, then the date (`s="1"`), time (2) and date-and-time (3) number formats.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="hh:mm:ss"/>\
        <numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
        <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
