import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DanhGia, HoSoRequest, TienDo } from '../../../src/shared/sync/provincial-types';
import { AGENCY, dossier, must, newId, startRig, step, type Rig } from './fixtures';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.double.close();
});

/** A valid dossier with raw overrides; `undefined` removes the field. */
function raw(over: Record<string, unknown>, base: HoSoRequest = dossier()): HoSoRequest {
  const o: Record<string, unknown> = { ...base, ...over };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o as unknown as HoSoRequest;
}

const long = (n: number): string => 'ạ'.repeat(n);

async function pushOne(isUpdating: boolean, d: HoSoRequest) {
  const [r] = must(await rig.client.pushDossiers(isUpdating, [d]));
  return r;
}

describe('-5 validation of a dossier', () => {
  it('accepts the baseline dossier, so each refusal below comes from its one change', async () => {
    expect((await pushOne(false, dossier())).error_code).toBe('0');
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a code sent as a number', { KenhThucHien: 1 }, 'KenhThucHien'],
    ['a status sent as a number', { TrangThaiHoSo: 2 }, 'TrangThaiHoSo'],
    ['an unknown status code', { TrangThaiHoSo: '11' }, 'TrangThaiHoSo'],
    ['an unknown channel code', { KenhThucHien: '4' }, 'KenhThucHien'],
    ['an unknown owner kind', { LoaiDoiTuong: '5' }, 'LoaiDoiTuong'],
    ['an unknown result delivery', { HinhThuc: '2' }, 'HinhThuc'],
    ['a count sent as a string', { SoBoHoSo: '1' }, 'SoBoHoSo'],
    ['a fractional count', { SoBoHoSo: 1.5 }, 'SoBoHoSo'],
    ['an amount sent as a string', { DanhSachLePhi: [{ HinhThucThu: 'THUTRUOC', Gia: '8000' }] }, 'DanhSachLePhi[0].Gia'],
    ['an unknown fee mode', { DanhSachLePhi: [{ HinhThucThu: 'THUNGAY', Gia: 8000 }] }, 'DanhSachLePhi[0].HinhThucThu'],
    ['a document count as a string', { TaiLieuNop: [{ TenGiayTo: 'Tờ khai', SoBanChinh: '1' }] }, 'TaiLieuNop[0].SoBanChinh'],
    ['an ID kind as a number', { DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '048095000123' }] }, 'DinhDanhCHS[0].LoaiDinhDanh'],
    ['a base version as a string on create', { PhienBanGoc: '0' }, 'PhienBanGoc'],
    ['a non-zero base version on create', { PhienBanGoc: 2 }, 'PhienBanGoc'],
    ['a change key that is not a UUID', { MaThayDoi: 'thay-doi-1' }, 'MaThayDoi'],
    ['a time in another format', { NgayTiepNhan: '2025-07-14 09:15:00' }, 'NgayTiepNhan'],
    ['a time that does not exist', { NgayHenTra: '20250230091500' }, 'NgayHenTra'],
    ['an hour 24', { NgayTiepNhan: '20250714240000' }, 'NgayTiepNhan'],
    ['a malformed optional time', { NgayTra: '2025071510' }, 'NgayTra'],
    ['a due date before receipt', { NgayTiepNhan: '20250714091500', NgayHenTra: '20250714091459' }, 'NgayHenTra'],
    ['a string over 2000 characters', { GhiChu: long(2001) }, 'GhiChu'],
    ['a nested string over 2000 characters', { NguoiNop: { HoTen: long(2001) } }, 'NguoiNop.HoTen'],
    ['a summary over 1000 characters', { TrichYeuHoSo: long(1001) }, 'TrichYeuHoSo'],
    ['a malformed dossier code', { MaHoSo: `${AGENCY}-2507-0001` }, 'MaHoSo'],
    ['a dossier code with an impossible day', { MaHoSo: `${AGENCY}-250231-0001` }, 'MaHoSo'],
    ['a supplement round without its request date', { DanhSachHoSoBoSung: [{ NoiDungBoSung: 'Bổ sung tờ khai' }] }, 'DanhSachHoSoBoSung[0].NgayYeuCauBoSung'],
    ['a list sent as an object', { TaiLieuNop: { TenGiayTo: 'Tờ khai' } }, 'TaiLieuNop'],
    ['a name sent as null', { TenTTHC: null }, 'TenTTHC'],
  ];
  it.each(cases)('refuses %s, naming the field', async (_label, over, field) => {
    const d = raw(over);
    const r = await pushOne(false, d);
    expect(r.error_code).toBe('-5');
    expect(r.disposition).toBe('park');
    expect(r.message).toContain(field);
    expect(rig.double.state.getDossier(d.MaHoSo)).toBeUndefined();
  });

  const required = ['MaHoSo', 'MaThayDoi', 'MaTTHC', 'KenhThucHien', 'ChuHoSo', 'NgayTiepNhan', 'NgayHenTra', 'TrangThaiHoSo'];
  it.each(required)('refuses a create without %s', async (field) => {
    const r = await pushOne(false, raw({ [field]: undefined }));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain(field);
  });

  it('refuses a blank required string', async () => {
    const r = await pushOne(false, raw({ ChuHoSo: '   ' }));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain('ChuHoSo');
  });

  it('names every bad field of an item in one message', async () => {
    const r = await pushOne(false, raw({ KenhThucHien: 2, SoBoHoSo: '2', NgayHenTra: 'mai' }));
    expect(r.error_code).toBe('-5');
    for (const f of ['KenhThucHien', 'SoBoHoSo', 'NgayHenTra']) expect(r.message).toContain(f);
  });

  it('accepts the limits themselves, a due date equal to receipt, and empty optional times as absent', async () => {
    const d = raw({
      GhiChu: long(2000),
      TrichYeuHoSo: long(1000),
      NgayHenTra: '20250714091500',
      NgayTra: '',
      NgayKetThucXuLy: '',
    });
    expect((await pushOne(false, d)).error_code).toBe('0');
    const stored = rig.double.state.getDossier(d.MaHoSo)!;
    expect(stored).not.toHaveProperty('NgayTra');
    expect(stored).not.toHaveProperty('NgayKetThucXuLy');
    expect(stored.GhiChu).toHaveLength(2000);
  });

  it('requires a numeric base version on update', async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    const missing = await pushOne(true, raw({ MaThayDoi: newId(), PhienBanGoc: undefined }, d));
    expect(missing.error_code).toBe('-5');
    expect(missing.message).toContain('PhienBanGoc');
    const asString = await pushOne(true, raw({ MaThayDoi: newId(), PhienBanGoc: '1' }, d));
    expect(asString.error_code).toBe('-5');
    // An update needs every required field, as a create does.
    const partial = await pushOne(true, raw({ MaThayDoi: newId(), PhienBanGoc: 1, ChuHoSo: undefined }, d));
    expect(partial.error_code).toBe('-5');
    expect(partial.message).toContain('ChuHoSo');
    expect(rig.double.state.getDossier(d.MaHoSo)?.PhienBan).toBe(1);
  });
});

describe('-5 validation of progress steps and ratings', () => {
  let code: string;
  beforeAll(async () => {
    const d = dossier();
    must(await rig.client.pushDossiers(false, [d]));
    code = d.MaHoSo;
  });

  const stepCases: Array<[string, Record<string, unknown>, string]> = [
    ['no status', { TrangThai: undefined }, 'TrangThai'],
    ['a status as a number', { TrangThai: 4 }, 'TrangThai'],
    ['no processing time', { ThoiDiemXuLy: undefined }, 'ThoiDiemXuLy'],
    ['a malformed processing time', { ThoiDiemXuLy: '14/07/2025' }, 'ThoiDiemXuLy'],
    ['a handler name over 50 characters', { NguoiXuLy: long(51) }, 'NguoiXuLy'],
    ['no change key', { MaThayDoi: undefined }, 'MaThayDoi'],
    ['no dossier code', { MaHoSo: undefined }, 'MaHoSo'],
  ];
  it.each(stepCases)('refuses a step with %s', async (_label, over, field) => {
    const s: Record<string, unknown> = { ...step(code), ...over };
    for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
    const [r] = must(await rig.client.pushProgress([s as unknown as TienDo]));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain(field);
    expect(rig.double.state.progressSteps(code)).toHaveLength(0);
  });

  it('accepts a handler name of exactly 50 characters', async () => {
    const [r] = must(await rig.client.pushProgress([step(code, { NguoiXuLy: long(50) })]));
    expect(r.error_code).toBe('0');
  });

  const rating = (over: Record<string, unknown>): DanhGia => {
    const o: Record<string, unknown> = { MaThayDoi: newId(), MucDo: 1, ThoiGian: '20250714093000', Quay: '3', ...over };
    for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
    return o as unknown as DanhGia;
  };
  const ratingCases: Array<[string, Record<string, unknown>, string]> = [
    ['a level 4', { MucDo: 4 }, 'MucDo'],
    ['a level sent as a string', { MucDo: '1' }, 'MucDo'],
    ['no level', { MucDo: undefined }, 'MucDo'],
    ['no time', { ThoiGian: undefined }, 'ThoiGian'],
    ['no change key', { MaThayDoi: undefined }, 'MaThayDoi'],
    ['a malformed dossier code', { MaHoSo: 'HS-1' }, 'MaHoSo'],
  ];
  it.each(ratingCases)('refuses a rating with %s', async (_label, over, field) => {
    const before = rig.double.state.ratings().length;
    const [r] = must(await rig.client.pushRatings([rating(over)]));
    expect(r.error_code).toBe('-5');
    expect(r.message).toContain(field);
    expect(rig.double.state.ratings()).toHaveLength(before);
  });
});
