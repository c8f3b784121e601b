import type { Migration } from './index';

export const m004Printing: Migration = {
  version: 4,
  name: 'printing: archived PDFs and print attempts',
  up(db) {
    db.exec(`
      -- Every paper produced for a dossier (or an intake outcome), archived as a PDF in the data folder.
      CREATE TABLE printed_documents (
        id TEXT PRIMARY KEY,
        subject_id TEXT NOT NULL,
        form TEXT NOT NULL,
        title TEXT NOT NULL,
        file TEXT NOT NULL,
        pages INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX printed_documents_subject ON printed_documents(subject_id, created_at);

      -- "Sent" is not "printed": each attempt is kept, so a failed one can be seen and reprinted.
      CREATE TABLE print_attempts (
        document_id TEXT NOT NULL REFERENCES printed_documents(id),
        at TEXT NOT NULL,
        printer TEXT NOT NULL,
        ok INTEGER NOT NULL,
        message TEXT,
        actor TEXT
      ) STRICT;
      CREATE INDEX print_attempts_document ON print_attempts(document_id, at);
    `);
  },
};
