import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoSo, HoSoRequest } from '../../../src/shared/sync/provincial-types';
import { AGENCY, OTHER_AGENCY, dossier, fieldsOf, must, mustFail, newId, nextCode, startRig, step, type Rig } from './fixtures';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.double.close();
});

/** The update a counter would send after seeing `server`: every field, new key, base version. */
function updateOf(server: HoSo, over: Partial<HoSoRequest> = {}): HoSoRequest {
  const fields: Partial<HoSo> = { ...server };
  delete fields.PhienBan;
  return { ...(fields as HoSo), MaThayDoi: newId(), PhienBanGoc: server.PhienBan, ...over };
}

describe('DongBoHoSoMC: create and update', () => {
  it('creates a dossier at version 1 and stores every field it was sent', async () => {
    const d = dossier();
    const [r] = must(await rig.client.pushDossiers(false, [d]));
    expect(r).toMatchObject({ MaHoSo: d.MaHoSo, MaThayDoi: d.MaThayDoi, error_code: '0', PhienBan: 1, disposition: 'done' });
    const fields = fieldsOf(d);
    expect(rig.double.state.getDossier(d.MaHoSo)).toEqual({ ...fields, PhienBan: 1 });
    expect(must(await rig.client.lookup(d.MaHoSo))).toEqual({ ...fields, PhienBan: 1 });
  });

  it('answers -3 with the current version when the code exists, and the counter continues as an update', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    rig.double.state.backOffice.updateDossier(d.MaHoSo, { TrangThaiHoSo: '4' });
    const again = dossier({ MaHoSo: d.MaHoSo, ChuHoSo: 'Lê Văn Cường' });
    const [r] = must(await rig.client.pushDossiers(false, [again]));
    expect(r).toMatchObject({ error_code: '-3', PhienBan: 2, disposition: 'exists' });
    expect(rig.double.state.getDossier(d.MaHoSo)?.ChuHoSo).toBe('Nguyễn Văn An');
    const server = must(await rig.client.lookup(d.MaHoSo));
    expect(server).not.toBeNull();
    const [u] = must(await rig.client.pushDossiers(true, [updateOf(server!, { ChuHoSo: 'Lê Văn Cường' })]));
    expect(u).toMatchObject({ error_code: '0', PhienBan: 3 });
    expect(rig.double.state.getDossier(d.MaHoSo)).toMatchObject({ ChuHoSo: 'Lê Văn Cường', TrangThaiHoSo: '4' });
  });

  it('answers -4 to an update of an unknown dossier', async () => {
    const d = dossier({ PhienBanGoc: 1 });
    const [r] = must(await rig.client.pushDossiers(true, [d]));
    expect(r).toMatchObject({ error_code: '-4', PhienBan: 0, disposition: 'not-found' });
    expect(rig.double.state.getDossier(d.MaHoSo)).toBeUndefined();
  });

  it('replaces the whole dossier on update and increments the version', async () => {
    const d = dossier({ GhiChu: 'ghi chú ban đầu', SoBoHoSo: 1 });
    must(await rig.client.pushDossiers(false, [d]));
    const withoutNote: HoSo = { ...fieldsOf(d), PhienBan: 1 };
    delete withoutNote.GhiChu;
    const [u] = must(await rig.client.pushDossiers(true, [updateOf(withoutNote, { SoBoHoSo: 2, TrangThaiHoSo: '10', NgayTra: '20250715100000' })]));
    expect(u).toMatchObject({ error_code: '0', PhienBan: 2 });
    const stored = rig.double.state.getDossier(d.MaHoSo)!;
    expect(stored.GhiChu).toBeUndefined();
    expect(stored).toMatchObject({ SoBoHoSo: 2, TrangThaiHoSo: '10', NgayTra: '20250715100000', PhienBan: 2 });
  });

  it('answers a repeated change with the version it produced and changes nothing', async () => {
    const d = dossier();
    const [first] = must(await rig.client.pushDossiers(false, [d]));
    const upd = updateOf({ ...fieldsOf(d), PhienBan: first.PhienBan }, { ChuHoSo: 'Phạm Thị Dung' });
    must(await rig.client.pushDossiers(true, [upd]));
    rig.double.state.backOffice.updateDossier(d.MaHoSo, { TrangThaiHoSo: '4' });
    const before = rig.double.state.getDossier(d.MaHoSo);
    expect(before?.PhienBan).toBe(3);

    const [againCreate] = must(await rig.client.pushDossiers(false, [d]));
    expect(againCreate).toMatchObject({ error_code: '0', PhienBan: 1, disposition: 'done' });
    // The base version is stale now, but an applied change is a repeat, never a conflict.
    const [againUpdate] = must(await rig.client.pushDossiers(true, [upd]));
    expect(againUpdate).toMatchObject({ error_code: '0', PhienBan: 2 });
    expect(rig.double.state.getDossier(d.MaHoSo)).toEqual(before);
  });

  it('treats the same key twice in one batch as one change', async () => {
    const d = dossier();
    const items = must(await rig.client.pushDossiers(false, [d, d]));
    expect(items.map((i) => [i.error_code, i.PhienBan])).toEqual([
      ['0', 1],
      ['0', 1],
    ]);
    expect(rig.double.state.allDossiers()).toHaveLength(1);
  });

  it('answers -8 with the server copy when the base version is stale; the merged resend goes through', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    rig.double.state.backOffice.updateDossier(d.MaHoSo, {
      TrangThaiHoSo: '9',
      NgayKetThucXuLy: '20250715080000',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: 'KS-2025-001' }],
    });
    const stale = updateOf({ ...fieldsOf(d), PhienBan: 1 }, { SoDienThoai: '0912000111' });
    const [r] = must(await rig.client.pushDossiers(true, [stale]));
    expect(r).toMatchObject({ error_code: '-8', PhienBan: 2, disposition: 'conflict' });
    expect(r.HoSoHienTai).toMatchObject({ MaHoSo: d.MaHoSo, PhienBan: 2, TrangThaiHoSo: '9', NgayKetThucXuLy: '20250715080000' });
    expect(rig.double.state.getDossier(d.MaHoSo)?.SoDienThoai).toBe('0905123456');

    // Merge: counter-owned field from the counter, the rest from the server; a new key for the new change.
    const merged = updateOf(r.HoSoHienTai!, { SoDienThoai: '0912000111' });
    const [m] = must(await rig.client.pushDossiers(true, [merged]));
    expect(m).toMatchObject({ error_code: '0', PhienBan: 3 });
    expect(rig.double.state.getDossier(d.MaHoSo)).toMatchObject({ SoDienThoai: '0912000111', TrangThaiHoSo: '9' });
  });

  it('answers -5 when a key is reused for another dossier or another service', async () => {
    const a = dossier();
    must(await rig.client.pushDossiers(false, [a]));
    const [otherDossier] = must(await rig.client.pushDossiers(false, [dossier({ MaThayDoi: a.MaThayDoi })]));
    expect(otherDossier).toMatchObject({ error_code: '-5', disposition: 'park' });
    expect(otherDossier.message).toContain('MaThayDoi');
    const [otherService] = must(await rig.client.pushProgress([step(a.MaHoSo, { MaThayDoi: a.MaThayDoi })]));
    expect(otherService).toMatchObject({ error_code: '-5', PhienBan: 1 });
    expect(rig.double.state.allDossiers()).toHaveLength(1);
    expect(rig.double.state.progressSteps(a.MaHoSo)).toHaveLength(0);
  });

  it('answers -6 for a dossier code of another agency and goes on with the other items', async () => {
    const foreign = dossier({ MaHoSo: nextCode(OTHER_AGENCY) });
    const mine = dossier();
    const items = must(await rig.client.pushDossiers(false, [foreign, mine]));
    expect(items[0]).toMatchObject({ MaHoSo: foreign.MaHoSo, error_code: '-6', disposition: 'fatal-config' });
    expect(items[0].message).toContain(AGENCY);
    expect(items[1]).toMatchObject({ MaHoSo: mine.MaHoSo, error_code: '0' });
    expect(rig.double.state.getDossier(foreign.MaHoSo)).toBeUndefined();
  });

  it('answers one result per item, in order, for a mixed batch', async () => {
    const existing = dossier();
    must(await rig.client.pushDossiers(false, [existing]));
    const batch = [dossier(), dossier({ MaHoSo: existing.MaHoSo }), dossier({ KenhThucHien: '9' as '1' }), dossier()];
    const items = must(await rig.client.pushDossiers(false, batch));
    expect(items.map((i) => [i.MaThayDoi, i.error_code])).toEqual(
      batch.map((b, i) => [b.MaThayDoi, ['0', '-3', '-5', '0'][i]]),
    );
    expect(items.map((i) => i.disposition)).toEqual(['done', 'exists', 'park', 'done']);
  });

  it('refuses more than 50 items in one call, and accepts exactly 50', async () => {
    const tooMany = Array.from({ length: 51 }, () => dossier());
    const r = mustFail(await rig.client.call('DongBoHoSoMC', { isUpdating: 'False', data: tooMany }));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    expect(r.outcome.message).toContain('50');
    expect(rig.double.state.allDossiers()).toHaveLength(0);
    // The typed wrapper will not even send such a batch.
    await expect(rig.client.pushDossiers(false, tooMany)).rejects.toThrow(RangeError);

    const fifty = must(await rig.client.pushDossiers(false, tooMany.slice(0, 50)));
    expect(fifty.filter((i) => i.error_code === '0')).toHaveLength(50);
  });

  it('refuses an isUpdating flag that is not the string "False" or "True"', async () => {
    const r = mustFail(await rig.client.call('DongBoHoSoMC', { isUpdating: false, data: [dossier()] }));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    expect(r.outcome.message).toContain('isUpdating');
  });

  it('refuses an unknown service with -5', async () => {
    const r = mustFail(await rig.client.call('XoaHoSo', {}));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    expect(r.disposition).toBe('park');
  });
});
