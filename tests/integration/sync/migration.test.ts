import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

function plan(t: TestCore, sql: string, ...params: unknown[]): string {
  return (t.core.app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('migration 007: sync tables', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await startTestCore();
  });
  afterEach(() => t.close());

  it('creates the configuration, state, run log, parked view and outbox columns', () => {
    const db = t.core.app.db;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect(db.prepare('SELECT feed_cursor, online, last_success_at FROM sync_state').all()).toEqual([{ feed_cursor: '', online: null, last_success_at: null }]);
    expect(db.prepare('SELECT count(*) n FROM sync_config').get()).toEqual({ n: 0 });
    const cols = (db.prepare('PRAGMA table_info(outbox)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['parked_at', 'superseded_by', 'server_version']));
    // One row only, and the password column cannot be left empty.
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO sync_config (id, base_url, username, agency_id, updated_at) VALUES (1, 'https://x', 'u', 'a', 'now')").run(),
    ).toThrow(/NOT NULL/);
    // The parked view shows parked entries not yet answered by a later change.
    db.prepare("INSERT INTO outbox (change_id, kind, entity_id, payload, status, last_error, created_at) VALUES ('k1', 'rating', 'r1', '{}', 'parked', 'MucDo (phải từ 1 đến 3)', 'now')").run();
    db.prepare("INSERT INTO outbox (change_id, kind, entity_id, payload, status, created_at, superseded_by) VALUES ('k2', 'rating', 'r2', '{}', 'parked', 'now', 9)").run();
    expect(db.prepare('SELECT change_id, server_message FROM sync_parked').all()).toEqual([{ change_id: 'k1', server_message: 'MucDo (phải từ 1 đến 3)' }]);
  });

  it('the sync worker\'s hot queries use indexes', () => {
    expect(plan(t, "SELECT id, change_id, kind, entity_id, payload FROM outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?", 0, 1000)).toMatch(/USING (COVERING )?INDEX outbox_pending/);
    expect(plan(t, 'SELECT * FROM sync_parked ORDER BY id LIMIT 200')).toMatch(/SEARCH o USING INDEX outbox_pending \(status=\?\)/);
    expect(plan(t, "UPDATE outbox SET superseded_by = 1 WHERE entity_id = ? AND kind = 'dossier' AND status = 'parked'", 'x')).toMatch(/INDEX outbox_entity/);
    expect(plan(t, 'SELECT * FROM dossiers WHERE returned_at >= ? AND returned_at < ?', '2026-03-03T00:00', '2026-03-04T00:00')).toMatch(/INDEX dossiers_returned/);
    expect(plan(t, "SELECT count(*) FROM outbox WHERE status = 'pending'")).toMatch(/INDEX outbox_pending/);
    expect(plan(t, 'SELECT id, code, server_version FROM dossiers WHERE id = ?', 'x')).toMatch(/INDEX sqlite_autoindex_dossiers/);
  });
});
