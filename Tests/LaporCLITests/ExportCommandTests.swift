import Foundation
import LaporDomain
import LaporStore
import Testing
import ZIPFoundation

/// `lapor export` (issue 15): the 26 columns and lapor's four; import → export → import changes
/// nothing, in .xlsx and in .csv.
@Suite struct ExportCommandTests {
    @Test func importExportImportIsLossless() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor.xlsx")).code == 5)
        for format in ["xlsx", "csv"] {
            let file = m.home.appendingPathComponent("keluar.\(format)").path
            let export = await m.run("export", file, "--view", "all")
            #expect(export.code == 0 && export.out.contains("36 laporan ditulis"), "\(export.out) \(export.err)")
            // Into the same profile: every row as stored.
            let again = await m.run("import", file)
            #expect(
                again.code == 0 && again.out.contains("0 baru, 0 diperbarui, 36 tidak berubah, 0 ditolak"), "\(format): \(again.out) \(again.err)")
            // Into a new profile: the same cells, report by report.
            let fresh = await m.run("import", file, "--profile", "salinan-\(format)")
            #expect(fresh.code == 0, "\(fresh.err)")
            let original = try CaseStore(path: m.home.appendingPathComponent("data/lapor/ekspor/cases.sqlite").path)
            let copy = try CaseStore(path: m.home.appendingPathComponent("data/lapor/salinan-\(format)/cases.sqlite").path)
            for id in try original.reportIds() {
                #expect(try copy.importedRow(id)?.cells == original.importedRow(id)?.cells, "\(format) \(id)")
            }
        }
        // lapor's columns: the deadline in the unit's zone, working days left, provisional, overdue.
        let csvFile = m.home.appendingPathComponent("keluar.csv").path
        let text = try String(contentsOfFile: csvFile, encoding: .utf8)
        let header = try #require(text.split(separator: "\r\n").first)
        #expect(
            header.hasSuffix("Rating,lapor: Tenggat,lapor: Sisa Hari Kerja,lapor: Tenggat Sementara,lapor: Terlambat,lapor: Zona Waktu"), "\(header)")
        let row = try #require(text.split(separator: "\r\n").first { $0.hasPrefix("4100002,") })
        // Submitted 8 Nov 08:13 (ISO, as every spreadsheet reads a date); past its deadline of
        // 18 Nov (working days left negative), estimated, overdue, in WIB.
        #expect(row.hasPrefix("4100002,2026-11-08,08:13:00,"), "\(row)")
        #expect(row.contains(",2026-11-18 23:59:59,-") && row.hasSuffix(",Ya,Ya,WIB"), "\(row)")
        let unknown = await m.run("export", m.home.appendingPathComponent("x.ods").path)
        #expect(unknown.code == 2 && unknown.err.contains(".xlsx atau .csv"), "\(unknown.err)")
    }

    /// The CSV's rows as cells (quoted fields with commas and line breaks read whole).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false } else { cell.append(ch) }
            } else if ch == "\"" {
                if previous == "\"" { cell.append("\"") }
                quoted = true
            } else if ch == "," {
                row.append(cell)
                cell = ""
            } else if ch == "\r\n" || ch == "\n" {
                rows.append(row + [cell])
                row = []
                cell = ""
            } else {
                cell.append(ch)
            }
            previous = ch
        }
        return rows
    }

    /// Issue 24: an export holds what the profile's role sees on screen and no more — the
    /// reporter of an anonim or rahasia report for admins only — and is private to its owner.
    @Test func anExportHoldsOnlyWhatTheRoleSeesAndIsPrivate() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx"), "--profile", "admin", "--role", "admin").code == 0)
        // 4100002 is anonim: the liaison's screen withholds its reporter.
        #expect(await m.run("show", "4100002").out.contains("(identitas dirahasiakan)"))
        for (profile, seesNames) in [("ekspor", false), ("admin", true)] {
            let csv = m.home.appendingPathComponent("\(profile).csv").path
            let xlsx = m.home.appendingPathComponent("\(profile).xlsx").path
            #expect(await m.run("export", csv, "--profile", profile).code == 0)
            #expect(await m.run("export", xlsx, "--profile", profile).code == 0)
            for file in [csv, xlsx] {
                #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600, "\(file)")
            }
            let rows = Self.csvRows(try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: ""))
            let header = try #require(rows.first)
            let name = try #require(header.firstIndex(of: "Nama Pelapor"))
            let privacy = try #require(header.firstIndex(of: "Tipe Laporan (Anonim/Rahasia)"))
            var hidden = 0
            for row in rows.dropFirst() where row.count > privacy {
                if row[privacy].isEmpty {
                    #expect(!row[name].isEmpty, "a public report's reporter is shown: \(row[0])")
                } else {
                    hidden += 1
                    #expect(row[name].isEmpty != seesNames, "\(profile) \(row[0]) \(row[privacy]): '\(row[name])'")
                }
            }
            #expect(hidden > 10)
            // The workbook holds the same.
            let workbook = try Self.workbook(URL(fileURLWithPath: xlsx))
            let row = try #require(workbook.rows.first { $0["A"] == "4100002" })
            #expect((row["D"] == "Siti Aminah") == seesNames, "\(profile): 4100002's reporter: \(row)")
        }
    }

    /// Issue 24: for people — the submission date and time and the deadline are date cells in the
    /// unit's zone, the working days left and the rating are numbers (never text; CSV's dates are
    /// ISO 8601, `importExportImportIsLossless`).
    @Test func datesAreDatesAndNumbersAreNumbers() async throws {
        let m = Machine()
        defer { m.remove() }
        #expect(await m.run("import", ImportCommandTests.fixture("contoh-ekspor-terbaru.xlsx")).code == 0)
        let xlsx = m.home.appendingPathComponent("rekap.xlsx")
        #expect(await m.run("export", xlsx.path).code == 0)
        let workbook = try Self.workbook(xlsx)
        let archive = try Archive(url: xlsx, accessMode: .read)
        let number = try #require(workbook.rows.firstIndex { $0["A"] == "4100002" }) + 1
        let row = try #require(workbook.xml.components(separatedBy: "<row ").first { $0.hasPrefix(#"r="\#(number)""#) })
        // 4100002: submitted Sun 8 Nov 2026 08:13 WIB (serial 46334), due Wed 18 Nov 23:59:59.
        #expect(row.contains(#"s="1"><v>46334</v>"#), "\(row)")
        #expect(row.contains(#"s="2"><v>0.3423611111111111</v>"#) || row.contains(#"s="2"><v>0.342361111111111</v>"#), "\(row)")
        #expect(row.contains(#"s="3"><v>46344.99998842"#), "\(row)")
        let styles = try #require(archive["xl/styles.xml"])
        var stylesXML = Data()
        _ = try archive.extract(styles) { stylesXML.append($0) }
        #expect(String(decoding: stylesXML, as: UTF8.self).contains(#"formatCode="dd/mm/yyyy hh:mm""#))
        // Working days left: a number cell (no type: not text), negative (overdue).
        let cells = row.components(separatedBy: "<c ")
        let daysLeft = try #require(cells.first { $0.hasPrefix(#"r="AB"#) })
        #expect(daysLeft.contains("<v>-") && !daysLeft.contains("t=\""), "\(daysLeft)")
        // A closed report's rating is a number.
        let closedNumber = try #require(workbook.rows.firstIndex { $0["P"] == "Ditutup oleh Admin" }) + 1
        let closed = try #require(workbook.xml.components(separatedBy: "<row ").first { $0.hasPrefix(#"r="\#(closedNumber)""#) })
        let rating = try #require(closed.components(separatedBy: "<c ").first { $0.hasPrefix(#"r="Z"#) })
        #expect(!rating.contains("t=\"") && rating.contains("<v>"), "\(rating)")
    }

    /// A workbook lapor wrote, read without lapor's reader: the sheet's XML, its shared strings,
    /// and its rows as text by column letter (shared strings resolved; numbers as written).
    static func workbook(_ url: URL) throws -> (xml: String, strings: [String], rows: [[String: String]]) {
        let archive = try Archive(url: url, accessMode: .read)
        func part(_ path: String) throws -> String {
            var data = Data()
            guard let entry = archive[path] else { return "" }
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let xml = try part("xl/worksheets/sheet1.xml")
        let strings = try part("xl/sharedStrings.xml").components(separatedBy: "<si>").dropFirst().map { item in
            item.components(separatedBy: "</t>").first.map { $0.components(separatedBy: ">").dropFirst().joined(separator: ">") } ?? ""
        }
        let rows = xml.components(separatedBy: "<row ").dropFirst().map { row in
            var cells: [String: String] = [:]
            for cell in row.components(separatedBy: "<c ").dropFirst() {
                let column = String(cell.dropFirst(3).prefix { $0.isLetter })
                let value = cell.components(separatedBy: "<v>").dropFirst().first?.components(separatedBy: "</v>").first ?? ""
                cells[column] = cell.contains(#"t="s""#) ? Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? "" : value
            }
            return cells
        }
        return (xml, strings, rows)
    }
}
