import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../../../src/main/db/migrations';
import { m006Postal } from '../../../src/main/db/migrations/006-postal';
import { insertItem, isOpenCodeConflict, SQL_ITEMS_OF, SQL_OPEN_CODE, type NewItem } from '../../../src/main/postal/postal-repo';
import { SQL_READY_BY_POST, SQL_RETURNS_PENDING } from '../../../src/main/postal/postal-outbound';
import { startTestCore, type TestCore } from '../../support/core';

function freshDb() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((x) => x.version <= 6)) m.up(db);
  return db;
}

describe('migration 006 (postal)', () => {
  it('is listed once, with version 6, between 005 and 007', () => {
    expect(migrations.filter((m) => m.version === 6)).toEqual([m006Postal]);
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('creates STRICT tables that refuse bad values', () => {
    const db = freshDb();
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'postal_%' ORDER BY name").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['postal_handover_items', 'postal_handovers']);
    for (const t of tables) expect(t.sql).toMatch(/\)\s*STRICT/);
    const handover = (id: string, direction = 'IN', number = id) =>
      db.prepare("INSERT INTO postal_handovers (id, number, direction, state, business_date, employee_name, post_office, clerk_name, opened_at) VALUES (?, ?, ?, 'open', '2026-03-03', 'N', 'B', 'C', 'x')").run(id, number, direction);
    handover('h-in');
    handover('h-out', 'OUT');
    expect(() => handover('h-x', 'SIDEWAYS')).toThrow(/CHECK/);
    expect(() => handover('h-dup', 'IN', 'h-in')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE postal_handovers SET state = 'closed' WHERE id = 'h-in'").run()).toThrow(/CHECK/); // closed needs closed_at
    const item = (over: Record<string, unknown>) => {
      const v = { id: `i${Math.random()}`, handover_id: 'h-in', direction: 'IN', code: 'EL123456785VN', seal: 'intact', seal_note: null, outcome: 'pending', fee: 0, sets: 1, dossier_id: null, outcome_id: null, returns_item_id: null, ...over };
      db.prepare(
        `INSERT INTO postal_handover_items (id, handover_id, direction, idx, postal_code, code_kind, seal, seal_note, sets, outcome, postal_fee, dossier_id, outcome_id, returns_item_id, added_at)
         VALUES (@id, @handover_id, @direction, (SELECT count(*) FROM postal_handover_items WHERE handover_id = @handover_id), @code, 's10', @seal, @seal_note, @sets, @outcome, @fee, @dossier_id, @outcome_id, @returns_item_id, 'x')`,
      ).run(v);
    };
    expect(() => item({ seal: 'damaged' })).toThrow(/CHECK/);
    expect(() => item({ outcome: 'received' })).toThrow(/CHECK/); // received needs its dossier
    expect(() => item({ outcome: 'incomplete' })).toThrow(/CHECK/); // incomplete needs its Mẫu 02
    expect(() => item({ outcome: 'returned' })).toThrow(/CHECK/); // not an inbound outcome
    expect(() => item({ fee: 1000 })).toThrow(/CHECK/); // fees are for outbound items
    expect(() => item({ sets: 0 })).toThrow(/CHECK/);
    expect(() => item({ direction: 'OUT' })).toThrow(/other direction/); // must match its hand-over
    expect(() => item({ handover_id: 'h-out', direction: 'OUT', outcome: 'pending' })).toThrow(/CHECK/);
    expect(() => item({ handover_id: 'h-out', direction: 'OUT', outcome: 'returned' })).toThrow(/CHECK/); // neither dossier nor return
    expect(() => db.prepare("INSERT INTO postal_handover_items (id, handover_id, direction, idx, postal_code, code_kind, seal, sets, outcome, added_at) VALUES ('s', 'h-in', 'IN', 9, 'X', 's10', 'intact', 'một', 'pending', 'x')").run()).toThrow(/cannot store TEXT/);
    item({ seal: 'damaged', seal_note: 'Rách phong bì' });
    db.close();
  });

  it('lets an item code be in only one OPEN hand-over (partial unique index); closing frees it; closed stays closed', () => {
    const db = freshDb();
    const handover = (id: string) =>
      db.prepare("INSERT INTO postal_handovers (id, number, direction, state, business_date, employee_name, post_office, clerk_name, opened_at) VALUES (?, ?, 'IN', 'open', '2026-03-03', 'N', 'B', 'C', 'x')").run(id, id);
    const item = (id: string, h: string, code: string) =>
      db.prepare(
        "INSERT INTO postal_handover_items (id, handover_id, direction, idx, postal_code, code_kind, seal, sets, outcome, added_at) VALUES (?, ?, 'IN', (SELECT count(*) FROM postal_handover_items WHERE handover_id = ?), ?, 's10', 'intact', 1, 'pending', 'x')",
      ).run(id, h, h, code);
    handover('a');
    handover('b');
    item('a1', 'a', 'EL123456785VN');
    expect(() => item('b1', 'b', 'EL123456785VN')).toThrow(/UNIQUE constraint failed: postal_handover_items\.postal_code/);
    expect(() => item('a2', 'a', 'EL123456785VN')).toThrow(/UNIQUE/);
    db.prepare("UPDATE postal_handovers SET state = 'closed', closed_at = 'y' WHERE id = 'a'").run();
    expect(db.prepare("SELECT is_open FROM postal_handover_items WHERE id = 'a1'").get()).toEqual({ is_open: null });
    item('b1', 'b', 'EL123456785VN');
    expect(() => item('a3', 'a', 'EE000000015VN')).toThrow(/closed/);
    expect(() => db.prepare("UPDATE postal_handovers SET state = 'open', closed_at = NULL WHERE id = 'a'").run()).toThrow(/cannot be reopened/);

    // The service's own insert: when two counters race past the check, the index refuses the second,
    // and the service recognises that refusal (and only that one) as "code already in an open hand-over".
    const base: NewItem = {
      id: 'r1', handoverId: 'b', direction: 'IN', postalCode: 'EL123456785VN', codeKind: 's10', seal: 'intact', sealNote: null, sets: 1, outcome: 'pending',
      postalFee: 0, note: null, dossierId: null, outcomeId: null, returnsItemId: null, addedAt: 'x', decidedAt: null,
    };
    const errorOf = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const race = errorOf(() => insertItem(db, base));
    expect(race).not.toBeNull();
    expect(isOpenCodeConflict(race)).toBe(true);
    const other = errorOf(() => insertItem(db, { ...base, id: 'r2', postalCode: 'EE000000015VN', seal: 'damaged' }));
    expect(other).not.toBeNull();
    expect(isOpenCodeConflict(other)).toBe(false);
    db.close();
  });
});

describe('hot postal queries use an index', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    const db = t.core.app.db;
    // Enough rows and fresh statistics for the planner to choose as it would on a real database.
    db.transaction(() => {
      const h = db.prepare("INSERT INTO postal_handovers (id, number, direction, state, business_date, employee_name, post_office, clerk_name, opened_at, closed_at) VALUES (?, ?, 'IN', 'open', '2026-03-03', 'N', 'B', 'C', ?, NULL)");
      const i = db.prepare("INSERT INTO postal_handover_items (id, handover_id, direction, idx, postal_code, code_kind, seal, sets, outcome, added_at) VALUES (?, ?, 'IN', ?, ?, 's10', 'intact', 1, 'pending', 'x')");
      for (let k = 0; k < 300; k++) {
        h.run(`h${k}`, `BN-${k}`, `2026-03-03T08:${String(k % 60).padStart(2, '0')}:00+07:00`);
        for (let j = 0; j < 10; j++) i.run(`h${k}-${j}`, `h${k}`, j, `EE${String(k * 10 + j).padStart(8, '0')}0VN`);
      }
      db.prepare("UPDATE postal_handovers SET state = 'closed', closed_at = 'y' WHERE rowid % 10 <> 0").run();
    })();
    db.exec('ANALYZE');
  });
  afterAll(() => t?.close());

  const plan = (sql: string, ...params: unknown[]) =>
    (t.core.app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it.each([
    ['the open hand-over holding a code', SQL_OPEN_CODE, ['EE000000010VN'], /SEARCH i USING INDEX postal_items_open_code/],
    ['the items of a hand-over', SQL_ITEMS_OF, ['h1'], /SEARCH i USING INDEX sqlite_autoindex_postal_handover_items_\d \(handover_id=\?\)/],
    ['results waiting to leave by post', SQL_READY_BY_POST, [], /SEARCH d USING INDEX dossiers_status_due \(status=\?\)/],
    ['incomplete items to send back', SQL_RETURNS_PENDING, [], /SCAN i USING INDEX postal_items_incomplete|SEARCH i USING INDEX postal_items_incomplete/],
    ['open hand-overs, newest first', "SELECT * FROM postal_handovers WHERE state = ? ORDER BY opened_at DESC, id DESC LIMIT ?", ['open', 50], /postal_handovers_state/],
  ])('%s', (_name, sql, params, expected) => {
    expect(plan(sql as string, ...(params as unknown[]))).toMatch(expected as RegExp);
  });

  it('the send-back check of an incomplete item uses the returns index', () => {
    expect(plan(SQL_RETURNS_PENDING)).toMatch(/postal_items_returns/);
  });
});
