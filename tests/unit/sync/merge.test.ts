import { describe, expect, it } from 'vitest';
import { mergeBackOfficeFields, mergeStatus, sameBackOfficeFields } from '../../../src/shared/sync/merge';
import type { DossierStatus } from '../../../src/shared/domain/status';
import { STATUS_RANK } from '../../../src/shared/dossiers/lifecycle';

const ALL: DossierStatus[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

describe('merging a dossier status by ownership', () => {
  it.each([
    // [local, server, merged, why]
    ['4', '9', '9', 'the back office finished it: forward'],
    ['9', '4', '9', 'an older back-office status never moves it back'],
    ['10', '9', '10', 'returned at the counter stays returned'],
    ['2', '4', '4', 'received, then processing'],
    ['4', '5', '5', 'same rank: the back office owns 5'],
    ['5', '4', '4', 'same rank: the back office owns 4'],
    ['6', '5', '5', 'same rank: the server status is the back office\'s'],
    ['7', '8', '7', 'withdrawn at the counter is the counter\'s (same rank as stopped)'],
    ['8', '7', '8', '7 on the server is not a back-office status'],
    ['3', '8', '3', 'refused at the counter is the counter\'s'],
    ['9', '10', '10', 'returned is ahead of result ready'],
  ] as [DossierStatus, DossierStatus, DossierStatus, string][])('%s with the server\'s %s gives %s (%s)', (local, server, merged) => {
    expect(mergeStatus(local, server)).toBe(merged);
  });

  it('never moves backwards, for every pair', () => {
    for (const l of ALL) for (const s of ALL) expect(STATUS_RANK[mergeStatus(l, s)]).toBeGreaterThanOrEqual(Math.max(STATUS_RANK[l], STATUS_RANK[s]));
  });

  it('takes the back office\'s fields when it has them, keeps the counter\'s otherwise', () => {
    const local = { TrangThaiHoSo: '9' as const, NgayKetThucXuLy: '20260303100000', DanhSachGiayToKetQua: [{ TenGiayTo: 'Bản sao' }], DonViXuLy: 'UBND phường' };
    expect(mergeBackOfficeFields(local, { TrangThaiHoSo: '4' })).toEqual(local);
    const server = { TrangThaiHoSo: '9' as const, NgayKetThucXuLy: '20260303153000', DanhSachGiayToKetQua: [{ TenGiayTo: 'Trích lục', MaGiayToKetQua: 'TL-1' }], DonViXuLy: 'Phòng Tư pháp' };
    expect(mergeBackOfficeFields(local, server)).toEqual(server);
    expect(mergeBackOfficeFields({ TrangThaiHoSo: '4' }, { TrangThaiHoSo: '4', DonViXuLy: '  ' })).toEqual({ TrangThaiHoSo: '4' });
    expect(sameBackOfficeFields(local, { ...local })).toBe(true);
    expect(sameBackOfficeFields(local, { ...local, DanhSachGiayToKetQua: [{ TenGiayTo: 'Bản sao', MaGiayToKetQua: 'X' }] })).toBe(false);
  });
});
