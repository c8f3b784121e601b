import type { Migration } from './index';

export const m012Papers: Migration = {
  version: 12,
  name: 'papers: issued originals and their reprints, fee receipt numbering, cancellations and e-receipts',
  up(db) {
    db.exec(`
      -- A paper handed out is issued once: issue_key names what it was issued for (the receipt of a dossier,
      -- the apology for one extension, the stop notice for one stop, one fee receipt…). Asking for the same
      -- paper again returns the archived original; a reprint (original_id set) is the original's bytes with
      -- a copy mark appended, never a fresh rendering. Working papers (control sheet) have no issue key.
      ALTER TABLE printed_documents ADD COLUMN issue_key TEXT;
      ALTER TABLE printed_documents ADD COLUMN original_id TEXT REFERENCES printed_documents(id);
      CREATE UNIQUE INDEX printed_documents_issue ON printed_documents(subject_id, form, issue_key)
        WHERE issue_key IS NOT NULL AND original_id IS NULL;

      -- Self-printed fee receipts (biên lai thu phí, lệ phí): numbers run consecutively per series and year,
      -- allocated inside the issuing transaction; a cancelled number stays cancelled (never reused).
      CREATE TABLE fee_receipt_sequences (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_number INTEGER NOT NULL,
        PRIMARY KEY (series, year)
      ) WITHOUT ROWID, STRICT;

      -- Every receipt for a dossier's fees: printed by the office (PRINTED: template symbol, series, number)
      -- or issued by an e-receipt provider and only recorded here (ELECTRONIC: provider, series, number).
      CREATE TABLE fee_receipts (
        id TEXT PRIMARY KEY,
        dossier_rid INTEGER NOT NULL REFERENCES dossiers(rid),
        kind TEXT NOT NULL CHECK (kind IN ('PRINTED','ELECTRONIC')),
        template_symbol TEXT,
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number TEXT NOT NULL,
        provider TEXT,
        organisation TEXT NOT NULL,
        tax_code TEXT NOT NULL,
        payer_name TEXT NOT NULL,
        payer_address TEXT,
        lines TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (total >= 0),
        payment_method TEXT NOT NULL CHECK (payment_method IN ('CASH','TRANSFER')),
        copies INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT,
        issued_by_name TEXT,
        cancelled_at TEXT,
        cancelled_by TEXT,
        cancel_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX fee_receipts_number ON fee_receipts(kind, COALESCE(provider, ''), series, year, number);
      CREATE INDEX fee_receipts_dossier ON fee_receipts(dossier_rid, issued_at);
    `);
  },
};
