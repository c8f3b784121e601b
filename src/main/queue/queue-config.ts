import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { Db } from '../db/database';
import { getSetting, setSetting } from '../settings/settings-store';
import { mutateQueue } from './queue-tx';
import type { CounterView, QueueOptions, QueuePrinterSettings, ServiceGroupView } from '../../shared/api/queue-contract';
import type { PriorityMode } from '../../shared/queue/queue-labels';

export const PRINTER_SETTING = 'queuePrinter';
export const OPTIONS_SETTING = 'queueOptions';

export const PRINTER_DEFAULTS: QueuePrinterSettings = { enabled: false, host: '', port: 9100, widthDots: 576 };
export const OPTIONS_DEFAULTS: QueueOptions = { announceRepeat: 2, voice: 'clips', defaultServiceMinutes: 5, ticketFooter: '' };

export interface GroupRow {
  id: string;
  name: string;
  prefix: string;
  range_start: number;
  range_end: number;
  daily_cap: number | null;
  priority_mode: PriorityMode;
  interleave_every: number;
  active: number;
  sort_order: number;
}

export function groupView(r: GroupRow): ServiceGroupView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    rangeStart: r.range_start,
    rangeEnd: r.range_end,
    dailyCap: r.daily_cap,
    priorityMode: r.priority_mode,
    interleaveEvery: r.interleave_every,
    active: !!r.active,
    sortOrder: r.sort_order,
  };
}

export function listGroups(db: Db): ServiceGroupView[] {
  return (db.prepare('SELECT * FROM queue_groups ORDER BY sort_order, prefix').all() as GroupRow[]).map(groupView);
}

export function getGroupRow(db: Db, id: string): GroupRow {
  const r = db.prepare('SELECT * FROM queue_groups WHERE id = ?').get(id) as GroupRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy nhóm dịch vụ');
  return r;
}

export function listCounters(db: Db): CounterView[] {
  const rows = db.prepare('SELECT number, name, active FROM queue_counters ORDER BY number').all() as { number: number; name: string; active: number }[];
  const links = db.prepare('SELECT counter_number, group_id FROM queue_counter_groups').all() as { counter_number: number; group_id: string }[];
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    active: !!r.active,
    groupIds: links.filter((l) => l.counter_number === r.number).map((l) => l.group_id),
  }));
}

export function getCounter(db: Db, number: number): CounterView {
  const c = listCounters(db).find((x) => x.number === number);
  if (!c) throw new AppError('NOT_FOUND', `Chưa khai báo quầy số ${number}. Quản trị thêm quầy trong Cài đặt › Hàng đợi.`);
  return c;
}

/** A counter that is configured and open; clerks act only at such a counter. */
export function requireActiveCounter(db: Db, number: number): CounterView {
  const c = getCounter(db, number);
  if (!c.active) throw new AppError('INVALID_STATE', `Quầy số ${number} đang tạm ngưng. Chọn quầy khác hoặc nhờ quản trị mở lại.`);
  return c;
}

export function getPrinterSettings(db: Db): QueuePrinterSettings {
  return { ...PRINTER_DEFAULTS, ...(getSetting<Partial<QueuePrinterSettings>>(db, PRINTER_SETTING) ?? {}) };
}

export function getQueueOptions(db: Db): QueueOptions {
  return { ...OPTIONS_DEFAULTS, ...(getSetting<Partial<QueueOptions>>(db, OPTIONS_SETTING) ?? {}) };
}

export type GroupInput = Omit<ServiceGroupView, 'id'> & { id?: string };

export function saveGroup(app: AppContext, caller: Caller, input: GroupInput): ServiceGroupView {
  const now = isoLocal(app.clock.now());
  const name = input.name.normalize('NFC');
  return mutateQueue(
    app,
    caller,
    (g: ServiceGroupView) => ({ action: input.id ? 'queue.group.update' : 'queue.group.create', entity: 'queue_group', entityId: g.id, detail: { prefix: g.prefix, active: g.active } }),
    () => {
      const clash = app.db.prepare('SELECT id, name FROM queue_groups WHERE prefix = ? AND id IS NOT ?').get(input.prefix, input.id ?? null) as { id: string; name: string } | undefined;
      if (clash) throw new AppError('CONFLICT', `Chữ cái ${input.prefix} đã dùng cho nhóm "${clash.name}"`, { prefix: 'Đã dùng cho nhóm khác' });
      const id = input.id ?? uuidv7();
      if (input.id) {
        getGroupRow(app.db, input.id);
        app.db
          .prepare(
            `UPDATE queue_groups SET name = ?, prefix = ?, range_start = ?, range_end = ?, daily_cap = ?, priority_mode = ?, interleave_every = ?,
             active = ?, sort_order = ?, updated_at = ? WHERE id = ?`,
          )
          .run(name, input.prefix, input.rangeStart, input.rangeEnd, input.dailyCap, input.priorityMode, input.interleaveEvery, input.active ? 1 : 0, input.sortOrder, now, id);
      } else {
        app.db
          .prepare(
            `INSERT INTO queue_groups (id, name, prefix, range_start, range_end, daily_cap, priority_mode, interleave_every, active, sort_order, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, name, input.prefix, input.rangeStart, input.rangeEnd, input.dailyCap, input.priorityMode, input.interleaveEvery, input.active ? 1 : 0, input.sortOrder, now, now);
      }
      return groupView(getGroupRow(app.db, id));
    },
  );
}

export function saveCounter(app: AppContext, caller: Caller, input: CounterView): CounterView {
  const now = isoLocal(app.clock.now());
  const groupIds = [...new Set(input.groupIds)];
  return mutateQueue(app, caller, { action: 'queue.counter.save', entity: 'queue_counter', entityId: String(input.number), detail: { groups: groupIds.length, active: input.active } }, () => {
    for (const g of groupIds) getGroupRow(app.db, g);
    app.db
      .prepare(
        `INSERT INTO queue_counters (number, name, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(number) DO UPDATE SET name = excluded.name, active = excluded.active, updated_at = excluded.updated_at`,
      )
      .run(input.number, input.name.normalize('NFC'), input.active ? 1 : 0, now, now);
    app.db.prepare('DELETE FROM queue_counter_groups WHERE counter_number = ?').run(input.number);
    const link = app.db.prepare('INSERT INTO queue_counter_groups (counter_number, group_id) VALUES (?, ?)');
    for (const g of groupIds) link.run(input.number, g);
    return getCounter(app.db, input.number);
  });
}

export function setPrinterSettings(app: AppContext, caller: Caller, input: QueuePrinterSettings): QueuePrinterSettings {
  return mutateQueue(app, caller, { action: 'queue.printer.set', entity: 'settings', entityId: PRINTER_SETTING, detail: { enabled: input.enabled, widthDots: input.widthDots } }, () => {
    setSetting(app.db, PRINTER_SETTING, input);
    return getPrinterSettings(app.db);
  });
}

export function setQueueOptions(app: AppContext, caller: Caller, input: QueueOptions): QueueOptions {
  return mutateQueue(app, caller, { action: 'queue.options.set', entity: 'settings', entityId: OPTIONS_SETTING, detail: { announceRepeat: input.announceRepeat, voice: input.voice } }, () => {
    setSetting(app.db, OPTIONS_SETTING, { ...input, ticketFooter: input.ticketFooter.normalize('NFC') });
    return getQueueOptions(app.db);
  });
}
