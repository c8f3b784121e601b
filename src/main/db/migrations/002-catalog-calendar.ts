import type { Migration } from './index';

/**
 * Procedure catalog and working-day calendar.
 *
 * `procedures.data` is the procedure as its source last delivered it (sample file, import,
 * provincial feed); `overrides` holds the administrator's local edits (fees, duration,
 * documents), kept apart so that a re-import or a provincial pull never erases them.
 * `search_fold` is the folded "name code" text (foldVietnamese) that search matches on.
 */
export const m002CatalogCalendar: Migration = {
  version: 2,
  name: 'catalog + calendar: procedures, per-counter selection, calendar years',
  up(db) {
    db.exec(`
      CREATE TABLE procedures (
        code TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        overrides TEXT CHECK (overrides IS NULL OR json_valid(overrides)),
        source TEXT NOT NULL CHECK (source IN ('sample','import','provincial','admin')),
        in_force INTEGER NOT NULL CHECK (in_force IN (0, 1)),
        search_fold TEXT NOT NULL,
        usage_count INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Intake lists procedures in force, most used first: this index serves both the filter and the order.
      CREATE INDEX procedures_by_use ON procedures(in_force, usage_count DESC, code);

      -- Procedures offered at a counter; a counter without rows offers the whole catalog.
      CREATE TABLE counter_procedures (
        counter_number INTEGER NOT NULL CHECK (counter_number BETWEEN 1 AND 99),
        procedure_code TEXT NOT NULL REFERENCES procedures(code),
        PRIMARY KEY (counter_number, procedure_code)
      ) WITHOUT ROWID, STRICT;

      -- One row per year the administrator, an import or the province has set; other years are proposals computed on the fly.
      -- provincial_data keeps the last official answer applied, so an identical answer pulled again
      -- does not undo a later correction by the administrator.
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
        data TEXT NOT NULL CHECK (json_valid(data)),
        status TEXT NOT NULL CHECK (status IN ('proposed','confirmed')),
        source TEXT NOT NULL CHECK (source IN ('default','admin','import','provincial')),
        provincial_data TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
