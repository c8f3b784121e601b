import type { Migration } from './index';

export const m018CounterFloor: Migration = {
  version: 18,
  name: 'counter floor: answers of creating calls by client request id; every field read from the CCCD kept on the dossier',
  up(db) {
    db.exec(`
      -- A creating call (receive a dossier, record a Mẫu 02/03 outcome, a postal hand-over, a ticket) carries a
      -- request id chosen by the client. Its answer is stored with the change, so a repeat (double key press, a
      -- retry after a lost answer) returns the first answer and creates nothing.
      CREATE TABLE request_answers (
        request_id TEXT PRIMARY KEY,
        method TEXT NOT NULL,
        actor TEXT NOT NULL,
        -- SHA-256 of the validated input without the request id: a repeat with other content is refused.
        input_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        answer TEXT NOT NULL
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX request_answers_at ON request_answers(at);

      -- The CCCD QR also carries the old 9-digit ID and the card's issue date: kept as read.
      ALTER TABLE dossiers ADD COLUMN applicant_old_id TEXT;
      ALTER TABLE dossiers ADD COLUMN applicant_id_issued_on TEXT;
    `);
  },
};
