import { describe, expect, it } from 'vitest';
import {
  normalizePhone,
  personalIdType,
  splitProcedureCode,
  validateAgencyId,
  validateBirthDate,
  validateEmail,
  validatePersonalId,
  validatePhone,
  validateProcedureCode,
} from '../../../src/shared/domain/identity';

describe('personal ID', () => {
  it('accepts 12-digit and 9-digit numbers and tells them apart', () => {
    expect(validatePersonalId('001099012345')).toBeNull();
    expect(validatePersonalId(' 123456789 ')).toBeNull();
    expect(personalIdType('001099012345')).toBe('1');
    expect(personalIdType('123456789')).toBe('2');
    expect(personalIdType('1234567890')).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(validatePersonalId('')).toBe('Chưa nhập số định danh cá nhân.');
    expect(validatePersonalId('0010990A2345')).toContain('chỉ gồm chữ số');
    expect(validatePersonalId('0010990123')).toContain('đã nhập 10 chữ số');
  });
});

describe('phone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84 0912 345 678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['(024) 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(validatePhone(input)).toBeNull();
  });

  it.each(['091234567', '09123456789', '912345678', '84912345678', '0012345678', '09123a5678', '+85912345678'])(
    'rejects %j',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
      expect(validatePhone(input)).toContain('Số điện thoại không hợp lệ');
    },
  );

  it('asks for a number when empty', () => {
    expect(validatePhone('  ')).toBe('Chưa nhập số điện thoại.');
  });
});

describe('email', () => {
  it('accepts ordinary addresses', () => {
    expect(validateEmail('nguyen.van.an@gmail.com')).toBeNull();
    expect(validateEmail('motcua@ubnd.hanoi.gov.vn')).toBeNull();
  });

  it.each(['abc', 'abc@gmail', 'a b@gmail.com', 'abc@@gmail.com', '@gmail.com', 'abc@.com', 'abc@gmail.'])('rejects %j', (e) => {
    expect(validateEmail(e)).toContain('không hợp lệ');
  });
});

describe('birth date', () => {
  it('accepts past dates from 1900 on, including today', () => {
    expect(validateBirthDate('1900-01-01', '2025-10-27')).toBeNull();
    expect(validateBirthDate('2025-10-27', '2025-10-27')).toBeNull();
  });

  it('rejects the future, the 1800s and impossible days', () => {
    expect(validateBirthDate('2025-10-28', '2025-10-27')).toBe('Ngày sinh không được sau ngày hôm nay.');
    expect(validateBirthDate('1899-12-31', '2025-10-27')).toBe('Ngày sinh không được trước năm 1900.');
    expect(validateBirthDate('2023-02-29', '2025-10-27')).toContain('không hợp lệ');
    expect(validateBirthDate('27/10/2000', '2025-10-27')).toContain('không hợp lệ');
    expect(validateBirthDate('', '2025-10-27')).toBe('Chưa nhập ngày sinh.');
  });

  it('refuses a malformed "today" as a programming error', () => {
    expect(() => validateBirthDate('2000-01-01', '27/10/2025')).toThrow(RangeError);
  });
});

describe('agency ID', () => {
  it.each(['000.00.00.H30', '000.00.06.H56', '000.00.00.G22', '123.45.67.X01'])('accepts %j', (id) => {
    expect(validateAgencyId(id)).toBeNull();
  });

  it.each(['000.00.00.h30', '000.00.00.H3', '00.00.00.H30', '000.00.00H30', '000-00-00-H30', '000.00.00.HH0'])('rejects %j', (id) => {
    expect(validateAgencyId(id)).toContain('NNN.NN.NN.Xnn');
  });
});

describe('procedure code', () => {
  it('accepts national codes and codes with an agency suffix', () => {
    expect(validateProcedureCode('1.001193')).toBeNull();
    expect(validateProcedureCode('2.000815.000.00.00.H55')).toBeNull();
    expect(splitProcedureCode('2.000815.000.00.00.H55')).toEqual({ national: '2.000815', agencyId: '000.00.00.H55' });
    expect(splitProcedureCode('1.001193')).toEqual({ national: '1.001193' });
  });

  it.each(['1.00119', '1001193', '12.001193', '1.001193.H55', '1.001193-000.00.00.H55', 'G03-GD10'])('rejects %j', (code) => {
    expect(validateProcedureCode(code)).toContain('d.dddddd');
    expect(splitProcedureCode(code)).toBeNull();
  });
});
