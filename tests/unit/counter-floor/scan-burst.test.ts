import { describe, expect, it } from 'vitest';
import { ScanBurst, type KeyVerdict } from '../../../src/renderer/features/dossiers/scan-burst';

const QR = '001085012345|012345678|Nguyễn Văn An|12041985|Nam|Số 12 phố Đội Cấn, Ba Đình, Hà Nội|15082021';

/** Types `text` then Enter with a fixed gap between keys; returns every verdict. */
function type(b: ScanBurst, text: string, gapMs: number, start = 1000): KeyVerdict[] {
  const keys = [...text, 'Enter'];
  return keys.map((k, i) => b.feed(k, start + i * gapMs));
}

describe('telling a scanner from a person by timing and shape', () => {
  it('a burst at scanner speed ending in Enter is a scan, Vietnamese letters included; its Enter is swallowed', () => {
    const v = type(new ScanBurst(), QR, 8);
    const last = v[v.length - 1];
    expect(last).toEqual({ kind: 'scan', text: QR, leaked: 3 });
    // The first three keys reached the widget (to be taken back), everything after them did not.
    expect(v.slice(0, 3).every((x) => x.kind === 'pass')).toBe(true);
    expect(v.slice(3, -1).every((x) => x.kind === 'swallow')).toBe(true);
  });

  it('a person typing (gaps over 35 ms) is never captured, and their Enter goes through', () => {
    const v = type(new ScanBurst(), 'Nguyễn Văn An 001085012345', 90);
    expect(v.every((x) => x.kind === 'pass')).toBe(true);
  });

  it('a pause in the middle starts over: a burst must be fast from end to end', () => {
    const b = new ScanBurst();
    type(b, 'abcdefgh', 8).slice(0, -1);
    const b2 = new ScanBurst();
    const first = [...'001085012345|0123'].map((k, i) => b2.feed(k, 1000 + i * 8));
    expect(first.at(-1)?.kind).toBe('swallow');
    // 400 ms later a person presses Enter: not the scanner's.
    expect(b2.feed('Enter', 1000 + 17 * 8 + 400)).toEqual({ kind: 'pass' });
  });

  it('a short fast burst (a bad or partial scan) still swallows its Enter, with nothing to parse', () => {
    expect(type(new ScanBurst(), 'HELLO|WORLD', 8).at(-1)).toEqual({ kind: 'scan', text: '', leaked: 0 });
  });

  it('Shift between capitals does not break the burst; Tab or arrows do', () => {
    const b = new ScanBurst();
    let t = 0;
    const keys = [...'0010850123', 'Shift', ...'45|012345678|NGUYEN VAN AN|12041985'];
    for (const k of keys) b.feed(k, (t += 8));
    expect(b.feed('Enter', (t += 8))).toMatchObject({ kind: 'scan', text: '001085012345|012345678|NGUYEN VAN AN|12041985' });
    const c = new ScanBurst();
    for (const k of '001085012345') c.feed(k, (t += 8));
    expect(c.feed('Tab', (t += 8))).toEqual({ kind: 'pass' });
    expect(c.feed('Enter', t + 8)).toEqual({ kind: 'pass' });
  });
});
