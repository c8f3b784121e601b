import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  choiceCell,
  numberCell,
  procedureCodeCell,
  textCell,
  tiersCell,
} from '../../../src/shared/catalog/sheet-layout';

describe('cell readers', () => {
  it('reads numbers with Vietnamese grouping, decimal commas and a đồng suffix', () => {
    expect(numberCell(200000)).toEqual({ ok: true, value: 200000 });
    expect(numberCell('200.000')).toEqual({ ok: true, value: 200000 });
    expect(numberCell('1.000.000 đ')).toEqual({ ok: true, value: 1000000 });
    expect(numberCell('10000đồng')).toEqual({ ok: true, value: 10000 });
    expect(numberCell('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(numberCell('-5000')).toEqual({ ok: true, value: -5000 });
    expect(numberCell('')).toEqual({ ok: true, value: undefined });
    expect(numberCell('mười nghìn')).toMatchObject({ ok: false, error: expect.stringContaining('Phải là số') });
  });

  it('restores procedure codes that Excel turned into numbers', () => {
    expect(procedureCodeCell(1.00089)).toEqual({ ok: true, value: '1.000890' });
    expect(procedureCodeCell(2.000815)).toEqual({ ok: true, value: '2.000815' });
    expect(procedureCodeCell(' 1.001193 ')).toEqual({ ok: true, value: '1.001193' });
  });

  it('reads yes/no in several spellings', () => {
    const read = booleanCell(true);
    for (const yes of ['Có', 'co', 'X', '1', 'TRUE', true]) expect(read(yes)).toEqual({ ok: true, value: true });
    for (const no of ['Không', 'khong', '0', 'false', false]) expect(read(no)).toEqual({ ok: true, value: false });
    expect(read(null)).toEqual({ ok: true, value: true });
    expect(booleanCell(false)('')).toEqual({ ok: true, value: false });
    expect(read('có lẽ')).toMatchObject({ ok: false });
  });

  it('reads labels ignoring case and diacritics, and lists the choices otherwise', () => {
    const unit = choiceCell({ WORKING_DAYS: ['Ngày làm việc'], HOURS: ['Giờ'] });
    expect(unit('ngay lam viec')).toEqual({ ok: true, value: 'WORKING_DAYS' });
    expect(unit('GIỜ')).toEqual({ ok: true, value: 'HOURS' });
    expect(unit('working_days')).toEqual({ ok: true, value: 'WORKING_DAYS' });
    expect(unit('Tuần')).toEqual({ ok: false, error: 'Giá trị "Tuần" không hợp lệ; dùng một trong: "Ngày làm việc", "Giờ".' });
  });

  it('reads page tiers', () => {
    expect(tiersCell('1-2:2.000; 3-:1000')).toEqual({
      ok: true,
      value: [
        { fromPage: 1, toPage: 2, pricePerPage: 2000 },
        { fromPage: 3, toPage: null, pricePerPage: 1000 },
      ],
    });
    expect(tiersCell('1-:500đ')).toEqual({ ok: true, value: [{ fromPage: 1, toPage: null, pricePerPage: 500 }] });
    expect(tiersCell('trang 1 đến 2 giá 2000')).toMatchObject({ ok: false, error: expect.stringContaining('từ-đến:giá') });
  });

  it('writes numbers in text columns back as text', () => {
    expect(textCell(12)).toEqual({ ok: true, value: '12' });
    expect(textCell('  ')).toEqual({ ok: true, value: undefined });
  });
});
