import type { Migration } from './index';

/**
 * Domain data an office can trust: the case (trường hợp) a dossier was received under, how its due date
 * was explained and whether it fell in a year not yet announced, unplanned closures marked afterwards,
 * and the administrative units (since 1 July 2025) of the applicant's address.
 */
export const m015DomainData: Migration = {
  version: 15,
  name: 'domain data: procedure variants on dossiers, due-date notes, unplanned closures, administrative units',
  up(db) {
    db.exec(`
      -- The case chosen at intake (code and name as they were then) and the due date's explanation.
      -- due_provisional = 1 when the due date was computed in a year whose calendar is only a proposal.
      ALTER TABLE dossiers ADD COLUMN variant_code TEXT;
      ALTER TABLE dossiers ADD COLUMN variant_name TEXT;
      ALTER TABLE dossiers ADD COLUMN due_notes TEXT CHECK (due_notes IS NULL OR json_valid(due_notes));
      ALTER TABLE dossiers ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1));
      -- Current administrative unit of the applicant's address (codes of Decision 19/2025/QĐ-TTg); the
      -- address as printed on an older ID card is kept in applicant_address.
      ALTER TABLE dossiers ADD COLUMN applicant_province_code TEXT;
      ALTER TABLE dossiers ADD COLUMN applicant_commune_code TEXT;

      -- A day or half day the office was closed without notice (storm, power cut), marked afterwards.
      -- It counts as non-working time for every due date; open dossiers were moved when it was marked.
      CREATE TABLE calendar_closures (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        part TEXT NOT NULL CHECK (part IN ('day','morning','afternoon')),
        reason TEXT NOT NULL,
        moved_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT,
        UNIQUE (date, part)
      ) STRICT;

      -- Lists of administrative units imported after the one shipped in resources/ (a newer revision, or
      -- the province's); the newest effective one applies.
      CREATE TABLE admin_unit_sets (
        revision TEXT PRIMARY KEY,
        effective_from TEXT NOT NULL,
        source TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
