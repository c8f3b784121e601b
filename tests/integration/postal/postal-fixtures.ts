import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { IntakeInput } from '../../../src/shared/dossiers/dossier-schemas';
import { sampleIntake } from '../../support/dossier-fixtures';

/**
 * An S10 code with its check digit, computed here from the rule in the domain brief (weights
 * 8,6,4,2,3,5,9,7; 11 − sum mod 11; 10 → 0, 11 → 5) rather than with the code under test.
 */
export function s10(serial: string, service = 'EE'): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * w[i], 0);
  const c = 11 - (sum % 11);
  return `${service}${serial}${c === 10 ? 0 : c === 11 ? 5 : c}VN`;
}

/** The same code with its check digit changed: what a mistyped digit looks like. */
export function withWrongDigit(code: string): string {
  const d = Number(code[10]);
  return `${code.slice(0, 10)}${(d + 1) % 10}${code.slice(11)}`;
}

/** A postal intake: channel 3, result returned by post to the owner's address. */
export function postalIntake(i: number, overrides: Partial<IntakeInput> = {}): IntakeInput {
  return sampleIntake(i, {
    channel: '3',
    resultDelivery: '1',
    deliveryAddress: 'Số 8 ngõ 45 phố Hào Nam, phường Ô Chợ Dừa, thành phố Hà Nội',
    ...overrides,
  });
}

/** Text of a PDF (base64) as pdftotext reads it, in layout mode and in reading order. */
export function pdfText(base64: string, dir: string): { layout: string; flat: string } {
  const file = path.join(dir, `slip-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { layout, flat: raw.replace(/\s+/g, ' ') };
}
