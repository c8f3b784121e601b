import crypto from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src/shared/api/contract';
import type { Role } from '../../../src/shared/api/define';
import { dispatch } from '../../../src/main/api/dispatcher';
import { resolveCaller } from '../../../src/main/users/caller';
import { startTestCore, type TestCore } from '../../support/core';
import { dumpHash } from './helpers';

/**
 * Property: whatever arrives at the API boundary — wrong types, oversized or Unicode-tricky values,
 * unknown keys — every method answers with a VALIDATION error (or UNAUTHENTICATED / FORBIDDEN when the
 * caller may not call it), never INTERNAL, never success, and the database stays byte-for-byte the same.
 * The contract is read at run time, so methods added by other capabilities are covered as they land.
 * FUZZ_RUNS sets the cases per method (default 30).
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 30));
const METHODS = Object.keys(contract) as MethodName[];
const MB = 1024 * 1024;

const TRICKY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Nguye\u0302\u0303n Va\u0306n A', // decomposed Vietnamese (NFD)
  'e\u0301'.repeat(300), // a pile of combining marks
  'a' + '\u0300'.repeat(5000), // one letter, 5000 combining graves ("Zalgo")
  '\u202Efdp.exe', // RTL override
  '\u2066\u2067\u2068\u2069',
  '\uFEFF\u200B\u200D',
  '\uD800', // lone surrogate
  '\uDFFF\uD800',
  '👩‍👩‍👧‍👦',
  'ǅİıſ', // case-mapping traps
  "'; DROP TABLE users; --",
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  '__proto__',
  'constructor',
  '{{7*7}}${7*7}%s%n',
  '<script>alert(1)</script>',
  '\r\n\t\v\f',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '000.00.06.H56',
  'quantri',
];
const HUGE = ['a', 'é', '\u202E', '\u0000', '\u0301'].map((c) => c.repeat(MB));

const trickyString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 1, arbitrary: fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)) },
);
const trickyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 1e308, 0.1, -1),
  fc.integer(),
  fc.double(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyString,
    trickyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString.filter((s) => s.length < 300), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const junkKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', '\u202E', '', ' ', 'admin', 'role', '$where', 'x'.repeat(10_000)), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }));

function shapeKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Inputs no schema in the contract accepts: not an object at all, or an object with a key the (strict) schema does not know. */
function invalidInput(method: MethodName): fc.Arbitrary<unknown> {
  const keys = shapeKeys(contract[method].input);
  const known = keys.length ? fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length }) : fc.constant({} as Record<string, unknown>);
  const withJunk = fc
    .tuple(known, junkKey.filter((k) => !keys.includes(k)), hostileValue)
    .map(([obj, k, v]) => {
      const o: Record<string, unknown> = { ...obj };
      // defineProperty: an own "__proto__" key, as JSON.parse would produce, not a prototype change.
      Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
      return o;
    });
  const notObject = fc.oneof(trickyString, trickyNumber, fc.boolean(), fc.array(hostileValue, { maxLength: 5 }));
  return fc.oneof({ weight: 3, arbitrary: withJunk }, { weight: 1, arbitrary: notObject });
}

describe(`contract fuzzing: ${METHODS.length} methods × ${RUNS} cases = ${METHODS.length * RUNS * 2} calls (FUZZ_RUNS=${RUNS})`, () => {
  let t: TestCore;
  let tokens: Record<Role | 'board' | 'kiosk' | 'junk' | 'none', string | null>;
  let fileHash: string;
  let tableHash: string;
  let calls = 0;
  const dbFile = () => t.core.app.paths.database;
  const hashFile = () => {
    t.core.app.db.pragma('wal_checkpoint(TRUNCATE)');
    return crypto.createHash('sha256').update(fs.readFileSync(dbFile())).digest('hex');
  };
  const start = new Date('2030-06-15T09:00:00+07:00');

  beforeAll(async () => {
    t = await startTestCore({ now: start });
    const users = await t.setUpOffice();
    const device = async (kind: 'board' | 'kiosk') => {
      const { code } = await t.must('devices.createPairingCode', { kind }, users.admin);
      return (await t.must('devices.pair', { code, name: `Thiết bị ${kind}` })).token;
    };
    tokens = { ...users, board: await device('board'), kiosk: await device('kiosk'), junk: 'không-phải-mã', none: null };
    // Touch every token once so "last seen" is already written and no later call has a reason to write.
    for (const tok of Object.values(tokens)) if (tok) resolveCaller(t.core.app, tok, 'test');
    fileHash = hashFile();
    tableHash = dumpHash(t.core.app.db);
  });
  afterAll(() => {
    console.log(`contract fuzzing: ${calls} calls over ${METHODS.length} methods (FUZZ_RUNS=${RUNS})`);
    t.close();
  });

  const authorized = (method: MethodName): string | null => {
    const a = contract[method].access;
    if (a.kind === 'public') return null;
    for (const role of ['admin', 'supervisor', 'clerk'] as const) if (a.roles.includes(role)) return tokens[role];
    if (a.board) return tokens.board;
    if (a.kiosk) return tokens.kiosk;
    throw new Error(`${method}: nobody may call it`);
  };

  const call = async (method: MethodName, input: unknown, token: string | null) => {
    calls++;
    const caller = token ? resolveCaller(t.core.app, token, 'test') : null;
    return dispatch(t.core.app, t.core.handlers, method, input, { caller, device: 'test' });
  };

  it('covers the whole contract, read at run time', () => {
    expect(METHODS.length).toBeGreaterThanOrEqual(30);
    expect(METHODS).toEqual(expect.arrayContaining(['auth.login', 'backup.restore', 'devices.pair', 'recovery.restoreLatest']));
  });

  for (const method of METHODS) {
    it(`${method}: ${RUNS} hostile inputs from an allowed caller → VALIDATION; ${RUNS} from any caller → never INTERNAL; nothing written`, async () => {
      t.clock.set(start);
      const before = dumpHash(t.core.app.db);
      const token = authorized(method);
      await fc.assert(
        fc.asyncProperty(invalidInput(method), async (input) => {
          const r = await call(method, input, token);
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.error.code, `${method} answered ${r.error.code}: ${r.error.message}`).toBe('VALIDATION');
          expect(r.error.message).toMatch(/^Dữ liệu không hợp lệ/);
          // The answer never echoes a megabyte back.
          expect(JSON.stringify(r).length).toBeLessThan(20_000);
        }),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(invalidInput(method), fc.constantFrom(...(Object.keys(tokens) as (keyof typeof tokens)[])), async (input, who) => {
          const r = await call(method, input, tokens[who]);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN'], `${method} as ${who}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
        }),
        { numRuns: RUNS },
      );
      expect(dumpHash(t.core.app.db), `${method} changed the database`).toBe(before);
    });
  }

  it('left the database file byte-for-byte unchanged (WAL checkpointed, file hashed) and every row identical', () => {
    expect(dumpHash(t.core.app.db)).toBe(tableHash);
    expect(hashFile()).toBe(fileHash);
  });
});
