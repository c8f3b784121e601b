/**
 * Five years of an office's work, day by day: queue tickets, dossiers received at the counter
 * (with documents, fees, the receipt step, audit and outbox entries) and, on the days they
 * happen, the later steps of earlier dossiers. Rows go in in time order, as the app would have
 * written them, so ids, codes and rowids grow together like in a real installation.
 */
import { isoLocalFast } from './iso';
import { searchTextOf } from '../../src/main/dossiers/dossier-repo';
import type { Procedure } from '../../src/shared/catalog/procedure';
import { computeFees } from '../../src/shared/catalog/fees';
import { computeDueDate, SAME_DAY_CUTOFF_MINUTES } from '../../src/shared/calendar/due-date';
import { createWorkCalendar } from '../../src/shared/calendar/working-time';
import type { CalendarYear, OfficeHours } from '../../src/shared/calendar/types';
import { addDays, dayNumber, fromDayNumber } from '../../src/shared/calendar/local-date';
import { formatDossierCode } from '../../src/shared/domain/dossier-code';
import { s10CheckDigit } from '../../src/shared/domain/s10';
import { formSetFor } from '../../src/shared/printing/form-sets';
import { formatTicketCode } from '../../src/shared/queue/queue-labels';
import { planLifecycle, type Plan, type PlannedStep } from './lifecycle';
import { auditRow } from './audit-row';
import type { GroupSpec, UserSpec } from './office';
import { personAt, type Person } from './people';
import { apportion, Rng, uuidV7, Weighted } from './rng';
import { WorkDays, localDay } from './workdays';

/** Everything the history is made from: plain data, so that it can be produced in a worker thread. */
export interface HistoryInput {
  size: number;
  seed: number;
  /** First and last local business day of the history (YYYY-MM-DD). */
  from: string;
  to: string;
  agencyId: string;
  /** Days before the end that get audit, outbox, ticket log and number ledger rows (see GenerateOptions.logDays). */
  logDays: number;
  procedures: Record<string, Procedure>;
  /** The office's hours and the calendar in force for every year of the period (stored or proposed). */
  calendar: { officeHours: OfficeHours; years: CalendarYear[] };
  groups: GroupSpec[];
  clerks: UserSpec[];
  /** Highest rid already used, and the audit chain's last hash. */
  startRid: number;
  auditPrev: string;
}

/** Tables in the order a batch's rows are written (each table's rows keep their production order). */
export const TABLES = ['ticket', 'ticketLog', 'number', 'rating', 'dayCounter', 'dossier', 'document', 'fee', 'pause', 'step', 'audit', 'outbox', 'sequence'] as const;
export type Table = (typeof TABLES)[number];

export interface HistoryResult {
  counts: HistoryCounts;
  /** Dossiers per procedure code (procedures.usage_count). */
  usage: [string, number][];
}

export interface HistoryCounts {
  dossiers: number;
  documents: number;
  fees: number;
  steps: number;
  tickets: number;
  ticketLog: number;
  ratings: number;
  audit: number;
  outbox: number;
}

// How often each sample procedure comes to the counter, and the queue group that serves it.
const MIX: [code: string, weight: number, group: GroupSpec['key']][] = [
  ['2.000815', 40, 'B'], // certified copies: the bulk of a ward office's work
  ['2.000884', 14, 'B'], // signature certification
  ['2.000908', 3, 'B'], // copy from the original register
  ['1.001193', 10, 'A'], // birth registration
  ['1.000894', 4, 'A'], // marriage registration
  ['1.000656', 3, 'A'], // death registration
  ['1.004873', 9, 'A'], // marital status certificate
  ['2.000635', 9, 'A'], // civil status extract
  ['1.001612', 8, 'C'], // household business registration
];

export const MIX_CODES = MIX.map(([code]) => code);

// Monday queues are longest; Friday afternoons are quiet.
const WEEKDAY_LOAD = [0, 1.2, 1.05, 1, 1, 0.85, 0.5];

const PRIORITIES = new Weighted<string | null>([[null, 960], ['elderly', 20], ['pregnant_or_small_child', 10], ['disabled', 5], ['merit', 5]]);

interface ProcInfo {
  p: Procedure;
  group: GroupSpec;
  /** Fee input → computed lines; few distinct inputs, so memoised. */
  fees: Map<string, { lines: { code: string; name: string; amount: number }[]; total: number }>;
}

interface ReceiptEvent {
  kind: 'receive';
  at: number;
  d: DossierDraft;
}
interface StepEvent {
  kind: 'step';
  at: number;
  d: DossierDraft;
  step: PlannedStep;
}
type DayEvent = ReceiptEvent | StepEvent;

interface DossierDraft {
  rid: number;
  id: string;
  code: string;
  received: number;
  proc: ProcInfo;
  clerk: UserSpec;
  counter: number;
  channel: '1' | '2' | '3';
  applicant: Person;
  owner: Person;
  plan: Plan;
  due: number;
  originalDue: number;
  ticketId: string | null;
  postalCode: string | null;
  resultByPost: boolean;
  docs: [code: string | null, name: string, originals: number, certified: number, copies: number][];
  fee: { lines: { code: string; name: string; amount: number }[]; total: number };
}

function s10(rng: Rng): string {
  const serial = rng.digits(8);
  return `E${rng.pick(['E', 'L', 'M'])}${serial}${s10CheckDigit(serial)}VN`;
}

/**
 * Produces the history day by day: `put(table, values)` receives each row's values in the
 * column order of the load's INSERT statements, `dayDone(dossiers)` the running count after each
 * day. Pure computation from `opts`, hence deterministic and runnable in a worker thread.
 */
export function produceHistory(opts: HistoryInput, put: (table: Table, values: unknown[]) => void, dayDone: (dossiers: number) => void): HistoryResult {
  const rng = new Rng(opts.seed, 2);
  const cal = createWorkCalendar({ officeHours: opts.calendar.officeHours, years: opts.calendar.years });
  // Steps can land a few weeks after the end (and are then dropped): index working days that far.
  const days = new WorkDays(cal, opts.from, addDays(opts.to, 120));
  const endMs = new Date(`${opts.to}T23:59:59.999+07:00`).getTime();
  const logFrom = dayNumber(opts.to) - opts.logDays;
  const latestBirthYear = Number(opts.to.slice(0, 4)) - 18;
  const population = Math.max(1000, Math.round(opts.size * 0.75));
  const counts: HistoryCounts = { dossiers: 0, documents: 0, fees: 0, steps: 0, tickets: 0, ticketLog: 0, ratings: 0, audit: 0, outbox: 0 };

  const groupOf = new Map(opts.groups.map((g) => [g.key, g]));
  const procs = new Weighted<ProcInfo>(
    MIX.map(([code, w, g]) => {
      const p = opts.procedures[code];
      if (!p) throw new Error(`sample procedure ${code} missing from the catalog`);
      return [{ p, group: groupOf.get(g)!, fees: new Map() }, w] as const;
    }),
  );
  const clerkAt = new Map(opts.clerks.map((c) => [c.counter!, c]));
  const usage = new Map<string, number>();

  // Dossiers per working day: growing over the years, busier on Mondays, with daily noise.
  const first = dayNumber(opts.from);
  const last = dayNumber(opts.to);
  const workIdx: number[] = [];
  const weights: number[] = [];
  for (let d = first; d <= last; d++) {
    if (!days.isWorking(d)) continue;
    const t = (d - first) / Math.max(1, last - first);
    workIdx.push(d);
    weights.push((0.75 + 0.5 * t) * WEEKDAY_LOAD[(d + 4) % 7] * (0.85 + 0.3 * rng.next()));
  }
  const perDay = new Map<number, number>();
  apportion(opts.size, weights).forEach((n, i) => perDay.set(workIdx[i], n));

  const pending = new Map<number, StepEvent[]>();
  let rid = opts.startRid;
  let auditPrev = opts.auditPrev;
  const audit = (...entry: [at: string, actor: string | null, device: string, action: string, entity: string | null, entityId: string | null, detail: Record<string, unknown> | null]) => {
    const a = auditRow(auditPrev, ...entry);
    put('audit', a.values);
    auditPrev = a.hash;
    counts.audit++;
  };
  const dueMemo = new Map<string, number>();

  const feesOf = (proc: ProcInfo): DossierDraft['fee'] & { key: string } => {
    const p = proc.p;
    let copies = 1;
    let pages: number | undefined;
    let feeCodes: string[] | undefined;
    if (p.fees.some((f) => f.kind === 'PER_PAGE_TIERED')) {
      copies = rng.int(1, 5);
      pages = rng.int(1, 8);
    } else if (p.fees.some((f) => f.kind === 'PER_COPY')) copies = rng.int(1, 3);
    // Late registration (quá hạn) pays the fee; most births and deaths are registered in time.
    if (p.fees.length > 1) feeCodes = [rng.chance(0.92) ? p.fees[0].code : p.fees[1].code];
    const key = `${copies}|${pages}|${feeCodes}`;
    let fee = proc.fees.get(key);
    if (!fee) {
      const r = computeFees(p, { copies, pagesPerCopy: pages, feeCodes });
      if (!r.ok) throw new Error(r.error);
      fee = { lines: r.value.lines.map((l) => ({ code: l.code, name: l.name, amount: l.amount })), total: r.value.total };
      proc.fees.set(key, fee);
    }
    return { ...fee, key };
  };

  const dueFor = (proc: ProcInfo, received: number, pause: { from: number; to: number } | null): number => {
    // The engine is called once per distinct case: a same-day procedure's due date depends only on
    // the day and whether the dossier came after the 15:00 cut-off; others on the minute of receipt.
    const localMinute = Math.floor((received + 7 * 3600_000) / 60_000);
    const key = pause
      ? ''
      : proc.p.duration.sameDay
        ? `${proc.p.code}|${Math.floor(localMinute / 1440)}|${localMinute % 1440 > SAME_DAY_CUTOFF_MINUTES}`
        : `${proc.p.code}|${localMinute}`;
    const hit = key ? dueMemo.get(key) : undefined;
    if (hit !== undefined) return hit;
    // As calendar-service's dueDateFor: the procedure's ordinary time on the office calendar.
    const { amount, unit, sameDay } = proc.p.duration;
    const due = computeDueDate({ receivedAt: new Date(received), duration: { amount, unit, sameDay }, calendar: cal, pauses: pause ? [{ from: new Date(pause.from), to: new Date(pause.to) }] : undefined, now: new Date(received) }).due.getTime();
    if (key) dueMemo.set(key, due);
    return due;
  };

  const draft = (received: number, seq: number, date: string): DossierDraft => {
    const proc = procs.pick(rng);
    const counter = rng.pick(proc.group.counters);
    const clerk = clerkAt.get(counter)!;
    const r = rng.next();
    const channel: DossierDraft['channel'] = r < 0.86 ? '1' : r < 0.97 ? '2' : '3';
    const person = personAt(opts.seed, rng.int(0, population - 1), latestBirthYear);
    // Now and then someone files on another's behalf (authorised representative).
    const applicant = rng.chance(0.08) ? personAt(opts.seed, rng.int(0, population - 1), latestBirthYear) : person;
    const docs: DossierDraft['docs'] = [];
    for (const doc of proc.p.documents) {
      if (!doc.required && !rng.chance(0.15)) continue;
      const copies = doc.copies > 0 || proc.p.code === '2.000815' ? Math.max(doc.copies, rng.int(1, 4)) : doc.copies;
      docs.push([doc.code ?? null, doc.name, doc.originals, doc.certifiedCopies, copies]);
    }
    if (!docs.length) docs.push([null, proc.p.documents[0]?.name ?? 'Tờ khai', 1, 0, 0]);
    const fee = feesOf(proc);
    const originalDue = dueFor(proc, received, null);
    const plan = planLifecycle(rng, days, received, (pause) => (pause ? dueFor(proc, received, pause) : originalDue), endMs);
    const due = plan.pause?.to ? dueFor(proc, received, { from: plan.pause.from, to: plan.pause.to }) : originalDue;
    rid++;
    return {
      rid,
      id: uuidV7(rng, received),
      code: formatDossierCode(opts.agencyId, date, seq),
      received,
      proc,
      clerk,
      counter,
      channel,
      applicant,
      owner: person,
      plan,
      due,
      originalDue,
      ticketId: null,
      postalCode: channel === '3' ? s10(rng) : null,
      resultByPost: rng.chance(0.04),
      docs,
      fee,
    };
  };

  const iso = isoLocalFast;

  const insertDossier = (d: DossierDraft, date: string) => {
    const p = d.proc.p;
    const at = iso(d.received);
    const lastStep = d.plan.steps[d.plan.steps.length - 1];
    const row = {
      code: d.code,
      applicant_name: d.applicant.fullName,
      owner_name: d.owner.fullName,
      applicant_id: d.applicant.idNumber,
      owner_id: d.owner.idNumber,
      applicant_phone: d.applicant.phone,
      postal_code: d.postalCode,
    };
    put('dossier', [
      d.rid, d.id, d.code, opts.agencyId, date, formSetFor(at), p.code, p.name, p.fieldCode ?? null, p.fieldName ?? null, p.competentAgency ?? null,
      d.channel, d.plan.status, p.name, d.applicant.fullName, d.applicant.idNumber, d.applicant.birthDate, d.applicant.sex, d.applicant.address, d.applicant.phone, d.applicant.email,
      '1', d.owner.fullName, d.owner.idNumber, d.owner.address, 1, d.fee.total, d.resultByPost ? '1' : '0', d.resultByPost ? d.applicant.address : null, d.postalCode,
      at, iso(d.due), d.due, iso(d.originalDue), d.plan.finishedAt ? iso(d.plan.finishedAt) : null, d.plan.returnedAt ? iso(d.plan.returnedAt) : null,
      d.channel === '2' ? null : d.counter, d.clerk.id, d.clerk.fullName, d.ticketId, 0, searchTextOf(row), at, lastStep ? iso(lastStep.at) : at,
    ]);
    d.docs.forEach((x, i) => put('document', [d.rid, i, ...x]));
    const collection = d.fee.total === 0 ? 'KHONGTHU' : 'THUTRUOC';
    d.fee.lines.forEach((l, i) => put('fee', [d.rid, i, l.code, l.name, l.amount, collection]));
    if (d.plan.pause) {
      const pz = d.plan.pause;
      put('pause', [d.rid, iso(pz.from), pz.to ? iso(pz.to) : null, 'Bổ sung bản sao giấy tờ còn thiếu theo phiếu yêu cầu bổ sung', iso(d.originalDue), pz.to ? iso(d.due) : null]);
    }
    put('step', [uuidV7(rng, d.received), d.rid, at, 'receive', null, '2', d.clerk.id, d.clerk.fullName, null, null, null]);
    counts.documents += d.docs.length;
    counts.fees += d.fee.lines.length;
    counts.steps++;
    if (localDay(d.received) >= logFrom) {
      audit(at, d.clerk.username, 'ipc', 'dossier.receive', 'dossier', d.id, { code: d.code, procedure: p.code });
      put('outbox', [uuidV7(rng, d.received), 'dossier', d.id, '{"op":"create"}', at, iso(d.received + 5000)]);
      counts.outbox++;
    }
  };

  const insertStep = (d: DossierDraft, s: PlannedStep) => {
    const at = iso(s.at);
    const stepId = uuidV7(rng, s.at);
    const body = s.action === 'transfer' ? (d.proc.p.competentAgency ?? null) : null;
    const data = s.action === 'returned' ? JSON.stringify({ collectorName: d.applicant.fullName, collectorIdNumber: null, postalCode: null }) : null;
    const note = s.action === 'withdraw' ? 'Công dân đề nghị rút hồ sơ' : s.action === 'stop' ? 'Hồ sơ không đủ điều kiện giải quyết' : null;
    put('step', [stepId, d.rid, at, s.action, s.from, s.to, d.clerk.id, d.clerk.fullName, body, note, data]);
    counts.steps++;
    if (localDay(s.at) >= logFrom) {
      audit(at, d.clerk.username, 'ipc', `dossier.${s.action}`, 'dossier', d.id, { from: s.from, to: s.to });
      put('outbox', [uuidV7(rng, s.at), 'progress', d.id, JSON.stringify({ stepId }), at, iso(s.at + 5000)]);
      put('outbox', [uuidV7(rng, s.at), 'dossier', d.id, '{"op":"update"}', at, iso(s.at + 5000)]);
      counts.outbox += 2;
    }
  };

  /** The day's queue: a ticket for most walk-in dossiers, plus citizens who left without one. */
  const insertTickets = (date: string, k: number, drafts: DossierDraft[]) => {
    const logged = dayNumber(date) >= logFrom;
    type T = { id: string; group: GroupSpec; issued: number; called: number; finished: number; counter: number; clerk: UserSpec; code: string | null; noShow: boolean };
    const tickets: T[] = [];
    for (const d of drafts) {
      if (d.channel !== '1' || !rng.chance(0.95)) continue;
      const service = rng.int(4, 15) * 60_000;
      const called = d.received - service;
      const issued = called - rng.int(1, 40) * 60_000;
      const t: T = { id: uuidV7(rng, issued), group: d.proc.group, issued, called, finished: d.received + rng.int(60, 180) * 1000, counter: d.counter, clerk: d.clerk, code: d.code, noShow: false };
      d.ticketId = t.id;
      tickets.push(t);
    }
    const extra = Math.round(drafts.length * 0.15);
    for (let i = 0; i < extra; i++) {
      const proc = procs.pick(rng);
      const counter = rng.pick(proc.group.counters);
      const issued = days.randomTime(rng, k);
      const called = issued + rng.int(1, 40) * 60_000;
      tickets.push({ id: uuidV7(rng, issued), group: proc.group, issued, called, finished: called + rng.int(2, 10) * 60_000, counter, clerk: clerkAt.get(counter)!, code: null, noShow: rng.chance(0.3) });
    }
    tickets.sort((a, b) => a.issued - b.issued);
    const next = new Map<string, number>();
    for (const t of tickets) {
      const n = (next.get(t.group.id) ?? 0) + 1;
      next.set(t.group.id, n);
      const number = ((n - 1) % 999) + 1;
      const started = t.called + rng.int(20, 90) * 1000;
      const priority = PRIORITIES.pick(rng);
      const source = rng.chance(0.9) ? 'kiosk' : 'counter';
      put('ticket', [
        t.id, date, t.group.id, number, formatTicketCode(t.group.key, number, 999), priority, t.noShow ? 'no_show' : 'done', t.counter, t.clerk.id,
        iso(t.issued), iso(t.issued), iso(t.called), iso(t.noShow ? t.called + 60_000 : t.called), t.noShow ? 2 : 1, t.noShow ? null : iso(started), iso(t.noShow ? t.called + 120_000 : t.finished),
        t.code, source === 'kiosk' ? 'printed' : 'not_printed', source,
      ]);
      if (logged) {
        put('ticketLog', [t.id, null, 'waiting', iso(t.issued), null, null, source]);
        put('ticketLog', [t.id, 'waiting', 'called', iso(t.called), t.counter, t.clerk.id, null]);
        if (t.noShow) put('ticketLog', [t.id, 'called', 'no_show', iso(t.called + 120_000), t.counter, t.clerk.id, null]);
        else {
          put('ticketLog', [t.id, 'called', 'serving', iso(started), t.counter, t.clerk.id, null]);
          put('ticketLog', [t.id, 'serving', 'done', iso(t.finished), t.counter, t.clerk.id, null]);
        }
        counts.ticketLog += t.noShow ? 3 : 4;
      }
      if (!t.noShow && rng.chance(0.25)) {
        const level = rng.chance(0.85) ? 3 : rng.chance(0.8) ? 2 : 1;
        put('rating', [uuidV7(rng, t.finished + 20_000), t.id, date, t.counter, t.clerk.id, t.code, level, iso(t.finished + 20_000)]);
        counts.ratings++;
      }
      // The ledger must show every number handed out: wrapped numbers (past 999) reuse none.
      if (logged && n <= 999) put('number', [date, t.group.id, number, t.id]);
    }
    for (const g of opts.groups) {
      const n = next.get(g.id);
      if (n) put('dayCounter', [date, g.id, ((n - 1) % 999) + 1, n]);
    }
    counts.tickets += tickets.length;
  };

  for (let day = first; day <= last; day++) {
    const date = fromDayNumber(day);
    const events: DayEvent[] = pending.get(day) ?? [];
    pending.delete(day);
    const n = perDay.get(day) ?? 0;
    if (n > 0) {
      const k = days.indexAtOrAfter(day);
      // Receipt times over the office sessions, in order: the daily sequence follows the clock.
      const times = Array.from({ length: n }, () => days.randomTime(rng, k)).sort((a, b) => a - b);
      const drafts = times.map((t, i) => draft(t, i + 1, date));
      insertTickets(date, k, drafts);
      for (const d of drafts) {
        events.push({ kind: 'receive', at: d.received, d });
        for (const s of d.plan.steps) {
          const sd = localDay(s.at);
          if (sd === day) events.push({ kind: 'step', at: s.at, d, step: s });
          else {
            let list = pending.get(sd);
            if (!list) pending.set(sd, (list = []));
            list.push({ kind: 'step', at: s.at, d, step: s });
          }
        }
        usage.set(d.proc.p.code, (usage.get(d.proc.p.code) ?? 0) + 1);
      }
      put('sequence', [opts.agencyId, date, n]);
      dueMemo.clear();
    }
    // Same-day steps come after their receipt: sort is stable and receipts were pushed first.
    events.sort((a, b) => a.at - b.at || (a.kind === 'receive' ? -1 : 1) - (b.kind === 'receive' ? -1 : 1));
    for (const e of events) {
      if (e.kind === 'receive') {
        insertDossier(e.d, date);
        counts.dossiers++;
      } else insertStep(e.d, e.step);
    }
    dayDone(counts.dossiers);
  }
  return { counts, usage: [...usage] };
}
