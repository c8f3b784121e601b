import type { Migration } from './index';

export const m003Dossiers: Migration = {
  version: 3,
  name: 'dossiers: records, documents, fees, steps, pauses, intake outcomes, search index',
  up(db) {
    db.exec(`
      -- The daily sequence of dossier codes, per agency and LOCAL business day. Incremented inside the
      -- intake transaction, so two counters (two connections, or two processes) never get the same number.
      CREATE TABLE dossier_sequences (
        agency_id TEXT NOT NULL,
        business_date TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (agency_id, business_date)
      ) WITHOUT ROWID, STRICT;

      -- rid is the stable integer key used by child tables and the full-text index; id (UUID v7) is the
      -- record identity for sync; code is the human identity printed on the receipt.
      CREATE TABLE dossiers (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        agency_id TEXT NOT NULL,
        business_date TEXT NOT NULL,
        form_set TEXT NOT NULL CHECK (form_set IN ('2018','2025')),
        procedure_code TEXT NOT NULL,
        procedure_name TEXT NOT NULL,
        field_code TEXT,
        field_name TEXT,
        competent_agency TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('1','2','3')),
        status TEXT NOT NULL CHECK (status IN ('1','2','3','4','5','6','7','8','9','10')),
        summary TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        applicant_id TEXT NOT NULL,
        applicant_birth_date TEXT,
        applicant_sex TEXT,
        applicant_address TEXT NOT NULL,
        applicant_phone TEXT,
        applicant_email TEXT,
        owner_type TEXT NOT NULL CHECK (owner_type IN ('1','2','3','4')),
        owner_name TEXT NOT NULL,
        owner_id TEXT,
        owner_address TEXT NOT NULL,
        sets INTEGER NOT NULL,
        fee_total INTEGER NOT NULL,
        result_delivery TEXT NOT NULL CHECK (result_delivery IN ('0','1')),
        delivery_address TEXT,
        postal_code TEXT,
        received_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        due_ms INTEGER NOT NULL,
        original_due_at TEXT NOT NULL,
        extended_due_at TEXT,
        finished_at TEXT,
        returned_at TEXT,
        counter_number INTEGER,
        clerk_id TEXT REFERENCES users(id),
        clerk_name TEXT,
        ticket_id TEXT,
        result_documents TEXT,
        server_version INTEGER NOT NULL DEFAULT 0,
        note TEXT,
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dossiers_status_due ON dossiers(status, due_ms);
      -- Period lists: status rides along so "status X received in period P" is answered from the
      -- index alone (the list then looks up only the page's rows), as is the period on its own.
      CREATE INDEX dossiers_day ON dossiers(business_date, status);
      CREATE INDEX dossiers_procedure_day ON dossiers(procedure_code, business_date);
      CREATE INDEX dossiers_clerk_day ON dossiers(clerk_id, business_date);
      CREATE INDEX dossiers_postal_code ON dossiers(postal_code) WHERE postal_code IS NOT NULL;

      CREATE TABLE dossier_documents (
        dossier_rid INTEGER NOT NULL REFERENCES dossiers(rid),
        idx INTEGER NOT NULL,
        code TEXT,
        name TEXT NOT NULL,
        originals INTEGER NOT NULL,
        certified_copies INTEGER NOT NULL,
        copies INTEGER NOT NULL,
        PRIMARY KEY (dossier_rid, idx)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE dossier_fees (
        dossier_rid INTEGER NOT NULL REFERENCES dossiers(rid),
        idx INTEGER NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        collection TEXT NOT NULL CHECK (collection IN ('THUTRUOC','THUSAU','MIEN','KHONGTHU')),
        PRIMARY KEY (dossier_rid, idx)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE dossier_steps (
        id TEXT PRIMARY KEY,
        dossier_rid INTEGER NOT NULL REFERENCES dossiers(rid),
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        actor_id TEXT,
        actor_name TEXT,
        body TEXT,
        note TEXT,
        data TEXT
      ) STRICT;
      CREATE INDEX dossier_steps_dossier ON dossier_steps(dossier_rid, at);

      -- Supplement rounds: the clock pauses from from_at to to_at; the due date moves by the waiting time.
      CREATE TABLE dossier_pauses (
        dossier_rid INTEGER NOT NULL REFERENCES dossiers(rid),
        idx INTEGER NOT NULL,
        from_at TEXT NOT NULL,
        to_at TEXT,
        content TEXT NOT NULL,
        due_before TEXT NOT NULL,
        due_after TEXT,
        PRIMARY KEY (dossier_rid, idx)
      ) WITHOUT ROWID, STRICT;

      -- Citizens served without a received dossier: request to complete (Mẫu 02) or refusal (Mẫu 03).
      CREATE TABLE intake_outcomes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('supplement_request','refusal')),
        at TEXT NOT NULL,
        business_date TEXT NOT NULL,
        form_set TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        procedure_name TEXT NOT NULL,
        applicant TEXT NOT NULL,
        items TEXT NOT NULL,
        reason TEXT NOT NULL,
        clerk_id TEXT REFERENCES users(id),
        clerk_name TEXT,
        counter_number INTEGER,
        ticket_id TEXT
      ) STRICT;
      CREATE INDEX intake_outcomes_day ON intake_outcomes(business_date);

      -- Diacritic-free search (names, ID numbers, phones, postal codes), kept in step by triggers.
      -- Searches are AND-ed single words, the last one a prefix (the clerk is still typing), read
      -- newest first (ORDER BY rowid DESC) and stopped after a page. A prefix without its own
      -- index makes FTS5 merge the lists of every word it starts before returning anything: at
      -- 1,000,000 dossiers "nguyen" (a third of all names) took ~120 ms that way, "nguyen van a"
      -- (every word starting with "a") and "0011" (IDs) likewise. So every prefix of up to 7
      -- characters — any Vietnamese syllable — has its own index; longer ones (ID numbers, phones)
      -- are selective enough to merge. detail=none: no positions, as there are no phrase or NEAR
      -- queries; columnsize=0: no document sizes, as nothing is ranked. With them the index is a
      -- third smaller than the former prefix='2 3' one (80 MB at 1,000,000 dossiers).
      CREATE VIRTUAL TABLE dossier_fts USING fts5(search_text, content='dossiers', content_rowid='rid', tokenize='unicode61', prefix='1 2 3 4 5 6 7', detail=none, columnsize=0);
      CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO dossier_fts(rowid, search_text) VALUES (new.rid, new.search_text);
      END;
      CREATE TRIGGER dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
        INSERT INTO dossier_fts(dossier_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text);
      END;
      CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF search_text ON dossiers BEGIN
        INSERT INTO dossier_fts(dossier_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text);
        INSERT INTO dossier_fts(rowid, search_text) VALUES (new.rid, new.search_text);
      END;
    `);
  },
};
