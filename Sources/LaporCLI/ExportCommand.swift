import ArgumentParser
import Foundation
import LaporDomain
import LaporImport
import LaporStore
import LaporText
import Terminal

/// `lapor export FILE`: a view as the admin area's export (the 26 columns, then lapor's four).
struct ExportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: say(
                "Write a view as the LAPOR! admin export (.xlsx or .csv), with lapor's deadline columns.",
                id: "Tulis satu tampilan sebagai ekspor admin LAPOR! (.xlsx atau .csv), dengan kolom tenggat lapor."),
            discussion: say(
                """
                The 26 columns of the admin area's export, then lapor's: Tenggat (the deadline in the \
                unit's zone), Sisa Hari Kerja (negative once overdue), Tenggat Sementara, Terlambat, Zona \
                Waktu. Dates and times are date cells (ISO 8601 in CSV), numbers are numbers. Only what \
                the profile's role sees is written: the reporter of an anonim or rahasia report for \
                admins only. Importing the file again changes nothing. The file is private to its owner \
                (0600) and replaced only once it is written whole.
                """,
                id: """
                    26 kolom ekspor area admin, lalu kolom lapor: Tenggat (dalam zona waktu unit), Sisa Hari \
                    Kerja (negatif bila terlambat), Tenggat Sementara, Terlambat, Zona Waktu. Tanggal dan \
                    waktu ditulis sebagai sel tanggal (ISO 8601 di CSV), angka sebagai angka. Hanya yang \
                    terlihat oleh peran profil yang ditulis: pelapor laporan anonim atau rahasia hanya untuk \
                    admin. Mengimpor berkas itu lagi tidak mengubah apa pun. Berkas hanya dapat dibaca \
                    pemiliknya (0600) dan menggantikan yang lama setelah selesai ditulis utuh.
                    """))
    }

    enum Format: String, ExpressibleByArgument { case xlsx, csv }

    @OptionGroup var profile: ProfileOptions
    @Argument(help: say("The file to write (.xlsx or .csv).", id: "Berkas yang ditulis (.xlsx atau .csv).", valueName: "file")) var file: String
    @Option(
        help: say("The view, built-in or saved (default: all).", id: "Tampilan, bawaan atau tersimpan (bawaan: all)."), completion: Completions.views)
    var view = "all"
    @Option(help: say("xlsx or csv (default: by the file's extension).", id: "xlsx atau csv (bawaan: menurut ekstensi berkas)."))
    var format: Format?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let text = try global.catalogue()
        let chosenFormat = format ?? Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased())
        guard let chosenFormat else { throw CLIError(text.exportFormatUnknown(Sanitizer.line(file))) }
        let session = try ProfileSession.open(profile, text: text)
        let reference = try session.reference()
        let workflow = try session.workflow(reference)
        let now = currentTime()
        let (chosen, filter, savedOrder) = try ListCommand.resolve(
            view: view, session: session, role: reference.user.role, workflow: workflow, text: text, at: now)
        let categories = CategoryTree(reference.categories)
        let role = reference.user.role
        let decoder = JSONDecoder()
        var rows: [[AdminExport.Value]] = [
            [.text("Judul Laporan: " + text.exportTitle(view: view))],
            [.text("Nama Instansi: " + (reference.user.unitId.flatMap { workflow.units[$0]?.name } ?? "LAPOR!"))],
            [.text("Tanggal Generate: " + now.rfc3339)],
            [],
            (AdminExport.Column.allCases.map(\.rawValue) + AdminExport.laporColumns).map(AdminExport.Value.text),
        ]
        var skipped = 0
        let importedCells = try session.store.importedCells()
        try session.store.forEachJSON(filter, sort: savedOrder ?? chosen.defaultSort, limit: Int.max) { json in
            // One unreadable stored report is counted, not fatal.
            guard let report = try? decoder.decode(Report.self, from: Data(json.utf8)) else {
                skipped += 1
                return
            }
            let imported = importedCells[report.id].map { cells in
                Dictionary(uniqueKeysWithValues: cells.compactMap { name, value in AdminExport.Column(rawValue: name).map { ($0, value) } })
            }
            let instants = workflow.rules.instants(for: report)
            let zone = workflow.units.zone(of: report.unitId)
            let remaining = instants.dueAt.map { workflow.calendar.remaining(from: now, until: $0, in: zone) }
            // What this role sees on screen, and no more (`AdminExport.visibleCells`).
            rows.append(
                AdminExport.exportRow(
                    report, imported: imported, units: workflow.units, categories: categories, role: role, instants: instants,
                    remaining: remaining, at: now))
        }
        let url = URL(fileURLWithPath: file)
        switch chosenFormat {
        case .xlsx:
            do {
                try XLSXWriter.write(rows, to: url)
            } catch {
                throw CLIError(text.cannotWriteExport(Sanitizer.line(file), String(describing: error)), status: .failure)
            }
        case .csv:
            // As spreadsheet programs save "CSV UTF-8": a BOM and CRLF; the information rows left
            // out (a CSV export starts with its header); dates as ISO 8601, which every
            // spreadsheet program reads as dates; private to its owner (0600).
            let body = rows.dropFirst(4).map { $0.map { ReportPrinter.csvCell($0.text) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            guard
                FileManager.default.createFile(
                    atPath: temporary.path, contents: Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(body.utf8)), attributes: [.posixPermissions: 0o600]
                ),
                rename(temporary.path, url.path) == 0
            else {
                try? FileManager.default.removeItem(at: temporary)
                throw CLIError(text.cannotWriteExport(Sanitizer.line(file), String(cString: strerror(errno))), status: .failure)
            }
        }
        CommandContext.output.write(text.exported(rows.count - 5, file: Sanitizer.line(file)))
        if skipped > 0 { CommandContext.output.error(text.exportSkipped(skipped)) }
    }
}
