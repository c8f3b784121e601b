import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { differences, startSyncRig, type SyncRig } from './sync-rig';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';
import type { AppEvent } from '../../../src/shared/api/events';

/** Watches the item answers the worker gets, to prove which path a test went through. */
function answerSpy() {
  const codes: string[] = [];
  const spy: typeof fetch = async (url, init) => {
    const res = await fetch(url, init);
    const text = await res.clone().text();
    try {
      for (const r of (JSON.parse(text) as { result?: { error_code?: string }[] }).result ?? []) if (r?.error_code) codes.push(r.error_code);
    } catch {
      // not JSON: a fault's HTML page
    }
    return res;
  };
  return { codes, spy };
}

describe('a back-office change between two pushes is merged by field ownership', () => {
  let rig: SyncRig;
  const spy = answerSpy();
  beforeEach(async () => {
    spy.codes.length = 0;
    rig = await startSyncRig({ worker: { fetch: spy.spy } });
  });
  afterEach(() => rig.close());

  it('-8: the back office finished the dossier while the clerk transferred it and moved its due date', async () => {
    const [id] = rig.receive(1);
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    const code = getRowById(rig.t.core.app.db, id)!.code;
    expect(rig.double.state.getDossier(code)?.PhienBan).toBe(1);

    // At the province: result ready, with its documents, by another unit.
    rig.double.state.backOffice.updateDossier(code, {
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20260303150000',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Bản sao có chứng thực', MaGiayToKetQua: 'CT-2026-0042' }],
      DonViXuLy: 'Phòng Tư pháp phường Ba Đình',
    });
    // At the counter, meanwhile (offline): transferred, and the supervisor moved the due date.
    rig.act(id, 'transfer', { body: 'Phòng Tư pháp' });
    await rig.t.must('dossier.extend', { dossierId: id, newDueAt: '2026-03-12T16:00:00+07:00', reason: 'Chờ xác minh', faultBody: 'Phòng Tư pháp' }, rig.tok.supervisor);

    const events: AppEvent[] = [];
    const off = rig.t.core.app.events.subscribe((e) => events.push(e));
    const run = await rig.worker.runNow();
    off();
    expect(run.outcome, run.message).toBe('ok');
    // The update met a newer version (-8), was merged and sent again.
    expect(spy.codes).toContain('-8');

    const server = rig.double.state.getDossier(code)!;
    // Never backwards: the back office's "9" stays, not the clerk's older "4".
    expect(server.TrangThaiHoSo).toBe('9');
    // The back office's fields are the back office's...
    expect(server.NgayKetThucXuLy).toBe('20260303150000');
    expect(server.DanhSachGiayToKetQua).toEqual([{ TenGiayTo: 'Bản sao có chứng thực', MaGiayToKetQua: 'CT-2026-0042' }]);
    expect(server.DonViXuLy).toBe('Phòng Tư pháp phường Ba Đình');
    // ...and the counter's are the counter's: the new due date went up.
    expect(server.NgayHenTra).toBe('20260312160000');
    // The clerk's step still went, after the dossier, as a step.
    expect(rig.double.state.progressSteps(code).map((s) => s.TrangThai)).toEqual(['4']);

    // Locally: the same merged dossier, with a step telling the clerk, and the screen told.
    const row = getRowById(rig.t.core.app.db, id)!;
    expect(row.status).toBe('9');
    expect(JSON.parse(row.result_documents!)).toEqual([{ name: 'Bản sao có chứng thực', code: 'CT-2026-0042' }]);
    expect(row.competent_agency).toBe('Phòng Tư pháp phường Ba Đình');
    const step = rig.t.core.app.db.prepare("SELECT from_status, to_status, body FROM dossier_steps WHERE dossier_rid = ? AND action = 'backOffice'").get(row.rid);
    expect(step).toEqual({ from_status: '4', to_status: '9', body: 'Đã có kết quả giải quyết' });
    expect(events.filter((e) => e.type === 'dossier.changed')).toEqual([{ type: 'dossier.changed', payload: { id, code, status: 9 } }]);

    // The clerk can now hand the result over; once everything went, both sides agree field by field.
    rig.act(id, 'returned', { collectorName: 'Nguyễn Văn An' });
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect(rig.double.state.getDossier(code)!.TrangThaiHoSo).toBe('10');
    expect(differences(rig.t.core.app, rig.double)).toEqual([]);
  });

  it('statuses the counter owns (10, 7) win over an older or same-rank back-office status', async () => {
    const [returned, withdrawn] = rig.receive(2);
    rig.actMany([
      { id: returned, action: 'resultReady' },
      { id: withdrawn, action: 'transfer', extra: { body: 'Phòng Tư pháp' } },
    ]);
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    const db = rig.t.core.app.db;
    const [c1, c2] = [getRowById(db, returned)!.code, getRowById(db, withdrawn)!.code];
    // The back office, late: it records the result again (with its own documents) and stops the other one.
    rig.double.state.backOffice.updateDossier(c1, { TrangThaiHoSo: '9', DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy xác nhận' }] });
    rig.double.state.backOffice.updateDossier(c2, { TrangThaiHoSo: '8' });
    // The citizen collected one and withdrew the other at the counter.
    rig.act(returned, 'returned', { collectorName: 'Nguyễn Văn An' });
    rig.act(withdrawn, 'withdraw', { note: 'Công dân xin rút hồ sơ' });
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect(spy.codes.filter((c) => c === '-8')).toHaveLength(2);
    expect(rig.double.state.getDossier(c1)).toMatchObject({ TrangThaiHoSo: '10', DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy xác nhận' }] });
    // 7 and 8 have the same rank; 7 is the counter's to set.
    expect(rig.double.state.getDossier(c2)!.TrangThaiHoSo).toBe('7');
    expect(getRowById(db, returned)!.status).toBe('10');
    expect(getRowById(db, withdrawn)!.status).toBe('7');
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect(differences(rig.t.core.app, rig.double)).toEqual([]);
  });
});
