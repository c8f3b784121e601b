import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { m001Foundation } from '../../../src/main/db/migrations/001-foundation';
import { m005Queue } from '../../../src/main/db/migrations/005-queue';
import { migrations } from '../../../src/main/db/migrations';
import { SQL_ACTIVE_AT_COUNTER, SQL_LAST_PRIORITY_CALL, SQL_ORDINARY_CALLS_SINCE, SQL_WAITING_FOR_COUNTER, SQL_WAITING_IN_GROUP } from '../../../src/main/queue/queue-service';
import { SQL_RECENT_SERVICE } from '../../../src/main/queue/queue-issue';
import { SQL_RATE_TARGET } from '../../../src/main/queue/queue-ratings';
import { SQL_LAST_CALLS, SQL_WAITING_COUNTS } from '../../../src/main/queue/queue-board';
import { SQL_STATS_TICKETS } from '../../../src/main/queue/queue-stats';
import { startTestCore, type TestCore } from '../../support/core';

describe('migration 005 (queue)', () => {
  it('is listed once, with version 5', () => {
    expect(migrations.filter((m) => m.version === 5)).toEqual([m005Queue]);
  });

  it('creates STRICT tables that refuse bad values', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    m001Foundation.up(db);
    m005Queue.up(db);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'queue_%' ORDER BY name").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['queue_counter_groups', 'queue_counters', 'queue_day_counters', 'queue_groups', 'queue_numbers', 'queue_ratings', 'queue_ticket_log', 'queue_tickets']);
    for (const t of tables) expect(t.sql).toMatch(/\)\s*STRICT/);
    const group = (prefix: string, start = 1, end = 999) =>
      db.prepare("INSERT INTO queue_groups (id, name, prefix, range_start, range_end, priority_mode, created_at, updated_at) VALUES (?, 'N', ?, ?, ?, 'strict', 'x', 'x')").run(`g-${prefix}-${start}-${end}`, prefix, start, end);
    group('A');
    expect(() => group('A', 2)).toThrow(/UNIQUE/);
    expect(() => group('ab')).toThrow(/CHECK/);
    expect(() => group('B', 10, 5)).toThrow(/CHECK/);
    const ticket = (over: Record<string, unknown>) => {
      const v = { id: 't1', state: 'waiting', priority: null, print_status: 'pending', source: 'kiosk', ...over };
      db.prepare(
        `INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, priority, state, issued_at, queued_at, print_status, source)
         VALUES (?, '2025-03-10', 'g-A-1-999', 1, 'A001', ?, ?, 'x', 'x', ?, ?)`,
      ).run(v.id, v.priority, v.state, v.print_status, v.source);
    };
    expect(() => ticket({ state: 'lost' })).toThrow(/CHECK/);
    expect(() => ticket({ priority: 'vip' })).toThrow(/CHECK/);
    expect(() => ticket({ print_status: 'maybe' })).toThrow(/CHECK/);
    expect(() => ticket({ source: 'web' })).toThrow(/CHECK/);
    ticket({});
    expect(() => db.prepare("INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, state, issued_at, queued_at, print_status, source) VALUES ('t2', 'd', 'g-A-1-999', '1x', 'A', 'waiting', 'x', 'x', 'pending', 'kiosk')").run()).toThrow(/cannot store TEXT/);
    expect(() => db.prepare("INSERT INTO queue_ratings (id, business_date, level, at) VALUES ('r', 'd', 4, 'x')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO queue_numbers (business_date, group_id, number, ticket_id) VALUES ('2025-03-10', 'g-A-1-999', 1, 't1')").run();
    expect(() => db.prepare("INSERT INTO queue_numbers (business_date, group_id, number, ticket_id) VALUES ('2025-03-10', 'g-A-1-999', 1, 't1')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, state, issued_at, queued_at, print_status, source) VALUES ('t3', 'd', 'nope', 1, 'A', 'waiting', 'x', 'x', 'pending', 'kiosk')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('hot queue queries use an index', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    // Some rows and fresh statistics, so the planner decides as it would on a real database.
    const db = t.core.app.db;
    db.prepare("INSERT INTO queue_groups (id, name, prefix, range_start, range_end, priority_mode, created_at, updated_at) VALUES ('g', 'N', 'A', 1, 9999, 'strict', 'x', 'x')").run();
    db.prepare("INSERT INTO queue_counters (number, name, created_at, updated_at) VALUES (1, 'Q', 'x', 'x')").run();
    const ins = db.prepare(
      `INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, state, counter_number, issued_at, queued_at, called_at, last_called_at, finished_at, print_status, source)
       VALUES (?, ?, 'g', ?, 'A', ?, ?, ?, ?, ?, ?, ?, 'printed', 'kiosk')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        const day = `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`;
        const state = ['done', 'waiting', 'no_show', 'called'][i % 4];
        ins.run(`t${i}`, day, i, state, state === 'waiting' ? null : 1, `${day}T08:00:00+07:00`, `${day}T08:00:00+07:00`, `${day}T08:05:00+07:00`, `${day}T08:05:00+07:00`, `${day}T08:10:00+07:00`);
      }
    })();
    db.exec('ANALYZE');
  });
  afterAll(() => t?.close());

  const plan = (sql: string, ...params: unknown[]) =>
    (t.core.app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it.each([
    ['waiting tickets of a group (call next)', SQL_WAITING_IN_GROUP, ['2025-01-05', 'g'], 'queue_tickets_waiting'],
    ['tickets transferred to a counter', SQL_WAITING_FOR_COUNTER, ['2025-01-05', 1], 'queue_tickets_waiting'],
    ["a counter's current ticket", SQL_ACTIVE_AT_COUNTER, [1], 'queue_tickets_active'],
    ['last priority call of a group', SQL_LAST_PRIORITY_CALL, ['2025-01-05', 'g'], 'queue_tickets_calls'],
    ['ordinary calls since then', SQL_ORDINARY_CALLS_SINCE, ['2025-01-05', 'g', '2025-01-05T08:00'], 'queue_tickets_calls'],
    ['recent service times (wait estimate)', SQL_RECENT_SERVICE, ['g'], 'queue_tickets_done'],
    ['the rating target at a counter', SQL_RATE_TARGET, [1, '2025-01-05'], 'queue_tickets_counter_day'],
    ['the board: last calls', SQL_LAST_CALLS, ['2025-01-05', 8], 'queue_tickets_last_call'],
    ['the board: waiting counts', SQL_WAITING_COUNTS, ['2025-01-05'], 'queue_tickets_waiting'],
    // Any index led by business_date serves the period's range.
    ['statistics of a period', SQL_STATS_TICKETS, ['2025-01-03', '2025-01-09'], /SEARCH t USING INDEX queue_tickets_\w+ \(business_date>\? AND business_date<\?\)/],
  ] as [string, string, unknown[], string | RegExp][])('%s', (_label, sql, params, index) => {
    const p = plan(sql, ...params);
    if (typeof index === 'string') expect(p).toContain(`INDEX ${index}`);
    else expect(p).toMatch(index);
    expect(p).not.toMatch(/SCAN t\b(?! USING)|SCAN queue_tickets\b(?! USING)/);
  });
});
