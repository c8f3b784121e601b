import type { Db } from '../db/database';
import { AppError } from '../api/app-error';
import type { GroupRow } from './queue-config';

/**
 * Hands out the next ticket number of a group for a business day. Must run inside a write
 * transaction (see mutateQueue): the read of the last number and the writes below are then
 * one atomic step for every connection and process on the database file.
 *
 * Numbers go up from the range start; past the range end they wrap to the start, skipping any
 * number already handed out that day (the ledger's UNIQUE(business_date, group_id, number)
 * guarantees it even if an administrator narrows or moves the range mid-day).
 */
export function allocateNumber(db: Db, group: GroupRow, date: string): number {
  const counter = db.prepare('SELECT last_number, issued FROM queue_day_counters WHERE business_date = ? AND group_id = ?').get(date, group.id) as
    | { last_number: number; issued: number }
    | undefined;
  const issued = counter?.issued ?? 0;
  if (group.daily_cap !== null && issued >= group.daily_cap) {
    throw new AppError('INVALID_STATE', `Nhóm "${group.name}" đã cấp đủ ${group.daily_cap} phiếu hôm nay. Mời quý khách quay lại vào ngày làm việc tiếp theo hoặc liên hệ cán bộ.`);
  }
  const size = group.range_end - group.range_start + 1;
  const used = db.prepare('SELECT 1 FROM queue_numbers WHERE business_date = ? AND group_id = ? AND number = ?');
  let candidate = counter ? counter.last_number + 1 : group.range_start;
  for (let i = 0; i < size; i++, candidate++) {
    if (candidate > group.range_end || candidate < group.range_start) candidate = group.range_start;
    if (!used.get(date, group.id, candidate)) return candidate;
  }
  throw new AppError(
    'INVALID_STATE',
    `Nhóm "${group.name}" đã dùng hết dải số ${group.range_start}–${group.range_end} hôm nay. Quản trị có thể mở rộng dải số trong Cài đặt › Hàng đợi.`,
  );
}

/** Records the number as handed out (same transaction as the ticket row). */
export function recordNumber(db: Db, groupId: string, date: string, number: number, ticketId: string): void {
  db.prepare('INSERT INTO queue_numbers (business_date, group_id, number, ticket_id) VALUES (?, ?, ?, ?)').run(date, groupId, number, ticketId);
  db.prepare(
    `INSERT INTO queue_day_counters (business_date, group_id, last_number, issued) VALUES (?, ?, ?, 1)
     ON CONFLICT(business_date, group_id) DO UPDATE SET last_number = excluded.last_number, issued = issued + 1`,
  ).run(date, groupId, number);
}
