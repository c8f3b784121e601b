import type { Migration } from './index';

/**
 * Sync with the provincial server: its configuration (password sealed, never stored plain), the
 * worker's state (change-feed cursor, last success and error, online flag), a log of runs, and
 * what a person must look at (parked outbox entries with the server's message).
 * The last known server version per dossier is `dossiers.server_version` (migration 003).
 */
export const m007Sync: Migration = {
  version: 7,
  name: 'sync: provincial configuration, state, run log, parked items',
  up(db) {
    db.exec(`
      -- One row. password_sealed is "<scheme>:..." from a SecretStore (OS key store or AES-256-GCM
      -- with the data folder's key file); agency_id is the "madonvi" sent with every call.
      CREATE TABLE sync_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        base_url TEXT NOT NULL,
        username TEXT NOT NULL,
        agency_id TEXT NOT NULL,
        password_sealed TEXT NOT NULL,
        interval_sec INTEGER NOT NULL DEFAULT 300 CHECK (interval_sec BETWEEN 10 AND 86400),
        timeout_ms INTEGER NOT NULL DEFAULT 30000 CHECK (timeout_ms BETWEEN 50 AND 600000),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      -- One row, always present. feed_cursor is written in the same transaction as the feed page
      -- it follows, so a crash can never skip changes that were not stored.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        feed_cursor TEXT NOT NULL DEFAULT '',
        catalog_since TEXT,
        calendar_checked_on TEXT,
        online INTEGER CHECK (online IN (0, 1)),
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        last_error_kind TEXT CHECK (last_error_kind IN ('offline', 'config', 'internal')),
        next_run_at TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      -- outcome is NULL while a run is going on (or when the process died during it).
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reason TEXT NOT NULL CHECK (reason IN ('background', 'manual', 'close-day', 'change')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT CHECK (outcome IN ('ok', 'offline', 'config', 'failed', 'stopped')),
        pushed INTEGER NOT NULL DEFAULT 0,
        pulled INTEGER NOT NULL DEFAULT 0,
        parked INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL DEFAULT 0,
        error TEXT
      ) STRICT;

      -- parked_at: when the server refused the entry (-5); superseded_by: the later outbox entry that
      -- replaced a parked one (a supervisor's resend, or a full copy of the dossier accepted since);
      -- server_version: the version the accepted change produced.
      ALTER TABLE outbox ADD COLUMN parked_at TEXT;
      ALTER TABLE outbox ADD COLUMN superseded_by INTEGER;
      ALTER TABLE outbox ADD COLUMN server_version INTEGER;
      -- The parked view reads through outbox_pending (status, id) from migration 001.

      CREATE VIEW sync_parked AS
        SELECT o.id, o.change_id, o.kind, o.entity_id, o.payload, o.attempts, o.last_error AS server_message,
               o.created_at, o.parked_at, d.id AS dossier_id, d.code AS dossier_code
        FROM outbox o LEFT JOIN dossiers d ON d.id = o.entity_id
        WHERE o.status = 'parked' AND o.superseded_by IS NULL;

      -- The end-of-day report counts the results handed over that day.
      CREATE INDEX dossiers_returned ON dossiers(returned_at) WHERE returned_at IS NOT NULL;
    `);
  },
};
