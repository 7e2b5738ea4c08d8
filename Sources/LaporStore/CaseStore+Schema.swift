import GRDB

extension CaseStore {
    /// Every schema change, in order. Never edit a registered migration: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE report (
                        rowid INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        version INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        clock TEXT,
                        unit_id TEXT,
                        kind TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        category_id TEXT,
                        privacy TEXT NOT NULL,
                        title TEXT NOT NULL,
                        status_label TEXT NOT NULL,
                        submitted_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        due_at INTEGER,
                        received_at INTEGER NOT NULL,
                        seen INTEGER NOT NULL DEFAULT 0,
                        json TEXT NOT NULL);
                    CREATE INDEX report_by_due ON report(due_at) WHERE due_at IS NOT NULL;
                    CREATE INDEX report_by_status_due ON report(status, due_at);
                    CREATE INDEX report_by_unit_due ON report(unit_id, due_at);
                    CREATE INDEX report_by_submitted ON report(submitted_at);
                    CREATE TABLE timeline_event (
                        report_id TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
                        at INTEGER NOT NULL, actor_id TEXT, actor_name TEXT, actor_role TEXT, system INTEGER NOT NULL,
                        text TEXT, unit_id TEXT,
                        PRIMARY KEY (report_id, position));
                    CREATE TABLE attachment (
                        report_id TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
                        mime TEXT NOT NULL, size INTEGER NOT NULL,
                        PRIMARY KEY (report_id, position));
                    CREATE VIRTUAL TABLE report_fts USING fts5(
                        title, body, timeline, tokenize = 'unicode61 remove_diacritics 2');
                    CREATE TABLE unit (position INTEGER NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT, timezone TEXT NOT NULL);
                    CREATE TABLE category (position INTEGER NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT);
                    CREATE TABLE calendar_year (year INTEGER PRIMARY KEY, provisional INTEGER NOT NULL, source TEXT);
                    CREATE TABLE holiday (year INTEGER NOT NULL, date TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, source TEXT);
                    CREATE INDEX holiday_by_year ON holiday(year);
                    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        report_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        request TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        error TEXT,
                        server_report TEXT,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        acknowledged_at INTEGER);
                    CREATE INDEX outbox_by_state ON outbox(state, seq);
                    CREATE TABLE draft (
                        report_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, updated_at INTEGER NOT NULL,
                        left_unit_at INTEGER,
                        PRIMARY KEY (report_id, kind));
                    CREATE TABLE audit (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_id TEXT, event TEXT NOT NULL,
                        report_id TEXT, detail TEXT);
                    """)
        }
        migrator.registerMigration("v2: an indexable deadline order") { db in
            // `ORDER BY due_at IS NULL, due_at` cannot use an index; a deadline with "none" as the
            // largest value can, so a view's first page no longer sorts every matching row.
            try db.execute(
                sql: """
                    ALTER TABLE report ADD COLUMN due_sort INTEGER NOT NULL DEFAULT 9223372036854775807;
                    UPDATE report SET due_sort = COALESCE(due_at, 9223372036854775807);
                    DROP INDEX report_by_status_due;
                    CREATE INDEX report_by_due_sort ON report(due_sort, id);
                    CREATE INDEX report_by_status_due_sort ON report(status, due_sort, id);
                    """)
        }
        migrator.registerMigration("v3: the instants the rulebook decides") { db in
            // Written at upsert from `DeadlineRules.instants(for:)`, so that every view and count
            // compares plain columns with now and no two surfaces can disagree. Rows stored before
            // get them at the next reference save (the rules fingerprint is new).
            try db.execute(
                sql: """
                    ALTER TABLE report ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE report ADD COLUMN due_today_from INTEGER;
                    ALTER TABLE report ADD COLUMN due_soon_from INTEGER;
                    ALTER TABLE report ADD COLUMN escalation_warning_at INTEGER;
                    ALTER TABLE report ADD COLUMN escalates_at INTEGER;
                    CREATE INDEX report_by_due_soon ON report(due_soon_from) WHERE due_soon_from IS NOT NULL;
                    CREATE INDEX report_by_due_today ON report(due_today_from) WHERE due_today_from IS NOT NULL;
                    CREATE INDEX report_by_warning ON report(escalation_warning_at) WHERE escalation_warning_at IS NOT NULL;
                    CREATE INDEX report_by_escalation ON report(escalates_at) WHERE escalates_at IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v4: saved views") { db in
            // A user's named views (a view, its filter words, search and order), per profile:
            // each profile has its own store.
            try db.execute(
                sql: """
                    CREATE TABLE saved_view (
                        name TEXT PRIMARY KEY,
                        base TEXT NOT NULL,
                        filter TEXT,
                        search TEXT,
                        sort TEXT,
                        position INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("v5: counts from indexes alone") { db in
            // The status bar and the deadline views count by a decided instant and the status:
            // with both in the index, a count never reads a report row (1.3 KB each). Measured
            // on 100,000 demo reports: the overdue count 80 ms → 9 ms, due soon 94 ms → 9 ms.
            try db.execute(
                sql: """
                    DROP INDEX report_by_due;
                    CREATE INDEX report_by_due ON report(due_at, status) WHERE due_at IS NOT NULL;
                    DROP INDEX report_by_due_soon;
                    CREATE INDEX report_by_due_soon ON report(due_soon_from, due_at, status) WHERE due_soon_from IS NOT NULL;
                    DROP INDEX report_by_due_today;
                    CREATE INDEX report_by_due_today ON report(due_today_from, due_at, status) WHERE due_today_from IS NOT NULL;
                    DROP INDEX report_by_warning;
                    CREATE INDEX report_by_warning ON report(escalation_warning_at, status) WHERE escalation_warning_at IS NOT NULL;
                    DROP INDEX report_by_escalation;
                    CREATE INDEX report_by_escalation ON report(escalates_at, status) WHERE escalates_at IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v6: each text once") { db in
            // A report's text lives in its JSON alone. The full-text index reads title, body and
            // the timeline's texts through the `report_text` view (FTS5 external content), so the
            // index is the only other copy; the write-only timeline, attachment and clock copies
            // are gone. Insert and delete both read the view, so they always agree; a text that is not
            // JSON indexes its title alone instead of failing the page. (FTS5 reads its content with
            // table-valued functions barred, hence the counting CTE instead of json_each; the first
            // 1,000 events are indexed, which bounds the work a hostile timeline can cause.)
            try db.execute(
                sql: """
                    DROP TABLE timeline_event;
                    DROP TABLE attachment;
                    ALTER TABLE report DROP COLUMN clock;
                    DROP TABLE report_fts;
                    CREATE VIEW report_text AS
                        SELECT rowid, title,
                            CASE WHEN json_valid(json) THEN json_extract(json, '$.body') END AS body,
                            CASE WHEN json_valid(json) THEN (
                                WITH RECURSIVE n(i) AS (
                                    SELECT 0 UNION ALL SELECT i + 1 FROM n
                                    WHERE i + 1 < min(json_array_length(report.json, '$.timeline'), 1000))
                                SELECT group_concat(json_extract(report.json, '$.timeline[' || i || '].text'), char(10)) FROM n)
                            END AS timeline
                        FROM report;
                    CREATE VIRTUAL TABLE report_fts USING fts5(
                        title, body, timeline, content = 'report_text', content_rowid = 'rowid',
                        tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO report_fts (report_fts) VALUES ('rebuild');
                    """)
        }
        migrator.registerMigration("v7: the supervisor's table from an index") { db in
            // Each open report's status, unit and the instants the table sums: the table reads
            // the index alone. Measured on 100,000 demo reports (lapor-bench list): 187 → 21 ms.
            try db.execute(
                sql: """
                    CREATE INDEX report_by_unit_status ON report(unit_id, status, due_at, due_soon_from, escalation_warning_at);
                    """)
        }
        migrator.registerMigration("v8: one index by unit") { db in
            // v7's (unit_id, status, …) index serves every unit filter that (unit_id, due_at) did;
            // each index costs every insert of a pull (this one 0.27 s of 100,000 reports).
            try db.execute(sql: "DROP INDEX report_by_unit_due")
        }
        migrator.registerMigration("v9: reports read from a spreadsheet export") { db in
            // Each imported report's row as the file had it (column name → text), so that a
            // re-import compares rows and an export writes every imported column back as read.
            try db.execute(
                sql: """
                    CREATE TABLE imported_row (
                        report_id TEXT PRIMARY KEY,
                        sheet_row INTEGER NOT NULL,
                        cells TEXT NOT NULL,
                        in_latest INTEGER NOT NULL DEFAULT 1,
                        imported_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v10: similar reports") { db in
            // Each report's features for duplicate suggestions (issue 16), keyed by its rowid, and
            // the keys it is filed under (text bands, contact, place, cited tracking IDs; computed
            // again from the row to take them out): a
            // suggestion reads the most recent reports of each key (CaseStore+Similar).
            try db.execute(
                sql: """
                    CREATE TABLE similar (
                        rowid INTEGER PRIMARY KEY,
                        digest INTEGER NOT NULL,
                        words BLOB NOT NULL,
                        place BLOB NOT NULL,
                        contact_key INTEGER,
                        cited TEXT);
                    CREATE TABLE similar_key (key INTEGER NOT NULL, report INTEGER NOT NULL, PRIMARY KEY (key, report)) WITHOUT ROWID;
                    """)
            try fileAllSimilar(in: db)
        }
        migrator.registerMigration("v11: imported rows as the role sees them") { db in
            // Issue 24: an imported row's cells kept the reporter's name of anonim and rahasia
            // reports for every role, and `lapor export` wrote it; the report's JSON lacked the
            // deadline `show` gives, so `list --format json` said null. And the table was WITHOUT
            // ROWID: its B-tree keeps at most ~1,000 bytes of a row in the page, so every row of a
            // full export (1.2 KB of cells) took an overflow page of 4 KB of its own (200,000
            // rows: 878 MB instead of ~250). A rowid table keeps them whole.
            try db.execute(
                sql: """
                    CREATE TABLE imported_row_new (
                        report_id TEXT NOT NULL UNIQUE,
                        sheet_row INTEGER NOT NULL,
                        cells TEXT NOT NULL,
                        in_latest INTEGER NOT NULL DEFAULT 1,
                        imported_at INTEGER NOT NULL);
                    INSERT INTO imported_row_new (report_id, sheet_row, cells, in_latest, imported_at)
                        SELECT report_id, sheet_row, cells, in_latest, imported_at FROM imported_row;
                    DROP TABLE imported_row;
                    ALTER TABLE imported_row_new RENAME TO imported_row;
                    """)
            try reviseImportedRows(in: db)
        }
        migrator.registerMigration("v12: similar reports filed later") { db in
            // An import files no duplicate features (a quarter of a 200,000-row import): it notes
            // the reports here, and `fileSimilarPending` files them afterwards (the TUI does, in
            // the background, a few hundred at a time).
            try db.execute(sql: "CREATE TABLE similar_pending (rowid INTEGER PRIMARY KEY)")
        }
        return migrator
    }
}
