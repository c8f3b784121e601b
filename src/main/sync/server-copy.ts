/**
 * Bringing the server's copy of a dossier into the local one, by field ownership
 * (`shared/sync/merge.ts`). Used for a `-8` answer (the copy is `HoSoHienTai`) and for each
 * dossier of the change feed. Runs inside the caller's transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { writeAudit } from '../audit/audit-log';
import { getWorkCalendar } from '../calendar/calendar-service';
import type { DossierRow } from '../dossiers/dossier-repo';
import { enqueueChange } from './outbox';
import { backOfficeFieldsOf, isoFromProvincial, provincialTimeOf, resultDocumentsJson } from './hoso-mapper';
import { addOfficeTime, officeTimeBetween } from '../../shared/calendar';
import type { DossierStatus } from '../../shared/domain/status';
import type { HoSo } from '../../shared/sync/provincial-types';
import { mergeBackOfficeFields, sameBackOfficeFields, type BackOfficeFields } from '../../shared/sync/merge';

export const SYNC_CALLER: Caller = { userId: null, username: 'sync', fullName: 'Hệ thống tỉnh', role: null, device: 'sync', tokenHash: null };

const STATUS_NEWS: Partial<Record<DossierStatus, string>> = {
  '4': 'Hồ sơ đang được cơ quan giải quyết xử lý',
  '5': 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ',
  '6': 'Cơ quan giải quyết yêu cầu thực hiện nghĩa vụ tài chính',
  '8': 'Cơ quan giải quyết dừng xử lý hồ sơ',
  '9': 'Đã có kết quả giải quyết',
};

const SUPPLEMENT_DEFAULT = 'Cơ quan giải quyết yêu cầu bổ sung hồ sơ (cập nhật từ hệ thống tỉnh)';

export interface ServerCopyOutcome {
  /** Something the clerk should know changed (a step was recorded). */
  changed: boolean;
  status: DossierStatus;
  fromStatus: DossierStatus;
}

function serverFields(h: HoSo): BackOfficeFields {
  const f: BackOfficeFields = { TrangThaiHoSo: h.TrangThaiHoSo };
  if (h.NgayKetThucXuLy) f.NgayKetThucXuLy = h.NgayKetThucXuLy;
  if (h.DanhSachGiayToKetQua?.length) f.DanhSachGiayToKetQua = h.DanhSachGiayToKetQua;
  if (h.DonViXuLy) f.DonViXuLy = h.DonViXuLy;
  return f;
}

/**
 * Merges `server` into `row` and stores the result with `server.PhienBan` as the known server version.
 * With `enqueueCounterChanges`, a consequence on fields the counter owns (a supplement round opened or
 * closed, which moves the due date) is queued for the server as a dossier update; a `-8` resend carries
 * it by itself, so that path passes false.
 */
export function applyServerCopy(app: AppContext, row: DossierRow, server: HoSo, opts: { enqueueCounterChanges: boolean }): ServerCopyOutcome {
  const db = app.db;
  const now = app.clock.now();
  const nowIso = isoLocal(now);
  const local = backOfficeFieldsOf(row);
  const merged = mergeBackOfficeFields(local, serverFields(server));
  const changed = !sameBackOfficeFields(local, merged);
  const sets: Record<string, unknown> = { server_version: Math.max(row.server_version, server.PhienBan) };
  let counterChanged = false;

  if (changed) {
    sets.status = merged.TrangThaiHoSo;
    sets.updated_at = nowIso;
    // Keep the stored instant (with its milliseconds) when the server only echoes it back.
    if (merged.NgayKetThucXuLy && (!row.finished_at || provincialTimeOf(row.finished_at) !== merged.NgayKetThucXuLy)) {
      sets.finished_at = isoFromProvincial(merged.NgayKetThucXuLy);
    }
    if (JSON.stringify(merged.DanhSachGiayToKetQua ?? []) !== JSON.stringify(local.DanhSachGiayToKetQua ?? [])) {
      sets.result_documents = resultDocumentsJson(merged.DanhSachGiayToKetQua);
    }
    if ((merged.DonViXuLy ?? '') !== (local.DonViXuLy ?? '')) sets.competent_agency = merged.DonViXuLy ?? null;

    // A supplement round requested or ended by the back office pauses or restarts the counter's clock.
    const openPause = db.prepare('SELECT idx, from_at FROM dossier_pauses WHERE dossier_rid = ? AND to_at IS NULL ORDER BY idx DESC LIMIT 1').get(row.rid) as
      | { idx: number; from_at: string }
      | undefined;
    if (merged.TrangThaiHoSo === '5' && !openPause) {
      const round = [...(server.DanhSachHoSoBoSung ?? [])].reverse().find((b) => !b.NgayBoSung);
      const idx = (db.prepare('SELECT count(*) n FROM dossier_pauses WHERE dossier_rid = ?').get(row.rid) as { n: number }).n;
      const from = (round && isoFromProvincial(round.NgayYeuCauBoSung)) ?? (server.NgayYeuCauBoSung && isoFromProvincial(server.NgayYeuCauBoSung)) ?? nowIso;
      db.prepare('INSERT INTO dossier_pauses (dossier_rid, idx, from_at, content, due_before) VALUES (?, ?, ?, ?, ?)').run(row.rid, idx, from, round?.NoiDungBoSung ?? SUPPLEMENT_DEFAULT, row.due_at);
      counterChanged = true;
    } else if (merged.TrangThaiHoSo !== '5' && openPause) {
      const cal = getWorkCalendar(app);
      const waited = officeTimeBetween(cal, new Date(openPause.from_at), now);
      const newDue = addOfficeTime(cal, new Date(row.due_at), waited);
      db.prepare('UPDATE dossier_pauses SET to_at = ?, due_after = ? WHERE dossier_rid = ? AND idx = ?').run(nowIso, isoLocal(newDue), row.rid, openPause.idx);
      sets.due_at = isoLocal(newDue);
      sets.due_ms = newDue.getTime();
      counterChanged = true;
    }

    const news = merged.TrangThaiHoSo !== row.status ? (STATUS_NEWS[merged.TrangThaiHoSo] ?? 'Cập nhật từ hệ thống tỉnh') : 'Cập nhật thông tin xử lý từ hệ thống tỉnh';
    const details = [
      merged.DanhSachGiayToKetQua?.length ? `Kết quả: ${merged.DanhSachGiayToKetQua.map((d) => d.TenGiayTo).join('; ')}` : null,
      merged.DonViXuLy && merged.DonViXuLy !== local.DonViXuLy ? `Đơn vị xử lý: ${merged.DonViXuLy}` : null,
    ].filter(Boolean);
    db.prepare(
      'INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, body, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      uuidv7(),
      row.rid,
      nowIso,
      'backOffice',
      row.status,
      merged.TrangThaiHoSo !== row.status ? merged.TrangThaiHoSo : null,
      null,
      'Hệ thống tỉnh',
      news,
      details.length ? details.join(' — ') : null,
      JSON.stringify({ serverVersion: server.PhienBan }),
    );
    writeAudit(db, now, SYNC_CALLER, {
      action: 'sync.serverChange',
      entity: 'dossier',
      entityId: row.id,
      detail: { from: row.status, to: merged.TrangThaiHoSo, version: server.PhienBan },
    });
  }

  const cols = Object.keys(sets);
  db.prepare(`UPDATE dossiers SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE rid = @rid`).run({ ...sets, rid: row.rid });
  if (counterChanged && opts.enqueueCounterChanges) enqueueChange(db, now, { kind: 'dossier', entityId: row.id, payload: { op: 'update' } });
  return { changed, status: merged.TrangThaiHoSo, fromStatus: row.status };
}
