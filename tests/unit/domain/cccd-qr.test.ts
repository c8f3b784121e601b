import { describe, expect, it } from 'vitest';
import { looksLikeCccdQr, parseCccdQr } from '../../../src/shared/domain/cccd-qr';

const ADDRESS = 'Số 12 ngõ 34 phố Kim Mã, Phường Ngọc Hà, Thành phố Hà Nội';
const LINE = `001099012345|123456789|Nguyễn Văn An|15031999|Nam|${ADDRESS}|20042021`;

describe('parseCccdQr', () => {
  it('reads every field of a typical card', () => {
    expect(parseCccdQr(LINE)).toEqual({
      ok: true,
      value: {
        idNumber: '001099012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Văn An',
        birthDate: '1999-03-15',
        sex: 'Nam',
        address: ADDRESS,
        issueDate: '2021-04-20',
      },
    });
  });

  it('accepts an empty old ID and leaves it out', () => {
    const r = parseCccdQr('079301004567||Trần Thị Bích Ngọc|01012001|Nữ|Phường Sài Gòn, Thành phố Hồ Chí Minh|05072022');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sex).toBe('Nữ');
    expect(r.value).not.toHaveProperty('oldIdNumber');
    expect(r.value.birthDate).toBe('2001-01-01');
  });

  it('tolerates surrounding whitespace, CR/LF, a BOM and a trailing extra field', () => {
    for (const raw of [`  ${LINE}\r\n`, `\uFEFF${LINE}`, `${LINE}|`, `${LINE}|Trường thêm của thẻ mới`]) {
      const r = parseCccdQr(raw);
      expect(r.ok, raw).toBe(true);
      if (r.ok) expect(r.value.issueDate).toBe('2021-04-20');
    }
  });

  it('normalises decomposed (NFD) text from some scanners to NFC', () => {
    const r = parseCccdQr(LINE.normalize('NFD'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(r.value.fullName === r.value.fullName.normalize('NFC')).toBe(true);
    expect(r.value.address).toBe(ADDRESS);
  });

  it('reads the sex whatever its case or diacritics', () => {
    const line = (sex: string) => `001099012345||Lê Hoa|15031999|${sex}|Hà Nội|20042021`;
    expect(parseCccdQr(line('NỮ'))).toMatchObject({ ok: true, value: { sex: 'Nữ' } });
    expect(parseCccdQr(line('nam'))).toMatchObject({ ok: true, value: { sex: 'Nam' } });
    expect(parseCccdQr(line('Khác'))).toMatchObject({ ok: false });
  });

  it('accepts 29 February of a leap year and rejects it otherwise', () => {
    expect(parseCccdQr(LINE.replace('15031999', '29022000')).ok).toBe(true);
    const r = parseCccdQr(LINE.replace('15031999', '29022001'));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain('Ngày sinh');
  });

  it.each([
    ['an 11-digit ID', LINE.replace('001099012345', '00109901234'), 'Số định danh'],
    ['a 13-digit ID', LINE.replace('001099012345', '0010990123456'), 'Số định danh'],
    ['letters in the ID', LINE.replace('001099012345', '00109901234A'), 'Số định danh'],
    ['an 8-digit old ID', LINE.replace('123456789', '12345678'), 'CMND'],
    ['an empty name', LINE.replace('Nguyễn Văn An', ' '), 'họ và tên'],
    ['a birth date with slashes', LINE.replace('15031999', '15/03/1999'), 'Ngày sinh'],
    ['31 April', LINE.replace('15031999', '31041999'), 'Ngày sinh'],
    ['month 13', LINE.replace('20042021', '20132021'), 'Ngày cấp'],
    ['a 7-digit issue date', LINE.replace('20042021', '2042021'), 'Ngày cấp'],
    ['an issue date before the birth date', LINE.replace('20042021', '14031999'), 'sớm hơn ngày sinh'],
    ['a birth year before 1900', LINE.replace('15031999', '15031899'), 'Năm sinh'],
    ['only six fields', LINE.split('|').slice(0, 6).join('|'), '7 trường'],
  ])('rejects %s with a Vietnamese message', (_label, raw, fragment) => {
    const r = parseCccdQr(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it('rejects dates after today when today is given', () => {
    expect(parseCccdQr(LINE, { today: '2021-04-20' }).ok).toBe(true);
    const r = parseCccdQr(LINE, { today: '2021-04-19' });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain('Ngày cấp');
  });

  it('rejects an empty scan', () => {
    expect(parseCccdQr(' \r\n')).toEqual({ ok: false, error: 'Chuỗi quét được trống.' });
  });
});

describe('looksLikeCccdQr', () => {
  it('recognises a CCCD line, even with whitespace around it', () => {
    expect(looksLikeCccdQr(LINE)).toBe(true);
    expect(looksLikeCccdQr(` ${LINE}\r`)).toBe(true);
  });

  it('does not take other scans for a CCCD', () => {
    expect(looksLikeCccdQr('EL123456785VN')).toBe(false);
    expect(looksLikeCccdQr('000.00.06.H56-231027-0361')).toBe(false);
    expect(looksLikeCccdQr('001099012345')).toBe(false);
    expect(looksLikeCccdQr('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=1')).toBe(false);
    expect(looksLikeCccdQr('001099012345|123456789|Nguyễn Văn An')).toBe(false);
  });
});
