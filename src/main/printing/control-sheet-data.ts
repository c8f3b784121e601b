import type { AppContext } from '../app/app-context';
import type { DossierRow } from '../dossiers/dossier-repo';
import type { ControlSheetData, ControlSheetRow, HandoverResult } from '../../shared/printing/form-data';
import { agencyHeader } from './form-mapper';

interface StepRow { at: string; action: string; body: string | null; note: string | null; actor_name: string | null; data: string | null }
interface PostalRow { direction: 'IN' | 'OUT'; at: string; employee_name: string; employee_phone: string | null; post_office: string; clerk_name: string; postal_code: string }

const POST = 'Bưu chính công ích';
const localDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The due date in force at an instant: the appointment given at intake, moved by each supplement pause and
 * extension from the moment it was recorded (their steps carry dueBefore/dueAfter). A hand-over made before
 * an extension is judged against the date that applied then, so a late hand-over stays late.
 */
export function dueInForceAt(r: DossierRow, steps: readonly StepRow[], at: string): string {
  let due = r.original_due_at;
  for (const s of steps) {
    if (s.at > at) break;
    const d = s.data ? (JSON.parse(s.data) as { dueAfter?: string }) : {};
    if ((s.action === 'extend' || s.action === 'supplementReceived') && d.dueAfter) due = d.dueAfter;
  }
  return due;
}

/** Before the due day / on the due day (not after the due time) / after the due time. */
export function judge(at: string, due: string): HandoverResult {
  if (new Date(at) > new Date(due)) return 'LATE';
  return localDay(at) < localDay(due) ? 'EARLY' : 'ON_TIME';
}

/**
 * The control sheet: one row per hand-over, in order — from the post to the centre when the dossier came by
 * post, centre to the processing body, back to the centre, and the final return (to the person who collected
 * it, with their ID, or to the post with the item code). Each is judged against the due date in force then.
 * Until the result is returned, blank rows are left for the hand-overs still to come.
 */
export function controlSheetData(app: AppContext, r: DossierRow): ControlSheetData {
  const header = agencyHeader(app);
  const centre = header.agencyName;
  const all = app.db.prepare('SELECT at, action, body, note, actor_name, data FROM dossier_steps WHERE dossier_rid = ? ORDER BY at, rowid').all(r.rid) as StepRow[];
  const postal = app.db
    .prepare(
      `SELECT h.direction, coalesce(i.decided_at, h.closed_at, h.opened_at) AS at, h.employee_name, h.employee_phone, h.post_office, h.clerk_name, i.postal_code
         FROM postal_handover_items i JOIN postal_handovers h ON h.id = i.handover_id
        WHERE i.dossier_id = ? ORDER BY at`,
    )
    .all(r.id) as PostalRow[];
  const transfer = all.find((s) => s.action === 'transfer');
  const processingBody = transfer?.body ?? r.competent_agency ?? centre;
  const judged = (at: string) => judge(at, dueInForceAt(r, all, at));

  const rows: ControlSheetRow[] = [];
  const inbound = postal.find((p) => p.direction === 'IN');
  if (inbound) {
    rows.push({ fromBody: `${POST} (${inbound.post_office})`, toBody: centre, at: inbound.at, giverName: inbound.employee_name, receiverName: inbound.clerk_name, viaPost: true, note: `Số hiệu bưu gửi: ${inbound.postal_code}` });
  }
  for (const s of all) {
    if (s.action === 'transfer') rows.push({ fromBody: centre, toBody: s.body ?? processingBody, at: s.at, giverName: s.actor_name ?? undefined, result: judged(s.at), note: s.note ?? undefined });
    if (s.action === 'resultReady') rows.push({ fromBody: processingBody, toBody: centre, at: s.at, receiverName: s.actor_name ?? undefined, result: judged(s.at), note: s.note ?? undefined });
    if (s.action === 'returned') {
      const d = s.data ? (JSON.parse(s.data) as { collectorName?: string | null; collectorIdNumber?: string | null; postalCode?: string | null }) : {};
      const out = postal.find((p) => p.direction === 'OUT' && (!d.postalCode || p.postal_code === d.postalCode));
      if (d.postalCode || out) {
        const code = d.postalCode ?? out?.postal_code;
        rows.push({
          fromBody: centre, toBody: out ? `${POST} (${out.post_office})` : POST, at: out?.at ?? s.at, giverName: s.actor_name ?? undefined, receiverName: out?.employee_name,
          result: judged(s.at), viaPost: true, note: [code && `Số hiệu bưu gửi: ${code}`, 'Chuyển trả kết quả cho tổ chức, cá nhân'].filter(Boolean).join('. '),
        });
      } else {
        const who = d.collectorName ?? undefined;
        rows.push({
          fromBody: centre, toBody: who ? `Tổ chức, cá nhân: ${who}` : 'Tổ chức, cá nhân', at: s.at, giverName: s.actor_name ?? undefined, receiverName: who,
          result: judged(s.at), note: [who && `Người nhận kết quả: ${who}`, d.collectorIdNumber && `Số giấy tờ: ${d.collectorIdNumber}`, s.note].filter(Boolean).join('. ') || undefined,
        });
      }
    }
  }
  const returned = all.some((s) => s.action === 'returned') || ['7', '8'].includes(r.status);
  // Expected hand-overs: in to processing, back to the centre, out to the citizen (plus the post's, counted above).
  const blankRows = returned ? 0 : Math.max(1, 3 - all.filter((s) => s.action === 'transfer' || s.action === 'resultReady').length);
  const current = r.due_at !== r.original_due_at ? r.due_at : undefined;
  return {
    formSet: r.form_set, header, dossierCode: r.code, ownerName: r.owner_name, procedureName: r.procedure_name, receivedAt: r.received_at, dueAt: r.original_due_at,
    currentDueAt: current, currentDueReason: current ? (r.extended_due_at ? 'EXTENDED' : 'SUPPLEMENT') : undefined,
    processingBody, cooperatingBodies: [], rows, blankRows,
  };
}
