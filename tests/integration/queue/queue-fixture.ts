import { startTestCore, type TestCore } from '../../support/core';
import type { ServiceGroupView } from '../../../src/shared/api/queue-contract';
import type { InputOf } from '../../../src/shared/api/contract';

/** An office with two clerks (counters 1 and 2) and a supervisor, on a real SQLite file. */
export interface QueueOffice {
  t: TestCore;
  admin: string;
  clerk1: string;
  clerk2: string;
  supervisor: string;
  group(input: Partial<InputOf<'queue.saveGroup'>> & { name: string; prefix: string }): Promise<ServiceGroupView>;
  counter(number: number, groupIds: string[], name?: string): Promise<void>;
  /** Moves the clock to a local (UTC+7) wall time, e.g. '2025-03-10T08:00:00'. */
  at(local: string): void;
  issue(groupId: string, priority?: InputOf<'queue.issue'>['priority']): Promise<{ id: string; code: string }>;
  /** New sessions for everybody (sessions expire after 12 hours, so a test that moves days needs it). */
  relogin(): Promise<void>;
}

const PASSWORDS: Record<string, string> = { quantri: 'matkhau-quantri-1', canbo1: 'matkhau-canbo-1', canbo2: 'matkhau-canbo-2', truongbp: 'matkhau-truong-1' };

export async function startQueueOffice(startLocal = '2025-03-10T07:30:00'): Promise<QueueOffice> {
  const t = await startTestCore({ now: new Date(`${startLocal}+07:00`) });
  const { admin, clerk, supervisor } = await t.setUpOffice();
  await t.must('users.create', { username: 'canbo2', fullName: 'Phạm Văn Quầy Hai', role: 'clerk', password: 'matkhau-canbo-2', counterNumber: 2 }, admin);
  const clerk2 = (await t.must('auth.login', { username: 'canbo2', password: 'matkhau-canbo-2' })).token;
  const o: QueueOffice = {
    t,
    admin,
    clerk1: clerk,
    clerk2,
    supervisor,
    group: (input) =>
      t.must(
        'queue.saveGroup',
        { rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true, ...input },
        o.admin,
      ),
    counter: async (number, groupIds, name) => {
      await t.must('queue.saveCounter', { number, name: name ?? `Quầy ${number}`, groupIds, active: true }, o.admin);
    },
    at: (local) => t.clock.set(new Date(`${local}+07:00`)),
    issue: async (groupId, priority = null) => {
      const r = await t.must('queue.issue', { groupId, priority, source: 'kiosk' }, o.clerk1);
      return { id: r.ticket.id, code: r.ticket.code };
    },
    relogin: async () => {
      const login = async (username: string) => (await t.must('auth.login', { username, password: PASSWORDS[username] })).token;
      o.admin = await login('quantri');
      o.clerk1 = await login('canbo1');
      o.clerk2 = await login('canbo2');
      o.supervisor = await login('truongbp');
    },
  };
  return o;
}
