import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { startOfficeServer, type OfficeServer } from '../../../src/main/server/office-server';
import { startLossyProxy } from '../../support/lossy-proxy';
import { httpCall } from '../../support/server-process';
import { parseCccdQr } from '../../../src/shared/domain/cccd-qr';
import { postalIntake, s10 } from '../postal/postal-fixtures';
import type { DossierView } from '../../../src/shared/dossiers/dossier-schemas';

const POSTMAN = { employeeName: 'Vũ Thị Hồng Nhung', employeePhone: '0987654321', postOffice: 'Bưu cục Ba Đình' };

/** Creating calls carry a client-chosen request id: a repeat returns the first answer and creates nothing. */
describe('request ids on creating calls (double press, lost answer, retry)', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  let server: OfficeServer;
  const count = (table: string) => (t.core.app.db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

  beforeEach(async () => {
    // Tuesday 3 March 2026, 09:32 local time.
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
    server = await startOfficeServer({ core: t.core, port: 0, serveUi: false });
  });
  afterEach(async () => {
    await server.close();
    t.close();
  });

  it('dossier.receive: the answer is lost on the way back, the retry gets the same dossier and ONE dossier exists', async () => {
    const proxy = await startLossyProxy(server.port, 1);
    const input = { ...sampleIntake(0), requestId: randomUUID() };
    // The first attempt reaches the server and commits; the client only sees the connection cut.
    await expect(httpCall(proxy.url, 'dossier.receive', input, tok.clerk)).rejects.toThrow();
    expect(proxy.dropped).toBe(1);
    expect(count('dossiers')).toBe(1);
    // The retry the app suggests, through the same (now healthy) path: same request id, same body.
    const retry = await httpCall(proxy.url, 'dossier.receive', input, tok.clerk);
    expect(retry.body.ok).toBe(true);
    const first = t.core.app.db.prepare('SELECT id, code FROM dossiers').get() as { id: string; code: string };
    expect(retry.body.value).toMatchObject({ id: first.id, code: first.code });
    // And a third time straight to the server.
    const third = await httpCall(server.url, 'dossier.receive', input, tok.clerk);
    expect((third.body.value as DossierView).code).toBe(first.code);
    expect(count('dossiers')).toBe(1);
    const db = t.core.app.db;
    expect(db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'dossier.receive'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) n FROM outbox WHERE kind = 'dossier'").get()).toEqual({ n: 1 });
    // The next intake (a new request id) gets the next number: the repeat consumed none.
    const next = await httpCall(server.url, 'dossier.receive', { ...sampleIntake(1), requestId: randomUUID() }, tok.clerk);
    expect((next.body.value as DossierView).code).toBe('000.00.06.H56-260303-0002');
    await proxy.close();
  });

  it('two presses at once (Ctrl+Enter twice on a slow LAN) make one dossier, both answered with it', async () => {
    const input = { ...sampleIntake(0), requestId: randomUUID() };
    const [a, b] = await Promise.all([httpCall(server.url, 'dossier.receive', input, tok.clerk), httpCall(server.url, 'dossier.receive', input, tok.clerk)]);
    expect(a.body.ok && b.body.ok).toBe(true);
    expect((a.body.value as DossierView).code).toBe((b.body.value as DossierView).code);
    expect(count('dossiers')).toBe(1);
  });

  it('the same request id with a different body is refused with a Vietnamese message and changes nothing', async () => {
    const requestId = randomUUID();
    await t.must('dossier.receive', { ...sampleIntake(0), requestId }, tok.clerk);
    const other = await httpCall(server.url, 'dossier.receive', { ...sampleIntake(0, { sets: 2 }), requestId }, tok.clerk);
    expect(other.body.ok).toBe(false);
    expect(other.body.error?.code).toBe('CONFLICT');
    expect(other.body.error?.message).toContain('đã được gửi trước đó với nội dung khác');
    expect(other.body.error?.fields).toHaveProperty('requestId');
    // Another method, or another clerk, cannot reuse an id either.
    const outcome = await t.call('dossier.recordOutcome', { kind: 'refusal', procedureCode: '2.000815', applicant: sampleIntake(0).applicant, reason: 'Không thuộc thẩm quyền', requestId }, tok.clerk);
    expect(!outcome.ok && outcome.error.message).toContain('thao tác khác');
    const bySupervisor = await t.call('dossier.receive', { ...sampleIntake(0), requestId }, tok.supervisor);
    expect(!bySupervisor.ok && bySupervisor.error.code).toBe('CONFLICT');
    // Key order is not content: the same body sent with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries({ ...sampleIntake(0), requestId }).reverse()) as ReturnType<typeof sampleIntake>;
    expect((await t.must('dossier.receive', reordered, tok.clerk)).code).toBe('000.00.06.H56-260303-0001');
    expect(count('dossiers')).toBe(1);
    expect(count('intake_outcomes')).toBe(0);
    // A malformed id is a field error, in Vietnamese.
    const bad = await t.call('dossier.receive', { ...sampleIntake(0), requestId: 'abc' }, tok.clerk);
    expect(!bad.ok && bad.error.fields?.requestId).toMatch(/Mã yêu cầu/);
  });

  it('a refused save (validation) stores no answer: the same id works once the clerk fixes the form', async () => {
    const requestId = randomUUID();
    const refused = await t.call('dossier.receive', { ...sampleIntake(0, { resultDelivery: '1' }), requestId }, tok.clerk);
    expect(refused.ok).toBe(false);
    expect(count('request_answers')).toBe(0);
    expect((await t.must('dossier.receive', { ...sampleIntake(0), requestId }, tok.clerk)).code).toBe('000.00.06.H56-260303-0001');
  });

  it('Mẫu 02/03 outcomes, postal hand-overs and tickets: a repeat returns the first and creates nothing', async () => {
    const applicant = sampleIntake(2).applicant;
    const outcome = { kind: 'refusal' as const, procedureCode: '2.000815', applicant, reason: 'Không thuộc thẩm quyền giải quyết', requestId: randomUUID() };
    const o1 = await t.must('dossier.recordOutcome', outcome, tok.clerk);
    const o2 = await t.must('dossier.recordOutcome', outcome, tok.clerk);
    expect(o2).toEqual(o1);
    expect(count('intake_outcomes')).toBe(1);

    const open = { ...POSTMAN, requestId: randomUUID() };
    const h = await t.must('postal.openInbound', open, tok.clerk);
    expect((await t.must('postal.openInbound', open, tok.clerk)).id).toBe(h.id);
    expect(count('postal_handovers')).toBe(1);
    const codes = [s10('12300001', 'EL'), s10('12300002', 'EL')];
    for (const postalCode of codes) {
      const add = { handoverId: h.id, postalCode, requestId: randomUUID() };
      const a1 = await t.must('postal.addItem', add, tok.clerk);
      expect((await t.must('postal.addItem', add, tok.clerk)).itemId).toBe(a1.itemId);
    }
    expect(count('postal_handover_items')).toBe(2);
    const receive = { handoverId: h.id, postalCode: codes[0], intake: postalIntake(0), requestId: randomUUID() };
    const r1 = await t.must('postal.receiveItem', receive, tok.clerk);
    expect((await t.must('postal.receiveItem', receive, tok.clerk)).dossier.code).toBe(r1.dossier.code);
    expect(count('dossiers')).toBe(1);
    const incomplete = { handoverId: h.id, postalCode: codes[1], procedureCode: '2.000815', applicant, reason: 'Thiếu bản chính', requestId: randomUUID() };
    const m1 = await t.must('postal.markIncomplete', incomplete, tok.clerk);
    expect((await t.must('postal.markIncomplete', incomplete, tok.clerk)).outcome.id).toBe(m1.outcome.id);
    expect(count('intake_outcomes')).toBe(2);

    // A ticket (an asynchronous handler: it prints): two presses in flight at once and a later repeat, one ticket.
    const group = await t.must('queue.saveGroup', { name: 'Tư pháp', prefix: 'A', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true }, tok.admin);
    const press = { groupId: group.id, priority: null, source: 'counter' as const, print: false, requestId: randomUUID() };
    const [k1, k2] = await Promise.all([t.must('queue.issue', press, tok.clerk), t.must('queue.issue', press, tok.clerk)]);
    const k3 = await t.must('queue.issue', press, tok.clerk);
    expect([k2.ticket.code, k3.ticket.code]).toEqual([k1.ticket.code, k1.ticket.code]);
    expect(count('queue_tickets')).toBe(1);
  });

  it('postal.handOver repeated after a lost answer hands over once', async () => {
    const h = await t.must('postal.openInbound', POSTMAN, tok.clerk);
    const code = s10('12300003', 'EL');
    await t.must('postal.addItem', { handoverId: h.id, postalCode: code }, tok.clerk);
    const d = (await t.must('postal.receiveItem', { handoverId: h.id, postalCode: code, intake: postalIntake(0) }, tok.clerk)).dossier;
    await t.must('postal.closeInbound', { handoverId: h.id }, tok.clerk);
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    await t.must('dossier.act', { dossierId: d.id, action: 'resultReady', resultDocuments: [{ name: 'Bản sao đã chứng thực' }] }, tok.clerk);
    const proxy = await startLossyProxy(server.port, 1);
    const out = { ...POSTMAN, items: [{ dossierId: d.id, postalCode: s10('66600001') }], requestId: randomUUID() };
    await expect(httpCall(proxy.url, 'postal.handOver', out, tok.clerk)).rejects.toThrow();
    const retry = await httpCall(proxy.url, 'postal.handOver', out, tok.clerk);
    expect(retry.body.ok).toBe(true);
    expect(count("postal_handovers WHERE direction = 'OUT'")).toBe(1);
    await proxy.close();
  });
});

describe('every field read from the CCCD QR is kept on the dossier', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('stores the old 9-digit ID and the card issue date and reads them back', async () => {
    const card = parseCccdQr('001085012345|012345678|Nguyễn Văn An|12041985|Nam|Số 12 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội|15082021', { today: '2026-03-03' });
    if (!card.ok) throw new Error(card.error);
    const c = card.value;
    const d = await t.must('dossier.receive', sampleIntake(0, {
      applicant: { fullName: c.fullName, idNumber: c.idNumber, birthDate: c.birthDate, sex: c.sex, address: c.address, oldIdNumber: c.oldIdNumber, idIssuedOn: c.issueDate },
    }), tok.clerk);
    expect(d.applicant).toMatchObject({ idNumber: '001085012345', oldIdNumber: '012345678', idIssuedOn: '2021-08-15' });
    const back = await t.must('dossier.get', { id: d.id }, tok.clerk);
    expect(back.applicant).toMatchObject({ oldIdNumber: '012345678', idIssuedOn: '2021-08-15' });
    expect(t.core.app.db.prepare('SELECT applicant_old_id o, applicant_id_issued_on i FROM dossiers WHERE id = ?').get(d.id)).toEqual({ o: '012345678', i: '2021-08-15' });
    // A card without an old ID: nothing invented.
    const plain = await t.must('dossier.receive', sampleIntake(1), tok.clerk);
    expect(plain.applicant).toMatchObject({ oldIdNumber: null, idIssuedOn: null });
    const bad = await t.call('dossier.receive', sampleIntake(2, { applicant: { ...sampleIntake(2).applicant, oldIdNumber: '12345' } }), tok.clerk);
    expect(!bad.ok && bad.error.fields?.['applicant.oldIdNumber']).toMatch(/9 chữ số/);
  });
});
