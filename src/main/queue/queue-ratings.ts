import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { Db } from '../db/database';
import { enqueueChange } from '../sync/outbox';
import { getCounter } from './queue-config';
import { getTicketRow, type TicketRow } from './queue-rows';
import { businessDate, mutateQueue } from './queue-tx';
import type { RatingView } from '../../shared/api/queue-contract';
import type { RatingLevel } from '../../shared/queue/queue-labels';
import type { DanhGia } from '../../shared/sync/provincial-types';
import { formatProvincialTime } from '../../shared/sync/provincial-time';

/** The ticket a rating screen at a counter is about: the one being served there, else the last one. */
export const SQL_RATE_TARGET = `SELECT * FROM queue_tickets
  WHERE counter_number = ? AND business_date = ? AND state IN ('called','serving','done') ORDER BY last_called_at DESC LIMIT 1`;

export function rateTarget(db: Db, counterNumber: number, date: string): TicketRow | undefined {
  return db.prepare(SQL_RATE_TARGET).get(counterNumber, date) as TicketRow | undefined;
}

/** The outbox payload: a `DongBoDanhGiaHaiLong` item without MaThayDoi (the outbox entry's change id is that). */
export type RatingPayload = Omit<DanhGia, 'MaThayDoi'>;

export function rate(app: AppContext, caller: Caller, input: { level: RatingLevel; ticketId?: string; counterNumber?: number }): RatingView {
  const now = app.clock.now();
  const at = isoLocal(now);
  const date = businessDate(now);
  const id = uuidv7();
  const view = mutateQueue(app, caller, (r: RatingView) => ({ action: 'queue.rate', entity: 'queue_rating', entityId: r.id, detail: { level: r.level, ticket: r.ticketId } }), () => {
    let t: TicketRow | undefined;
    if (input.ticketId) t = getTicketRow(app.db, input.ticketId);
    else if (input.counterNumber !== undefined) {
      getCounter(app.db, input.counterNumber);
      t = rateTarget(app.db, input.counterNumber, date);
    }
    if (t && app.db.prepare('SELECT 1 FROM queue_ratings WHERE ticket_id = ?').get(t.id)) {
      throw new AppError('CONFLICT', `Số ${t.display_code} đã được đánh giá. Xin cảm ơn quý khách!`);
    }
    const counterNumber = t?.counter_number ?? input.counterNumber ?? null;
    const clerkId = t?.clerk_id ?? null;
    const clerkName = clerkId ? (app.db.prepare('SELECT full_name FROM users WHERE id = ?').get(clerkId) as { full_name: string } | undefined)?.full_name : undefined;
    app.db
      .prepare('INSERT INTO queue_ratings (id, ticket_id, business_date, counter_number, clerk_id, dossier_code, level, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, t?.id ?? null, date, counterNumber, clerkId, t?.dossier_code ?? null, input.level, at);
    const payload: RatingPayload = {
      ...(t?.dossier_code ? { MaHoSo: t.dossier_code } : {}),
      ...(t ? { SoThuTu: t.display_code } : {}),
      ...(counterNumber !== null ? { Quay: String(counterNumber) } : {}),
      ...(clerkName ? { CanBo: clerkName.slice(0, 50) } : {}),
      MucDo: input.level,
      ThoiGian: formatProvincialTime(now),
    };
    enqueueChange(app.db, now, { kind: 'rating', entityId: id, payload });
    return { id, ticketId: t?.id ?? null, code: t?.display_code ?? null, counterNumber, level: input.level, at };
  });
  app.events.emit('queue.changed', { reason: 'rated', ticketId: view.ticketId ?? undefined, counterNumber: view.counterNumber ?? undefined });
  return view;
}
