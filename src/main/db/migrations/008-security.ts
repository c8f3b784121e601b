import type { Migration } from './index';

export const m008Security: Migration = {
  version: 8,
  name: 'security: paired LAN devices, pairing codes, session screen lock',
  up(db) {
    db.exec(`
      -- A display board, kiosk or terminal paired with a one-time code; only the token's hash is kept.
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('terminal','board','kiosk')),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        paired_at TEXT NOT NULL,
        paired_by TEXT,
        last_seen_at TEXT,
        last_seen_address TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      ) STRICT;

      -- One-time pairing codes (hash only), short-lived; used_at set when a device pairs with it.
      CREATE TABLE device_pairing_codes (
        code_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('terminal','board','kiosk')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT REFERENCES devices(id)
      ) STRICT;
      CREATE INDEX device_pairing_codes_device ON device_pairing_codes(device_id);

      -- Idle screen lock is enforced by the server too: a locked session may only unlock or log out.
      ALTER TABLE sessions ADD COLUMN locked_at TEXT;
    `);
  },
};
