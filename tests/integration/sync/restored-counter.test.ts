/**
 * Issue 18, finding 1 (critical): a counter restored from a morning backup numbers new dossiers with
 * codes the province already holds for other citizens. Against the double over HTTP, on real SQLite
 * files, through the real backup, restore and restart: the province's dossier is never overwritten, the
 * collision is parked and visible on every screen, the repair gives the local dossier a new code, and
 * nothing is lost locally (the dossiers received after the backup come back from the change feed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY, differences, FAST_WORKER, startSyncRig, type SyncRig } from './sync-rig';
import { openCoreAt, PASSPHRASE } from '../security/helpers';
import { sampleIntake } from '../../support/dossier-fixtures';
import { getRowByCode, getRowById } from '../../../src/main/dossiers/dossier-repo';
import { syncWorkerFor, type SyncWorker } from '../../../src/main/sync/sync-worker';
import { formatDossierCode } from '../../../src/shared/domain/dossier-code';
import type { AppEvent } from '../../../src/shared/api/events';
import type { HoSo } from '../../../src/shared/sync/provincial-types';

const code = (n: number) => formatDossierCode(AGENCY, '2026-03-03', n);

describe('a counter restored from an old backup never overwrites the province’s other dossiers', () => {
  let rig: SyncRig;
  let t2: Awaited<ReturnType<typeof openCoreAt>>;
  let worker2: SyncWorker;
  let tok: { clerk: string; supervisor: string };
  /** The province's copies of the dossiers received after the backup, as they were before the restore. */
  let before: HoSo[];
  /** The province's steps of the foreign dossier before the restore. */
  let stepsBefore: unknown[];
  let lostIds: string[];
  let newId: string;
  const events: AppEvent[] = [];

  beforeAll(async () => {
    rig = await startSyncRig();
    await rig.t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, rig.tok.admin);
    rig.receive(3);
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    const morning = (await rig.t.must('backup.run', {}, rig.tok.admin)).entry.file;
    // After the backup: three more citizens, synced; the back office then finishes one of them.
    lostIds = rig.receive(3, () => ({ applicant: { ...sampleIntake(0).applicant, fullName: 'Phạm Thị Dung', idNumber: '001190000004' } }));
    rig.actMany(lostIds.map((id) => ({ id, action: 'transfer' as const, extra: { body: 'Phòng Tư pháp' } })));
    expect((await rig.worker.runNow()).outcome).toBe('ok');
    rig.double.state.backOffice.updateDossier(code(4), {
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20260303110000',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Bản sao chứng thực', MaGiayToKetQua: 'CT-0004' }],
    });
    before = [4, 5, 6].map((n) => rig.double.state.getDossier(code(n))!);
    stepsBefore = rig.double.state.progressSteps(code(4));

    // The PC is restored from the morning backup and restarted.
    await rig.t.must('backup.restore', { file: morning, passphrase: PASSPHRASE }, rig.tok.admin);
    await rig.worker.stop();
    rig.t.core.close();
    t2 = await openCoreAt(rig.t.dataDir, rig.t.clock);
    worker2 = syncWorkerFor(t2.core.app, FAST_WORKER);
    t2.core.app.events.subscribe((e) => events.push(e));
    tok = { clerk: await t2.login('canbo1', 'matkhau-canbo-1'), supervisor: await t2.login('truongbp', 'matkhau-truong-1') };
    expect(lostIds.map((id) => getRowById(t2.core.app.db, id))).toEqual([undefined, undefined, undefined]);

    // The next citizen gets the code the province holds for Phạm Thị Dung.
    const r = await t2.must('dossier.receive', { ...sampleIntake(7, { applicant: { ...sampleIntake(7).applicant, fullName: 'Hoàng Văn Em', idNumber: '001095000777' } }) }, tok.clerk);
    expect(r.code).toBe(code(4));
    newId = r.id;
    // …and is sent on to the competent body: a progress step that must never land on the other citizen's dossier.
    await t2.must('dossier.act', { dossierId: newId, action: 'transfer', body: 'Phòng Tư pháp' }, tok.clerk);
  });
  afterAll(async () => {
    await worker2?.stop();
    t2?.close();
    await rig.close();
  });

  it('sync: the -3 copy is another dossier (its IdHoSo) → parked as a code collision; the province keeps every dossier as it was', async () => {
    const run = await worker2.runNow();
    expect(run.outcome, run.message).toBe('ok');
    // Nothing of the province changed: the foreign dossier keeps its owner, identity, status, result and version.
    expect([4, 5, 6].map((n) => rig.double.state.getDossier(code(n)))).toEqual(before);
    expect(rig.double.state.allDossiers()).toHaveLength(6);
    expect(rig.double.state.progressSteps(code(4))).toEqual(stepsBefore);

    // The new local dossier is intact: its own citizen, status and no result of the other's.
    const mine = getRowById(t2.core.app.db, newId)!;
    expect(mine).toMatchObject({ code: code(4), owner_name: 'Hoàng Văn Em', status: '4', result_documents: null, finished_at: null, server_version: 0 });
    // Its copy waits, parked with a message that says why.
    const parked = await t2.must('sync.parked', {}, tok.supervisor);
    expect(parked.map((p) => p.message)).toEqual([expect.stringContaining(`Trùng mã hồ sơ: hệ thống tỉnh đã có mã ${code(4)} cho một hồ sơ khác (chủ hồ sơ Phạm Thị Dung`)]);
  });

  it('the collision is visible to every user, and announced once', async () => {
    for (const token of [tok.clerk, tok.supervisor]) expect((await t2.must('sync.status', {}, token)).collisions).toBe(1);
    const [c] = await t2.must('sync.collisions', {}, tok.clerk);
    expect(c).toMatchObject({
      code: code(4),
      source: 'create',
      local: { dossierId: newId, code: code(4), ownerName: 'Hoàng Văn Em' },
      server: { ownerName: 'Phạm Thị Dung', status: '9' },
      repairedAt: null,
    });
    expect(events.filter((e) => e.type === 'sync.collision').map((e) => e.payload)).toEqual([{ id: newId, code: code(4) }]);
  });

  it('nothing is lost locally: the dossiers received after the backup came back from the change feed, as the province holds them', () => {
    const db = t2.core.app.db;
    // Code 4 is ours locally (the new citizen); 5 and 6 are rebuilt under the identity their counter gave them.
    for (const [i, n] of [
      [1, 5],
      [2, 6],
    ]) {
      const row = getRowByCode(db, code(n))!;
      expect(row).toMatchObject({ id: lostIds[i], origin: 'province', owner_name: 'Phạm Thị Dung', status: '4', server_version: before[i].PhienBan });
    }
    // The rebuilt ones match the province's copies field by field; the colliding one is not compared (another dossier).
    expect(differences(t2.core.app, rig.double).filter((d) => !d.startsWith(code(4)) && !/steps differ/.test(d))).toEqual([]);
    // Numbering continues above every code the province holds.
    expect((db.prepare('SELECT last_seq FROM dossier_sequences').get() as { last_seq: number }).last_seq).toBe(6);
  });

  it('a clerk cannot repair; the supervisor repairs: new code, sent as a new dossier, the province’s dossier rebuilt under its code', async () => {
    const [c] = await t2.must('sync.collisions', {}, tok.clerk);
    const refused = await t2.call('sync.repairCollision', { id: c.id }, tok.clerk);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const calledTooEarly = await t2.call('sync.collisionCalledBack', { id: c.id }, tok.supervisor);
    expect(!calledTooEarly.ok && calledTooEarly.error.code).toBe('INVALID_STATE');

    const repaired = await t2.must('sync.repairCollision', { id: c.id }, tok.supervisor);
    expect(repaired).toMatchObject({ code: code(4), newCode: code(7), local: { dossierId: newId, code: code(7) } });
    const again = await t2.call('sync.repairCollision', { id: c.id }, tok.supervisor);
    expect(!again.ok && again.error.code).toBe('INVALID_STATE');
    // The citizen still holds a receipt with the old code: the dossier says to call them back.
    const view = await t2.must('dossier.get', { id: newId }, tok.clerk);
    expect(view.steps.at(-1)).toMatchObject({
      label: 'Đổi mã hồ sơ do trùng mã',
      actor: 'Lê Văn Trưởng',
      note: `Đổi mã hồ sơ ${code(4)} → ${code(7)} (trùng mã trên hệ thống tỉnh) — Gọi công dân, in lại giấy tiếp nhận`,
    });

    const run = await worker2.runNow();
    expect(run.outcome, run.message).toBe('ok');
    expect(rig.double.state.getDossier(code(4))).toEqual(before[0]);
    expect(rig.double.state.getDossier(code(7))).toMatchObject({ IdHoSo: newId, ChuHoSo: 'Hoàng Văn Em', TrangThaiHoSo: '4' });
    // The transfer step of the new dossier went to its own code, never to the other citizen's dossier.
    expect(rig.double.state.progressSteps(code(7)).map((s) => s.TrangThai)).toEqual(['4']);
    expect(rig.double.state.progressSteps(code(4))).toEqual(stepsBefore);
    const theirs = getRowByCode(t2.core.app.db, code(4))!;
    expect(theirs).toMatchObject({ id: lostIds[0], origin: 'province', owner_name: 'Phạm Thị Dung', status: '9' });
    // Every local dossier equals the province's copy; rebuilt ones carry no steps of their own (the feed has none).
    const rebuilt = [4, 5, 6].map(code);
    expect(differences(t2.core.app, rig.double).filter((d) => !(rebuilt.some((c) => d.startsWith(c)) && /steps differ/.test(d)))).toEqual([]);
    expect(t2.core.app.db.prepare("SELECT count(*) n FROM outbox WHERE status NOT IN ('sent') AND superseded_by IS NULL").get()).toEqual({ n: 0 });

    // Still shown until the citizen was called back with the reprinted receipt.
    expect((await t2.must('sync.status', {}, tok.clerk)).collisions).toBe(1);
    await t2.must('sync.collisionCalledBack', { id: c.id }, tok.supervisor);
    expect((await t2.must('sync.status', {}, tok.clerk)).collisions).toBe(0);
  });
});
