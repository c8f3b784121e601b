/**
 * Rebuilding a counter from the province (contract: "a reinstalled counter can rebuild" from
 * `LayThayDoiHoSo`). A dossier of this agency the counter does not know is created here as the province's
 * copy (`origin = 'province'`): owner, applicant, documents, fees, supplement rounds, results, status and
 * version, with one step saying where it came from. Nothing is queued for the province: the copy is its own.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { writeAudit } from '../audit/audit-log';
import { searchTextOf, type DossierRow } from '../dossiers/dossier-repo';
import { isoFromProvincial, resultDocumentsJson } from './hoso-mapper';
import { raiseSequenceAbove } from './collisions';
import { SYNC_CALLER } from './server-copy';
import { stmt } from './statements';
import { parseDossierCode } from '../../shared/domain/dossier-code';
import { formSetFor } from '../../shared/printing/form-sets';
import type { HoSo } from '../../shared/sync/provincial-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const INSERT = `INSERT INTO dossiers (
  id, code, agency_id, business_date, form_set, procedure_code, procedure_name, field_code, field_name, competent_agency,
  channel, status, summary, applicant_name, applicant_id, applicant_address, applicant_phone, applicant_email,
  owner_type, owner_name, owner_id, owner_address, sets, fee_total, result_delivery, postal_code,
  received_at, due_at, due_ms, original_due_at, finished_at, returned_at, result_documents, server_version, note, search_text, created_at, updated_at, origin
) VALUES (
  @id, @code, @agency_id, @business_date, @form_set, @procedure_code, @procedure_name, @field_code, @field_name, @competent_agency,
  @channel, @status, @summary, @applicant_name, @applicant_id, @applicant_address, @applicant_phone, @applicant_email,
  @owner_type, @owner_name, @owner_id, @owner_address, @sets, @fee_total, @result_delivery, @postal_code,
  @received_at, @due_at, @due_ms, @original_due_at, @finished_at, @returned_at, @result_documents, @server_version, @note, @search_text, @created_at, @updated_at, 'province'
) RETURNING rid`;

/**
 * Creates the province's dossier `h` locally; inside the caller's transaction. Returns the new row's id,
 * or null when the copy cannot be a local dossier (malformed code or times: logged, skipped).
 */
export function importServerDossier(app: AppContext, h: HoSo): string | null {
  const db = app.db;
  const code = parseDossierCode(h.MaHoSo);
  const receivedAt = isoFromProvincial(h.NgayTiepNhan);
  const dueAt = isoFromProvincial(h.NgayHenTra);
  if (!code.ok || !receivedAt || !dueAt) {
    app.log.warn('feed dossier not importable', { code: h.MaHoSo });
    return null;
  }
  const nowIso = isoLocal(app.clock.now());
  const idFree = h.IdHoSo && UUID.test(h.IdHoSo) && !stmt(db, 'SELECT 1 FROM dossiers WHERE id = ?').get(h.IdHoSo.toLowerCase());
  const id = idFree ? h.IdHoSo!.toLowerCase() : uuidv7();
  const ownerId = h.DinhDanhCHS?.[0]?.SoDinhDanh ?? null;
  const n = h.NguoiNop;
  const rounds = h.DanhSachHoSoBoSung ?? [];
  const row = {
    id,
    code: h.MaHoSo,
    agency_id: code.value.agencyId,
    business_date: code.value.localDate,
    form_set: formSetFor(receivedAt),
    procedure_code: h.MaTTHC,
    procedure_name: h.TenTTHC ?? h.MaTTHC,
    field_code: h.MaLinhVuc ?? null,
    field_name: h.TenLinhVuc ?? null,
    competent_agency: h.DonViXuLy ?? null,
    channel: h.KenhThucHien,
    status: h.TrangThaiHoSo,
    summary: h.TrichYeuHoSo ?? '',
    applicant_name: n ? (n.HoTen ?? h.ChuHoSo) : h.ChuHoSo,
    applicant_id: n ? (n.SoDinhDanh ?? '') : (ownerId ?? ''),
    applicant_address: (n ? n.DiaChi : undefined) ?? h.DiaChiChuHoSo ?? '',
    applicant_phone: (n ? n.SoDienThoai : undefined) ?? h.SoDienThoai ?? null,
    applicant_email: (n ? n.Email : undefined) ?? h.Email ?? null,
    owner_type: h.LoaiDoiTuong ?? '1',
    owner_name: h.ChuHoSo,
    owner_id: ownerId,
    owner_address: h.DiaChiChuHoSo ?? '',
    sets: h.SoBoHoSo ?? 1,
    fee_total: (h.DanhSachLePhi ?? []).reduce((s, f) => s + f.Gia, 0),
    result_delivery: h.HinhThuc ?? '0',
    postal_code: h.MaBuuGui ?? null,
    received_at: receivedAt,
    due_at: dueAt,
    due_ms: new Date(dueAt).getTime(),
    original_due_at: (rounds[0]?.NgayHenTraTruoc && isoFromProvincial(rounds[0].NgayHenTraTruoc)) || dueAt,
    finished_at: h.NgayKetThucXuLy ? isoFromProvincial(h.NgayKetThucXuLy) : null,
    returned_at: h.NgayTra ? isoFromProvincial(h.NgayTra) : null,
    result_documents: resultDocumentsJson(h.DanhSachGiayToKetQua),
    server_version: h.PhienBan,
    note: h.GhiChu ?? null,
    search_text: '',
    created_at: nowIso,
    updated_at: nowIso,
  };
  row.search_text = searchTextOf(row as unknown as DossierRow);
  const { rid } = stmt(db, INSERT).get(row) as { rid: number };
  const doc = stmt(db, 'INSERT INTO dossier_documents (dossier_rid, idx, code, name, originals, certified_copies, copies) VALUES (?, ?, ?, ?, ?, ?, ?)');
  (h.TaiLieuNop ?? []).forEach((d, i) => doc.run(rid, i, d.MaThanhPhanHoSo ?? null, d.TenGiayTo, d.SoBanChinh ?? 0, d.SoBanChungThuc ?? 0, d.SoBanPhoto ?? 0));
  const fee = stmt(db, 'INSERT INTO dossier_fees (dossier_rid, idx, code, name, amount, collection) VALUES (?, ?, ?, ?, ?, ?)');
  (h.DanhSachLePhi ?? []).forEach((f, i) => fee.run(rid, i, f.MaPhiLePhi ?? '', f.TenPhiLePhi ?? '', f.Gia, f.HinhThucThu));
  const pause = stmt(db, 'INSERT INTO dossier_pauses (dossier_rid, idx, from_at, to_at, content, due_before, due_after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  rounds.forEach((b, i) => {
    const from = isoFromProvincial(b.NgayYeuCauBoSung) ?? receivedAt;
    pause.run(rid, i, from, b.NgayBoSung ? isoFromProvincial(b.NgayBoSung) : null, b.NoiDungBoSung, (b.NgayHenTraTruoc && isoFromProvincial(b.NgayHenTraTruoc)) || dueAt, (b.NgayHenTraMoi && isoFromProvincial(b.NgayHenTraMoi)) || null);
  });
  stmt(db, 'INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, body, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    uuidv7(),
    rid,
    nowIso,
    'rebuilt',
    null,
    null,
    null,
    'Hệ thống tỉnh',
    'Hồ sơ lấy về từ hệ thống tỉnh (tiếp nhận nơi khác hoặc trước khi cài lại máy)',
    null,
    JSON.stringify({ serverVersion: h.PhienBan }),
  );
  raiseSequenceAbove(db, h.MaHoSo);
  writeAudit(db, app.clock.now(), SYNC_CALLER, { action: 'sync.rebuiltDossier', entity: 'dossier', entityId: id, detail: { code: h.MaHoSo, version: h.PhienBan } });
  return id;
}
