import type { Migration } from './index';

/**
 * Sync that never overwrites another citizen's dossier (contract v1.1, `IdHoSo`).
 * - sync_collisions: a dossier code the province holds for ANOTHER dossier (a restored or reinstalled
 *   counter, two PCs set up with one agency ID). The local dossier is never merged with the foreign copy;
 *   a supervisor repairs it (new local code, receipt reprinted, citizen called back).
 * - dossiers.origin: 'province' for a dossier this counter rebuilt from the change feed (received elsewhere
 *   or before a reinstall), 'counter' for one received here.
 * - sync_state.rebuild_reason: set after a restore or a reinstall; intake waits until the change feed has
 *   been read to its end (or a supervisor goes on offline, numbering above every code ever issued).
 */
export const m017SyncIdentity: Migration = {
  version: 17,
  name: 'sync: dossier identity, code collisions, rebuild from the change feed',
  up(db) {
    db.exec(`
      CREATE TABLE sync_collisions (
        id INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL,
        code TEXT NOT NULL,
        -- The province's copy that holds the code (HoSo JSON), kept to show the supervisor and to rebuild it here.
        server_copy TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('create', 'conflict', 'feed')),
        detected_at TEXT NOT NULL,
        repaired_at TEXT,
        repaired_by TEXT,
        new_code TEXT,
        called_back_at TEXT,
        called_back_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX sync_collisions_open ON sync_collisions(dossier_id) WHERE repaired_at IS NULL;

      ALTER TABLE dossiers ADD COLUMN origin TEXT NOT NULL DEFAULT 'counter' CHECK (origin IN ('counter', 'province'));

      ALTER TABLE sync_state ADD COLUMN rebuild_reason TEXT;
      ALTER TABLE sync_state ADD COLUMN rebuild_offline_by TEXT;
    `);
  },
};
