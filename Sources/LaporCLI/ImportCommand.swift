import ArgumentParser
import Foundation
import LaporDomain
import LaporImport
import LaporStore
import LaporText
import Terminal

/// `lapor import FILE`: the LAPOR! admin area's spreadsheet export into an offline profile.
struct ImportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: say(
                "Read the LAPOR! admin area's export (.xlsx or .csv) into an offline profile.",
                id: "Baca ekspor area admin LAPOR! (.xlsx atau .csv) ke profil luring."),
            discussion: say(
                """
                Creates or updates a profile of kind offline (no server): the reports, with deadlines \
                counted by the rulebook, work in the TUI, list, show, search and the supervisor's table. \
                A re-import of a newer export updates reports by tracking ID, leaves unchanged rows \
                untouched, keeps drafts, and flags reports the new file no longer holds. Exit 0 when every \
                row was read, 5 when rows were rejected (each named with its row and reason), 2 when the \
                file is not an export. See docs/import.md.
                """,
                id: """
                    Membuat atau memperbarui profil luring (tanpa server): laporannya, dengan tenggat \
                    dihitung menurut aturan, dapat dipakai di TUI, list, show, search dan tabel supervisor. \
                    Impor ulang ekspor yang lebih baru memperbarui laporan menurut tracking ID, tidak \
                    menyentuh baris yang tidak berubah, menyimpan draf, dan menandai laporan yang tidak ada \
                    lagi di berkas baru. Keluar 0 bila semua baris terbaca, 5 bila ada baris ditolak (masing-\
                    masing disebut dengan baris dan alasannya), 2 bila berkas bukan ekspor. Lihat docs/import.md.
                    """))
    }

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: say("The export: .xlsx or .csv.", id: "Berkas ekspor: .xlsx atau .csv.", valueName: "file")) var file: String
    @Option(help: say("The offline profile (default: ekspor).", id: "Profil luring (bawaan: ekspor).")) var profile = "ekspor"
    @Option(
        help: say(
            "Every unit's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT); default: by Provinsi.",
            id: "Zona waktu semua unit: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT); bawaan: menurut Provinsi.",
            valueName: "zone"))
    var timezone: String?
    @Option(
        help: say(
            "Whose screens: liaison (default), admin or supervisor (the reporter of anonim/rahasia reports is shown to admins only).",
            id: "Layar siapa: liaison (bawaan), admin atau supervisor (pelapor laporan anonim/rahasia hanya tampil bagi admin)."))
    var role: Role = .liaison
    @Option(
        help: say(
            "Keep case stores here instead of $XDG_DATA_HOME/lapor.", id: "Simpan penyimpanan kasus di sini, bukan di $XDG_DATA_HOME/lapor.",
            valueName: "dir"))
    var dataDir: String?
    @Option(
        help: say(
            "text or json (the summary, with every rejected row and note).",
            id: "text atau json (ringkasan, dengan setiap baris ditolak dan catatan)."))
    var format: Format = .text
    @OptionGroup var global: GlobalOptions

    /// Rejected rows and notes printed in text before "… and N more".
    static let shownLines = 50

    func run() async throws {
        let text = try global.catalogue()
        guard AppConfig.isValidProfileName(profile) else { throw CLIError(text.badProfileName(profile)) }
        var zone: IndonesianTimeZone?
        if let timezone {
            guard let z = IndonesianTimeZone(name: timezone) else { throw CLIError(text.badTimezoneOverride) }
            zone = z
        }
        let url = URL(fileURLWithPath: file)
        let progress = LiveLine(live: TTY.stderrIsTTY && format == .text)
        let shown = Sanitizer.line(file)
        progress.say(text.importReading(shown, done: nil))
        var export: ExportFile
        do {
            // Off Swift's cooperative threads: parsing a large sheet holds every core for seconds.
            export = try await Parallel.offThePool { try ExportFile.read(url) { done in progress.say(text.importReading(shown, done: done)) } }
        } catch let failure as ExportFile.Failure {
            progress.end()
            throw CLIError(text.importFailure(Sanitizer.line(file), Self.failure(failure)))
        } catch {
            progress.end()
            throw error
        }
        let paths = Paths(environment: CommandContext.environment, dataDir: dataDir)
        var config = try ProfileSession.loadConfig(paths, text: text)
        if let existing = config.profiles[profile], !existing.isOffline {
            progress.end()
            throw CLIError(text.importProfileIsServer(profile))
        }

        let now = currentTime()
        let absent = AdminExport.consequentialColumns.filter(export.missingColumns.contains)
        let read = export
        let chosenZone = zone
        let (catalog, identities, kept) = try await Parallel.offThePool {
            let catalog = AdminExport.Catalog(rows: read.rows, zone: chosenZone, dateSystem: read.dateSystem, absent: Set(absent))
            // A tracking ID on several rows: the copy submitted last is kept, on a tie the lower row.
            let identities = Parallel.map(read.rows) { row in AdminExport.identity(row, catalog: catalog) }
            return (catalog, identities, AdminExport.keptRows(identities.lazy.compactMap { try? $0.get().identity }))
        }

        try Paths.makePrivate(paths.store(profile: profile).deletingLastPathComponent())
        let store: CaseStore
        do {
            store = try CaseStore(path: paths.store(profile: profile).path) { CommandContext.output.error(text.storeUpgrading) }
        } catch {
            progress.end()
            throw CLIError(text.cannotOpenStore(paths.store(profile: profile).path, String(describing: error)), status: .failure)
        }
        let reference = try Self.reference(catalog: catalog, role: role, merging: try store.reference())
        // A row as stored needs no report made again (a weekly re-import is mostly such rows).
        var compare: (@Sendable ([(id: String, cellsJSON: String)]) throws -> Set<String>)?
        if try store.keepsImportedRows(for: role), try store.reportCount() > 0 { compare = { rows in try store.unchangedImportedRows(rows) } }
        let rows = RowFeed(
            export.rows, identities: identities, catalog: catalog, kept: kept, role: role, rules: reference.rules, at: now, unchanged: compare
        ) { done, total in
            progress.say(text.importProgress(done: done, total: total))
        }
        export.rows = []
        let outcome: ImportOutcome
        do {
            outcome = try await store.importReports(reference: reference, at: now) { try rows.next() }
        } catch {
            progress.end()
            throw error
        }
        progress.end()
        let (rejected, notes) = rows.said

        config.profiles[profile] = Profile(name: profile, server: "", source: url.standardizedFileURL.path)
        if config.defaultProfile == nil { config.defaultProfile = profile }
        try ProfileSession.writeConfig(config, paths)

        let out = CommandContext.output
        let isDefault = config.implicitProfile == profile
        switch format {
        case .json:
            struct Line: Encodable {
                var row: Int
                var reason: String
            }
            struct Summary: Encodable {
                var file, profile: String
                var new, updated, unchanged, missing: Int
                var rejected: [Line]
                var notes: [Line]
                var absentColumns: [String]
                var repairedEncoding: Bool
                var unknownHeaders: [String]
            }
            let english = Catalogue(.en)
            let summary = Summary(
                file: file, profile: profile, new: outcome.new, updated: outcome.updated, unchanged: outcome.unchanged, missing: outcome.missing,
                rejected: rejected.map { Line(row: $0.0, reason: english.importRejected(row: $0.0, $0.1)) },
                notes: notes.map { Line(row: $0.0, reason: english.importNote(row: $0.0, $0.1)) },
                absentColumns: absent.map(english.importAbsentColumn), repairedEncoding: export.repairedEncoding,
                unknownHeaders: export.unknownHeaders)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            out.write(String(decoding: try encoder.encode(summary), as: UTF8.self))
        case .text:
            out.write(
                text.importSummary(
                    file: Sanitizer.line(file), new: outcome.new, updated: outcome.updated, unchanged: outcome.unchanged, rejected: rejected.count,
                    missing: outcome.missing, profile: profile))
            if export.repairedEncoding { out.error(text.importRepairedEncoding) }
            for column in absent { out.error(text.importAbsentColumn(column)) }
            let lines = rejected.map { text.importRejected(row: $0.0, $0.1) } + notes.map { text.importNote(row: $0.0, $0.1) }
            for line in lines.prefix(Self.shownLines) { out.error(Sanitizer.line(line)) }
            if lines.count > Self.shownLines { out.error(text.importMore(lines.count - Self.shownLines)) }
            out.write(text.importOpenHint(profile, isDefault: isDefault))
        }
        if !rejected.isEmpty { throw CLIError("", status: .partial) }
    }

    /// The rows of a file, read into reports a batch at a time while the store writes them:
    /// each row on its own (one bad row never stops the rest), read and encoded on every core,
    /// a copy of a report another row holds (`kept`) left out; a batch's rows let go once read.
    /// The next batch is read while the store writes the one handed out (SQLite writes on one
    /// core: without that, the other waited for a third of an import).
    final class RowFeed: @unchecked Sendable {
        static let batch = 2_000
        /// Every field below `lock` is touched on this queue only, a batch after the other.
        private let queue = DispatchQueue(label: "lapor.import.rows")
        private var rows: [AdminExport.Row]
        /// Each row's `AdminExport.identity`, judged before (for the duplicates).
        private var identities: [Result<AdminExport.Identified, AdminExport.Rejection>]
        private let catalog: AdminExport.Catalog
        private let kept: [String: AdminExport.Identity]
        private let role: Role
        private let rules: DeadlineRules
        private let now: Timestamp
        private let progress: @Sendable (Int, Int) -> Void
        private let unchanged: (@Sendable ([(id: String, cellsJSON: String)]) throws -> Set<String>)?
        private var position = 0
        private var rejected: [(Int, AdminExport.Rejection)] = []
        private var notes: [(Int, AdminExport.Note)] = []
        private let lock = NSLock()
        private var ahead: Ahead?

        /// A batch being read.
        private final class Ahead: @unchecked Sendable {
            let done = DispatchGroup()
            var result: Result<[ImportItem]?, any Error> = .success(nil)
        }

        init(
            _ rows: [AdminExport.Row], identities: [Result<AdminExport.Identified, AdminExport.Rejection>], catalog: AdminExport.Catalog,
            kept: [String: AdminExport.Identity], role: Role, rules: DeadlineRules, at now: Timestamp,
            unchanged: (@Sendable ([(id: String, cellsJSON: String)]) throws -> Set<String>)? = nil,
            progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
        ) {
            self.unchanged = unchanged
            self.rows = rows
            self.identities = identities
            self.catalog = catalog
            self.kept = kept
            self.role = role
            self.rules = rules
            self.now = now
            self.progress = progress
        }

        /// What was rejected and noted, by row number (once every batch was handed out).
        var said: ([(Int, AdminExport.Rejection)], [(Int, AdminExport.Note)]) {
            queue.sync { (rejected.sorted { $0.0 < $1.0 }, notes) }
        }

        /// The next batch (nil when done), and the one after it begun.
        func next() throws -> [ImportItem]? {
            let current = lock.withLock {
                let current = ahead ?? begin()
                ahead = nil
                return current
            }
            current.done.wait()
            if case .success(.some) = current.result { lock.withLock { ahead = begin() } }
            return try current.result.get()
        }

        private func begin() -> Ahead {
            let ahead = Ahead()
            ahead.done.enter()
            queue.async {
                ahead.result = Result { try self.read() }
                ahead.done.leave()
            }
            return ahead
        }

        private func read() throws -> [ImportItem]? {
            guard position < rows.count else { return nil }
            progress(position, rows.count)
            let range = position..<min(rows.count, position + Self.batch)
            position = range.upperBound
            let slice = Array(zip(rows[range], identities[range]))
            for i in range { rows[i].release() }
            let (catalog, kept) = (self.catalog, self.kept)
            let reads = Parallel.map(slice) { row, identified -> Result<AdminExport.ReadRow, AdminExport.Rejection> in
                AdminExport.read(row, catalog: catalog, identified: identified).flatMap { read in
                    let mine = AdminExport.Identity(row: row.number, id: read.report.id, at: read.report.submittedAt)
                    if let other = kept[mine.id], other.row != row.number { return .failure(AdminExport.duplicate(mine, of: other)) }
                    return .success(read)
                }
            }
            var accepted: [(Int, AdminExport.ReadRow)] = []
            for ((row, _), read) in zip(slice, reads) {
                switch read {
                case .failure(let rejection): rejected.append((row.number, rejection))
                case .success(let read):
                    notes += read.notes.map { (row.number, $0) }
                    accepted.append((row.number, read))
                }
            }
            let (role, rules, now) = (self.role, self.rules, self.now)
            let same =
                try unchanged?(
                    Parallel.map(accepted) { _, read in (read.report.id, ImportedReport.cellsJSON(of: read.report, cells: read.cells, role: role)) })
                ?? []
            let made = Parallel.map(accepted) { number, read -> Result<ImportItem, any Error> in
                if same.contains(read.report.id) { return .success(.unchanged(id: read.report.id, sheetRow: number)) }
                return Result {
                    .report(try ImportedReport(report: read.report, cells: read.cells, sheetRow: number, role: role, rules: rules, at: now))
                }
            }
            return try made.map { try $0.get() }
        }
    }

    /// The reference data of an offline profile: the file's units and categories (with those of
    /// earlier imports the file no longer names), the built-in decrees, the standard policy.
    static func reference(catalog: AdminExport.Catalog, role: Role, merging earlier: ReferenceData?) throws -> ReferenceData {
        var units = catalog.units
        var categories = catalog.categories
        if let earlier {
            let known = Set(units.map(\.id))
            for unit in earlier.units where !known.contains(unit.id) {
                var kept = unit
                if let parent = kept.parentId, !known.contains(parent), !earlier.units.contains(where: { $0.id == parent }) {
                    kept.parentId = catalog.rootId
                }
                units.append(kept)
            }
            let knownCategories = Set(categories.map(\.id))
            categories += earlier.categories.filter { !knownCategories.contains($0.id) }
        }
        // An earlier root that is no longer the root hangs under the new one.
        units = units.map { unit in
            var u = unit
            if u.parentId == nil, u.id != catalog.rootId { u.parentId = catalog.rootId }
            return u
        }
        let user = User(id: "ekspor", name: "Ekspor LAPOR!", role: role, unitId: role == .admin && catalog.rootId == "ekspor" ? nil : catalog.rootId)
        return ReferenceData(user: user, units: units, categories: categories, calendarYears: WorkingCalendar.builtinYears, policy: .standard)
    }

    static func failure(_ error: ExportFile.Failure) -> Catalogue.ImportFailure {
        switch error {
        case .noHeader: .noHeader
        case .empty: .empty
        case .missingColumns(let columns): .missingColumns(columns.map(\.rawValue))
        case .sheet(let sheet):
            switch sheet {
            case .unreadable(let why): .unreadable(why)
            case .notASpreadsheet: .notASpreadsheet
            case .encryptedOrLegacy: .encryptedOrLegacy
            case .damaged: .damaged
            case .tooLarge(let limit): .tooLarge(limitMB: limit >> 20)
            case .declaresEntities: .declaresEntities
            case .xmlEncoding(let name): .xmlEncoding(name)
            case .tooManyRows: .tooManyRows
            case .notUTF8: .notUTF8
            case .noSheet: .noSheet
            }
        }
    }
}
