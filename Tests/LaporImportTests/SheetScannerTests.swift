import Foundation
import LaporDomain
import Testing
import ZIPFoundation

@testable import LaporImport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The byte scanner reads a sheet exactly as `XMLParser` does, or leaves it to `XMLParser`
/// (issue 24): whenever it reads a document, `XMLParser` reads the same rows from it; where
/// `XMLParser` refuses a document, the scanner never reads it.
@Suite struct SheetScannerTests {
    static let strings = ["geteilt", "shared &amp; <x>"]

    /// The rows each reads (nil: the scanner left it, or `XMLParser` refused it).
    func both(_ xml: [UInt8]) -> (scanned: [SheetTable.Line]?, parsed: [SheetTable.Line]?) {
        let context = SheetRows.Context(strings: Self.strings, maxCells: 10_000)
        let scanner = SheetRows(context)
        let scanned: [SheetTable.Line]? = (try? SheetScanner.scan(xml, into: scanner)) != nil && scanner.failure == nil ? scanner.lines : nil
        let parser = SheetRows(context)
        let parsed: [SheetTable.Line]? = (try? XLSXReader.parse(Data(xml), with: parser)) != nil ? parser.lines : nil
        return (scanned, parsed)
    }

    func sheet(_ rows: String, prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <!-- written by a test -->
            <\(p)worksheet \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" a='x&gt;y'><\(p)sheetData>\(rows)</\(p)sheetData></\(p)worksheet>
            """
    }

    @Test func whatBothReadTheyReadAlike() throws {
        let rows = [
            #"<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;&gt; &quot;&apos; </t></is></c><c r="C1" t="s"><v>1</v></c></row>"#,
            #"<row><c t="inlineStr"><is><r><t>rich </t></r><r><rPr/><t>text</t></r></is></c><c/><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>"#,
            "<row r=\"5\" spans=\"1:3\"><c r=\"B5\"><f>SUM(A1)</f><v>46359.5</v></c><c t=\"str\"><v>&#233;&#x1F600;\r\nbaris\rdua</v></c></row>",
            #"<row r="6"><c r="A6" t="inlineStr"><is><t><![CDATA[<kurung> & "kutip"]]></t></is></c><c r="B6" t="d"><v>2026-12-03T14:05:00</v></c></row>"#,
            #"<row r="7" ><c r = "AB7" s = '3' ><v >7</v ></c ><c t="inlineStr"><is><t/></is></c></row>"#,
            "<row r=\"8\"><c t=\"inlineStr\"><is><t>tab\there 😀 é\u{301}</t></is></c></row><row r=\"9\"/>",
        ].joined()
        for prefix in ["", "x"] {
            var text = sheet(rows, prefix: prefix)
            if !prefix.isEmpty {
                for name in ["row", "c", "is", "t", "v", "f", "r", "rPr"] {
                    text = text.replacingOccurrences(of: "<\(name) ", with: "<x:\(name) ").replacingOccurrences(of: "<\(name)>", with: "<x:\(name)>")
                        .replacingOccurrences(of: "<\(name)/>", with: "<x:\(name)/>").replacingOccurrences(of: "</\(name)>", with: "</x:\(name)>")
                        .replacingOccurrences(of: "</\(name) >", with: "</x:\(name) >")
                }
            }
            let (scanned, parsed) = both(Array(text.utf8))
            #expect(scanned != nil, "the scanner reads a sheet as written (prefix \(prefix))")
            #expect(scanned == parsed, "prefix \(prefix): \(String(describing: scanned)) vs \(String(describing: parsed))")
            #expect(scanned?.first?.cells.first == " a & b <> \"' " && scanned?.count == 6)
        }
    }

    @Test func whatXMLParserRefusesTheScannerLeavesToIt() {
        let bad = [
            sheet(#"<row><c><v>1</c></v></row>"#),  // crossed
            sheet(#"<row><c><v>&bogus;</v></c></row>"#),  // an entity no DTD declares
            sheet("<row><c><v>\u{1}</v></c></row>"),  // a control character
            sheet(#"<row><c><v>&#1;</v></c></row>"#),  // a reference to one
            sheet(#"<row><c r="A1><v>1</v></c></row>"#),  // an unclosed quote
            sheet(#"<row><c><v>1</v></c>"#),  // cut short
            sheet("") + "<second/>",  // two roots
            "<!DOCTYPE x [<!ENTITY a \"b\">]>" + sheet(#"<row><c t="str"><v>&a;</v></c></row>"#),
            sheet(#"<row><c t="str"><v>a</v></c></row>"#) + "tail",
        ]
        for text in bad {
            let (scanned, _) = both(Array(text.utf8))
            #expect(scanned == nil, "\(text.suffix(80))")
        }
        // Not UTF-8, or U+FFFF.
        #expect(both(Array(sheet("<row><c t=\"str\"><v>a</v></c></row>").utf8) + [0xFF]).scanned == nil)
        #expect(both(Array(sheet("<row><c t=\"str\"><v>\u{FFFF}</v></c></row>").utf8)).scanned == nil)
    }

    /// Mutated sheets (two bytes each left out, doubled or replaced by one of XML's special
    /// characters): whatever the scanner reads, `XMLParser` reads alike. (Run with 80,000 while
    /// the scanner was written: CR in CDATA, comments ending in `-`, names, duplicate and unspaced
    /// attributes, the declaration's encoding were found so.)
    @Test func mutatedSheetsNeverReadOtherwise() {
        let base = Array(
            sheet(
                #"<row r="1"><c r="A1" t="inlineStr"><is><t>Jalan &amp; lubang</t></is></c><c r="B1"><v>46359</v></c><c t="s"><v>0</v></c></row>"#
                    + #"<row r="2"><c r="A2" t="str"><v>dua &#233;</v></c></row><row r="3"><c t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>"#
                    + "<!-- x --><c r = 'B3' ><v >7</v ></c ><c/></row>"
            ).utf8)
        var random = SystemRandomNumberGenerator()
        let specials: [UInt8] = Array("<>&/\"'=;#x ".utf8) + [0x00, 0x0D]
        var read = 0
        for _ in 0..<2_000 {
            var bytes = base
            for _ in 0..<2 {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = specials.randomElement(using: &random) ?? 0x3C
                }
            }
            let (scanned, parsed) = both(bytes)
            if let scanned {
                read += 1
                #expect(parsed == scanned, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
        #expect(read > 100)
    }

    /// The fixtures' sheets (the corpus of shapes too), read both ways.
    @Test func theFixturesReadAlike() throws {
        let folder = SheetFileTests.fixture("varian")
        // The hostile parts (UTF-16, UTF-7) are refused before any parse (`XLSXReader.encodingFailure`).
        let corpus = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") && !$0.hasPrefix("utf") }.map {
            "varian/" + $0
        }
        var read = 0
        var leftToXMLParser: [String] = []
        for name in ["contoh-ekspor.xlsx", "contoh-ekspor-terbaru.xlsx", "rumus.xlsx"] + corpus {
            let archive = try Archive(url: SheetFileTests.fixture(name), accessMode: .read)
            for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                let (scanned, parsed) = both([UInt8](data))
                if let scanned {
                    read += 1
                    #expect(scanned == parsed, "\(name) \(entry.path)")
                } else if parsed != nil {
                    leftToXMLParser.append(name + " " + entry.path)
                }
            }
        }
        // Every sheet a spreadsheet program writes is the scanner's.
        #expect(read >= 10 && leftToXMLParser.isEmpty, "\(read) \(leftToXMLParser)")
    }
}
