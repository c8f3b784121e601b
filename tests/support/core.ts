import { startCore, type Core } from '../../src/main/app/bootstrap';
import { AdjustableClock } from '../../src/main/app/clock';
import { silentLogger } from '../../src/main/app/logger';
import { dispatch } from '../../src/main/api/dispatcher';
import type { Caller } from '../../src/main/app/app-context';
import type { InputOf, MethodName, OutputOf } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/api/result';
import { resolveCaller } from '../../src/main/users/caller';
import { makeTempDir } from './temp-dir';

export const TEST_AGENCY = {
  agencyId: '000.00.06.H56',
  agencyName: 'Bộ phận Một cửa UBND phường Ba Đình',
  parentAgencyName: 'UBND phường Ba Đình',
  receivingPointName: 'Bộ phận tiếp nhận và trả kết quả phường Ba Đình',
  place: 'Ba Đình',
  counterNumber: 1,
};
export const ADMIN = { username: 'quantri', fullName: 'Nguyễn Quản Trị', password: 'matkhau-quantri-1' };

export interface TestCore {
  core: Core;
  clock: AdjustableClock;
  dataDir: string;
  /** Calls a method as the given token's owner (or anonymously), through the real dispatcher. */
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string | null): Promise<Result<OutputOf<M>>>;
  /** Like call but throws on failure. */
  must<M extends MethodName>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  /** Sets up the agency and admin, and logs in users of each role; returns their tokens. */
  setUpOffice(): Promise<{ admin: string; clerk: string; supervisor: string }>;
  /** Fresh sessions for the three users of setUpOffice (after moving the clock past session expiry). */
  relogin(): Promise<{ admin: string; clerk: string; supervisor: string }>;
  close(): void;
}

/** A real installation on a temp folder (real SQLite file), driven through the same dispatcher as both transports. */
export async function startTestCore(opts: { now?: Date } = {}): Promise<TestCore> {
  const tmp = makeTempDir();
  const clock = new AdjustableClock(opts.now);
  const core = await startCore({ dataDir: tmp.dir, clock, log: silentLogger, testMode: true });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string | null) => {
    const caller: Caller | null = token ? resolveCaller(core.app, token, 'test') : null;
    return (await dispatch(core.app, core.handlers, method, input, { caller, device: 'test' })) as Result<OutputOf<M>>;
  };
  const must = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string | null) => {
    const r = await call(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  const relogin = async () => {
    const admin = (await must('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    const clerk = (await must('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' })).token;
    const supervisor = (await must('auth.login', { username: 'truongbp', password: 'matkhau-truong-1' })).token;
    return { admin, clerk, supervisor };
  };
  return {
    core,
    clock,
    dataDir: tmp.dir,
    call,
    must,
    async setUpOffice() {
      await must('system.setup', { ...TEST_AGENCY, admin: ADMIN });
      const admin = (await must('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
      await must('users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1', counterNumber: 1 }, admin);
      await must('users.create', { username: 'truongbp', fullName: 'Lê Văn Trưởng', role: 'supervisor', password: 'matkhau-truong-1' }, admin);
      return relogin();
    },
    relogin,
    close() {
      core.close();
      tmp.cleanup();
    },
  };
}
