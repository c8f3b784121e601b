import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from '../../../src/shared/domain/dossier-code';

describe('formatDossierCode', () => {
  it('builds the code of the domain brief example', () => {
    expect(formatDossierCode('000.00.06.H56', '2023-10-27', 361)).toBe('000.00.06.H56-231027-0361');
  });

  it('pads the sequence to four digits', () => {
    expect(formatDossierCode('000.00.00.H30', '2026-01-05', 1)).toBe('000.00.00.H30-260105-0001');
    expect(formatDossierCode('000.00.00.H30', '2026-01-05', 9999)).toBe('000.00.00.H30-260105-9999');
  });

  it.each([
    ['000.00.00.H30', '2026-01-05', 0, /từ 1 đến 9999/],
    ['000.00.00.H30', '2026-01-05', 10000, /từ 1 đến 9999/],
    ['000.00.00.H30', '2026-01-05', 1.5, /từ 1 đến 9999/],
    ['000.00.00.H30', '2026-02-30', 1, /Ngày tiếp nhận/],
    ['000.00.00.H30', '05/01/2026', 1, /Ngày tiếp nhận/],
    ['000.00.00.H30', '1999-12-31', 1, /2000–2099/],
    ['H30', '2026-01-05', 1, /NNN.NN.NN.Xnn/],
  ])('refuses (%s, %s, %s)', (agency, date, seq, message) => {
    expect(() => formatDossierCode(agency, date, seq)).toThrow(message);
  });
});

describe('parseDossierCode', () => {
  it('reads the parts back', () => {
    expect(parseDossierCode(' 000.00.06.H56-231027-0361 ')).toEqual({
      ok: true,
      value: { agencyId: '000.00.06.H56', localDate: '2023-10-27', seq: 361 },
    });
  });

  it.each([
    ['000.00.06.H56-231027-361', 'không đúng dạng'],
    ['000.00.06.H56-20231027-0361', 'không đúng dạng'],
    ['000.00.06.h56-231027-0361', 'không đúng dạng'],
    ['000.00.06.H56-230229-0001', 'không tồn tại'],
    ['000.00.06.H56-231301-0001', 'không tồn tại'],
    ['000.00.06.H56-231027-0000', '0001'],
  ])('rejects %j', (code, fragment) => {
    const r = parseDossierCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it('round-trips any valid parts', () => {
    const agency = fc
      .tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^[A-Z]\d{2}$/))
      .map((p) => p.join('.'));
    const date = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(agency, date, fc.integer({ min: 1, max: 9999 }), (agencyId, localDate, seq) => {
        const code = formatDossierCode(agencyId, localDate, seq);
        expect(code).toHaveLength(agencyId.length + 12);
        expect(parseDossierCode(code)).toEqual({ ok: true, value: { agencyId, localDate, seq } });
      }),
    );
  });
});
