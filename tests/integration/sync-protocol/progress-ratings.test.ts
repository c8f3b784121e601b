import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DanhGia } from '../../../src/shared/sync/provincial-types';
import { AGENCY, OTHER_AGENCY, dossier, must, newId, nextCode, startRig, step, type Rig } from './fixtures';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.double.close();
});

describe('CapNhatTienDoHoSoMC: progress steps', () => {
  it('appends steps; each increments the version and leaves the status alone', async () => {
    const d = dossier({ TrangThaiHoSo: '2' });
    must(await rig.client.pushDossiers(false, [d]));
    const s1 = step(d.MaHoSo, { TrangThai: '4', ThoiDiemXuLy: '20250714100000' });
    const s2 = step(d.MaHoSo, { TrangThai: '9', ThoiDiemXuLy: '20250715080000', NgayBatDau: '' });
    const items = must(await rig.client.pushProgress([s1, s2]));
    expect(items.map((i) => [i.MaThayDoi, i.error_code, i.PhienBan, i.disposition])).toEqual([
      [s1.MaThayDoi, '0', 2, 'done'],
      [s2.MaThayDoi, '0', 3, 'done'],
    ]);
    expect(rig.double.state.getDossier(d.MaHoSo)).toMatchObject({ PhienBan: 3, TrangThaiHoSo: '2' });
    const stored = rig.double.state.progressSteps(d.MaHoSo);
    expect(stored.map((s) => s.MaThayDoi)).toEqual([s1.MaThayDoi, s2.MaThayDoi]);
    expect(stored[1]).not.toHaveProperty('NgayBatDau');
  });

  it('answers a repeated step with its version and does not append it twice', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    const s = step(d.MaHoSo);
    must(await rig.client.pushProgress([s]));
    rig.double.state.backOffice.updateDossier(d.MaHoSo, { TrangThaiHoSo: '4' });
    const [again] = must(await rig.client.pushProgress([s]));
    expect(again).toMatchObject({ error_code: '0', PhienBan: 2 });
    expect(rig.double.state.progressSteps(d.MaHoSo)).toHaveLength(1);
    expect(rig.double.state.getDossier(d.MaHoSo)?.PhienBan).toBe(3);
  });

  it('answers -4 for a step of an unknown dossier', async () => {
    const [r] = must(await rig.client.pushProgress([step(nextCode())]));
    expect(r).toMatchObject({ error_code: '-4', PhienBan: 0, disposition: 'not-found' });
  });

  it('answers -6 for a step of another agency’s dossier', async () => {
    const [r] = must(await rig.client.pushProgress([step(nextCode(OTHER_AGENCY))]));
    expect(r).toMatchObject({ error_code: '-6', disposition: 'fatal-config' });
  });

  it('makes a dossier update with the version from before a step a conflict', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    must(await rig.client.pushProgress([step(d.MaHoSo)]));
    const [r] = must(await rig.client.pushDossiers(true, [{ ...d, MaThayDoi: newId(), PhienBanGoc: 1 }]));
    expect(r).toMatchObject({ error_code: '-8', PhienBan: 2 });
    expect(r.HoSoHienTai?.PhienBan).toBe(2);
  });
});

describe('DongBoDanhGiaHaiLong: ratings', () => {
  const rating = (over: Partial<DanhGia> = {}): DanhGia => ({
    MaThayDoi: newId(),
    SoThuTu: 'A015',
    Quay: '3',
    CanBo: 'Trần Thị Bình',
    MucDo: 1,
    ThoiGian: '20250714093000',
    ...over,
  });

  it('stores ratings with and without a dossier, once each', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    const withDossier = rating({ MaHoSo: d.MaHoSo, MucDo: 2 });
    const alone = rating({ MucDo: 3 });
    const items = must(await rig.client.pushRatings([withDossier, alone]));
    expect(items.map((i) => [i.error_code, i.PhienBan])).toEqual([
      ['0', 1],
      ['0', 0],
    ]);
    // A rating is not a change of the dossier.
    expect(rig.double.state.getDossier(d.MaHoSo)?.PhienBan).toBe(1);
    must(await rig.client.pushRatings([withDossier]));
    expect(rig.double.state.ratings()).toEqual([withDossier, alone]);
  });

  it('answers -6 for a rating of another agency’s dossier', async () => {
    const [r] = must(await rig.client.pushRatings([rating({ MaHoSo: nextCode(OTHER_AGENCY) })]));
    expect(r.error_code).toBe('-6');
    expect(rig.double.state.ratings()).toHaveLength(0);
  });

  it('refuses a rating key already used for a dossier change', async () => {
    const d = dossier({ MaHoSo: `${AGENCY}-250714-9001` });
    must(await rig.client.pushDossiers(false, [d]));
    const [r] = must(await rig.client.pushRatings([rating({ MaThayDoi: d.MaThayDoi, MaHoSo: d.MaHoSo })]));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain('MaThayDoi');
  });
});
