import Foundation
import LaporDomain
import LaporStore
import LaporTestSupport
import LaporText
import Terminal
import Testing

@testable import LaporCLI

/// CSV that is safe to open and to `cat`, tables that fit or are not cut (issue 14).
@Suite struct ReportPrinterTests {
    static let units = try! UnitTree([
        LaporDomain.Unit(id: "dki", name: "Pemerintah Provinsi DKI Jakarta"),
        LaporDomain.Unit(id: "dki-dpu", name: "Dinas Pekerjaan Umum", parentId: "dki"),
    ])
    static let now = Timestamp(rfc3339: "2026-03-25T19:00:00+07:00")!
    let printer = ReportPrinter(text: Catalogue(.id), workflow: Workflow(units: units, calendar: .builtin()), now: now)

    func row(_ title: String, unit: String = "dki-dpu") -> InboxRow {
        InboxRow(
            id: "9165816", title: title, status: .dispatched, statusLabel: "Terdisposisi", unitId: unit, kind: .pengaduan, channel: .sms,
            privacy: .public, categoryId: nil, submittedAt: Self.now, updatedAt: Self.now, dueAt: nil, seen: false)
    }

    @Test func aFieldCarriesNoControlAndNoFormula() {
        let hostile = ReportPrinter.csvField("\u{1B}]0;DIRETAS\u{07}judul")
        #expect(!hostile.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) }, "\(hostile)")
        #expect(ReportPrinter.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        // A combining mark after `=` makes one grapheme that does not start with "=": still defused.
        #expect(ReportPrinter.csvField("=\u{0301}1+1").unicodeScalars.starts(with: "'=".unicodeScalars))
        #expect(ReportPrinter.csvField("  @SUM(A1)").hasPrefix("'"))
        #expect(ReportPrinter.csvField("+62 812") == "'+62 812")
        #expect(ReportPrinter.csvField("Jalan, berlubang") == "\"Jalan, berlubang\"")
        #expect(ReportPrinter.csvField("Jalan berlubang") == "Jalan berlubang")
        // An export's cell keeps its tabs and line breaks; one that starts with them before a
        // formula character is defused too (issue 24).
        #expect(ReportPrinter.csvCell("\t=HYPERLINK(\"x\")").hasPrefix("\"'\t="))
        #expect(ReportPrinter.csvCell("\r\n=1+1").hasPrefix("\"'\r\n="))
        #expect(ReportPrinter.csvCell(" @SUM(A1)") == "' @SUM(A1)" && ReportPrinter.csvCell("-6") == "-6")
    }

    @Test func csvForSpreadsheetsHasABOMAndCRLF() {
        let lines = printer.csv([row("Jalan berlubang")], excel: true)
        #expect(lines.count == 2 && lines[0].hasPrefix("\u{FEFF}id,status") && lines.allSatisfy { $0.hasSuffix("\r") })
        let plain = printer.csv([row("Jalan berlubang")])
        #expect(!plain[0].hasPrefix("\u{FEFF}") && !plain.contains { $0.hasSuffix("\r") })
    }

    @Test func aTableIsCutOnlyToAWidthAndPaddedByDisplayWidth() {
        let long = String(repeating: "Saluran tersumbat ", count: 8)
        let piped = printer.table([row(long)], width: nil)
        #expect(piped[1].hasSuffix(long.trimmingCharacters(in: .whitespaces) + " ") || piped[1].contains(long), "nothing cut: \(piped[1])")
        let narrow = printer.table([row(long)], width: 100)
        #expect(DisplayWidth.of(narrow[1]) <= 100 && narrow[1].hasSuffix("…"), "\(narrow[1])")
        // At 80 columns every line fits, the deadline whole, the title 20 columns at least.
        let eighty = printer.table([row(long, unit: "dki-dpu-jakarta-pusat-bidang-jalan")], width: 80)
        #expect(eighty.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(eighty)")
        let deadline = printer.countdown(row(long))
        #expect(eighty[1].contains(deadline), "\(eighty[1]) lacks \(deadline)")
        #expect(eighty[1].contains(String(long.prefix(19))), "\(eighty[1])")
        #expect(piped[1].contains(deadline))
        // A unit of wide characters takes its display width: the title column starts at the same
        // column on every row.
        let mixed = printer.table([row("Judul", unit: "陈美玲"), row("Judul", unit: "abc")], width: nil)
        #expect(DisplayWidth.of(mixed[1]) == DisplayWidth.of(mixed[2]), "\(mixed[1])\n\(mixed[2])")
    }

    /// The commands themselves: a planted title with a terminal escape and a formula, as CSV,
    /// spreadsheet CSV and a table cut to `COLUMNS`.
    @Test func listAsCSVAndAsATable() async throws {
        try await withTestServer(reports: 0) { server in
            let report = try await server.dispatched(to: "dki-dpu")
            try await server.plantTitle("=cmd|' /C calc'!A0 \u{1B}]0;DIRETAS\u{07} " + String(repeating: "panjang ", count: 20), in: report.id)
            let m = Machine()
            defer { m.remove() }
            #expect(
                await m.run("login", "--server", "http://127.0.0.1:\(server.base.port!)", "--token", server.tokens["u-liaison-dki-dpu"]!).code == 0)
            #expect(await m.run("sync").code == 0)
            let csv = await m.run("list", "--format", "csv")
            #expect(csv.code == 0 && csv.out.contains(report.id) && !csv.out.contains("\u{1B}") && !csv.out.contains("\u{07}"), "\(csv.out)")
            #expect(csv.out.contains(",'=cmd"), "the formula is defused: \(csv.out)")
            let excel = await m.run("list", "--format", "csv-excel")
            #expect(excel.out.hasPrefix("\u{FEFF}id,") && excel.out.contains("\r\n"), "\(excel.out.prefix(80))")
            var narrow = m.environment
            narrow["COLUMNS"] = "100"
            let table = await lapor(["list"], environment: narrow)
            let lines = table.out.split(separator: "\n")
            #expect(table.code == 0 && lines.count == 2 && lines.allSatisfy { DisplayWidth.of($0) <= 100 } && lines[1].hasSuffix("…"), "\(table.out)")
        }
    }
}
