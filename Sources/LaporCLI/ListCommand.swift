import ArgumentParser
import Foundation
import LaporApp
import LaporDomain
import LaporStore
import LaporText

/// Output formats of the listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson, csv
    /// CSV for spreadsheet programs: a byte-order mark and CRLF line ends.
    case csvExcel = "csv-excel"
}

/// `lapor list`: a view of the case store, filtered and sorted.
struct ListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: say("List reports from the local case store.", id: "Daftar laporan dari penyimpanan kasus lokal."),
            discussion: say(
                """
                Views: inbox, waiting, done (liaison); queue, ready (admin); overdue, due-soon, escalated \
                (supervisor); escalating (every role: ten days before the escalation, and after); all; \
                unknown (imported reports whose status label lapor does not know); \
                and the views saved in the TUI with V (by their name). \
                Filters combine with the view; repeat an option for several values. Units and categories \
                include their sub-units and sub-categories. In the deadline column ⚑ marks a report near \
                or past its escalation and ≈ a deadline that may move (provisional holidays, or estimated for \
                an imported report); CSV and JSON carry due_provisional.
                """,
                id: """
                    Tampilan: inbox, waiting, done (pejabat penghubung); queue, ready (admin); overdue, due-soon, \
                    escalated (supervisor); escalating (semua peran: sepuluh hari sebelum eskalasi, dan sesudahnya); \
                    all; unknown (laporan impor yang label statusnya tidak dikenal); dan tampilan yang disimpan di TUI dengan V (menurut namanya). Filter digabung dengan \
                    tampilan; ulangi opsi untuk beberapa nilai. Unit dan kategori mencakup sub-unit dan \
                    subkategorinya. Di kolom tenggat ⚑ menandai laporan yang mendekati atau melewati eskalasinya dan \
                    ≈ tenggat yang dapat bergeser (hari libur sementara, atau perkiraan untuk laporan impor); CSV \
                    dan JSON memuat due_provisional.
                    """
            )
        )
    }

    @OptionGroup var profile: ProfileOptions
    @Option(
        help: say(
            "The view, built-in or saved in the TUI with V (default: the role's first).",
            id: "Tampilan, bawaan atau yang disimpan di TUI dengan V (bawaan: tampilan pertama peran)."), completion: Completions.views) var view:
        String?
    @Option(
        help: say(
            "Status (submitted, held, verified, dispatched, info_requested, followed_up, replied, closed, archived, unknown).",
            id: "Status (submitted, held, verified, dispatched, info_requested, followed_up, replied, closed, archived, unknown)."),
        completion: Completions.statuses)
    var status: [String] = []
    @Option(
        help: say("Kind (pengaduan, aspirasi, permintaan_informasi).", id: "Jenis (pengaduan, aspirasi, permintaan_informasi)."),
        completion: Completions.kinds) var kind: [String] = []
    @Option(help: say("Channel (web, sms, mobile, whatsapp, …).", id: "Kanal (web, sms, mobile, whatsapp, …)."), completion: Completions.channels)
    var channel: [String] = []
    @Option(help: say("Category id (with its sub-categories).", id: "ID kategori (dengan subkategorinya).")) var category: [String] = []
    @Option(help: say("Unit id (with its sub-units).", id: "ID unit (dengan sub-unitnya)."), completion: Completions.units) var unit: [String] = []
    @Option(help: say("Privacy (public, anonim, rahasia).", id: "Kerahasiaan (public, anonim, rahasia)."), completion: Completions.privacies)
    var privacy: [String] = []
    @Flag(help: say("Only reports past their deadline.", id: "Hanya laporan yang melewati tenggat.")) var overdue = false
    @Option(help: say("Only reports due within N working days.", id: "Hanya laporan bertenggat dalam N hari kerja.", valueName: "n")) var dueWithin:
        Int?
    @Option(help: say("Full-text search words (prefixes).", id: "Kata pencarian teks penuh (awalan).")) var search: String?
    @Option(
        help: say("Sort: due, age or id (default: the view's).", id: "Urutan: due, age atau id (bawaan: milik tampilan)."),
        completion: Completions.sorts) var sort: String?
    @Option(help: say("At most this many rows.", id: "Jumlah baris paling banyak.")) var limit = 200
    @Option(help: say("Skip this many rows.", id: "Lewati sejumlah baris ini.")) var offset = 0
    @Option(
        help: say(
            "table, json, ndjson (one report a line), csv or csv-excel (BOM, CRLF).",
            id: "table, json, ndjson (satu laporan per baris), csv atau csv-excel (BOM, CRLF)."), completion: Completions.formats)
    var format: ListFormat = .table
    @OptionGroup var global: GlobalOptions

    /// A report's JSON safe for a terminal, on one line unless `oneLine` is false: a raw line break in JSON can only be
    /// white space (strings escape theirs), so it becomes a space; a C1 control (U+0080–009F, in
    /// UTF-8 0xC2 0x80–0x9F) or DEL can only be inside a string and is written as its `\u`
    /// escape, as CSV removes them, so that no terminal reads one as a control (issue 25).
    static func safeJSON(_ json: String, oneLine: Bool = true) -> String {
        let bytes = json.utf8
        guard bytes.contains(where: { ($0 == 0x0A || $0 == 0x0D) && oneLine || $0 == 0x7F || $0 == 0xC2 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var lead = false
        for byte in bytes {
            if lead {
                lead = false
                if byte >= 0x80, byte <= 0x9F {
                    out += Array("\\u00\(String(byte, radix: 16))".utf8)
                    continue
                }
                out.append(0xC2)
            }
            switch byte {
            case 0x0A where oneLine, 0x0D where oneLine: out.append(0x20)
            case 0x7F: out += Array("\\u007f".utf8)
            case 0xC2: lead = true
            default: out.append(byte)
            }
        }
        if lead { out.append(0xC2) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes stored reports' JSON as `produce` hands each over, as it comes: a JSON array, or
    /// one report a line in NDJSON (`list` and `search`).
    static func writeStoredJSON(ndjson: Bool, _ produce: ((String) throws -> Void) throws -> Void) rethrows {
        let out = CommandContext.output
        var first = true
        try produce { json in
            let line = safeJSON(json)
            out.write(ndjson ? line : (first ? "[" : ",") + line)
            first = false
        }
        if !ndjson { out.write(first ? "[]" : "]") }
    }

    /// A view by name, built-in or saved in the TUI (nil: the role's first): its base, filter
    /// and saved order. `list` and `export` read views the same way.
    static func resolve(
        view: String?, session: ProfileSession, role: Role, workflow: Workflow, text: Catalogue, at now: Timestamp
    ) throws -> (ReportView, InboxFilter, InboxSort?) {
        guard let view else {
            let first = ReportView.views(for: role)[0]
            return (first, first.filter(at: now), nil)
        }
        if let builtIn = ReportView(rawValue: view) { return (builtIn, builtIn.filter(at: now), nil) }
        // A view saved in the TUI: the same filter, search and order as on screen.
        let saved = try session.store.savedViews()
        guard let named = saved.first(where: { $0.name == view }) else {
            throw CLIError(text.unknownValue("--view", view, ReportView.allCases.map(\.rawValue) + saved.map(\.name)))
        }
        switch named.filter(at: now, workflow: workflow) {
        case .success(let f): return (named.base, f, named.order)
        case .failure(let problem): throw CLIError(text.badFilter(problem.word, allowed: problem.allowed))
        }
    }

    func run() async throws {
        let text = try global.catalogue()
        let session = try ProfileSession.open(profile, text: text)
        let reference = try session.reference()
        let workflow = try session.workflow(reference)
        let now = currentTime()
        guard (1...100_000).contains(limit), offset >= 0 else { throw CLIError(text.badLimit) }
        let (chosen, viewFilter, savedOrder) = try Self.resolve(
            view: view, session: session, role: reference.user.role, workflow: workflow, text: text, at: now)
        var filter = viewFilter
        func parse<T: RawRepresentable>(_ values: [String], _ option: String, _ all: [T]) throws -> Set<T>? where T.RawValue == String {
            guard !values.isEmpty else { return nil }
            return Set(
                try values.map { v in
                    guard let value = T(rawValue: v) else { throw CLIError(text.unknownValue(option, v, all.map(\.rawValue))) }
                    return value
                })
        }
        if let s: Set<ReportStatus> = try parse(status, "--status", ReportStatus.allCases) {
            filter.statuses = filter.statuses.map { $0.intersection(s) } ?? s
        }
        filter.kinds = try parse(kind, "--kind", ReportKind.allCases)
        filter.channels = try parse(channel, "--channel", Channel.allCases)
        filter.privacies = try parse(privacy, "--privacy", Privacy.allCases)
        if !unit.isEmpty {
            var ids = Set<String>()
            for u in unit {
                guard workflow.units.contains(u) else { throw CLIError(text.unknownUnit(u)) }
                ids.formUnion(workflow.units.subtree(of: u).map(\.id))
            }
            filter.unitIds = ids
        }
        if !category.isEmpty {
            let tree = CategoryTree(reference.categories)
            var ids = Set<String>()
            for c in category {
                guard tree[c] != nil else { throw CLIError(text.unknownCategory(c)) }
                ids.formUnion(reference.categories.filter { tree.isInSubtree($0.id, of: c) }.map(\.id))
            }
            filter.categoryIds = ids
        }
        if overdue { filter.dueBefore = min(filter.dueBefore ?? now, now.adding(seconds: -1)) }
        if let n = dueWithin {
            guard (1...260).contains(n) else { throw CLIError(text.workingDaysRange(n)) }
            let limit = try workflow.calendar.due(after: now, workingDays: n, in: .wib).at
            filter.dueBefore = min(filter.dueBefore ?? limit, limit)
            filter.dueAfter = max(filter.dueAfter ?? now.adding(seconds: -1), now.adding(seconds: -1))
        }
        if let search { filter.search = search }
        let order: InboxSort
        if let sort {
            guard let s = InboxSort(rawValue: sort) else { throw CLIError(text.unknownValue("--sort", sort, InboxSort.allCases.map(\.rawValue))) }
            order = s
        } else {
            order = savedOrder ?? chosen.defaultSort
        }
        let printer = ReportPrinter(text: text, workflow: workflow, now: now)
        switch format {
        case .json, .ndjson:
            // The server's JSON as it came, streamed as the rows are read: no decoding, constant
            // memory.
            try Self.writeStoredJSON(ndjson: format == .ndjson) { emit in
                try session.store.forEachJSON(filter, sort: order, limit: limit, offset: offset, emit)
            }
        case .table:
            let rows = try session.store.page(filter, sort: order, limit: limit, offset: offset)
            printer.table(rows, width: ReportPrinter.tableWidth(environment: CommandContext.environment)).forEach(CommandContext.output.write)
            CommandContext.output.error(text.listFooter(shown: rows.count, total: try session.store.count(filter), view: chosen.rawValue))
        case .csv, .csvExcel:
            printer.csv(try session.store.page(filter, sort: order, limit: limit, offset: offset), excel: format == .csvExcel).forEach(
                CommandContext.output.write)
        }
    }
}
