import { describe, expect, it } from 'vitest';
import { buildPrintCommand } from '../../../src/main/printing/print-adapter';

const file = 'C:\\Users\\Mot Cua\\AppData\\Roaming\\motcua\\pdf\\giay tiep nhan.pdf';

describe('buildPrintCommand', () => {
  it('prints silently with SumatraPDF to a named Windows printer', () => {
    expect(
      buildPrintCommand({
        platform: 'win32',
        printer: 'HP LaserJet M402 (Quầy 3)',
        paper: 'A4',
        file,
        sumatraPath: 'C:\\Program Files\\Một cửa\\resources\\SumatraPDF.exe',
      }),
    ).toEqual({
      command: 'C:\\Program Files\\Một cửa\\resources\\SumatraPDF.exe',
      args: ['-print-to', 'HP LaserJet M402 (Quầy 3)', '-print-settings', 'paper=A4,fit', '-silent', file],
    });
  });

  it('uses the default printer when none is named, A5 paper and copies', () => {
    expect(buildPrintCommand({ platform: 'win32', printer: '  ', paper: 'A5', file, copies: 2 })).toEqual({
      command: 'SumatraPDF.exe',
      args: ['-print-to-default', '-print-settings', 'paper=A5,fit,2x', '-silent', file],
    });
  });

  it('uses lp on Linux and macOS', () => {
    expect(buildPrintCommand({ platform: 'linux', printer: 'Canon_LBP2900', paper: 'A4', file: '/tmp/a b.pdf' })).toEqual({
      command: 'lp',
      args: ['-d', 'Canon_LBP2900', '-o', 'media=A4', '/tmp/a b.pdf'],
    });
    expect(buildPrintCommand({ platform: 'darwin', file: '/tmp/x.pdf', copies: 3 })).toEqual({
      command: 'lp',
      args: ['-o', 'media=A4', '-n', '3', '/tmp/x.pdf'],
    });
  });

  it('refuses nonsense copies and a missing file', () => {
    expect(() => buildPrintCommand({ platform: 'linux', file: '/tmp/x.pdf', copies: 0 })).toThrow(RangeError);
    expect(() => buildPrintCommand({ platform: 'linux', file: '/tmp/x.pdf', copies: 1.5 })).toThrow(RangeError);
    expect(() => buildPrintCommand({ platform: 'win32', file: '' })).toThrow(/Thiếu tệp/);
  });
});
