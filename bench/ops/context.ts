/**
 * The benchmark's view of an installation: the generated data folder opened with the app's own
 * startCore, a clock set to the working day after the history, and logged-in users. Every
 * operation goes through the real dispatcher (`call`), as both transports do.
 */
import { startCore, type Core } from '../../src/main/app/bootstrap';
import { AdjustableClock } from '../../src/main/app/clock';
import { silentLogger } from '../../src/main/app/logger';
import { dispatch } from '../../src/main/api/dispatcher';
import { resolveCaller } from '../../src/main/users/caller';
import { getWorkCalendar } from '../../src/main/calendar/calendar-service';
import type { Manifest } from '../generate';

export interface BenchContext {
  core: Core;
  clock: AdjustableClock;
  dataDir: string;
  manifest: Manifest;
  /** The working day the benchmark acts on (after every generated and earlier benchmark day). */
  day: string;
  tokens: { admin: string; supervisor: string; clerks: string[] };
  quick: boolean;
  log(line: string): void;
  /** One API call as the token's owner, through the dispatcher; throws on failure. */
  call<T = unknown>(method: string, input: unknown, token: string): Promise<T>;
  /** Sends the result of a call through the same path but returns the raw Result. */
  tryCall(method: string, input: unknown, token: string): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
}

export async function openBench(dataDir: string, manifest: Manifest, quick: boolean, log: (l: string) => void): Promise<BenchContext> {
  // First open without a clock to find the last business day already used, then move past it:
  // each benchmark run takes a fresh day, so daily dossier codes and ticket numbers never run out.
  const clock = new AdjustableClock(new Date(`${manifest.to}T12:00:00+07:00`));
  // integrityCheck 'none': the benchmark measures operations, not a background check of its own file.
  const core = await startCore({ dataDir, clock, log: silentLogger, testMode: true, integrityCheck: 'none' });
  const last = (core.app.db.prepare('SELECT max(business_date) AS d FROM dossiers').get() as { d: string }).d;
  const lastTicket = (core.app.db.prepare('SELECT max(business_date) AS d FROM queue_tickets').get() as { d: string | null }).d;
  const cal = getWorkCalendar(core.app);
  const day = cal.nextWorkingDay(lastTicket && lastTicket > last ? lastTicket : last);
  clock.set(new Date(`${day}T08:05:00+07:00`));

  const tryCall = async (method: string, input: unknown, token: string) => {
    const caller = resolveCaller(core.app, token, 'bench');
    return dispatch(core.app, core.handlers, method, input, { caller, device: 'bench' }) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  };
  const call = async <T>(method: string, input: unknown, token: string): Promise<T> => {
    const r = await tryCall(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
    return r.value as T;
  };
  const login = async (username: string, password: string) => {
    const r = (await dispatch(core.app, core.handlers, 'auth.login', { username, password }, { caller: null, device: 'bench' })) as { ok: boolean; value?: { token: string }; error?: { message: string } };
    if (!r.ok) throw new Error(`login ${username}: ${r.error?.message}`);
    return r.value!.token;
  };
  const a = manifest.accounts;
  const tokens = {
    admin: await login(a.admin.username, a.admin.password),
    supervisor: await login(a.supervisor.username, a.supervisor.password),
    clerks: [] as string[],
  };
  for (const c of a.clerks) tokens.clerks[c.counter - 1] = await login(c.username, c.password);
  return { core, clock, dataDir, manifest, day, tokens, quick, log, call, tryCall };
}
