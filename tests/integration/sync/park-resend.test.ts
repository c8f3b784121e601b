import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { differences, startSyncRig, type SyncRig } from './sync-rig';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';

describe('an item the server refuses (-5) is parked; the others go on', () => {
  let rig: SyncRig;
  beforeEach(async () => {
    rig = await startSyncRig();
  });
  afterEach(() => rig.close());

  it('parks the refused dossier with the server message, syncs the rest, and sends it once fixed and resent', async () => {
    const db = rig.t.core.app.db;
    const ids = rig.receive(5);
    rig.actMany(ids.map((id) => ({ id, action: 'transfer' as const, extra: { body: 'Phòng Tư pháp' } })));
    // A dossier taken in while the PC's clock was a day off: its due date is before its receipt.
    const bad = ids[2];
    const badRow = getRowById(db, bad)!;
    db.prepare('UPDATE dossiers SET due_at = ?, due_ms = ? WHERE id = ?').run('2026-03-02T09:00:00.000+07:00', Date.parse('2026-03-02T09:00:00+07:00'), bad);

    const run = await rig.worker.runNow();
    expect(run.outcome, run.message).toBe('ok');
    // The create and the update of that dossier went as one copy: one item to look at.
    expect(run.parked).toBe(1);
    expect(run.message).toMatch(/bị hệ thống tỉnh từ chối/);
    // The other four went, with their steps.
    for (const id of ids.filter((x) => x !== bad)) {
      const code = getRowById(db, id)!.code;
      expect(rig.double.state.getDossier(code)?.TrangThaiHoSo).toBe('4');
      expect(rig.double.state.progressSteps(code)).toHaveLength(1);
    }
    expect(rig.double.state.getDossier(badRow.code)).toBeUndefined();

    // One parked item, with the server's words naming the field, for everyone to see.
    const parked = await rig.t.must('sync.parked', {}, rig.tok.clerk);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ kind: 'dossier', label: 'Hồ sơ', dossierId: bad, dossierCode: badRow.code });
    expect(parked[0].message).toMatch(/NgayHenTra \(trước NgayTiepNhan\)/);
    // Its step waits for the dossier (never sent before the create), it is not refused itself.
    expect(db.prepare("SELECT status FROM outbox WHERE kind = 'progress' AND entity_id = ?").all(bad)).toEqual([{ status: 'pending' }]);
    const status = await rig.t.must('sync.status', {}, rig.tok.clerk);
    expect(status).toMatchObject({ parked: 1, pending: 1, online: true, config: null });

    // Only a supervisor resends.
    const refused = await rig.t.call('sync.resend', { ids: [parked[0].id] }, rig.tok.clerk);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');

    // Resent before it is fixed: a new change, refused again, still one item in the list.
    expect(await rig.t.must('sync.resend', { ids: [parked[0].id] }, rig.tok.supervisor)).toEqual({ resent: 1 });
    expect((await rig.worker.runNow()).parked).toBe(1);
    const again = await rig.t.must('sync.parked', {}, rig.tok.supervisor);
    expect(again).toHaveLength(1);
    expect(again[0].id).toBeGreaterThan(parked[0].id);

    // The supervisor fixes the due date (apology and new date), then resends.
    await rig.t.must('dossier.extend', { dossierId: bad, newDueAt: '2026-03-10T09:30:00+07:00', reason: 'Sai giờ máy khi tiếp nhận', faultBody: 'Bộ phận Một cửa' }, rig.tok.supervisor);
    expect(await rig.t.must('sync.resend', { ids: [again[0].id] }, rig.tok.supervisor)).toEqual({ resent: 1 });
    const fixed = await rig.worker.runNow();
    expect(fixed.outcome).toBe('ok');
    expect(fixed.parked).toBe(0);
    expect(await rig.t.must('sync.parked', {}, rig.tok.supervisor)).toEqual([]);
    expect(rig.double.state.getDossier(badRow.code)).toMatchObject({ TrangThaiHoSo: '4', NgayHenTra: '20260310093000' });
    expect(rig.double.state.progressSteps(badRow.code).map((s) => s.TrangThai)).toEqual(['4']);
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    expect(differences(rig.t.core.app, rig.double)).toEqual([]);
    // The parked entries stay in the outbox as history, answered by the accepted copy.
    expect(db.prepare("SELECT count(*) n, sum(superseded_by IS NULL) open FROM outbox WHERE status = 'parked'").get()).toEqual({ n: 3, open: 0 });
  });

  it('a step that cannot be written in the contract is parked locally and resent once repaired; ratings do not wait', async () => {
    const db = rig.t.core.app.db;
    const admin = rig.tok.admin;
    const group = await rig.t.must('queue.saveGroup', { name: 'Hộ tịch', prefix: 'A', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true }, admin);
    await rig.t.must('queue.saveCounter', { number: 1, name: 'Quầy 1', groupIds: [group.id], active: true }, admin);
    await rig.t.must('queue.rate', { level: 1, counterNumber: 1 }, rig.tok.clerk);
    await rig.t.must('queue.rate', { level: 3, counterNumber: 1 }, rig.tok.clerk);
    const [id] = rig.receive(1);
    rig.act(id, 'transfer', { body: 'Phòng Tư pháp' });
    // A step whose recorded time got damaged (the server refuses it).
    const step = db.prepare("SELECT s.id, s.at FROM dossier_steps s JOIN dossiers d ON d.rid = s.dossier_rid WHERE d.id = ? AND s.action = 'transfer'").get(id) as { id: string; at: string };
    db.prepare('UPDATE dossier_steps SET at = ? WHERE id = ?').run('không rõ', step.id);
    const run = await rig.worker.runNow();
    expect(run.outcome, run.message).toBe('ok');
    expect(run.parked).toBe(1);
    const [p] = await rig.t.must('sync.parked', {}, rig.tok.supervisor);
    expect(p).toMatchObject({ kind: 'progress', label: 'Bước xử lý: Chuyển xử lý' });
    expect(p.message).toMatch(/^Dữ liệu đã lưu không ghi được theo định dạng của hệ thống tỉnh: Thời điểm không hợp lệ/);
    // The ratings did not wait for it.
    expect(rig.double.state.ratings().map((r) => r.MucDo).sort()).toEqual([1, 3]);
    const keys = (db.prepare("SELECT change_id FROM outbox WHERE kind = 'rating' ORDER BY id").all() as { change_id: string }[]).map((r) => r.change_id);
    expect(rig.double.state.ratings().map((r) => r.MaThayDoi)).toEqual(keys);
    expect(rig.double.state.ratings()[0]).toMatchObject({ Quay: '1', MucDo: 1 });

    db.prepare('UPDATE dossier_steps SET at = ? WHERE id = ?').run(step.at, step.id);
    await rig.t.must('sync.resend', { ids: [p.id] }, rig.tok.supervisor);
    expect((await rig.worker.runNow()).parked).toBe(0);
    const code = getRowById(db, id)!.code;
    expect(rig.double.state.progressSteps(code)).toHaveLength(1);
    expect(await rig.t.must('sync.parked', {}, rig.tok.supervisor)).toEqual([]);
  });
});
