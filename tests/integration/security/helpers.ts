import crypto from 'node:crypto';
import { startCore, type Core } from '../../../src/main/app/bootstrap';
import { AdjustableClock } from '../../../src/main/app/clock';
import { silentLogger } from '../../../src/main/app/logger';
import { dispatch } from '../../../src/main/api/dispatcher';
import { resolveCaller } from '../../../src/main/users/caller';
import type { Db } from '../../../src/main/db/database';
import type { InputOf, MethodName, OutputOf } from '../../../src/shared/api/contract';
import type { Result } from '../../../src/shared/api/result';
import { ADMIN, TEST_AGENCY } from '../../support/core';

export const PASSPHRASE = 'cụm mật khẩu sao lưu thử 2024';

/** A core on a given folder (tests that need the data on a particular file system or reopened). */
export async function openCoreAt(dataDir: string, clock = new AdjustableClock()) {
  const core: Core = await startCore({ dataDir, clock, log: silentLogger, testMode: true });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string | null) => {
    const caller = token ? resolveCaller(core.app, token, 'test') : null;
    return (await dispatch(core.app, core.handlers, method, input, { caller, device: 'test' })) as Result<OutputOf<M>>;
  };
  const must = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string | null) => {
    const r = await call(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  const setUp = async () => {
    await must('system.setup', { ...TEST_AGENCY, admin: ADMIN });
    return (await must('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
  };
  const login = async (username = ADMIN.username, password = ADMIN.password) => (await must('auth.login', { username, password })).token;
  return { core, clock, call, must, setUp, login, close: () => core.close() };
}

/** Every row of every table, hashed: equal hashes mean nothing was written. */
export function dumpHash(db: Db): string {
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    h.update(`\n#${name}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate() as IterableIterator<unknown[]>) {
      h.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
  }
  return h.digest('hex');
}

export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) n FROM "${name}"`).get() as { n: number }).n]));
}

export function auditActions(db: Db): string[] {
  return (db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
}
