import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, httpCall, type ServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_AGENCY, ADMIN } from '../../support/core';

/**
 * Power cut while the kiosk and counters issue tickets: after SIGKILL and restart every acknowledged
 * ticket is there, no number was handed out twice, and numbering goes on after the last one.
 */
describe('ticket issue survives a killed process', () => {
  const tmp = makeTempDir('motcua-ticket-crash-');
  afterAll(() => tmp.cleanup());

  it('loses no acknowledged ticket and never reuses a number across SIGKILLs', async () => {
    let server: ServerProcess = await startServerProcess({ dataDir: tmp.dir, now: '2026-03-10T08:00:00+07:00' });
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const loginAdmin = async () => ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    let token = await loginAdmin();
    const group = (await httpCall(server.url, 'queue.saveGroup', { name: 'Hộ tịch', prefix: 'A', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true }, token)).body.value as { id: string };
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      if (round > 0) {
        server = await startServerProcess({ dataDir: tmp.dir, now: '2026-03-10T08:00:00+07:00' });
        token = await loginAdmin();
      }
      const killAt = acknowledged.length + 20 + round * 5;
      const stream = async () => {
        for (;;) {
          let r;
          try {
            r = await httpCall(server.url, 'queue.issue', { groupId: group.id, priority: null, source: 'kiosk', print: false }, token);
          } catch {
            return;
          }
          if (r.status !== 200) throw new Error(JSON.stringify(r.body));
          acknowledged.push((r.body.value as { ticket: { code: string } }).ticket.code);
          if (acknowledged.length >= killAt) {
            await server.kill();
            return;
          }
        }
      };
      await Promise.all([stream(), stream()]);
    }
    const db = new BetterSqlite3(path.join(tmp.dir, 'motcua.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const codes = (db.prepare('SELECT display_code AS code FROM queue_tickets').all() as { code: string }[]).map((r) => r.code);
      expect(acknowledged.filter((c) => !codes.includes(c))).toEqual([]);
      expect(new Set(codes).size).toBe(codes.length);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
    } finally {
      db.close();
    }
    // After the last restart, the next number follows the highest one ever handed out.
    server = await startServerProcess({ dataDir: tmp.dir, now: '2026-03-10T08:00:00+07:00' });
    token = await loginAdmin();
    const next = (await httpCall(server.url, 'queue.issue', { groupId: group.id, priority: null, source: 'kiosk', print: false }, token)).body.value as { ticket: { code: string } };
    const highest = Math.max(...acknowledged.map((c) => Number(c.slice(1))));
    expect(Number(next.ticket.code.slice(1))).toBeGreaterThan(highest);
    await server.stop();
  });
});
