import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Submission, randomUuid } from '../../../src/renderer/features/dossiers/submission';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const fail = (code: string) => Object.assign(new Error(code), { code });

describe('a form submission and its request id', () => {
  it('a second press while the first is in flight sends nothing', async () => {
    const s = new Submission(ids());
    const sent: string[] = [];
    let release!: () => void;
    const first = s.run((id) => new Promise<string>((r) => { sent.push(id); release = () => r(id); }));
    expect(s.busy).toBe(true);
    expect(await s.run(async (id) => { sent.push(id); return id; })).toBeNull();
    release();
    expect(await first).toBe('id-1');
    expect(sent).toEqual(['id-1']);
    expect(s.busy).toBe(false);
  });

  it('keeps the id across retries after a lost answer, even if the form changed; renews it after an answer', async () => {
    const s = new Submission(ids());
    const sent: string[] = [];
    await expect(s.run(async (id) => { sent.push(id); throw fail('NETWORK'); })).rejects.toThrow();
    await expect(s.run(async (id) => { sent.push(id); throw fail('NETWORK'); })).rejects.toThrow();
    await s.run(async (id) => sent.push(id));
    await s.run(async (id) => sent.push(id));
    expect(sent).toEqual(['id-1', 'id-1', 'id-1', 'id-2']);
  });

  it('an answer that refused the call (field error, conflict) starts a new submission', async () => {
    const s = new Submission(ids());
    await expect(s.run(async () => { throw fail('VALIDATION'); })).rejects.toThrow();
    expect(s.requestId).toBe('id-2');
    await expect(s.run(async () => { throw fail('CONFLICT'); })).rejects.toThrow();
    expect(s.requestId).toBe('id-3');
    s.renew();
    expect(s.requestId).toBe('id-4');
  });
});

it('makes ids the office accepts (RFC 4122 version 4), different each time', () => {
  const a = randomUuid();
  expect(z.string().uuid().safeParse(a).success).toBe(true);
  expect(a[14]).toBe('4');
  expect(randomUuid()).not.toBe(a);
});
