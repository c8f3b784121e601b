import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromProvincialDate,
  instantToEpochMs,
  instantToLocalDate,
  parseOptionalProvincialDateTime,
  parseProvincialDateTime,
  ProvincialTimeError,
  provincialDateTimeToIso,
  toProvincialDate,
  toProvincialDateTime,
} from '../../../src/shared/domain/provincial-time';

describe('toProvincialDateTime', () => {
  it('writes the Vietnamese wall clock of an instant', () => {
    expect(toProvincialDateTime(new Date('2023-10-27T02:32:05Z'))).toBe('20231027093205');
    expect(toProvincialDateTime('2023-10-27T09:32:05+07:00')).toBe('20231027093205');
    expect(toProvincialDateTime('2023-10-26T21:32:05-05:00')).toBe('20231027093205');
  });

  it('crosses midnight and the year end at 17:00 UTC', () => {
    expect(toProvincialDateTime('2025-12-31T16:59:59Z')).toBe('20251231235959');
    expect(toProvincialDateTime('2025-12-31T17:00:00Z')).toBe('20260101000000');
  });

  it('drops fractions of a second', () => {
    expect(toProvincialDateTime('2024-02-29T00:00:00.999Z')).toBe('20240229070000');
  });

  it('refuses ISO strings without an offset and impossible instants', () => {
    expect(() => toProvincialDateTime('2023-10-27T09:32:05')).toThrow(ProvincialTimeError);
    expect(() => toProvincialDateTime('2023-10-27 09:32:05+07:00')).toThrow(ProvincialTimeError);
    expect(() => toProvincialDateTime('2023-02-29T09:32:05+07:00')).toThrow(/không tồn tại/);
    expect(() => toProvincialDateTime('2023-10-27T24:00:00Z')).toThrow(/không tồn tại/);
    expect(() => toProvincialDateTime('2023-10-27T09:00:00+15:00')).toThrow(/Múi giờ/);
    expect(() => toProvincialDateTime(new Date(Number.NaN))).toThrow(ProvincialTimeError);
  });
});

describe('parseProvincialDateTime', () => {
  it('reads a UTC+7 wall-clock time', () => {
    expect(parseProvincialDateTime('20231027093205').toISOString()).toBe('2023-10-27T02:32:05.000Z');
    expect(parseProvincialDateTime('20260101000000').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(provincialDateTimeToIso('20231027093205')).toBe('2023-10-27T09:32:05+07:00');
  });

  it.each(['2023102709320', '202310270932051', '2023-10-27 09:32', '20231027 93205', '20230229093205', '20231027240000', '20231027096000', '20231027093260', '00000000000000', ''])(
    'rejects %j',
    (s) => {
      expect(() => parseProvincialDateTime(s)).toThrow(ProvincialTimeError);
    },
  );

  it('treats an empty optional time as absent but still rejects garbage', () => {
    expect(parseOptionalProvincialDateTime('')).toBeUndefined();
    expect(parseOptionalProvincialDateTime(null)).toBeUndefined();
    expect(parseOptionalProvincialDateTime(undefined)).toBeUndefined();
    expect(parseOptionalProvincialDateTime('20231027093205')?.toISOString()).toBe('2023-10-27T02:32:05.000Z');
    expect(() => parseOptionalProvincialDateTime('x')).toThrow(ProvincialTimeError);
  });

  it('round-trips every second between 1970 and 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        const d = new Date(seconds * 1000);
        expect(parseProvincialDateTime(toProvincialDateTime(d)).getTime()).toBe(d.getTime());
      }),
    );
  });
});

describe('dates', () => {
  it('converts between YYYY-MM-DD and yyyyMMdd strictly', () => {
    expect(toProvincialDate('2026-02-17')).toBe('20260217');
    expect(fromProvincialDate('20260217')).toBe('2026-02-17');
    expect(() => toProvincialDate('2026-2-17')).toThrow(ProvincialTimeError);
    expect(() => fromProvincialDate('20260230')).toThrow(/không tồn tại/);
    expect(() => fromProvincialDate('2026021')).toThrow(/yyyyMMdd/);
  });

  it('takes the local business day: the UTC date flips at 07:00 local', () => {
    expect(instantToLocalDate('2023-10-26T16:59:59Z')).toBe('2023-10-26');
    expect(instantToLocalDate('2023-10-26T17:00:00Z')).toBe('2023-10-27');
    expect(instantToLocalDate('2023-10-27T06:59:00+07:00')).toBe('2023-10-27');
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('gives the same answers whatever TZ is set', () => {
    const probe = () => [
      toProvincialDateTime(new Date(Date.UTC(2024, 2, 10, 20, 30, 0))),
      parseProvincialDateTime('20240311033000').getTime(),
      instantToLocalDate(new Date(Date.UTC(2024, 2, 10, 20, 30, 0))),
      instantToEpochMs('2024-03-11T03:30:00+07:00'),
    ];
    process.env.TZ = 'America/New_York';
    const newYork = probe();
    const newYorkOffset = new Date(Date.UTC(2024, 2, 10, 20, 30)).getTimezoneOffset();
    process.env.TZ = 'Asia/Tokyo';
    const tokyo = probe();
    const tokyoOffset = new Date(Date.UTC(2024, 2, 10, 20, 30)).getTimezoneOffset();
    expect(newYorkOffset).not.toBe(tokyoOffset); // the zone really changed
    expect(tokyo).toEqual(newYork);
    expect(newYork).toEqual(['20240311033000', Date.UTC(2024, 2, 10, 20, 30, 0), '2024-03-11', Date.UTC(2024, 2, 10, 20, 30, 0)]);
  });
});
