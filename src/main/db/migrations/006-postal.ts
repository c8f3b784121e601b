import type { Migration } from './index';

/**
 * The postal channel (bưu chính công ích): hand-overs with the postal employee and their items.
 * IN: dossiers collected by post, each one received (becomes a dossier) or found incomplete (Mẫu 02).
 * OUT: results (or incomplete dossiers with their Mẫu 02) handed to the post for delivery.
 */
export const m006Postal: Migration = {
  version: 6,
  name: 'postal: hand-overs with the public postal service and their items',
  up(db) {
    db.exec(`
      CREATE TABLE postal_handovers (
        id TEXT PRIMARY KEY,
        -- Printed on the slip: BN-yyMMdd-NN (nhận, inbound) or BG-yyMMdd-NN (giao, outbound), per local day.
        number TEXT NOT NULL UNIQUE,
        direction TEXT NOT NULL CHECK (direction IN ('IN','OUT')),
        state TEXT NOT NULL CHECK (state IN ('open','closed')),
        business_date TEXT NOT NULL,
        employee_name TEXT NOT NULL,
        employee_phone TEXT,
        post_office TEXT NOT NULL,
        clerk_id TEXT REFERENCES users(id),
        clerk_name TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        slip_document_id TEXT REFERENCES printed_documents(id),
        note TEXT,
        CHECK ((state = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE INDEX postal_handovers_state ON postal_handovers(state, opened_at);
      CREATE INDEX postal_handovers_opened ON postal_handovers(opened_at);
      CREATE INDEX postal_handovers_day ON postal_handovers(direction, business_date);

      CREATE TABLE postal_handover_items (
        id TEXT PRIMARY KEY,
        handover_id TEXT NOT NULL REFERENCES postal_handovers(id),
        -- Copied from the hand-over so the outcomes allowed per direction can be CHECKed here.
        direction TEXT NOT NULL CHECK (direction IN ('IN','OUT')),
        idx INTEGER NOT NULL,
        postal_code TEXT NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 30),
        -- s10: valid check digit; not-s10: another shape (warned); confirmed: S10 shape with a wrong
        -- check digit that the clerk explicitly confirmed as the code printed on the item.
        code_kind TEXT NOT NULL CHECK (code_kind IN ('s10','not-s10','confirmed')),
        -- 1 while the hand-over is open, NULL once closed: the partial unique index below lets an item
        -- code be in only one open hand-over at a time (the close trigger clears it).
        is_open INTEGER DEFAULT 1 CHECK (is_open IS NULL OR is_open = 1),
        dossier_id TEXT REFERENCES dossiers(id),
        -- The Mẫu 02 recorded for an incomplete inbound item.
        outcome_id TEXT REFERENCES intake_outcomes(id),
        -- OUT: the incomplete inbound item whose papers (with the Mẫu 02) are sent back by post.
        returns_item_id TEXT REFERENCES postal_handover_items(id),
        seal TEXT NOT NULL CHECK (seal IN ('intact','damaged')),
        seal_note TEXT,
        sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 99),
        outcome TEXT NOT NULL CHECK (outcome IN ('received','incomplete','returned','pending')),
        postal_fee INTEGER NOT NULL DEFAULT 0 CHECK (postal_fee >= 0),
        note TEXT,
        added_at TEXT NOT NULL,
        decided_at TEXT,
        UNIQUE (handover_id, idx),
        CHECK (seal = 'intact' OR seal_note IS NOT NULL),
        CHECK ((direction = 'IN' AND outcome IN ('pending','received','incomplete') AND postal_fee = 0)
            OR (direction = 'OUT' AND outcome = 'returned')),
        CHECK (outcome <> 'received' OR dossier_id IS NOT NULL),
        CHECK (outcome <> 'incomplete' OR outcome_id IS NOT NULL),
        CHECK (direction = 'IN' OR (dossier_id IS NULL) <> (returns_item_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX postal_items_open_code ON postal_handover_items(postal_code) WHERE is_open = 1;
      CREATE INDEX postal_items_code ON postal_handover_items(postal_code);
      CREATE INDEX postal_items_dossier ON postal_handover_items(dossier_id) WHERE dossier_id IS NOT NULL;
      CREATE INDEX postal_items_returns ON postal_handover_items(returns_item_id) WHERE returns_item_id IS NOT NULL;
      CREATE INDEX postal_items_incomplete ON postal_handover_items(outcome) WHERE outcome = 'incomplete';

      -- Items go only into an open hand-over of the same direction.
      CREATE TRIGGER postal_items_insert_open BEFORE INSERT ON postal_handover_items
      BEGIN
        SELECT RAISE(ABORT, 'postal hand-over is closed, missing or of the other direction')
        WHERE NOT EXISTS (SELECT 1 FROM postal_handovers WHERE id = new.handover_id AND state = 'open' AND direction = new.direction);
      END;
      -- Closing releases the item codes; a closed hand-over (a signed slip) is never reopened.
      CREATE TRIGGER postal_handover_close AFTER UPDATE OF state ON postal_handovers WHEN new.state = 'closed' AND old.state = 'open'
      BEGIN
        UPDATE postal_handover_items SET is_open = NULL WHERE handover_id = new.id;
      END;
      CREATE TRIGGER postal_handover_no_reopen BEFORE UPDATE OF state ON postal_handovers WHEN old.state = 'closed' AND new.state <> 'closed'
      BEGIN
        SELECT RAISE(ABORT, 'a closed postal hand-over cannot be reopened');
      END;
    `);
  },
};
