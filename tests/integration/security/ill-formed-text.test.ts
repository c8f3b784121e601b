import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src/shared/api/contract';
import { writeAudit, verifyAuditChain } from '../../../src/main/audit/audit-log';
import { startTestOffice, type TestOffice } from '../../support/office-server';
import { httpCall } from '../../support/server-process';

/**
 * Issue 19, item 1: one anonymous request with a lone surrogate used to break the audit chain for good
 * (SQLite stores U+FFFD where the hash saw "\ud800"). Ill-formed UTF-16 is now refused at the boundary
 * for every string of every method, and the chain hashes the bytes SQLite really stores.
 */
describe('ill-formed UTF-16 cannot poison the audit chain', () => {
  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
  });
  afterAll(() => office.close());

  it('refuses a failed login whose username holds a lone surrogate, naming the field; the chain still verifies', async () => {
    // A raw JSON body: JSON.parse turns the escape into a lone surrogate, as an attacker's request would.
    const r = await httpCall(office.server.url, 'auth.login', '{"username":"\\ud800","password":"x"}');
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('VALIDATION');
    expect(r.body.error?.fields?.username).toMatch(/ký tự Unicode không hợp lệ/);
    expect((await office.t.must('audit.verify', {}, office.tokens.admin)).intact).toBe(true);
  });

  it('refuses the same in a device name at pairing (public)', async () => {
    const { code } = await office.t.must('devices.createPairingCode', { kind: 'board' }, office.tokens.admin);
    const r = await httpCall(office.server.url, 'devices.pair', `{"code":"${code}","name":"Bảng \\udfff"}`);
    expect(r.body.error?.code).toBe('VALIDATION');
    expect(r.body.error?.fields?.name).toMatch(/ký tự Unicode không hợp lệ/);
  });

  it('refuses a lone surrogate in any string, at any depth, and in object keys, for every method of the contract', async () => {
    const methods = Object.keys(contract) as MethodName[];
    for (const m of methods) {
      for (const input of [{ x: { y: ['ok', 'a\ud800'] } }, { ['k\udc00']: 1 }]) {
        const r = await office.t.call(m, input as never, office.tokens.admin);
        expect(r.ok, m).toBe(false);
        if (!r.ok) expect(r.error.message, m).toMatch(/ký tự Unicode không hợp lệ/);
      }
    }
  });

  it('hashes what SQLite stores: an entry written with ill-formed text behind the boundary still verifies', () => {
    const db = office.t.core.app.db;
    const caller = { userId: null, username: '\ud800x', fullName: null, role: null, device: 'http:\udfff', tokenHash: null };
    db.transaction(() => writeAudit(db, office.t.clock.now(), caller, { action: 'test.poison', detail: { name: 'a\ud800b' } }))();
    writeAudit(db, office.t.clock.now(), { ...caller, username: 'sau' }, { action: 'test.after' });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, firstBrokenId: null });
    // …and tampering after it is still found.
    const last = db.prepare('SELECT id FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number };
    db.prepare("UPDATE audit_log SET action = 'test.edited' WHERE id = ?").run(last.id);
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, firstBrokenId: last.id });
    db.prepare("UPDATE audit_log SET action = 'test.after' WHERE id = ?").run(last.id);
  });
});
