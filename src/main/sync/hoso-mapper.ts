/**
 * The provincial contract's objects built from local records: `HoSo` from a dossier (its row,
 * documents, fees and supplement rounds) and `TienDo` from a recorded step. Types are the
 * contract's, strictly: codes as strings, counts and amounts as numbers, times `yyyyMMddHHmmss`
 * on the Vietnamese wall clock, absent values left out (never `null`, never `""`).
 *
 * The mapping is a pure function of what is stored, so the copy the server holds after a
 * successful sync can be compared field by field with a fresh mapping of the local dossier.
 */
import type { Db } from '../db/database';
import { isoLocal } from '../app/clock';
import { stmt } from './statements';
import type { DossierRow } from '../dossiers/dossier-repo';
import { DOSSIER_ACTIONS } from '../../shared/dossiers/lifecycle';
import type { DossierStatus } from '../../shared/domain/status';
import type { GiayToKetQua, HoSoBoSung, HoSoFields, HoSoRequest, LePhi, TaiLieuNop, TienDo } from '../../shared/sync/provincial-types';
import { formatProvincialTime, parseProvincialTime } from '../../shared/sync/provincial-time';
import type { BackOfficeFields } from '../../shared/sync/merge';

/** Longest string the server accepts, and the summary's own limit (counted in code points). */
export const MAX_STRING = 2000;
export const MAX_SUMMARY = 1000;
export const MAX_ACTOR = 50;

/** Cuts to `max` code points, never in the middle of a surrogate pair. */
export function clip(s: string, max = MAX_STRING): string {
  const cps = [...s];
  return cps.length <= max ? s : cps.slice(0, max - 1).join('') + '…';
}

/** `yyyyMMddHHmmss` (UTC+7) of a stored ISO instant. */
export function provincialTimeOf(iso: string): string {
  return formatProvincialTime(new Date(iso));
}

/** A stored ISO instant (+07:00) from a provincial time; null when it is not a real time. */
export function isoFromProvincial(t: string): string | null {
  const d = parseProvincialTime(t);
  return d ? isoLocal(d) : null;
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** `LoaiDinhDanh` of a personal ID number: 12 digits → "1", the old 9 digits → "2"; others are not personal IDs. */
function idKind(id: string): '1' | '2' | null {
  if (/^\d{12}$/.test(id)) return '1';
  if (/^\d{9}$/.test(id)) return '2';
  return null;
}

/** The applicant is "not the owner" exactly when the receipt prints them apart (same rule as the forms). */
export function applicantIsOwner(r: Pick<DossierRow, 'owner_name' | 'applicant_name' | 'owner_id' | 'applicant_id'>): boolean {
  return r.owner_name === r.applicant_name && (r.owner_id ?? '') === r.applicant_id;
}

interface PauseRow {
  from_at: string;
  to_at: string | null;
  content: string;
  due_before: string;
  due_after: string | null;
}
interface DocumentRow {
  code: string | null;
  name: string;
  originals: number;
  certified_copies: number;
  copies: number;
}
interface FeeRow {
  code: string;
  name: string;
  amount: number;
  collection: string;
}

/** Result documents as stored on the dossier (`[{name, code?}]`), as the contract's list. */
export function resultDocumentsOf(json: string | null): GiayToKetQua[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: GiayToKetQua[] = [];
  for (const d of parsed as { name?: unknown; code?: unknown }[]) {
    if (!d || typeof d.name !== 'string' || !present(d.name)) continue;
    const doc: GiayToKetQua = { TenGiayTo: clip(d.name) };
    if (typeof d.code === 'string' && present(d.code)) doc.MaGiayToKetQua = clip(d.code);
    out.push(doc);
  }
  return out;
}

/** The stored form of result documents. */
export function resultDocumentsJson(list: GiayToKetQua[] | undefined): string | null {
  if (!list?.length) return null;
  return JSON.stringify(list.map((d) => (d.MaGiayToKetQua ? { name: d.TenGiayTo, code: d.MaGiayToKetQua } : { name: d.TenGiayTo })));
}

/** The back-office-owned fields of a local dossier, in the contract's terms (for merging). */
export function backOfficeFieldsOf(r: DossierRow): BackOfficeFields {
  const f: BackOfficeFields = { TrangThaiHoSo: r.status };
  if (r.finished_at) f.NgayKetThucXuLy = provincialTimeOf(r.finished_at);
  const docs = resultDocumentsOf(r.result_documents);
  if (docs.length) f.DanhSachGiayToKetQua = docs;
  if (present(r.competent_agency)) f.DonViXuLy = clip(r.competent_agency);
  return f;
}

/** The whole `HoSo` of a local dossier (without the request-only MaThayDoi/PhienBanGoc). */
export function mapHoSo(db: Db, r: DossierRow): HoSoFields {
  const h: HoSoFields = {
    MaHoSo: r.code,
    // v1.1: the dossier's identity, chosen at intake (its local id) and never changed, even by a new code.
    IdHoSo: r.id,
    MaTTHC: r.procedure_code,
    TenTTHC: clip(r.procedure_name),
    KenhThucHien: r.channel,
    NoiTiepNhan: r.agency_id,
    ChuHoSo: clip(r.owner_name),
    LoaiDoiTuong: r.owner_type,
    NgayTiepNhan: provincialTimeOf(r.received_at),
    NgayHenTra: provincialTimeOf(r.due_at),
    TrangThaiHoSo: r.status,
    HinhThuc: r.result_delivery,
    SoBoHoSo: r.sets,
  };
  if (present(r.field_code)) h.MaLinhVuc = r.field_code;
  if (present(r.field_name)) h.TenLinhVuc = clip(r.field_name);
  if (present(r.competent_agency)) h.DonViXuLy = clip(r.competent_agency);
  if (present(r.owner_address)) h.DiaChiChuHoSo = clip(r.owner_address);
  const kind = r.owner_id ? idKind(r.owner_id) : null;
  if (r.owner_id && kind && r.owner_type === '1') h.DinhDanhCHS = [{ LoaiDinhDanh: kind, SoDinhDanh: r.owner_id }];
  if (!applicantIsOwner(r)) {
    const n: NonNullable<HoSoFields['NguoiNop']> = { HoTen: clip(r.applicant_name), SoDinhDanh: r.applicant_id };
    if (present(r.applicant_phone)) n.SoDienThoai = r.applicant_phone;
    if (present(r.applicant_email)) n.Email = r.applicant_email;
    if (present(r.applicant_address)) n.DiaChi = clip(r.applicant_address);
    h.NguoiNop = n;
  }
  // Contact: the person who came to the counter (the one the office calls back).
  if (present(r.applicant_phone)) h.SoDienThoai = r.applicant_phone;
  if (present(r.applicant_email)) h.Email = r.applicant_email;
  if (present(r.summary)) h.TrichYeuHoSo = clip(r.summary, MAX_SUMMARY);

  const docs = stmt(db, 'SELECT code, name, originals, certified_copies, copies FROM dossier_documents WHERE dossier_rid = ? ORDER BY idx').all(r.rid) as DocumentRow[];
  if (docs.length) {
    h.TaiLieuNop = docs.map((d): TaiLieuNop => {
      const t: TaiLieuNop = { TenGiayTo: clip(d.name), SoBanChinh: d.originals, SoBanChungThuc: d.certified_copies, SoBanPhoto: d.copies };
      return present(d.code) ? { MaThanhPhanHoSo: d.code, ...t } : t;
    });
  }
  // "Không thu" (the procedure has no fee) is a receipt wording with no counterpart in HinhThucThu: not sent.
  const fees = (stmt(db, 'SELECT code, name, amount, collection FROM dossier_fees WHERE dossier_rid = ? ORDER BY idx').all(r.rid) as FeeRow[]).filter(
    (f) => f.collection !== 'KHONGTHU',
  );
  if (fees.length) {
    h.DanhSachLePhi = fees.map((f): LePhi => {
      const l: LePhi = { HinhThucThu: f.collection as LePhi['HinhThucThu'], Gia: f.amount };
      if (present(f.code)) l.MaPhiLePhi = f.code;
      if (present(f.name)) l.TenPhiLePhi = clip(f.name);
      return l;
    });
  }
  if (r.returned_at) h.NgayTra = provincialTimeOf(r.returned_at);
  if (r.finished_at) h.NgayKetThucXuLy = provincialTimeOf(r.finished_at);
  const pauses = stmt(db, 'SELECT from_at, to_at, content, due_before, due_after FROM dossier_pauses WHERE dossier_rid = ? ORDER BY idx').all(r.rid) as PauseRow[];
  if (pauses.length) {
    h.NgayYeuCauBoSung = provincialTimeOf(pauses[pauses.length - 1].from_at);
    h.DanhSachHoSoBoSung = pauses.map((p): HoSoBoSung => {
      const b: HoSoBoSung = { NoiDungBoSung: clip(p.content), NgayYeuCauBoSung: provincialTimeOf(p.from_at), NgayHenTraTruoc: provincialTimeOf(p.due_before) };
      if (p.to_at) b.NgayBoSung = provincialTimeOf(p.to_at);
      if (p.due_after) b.NgayHenTraMoi = provincialTimeOf(p.due_after);
      return b;
    });
  }
  // The postal item code travels with postal dossiers and with results sent by post only.
  if (present(r.postal_code) && (r.channel === '3' || r.result_delivery === '1')) h.MaBuuGui = r.postal_code;
  const results = resultDocumentsOf(r.result_documents);
  if (results.length) h.DanhSachGiayToKetQua = results;
  if (present(r.note)) h.GhiChu = clip(r.note);
  return h;
}

/** A `DongBoHoSoMC` item: the whole dossier plus the change key and the base version. */
export function hoSoRequest(db: Db, r: DossierRow, changeId: string, baseVersion: number): HoSoRequest {
  return { ...mapHoSo(db, r), MaThayDoi: changeId, PhienBanGoc: baseVersion };
}

export interface StepRow {
  id: string;
  at: string;
  action: string;
  to_status: DossierStatus | null;
  actor_id: string | null;
  actor_name: string | null;
  body: string | null;
  note: string | null;
  data: string | null;
}

export function getStepRow(db: Db, stepId: string): StepRow | undefined {
  return stmt(db, 'SELECT id, at, action, to_status, actor_id, actor_name, body, note, data FROM dossier_steps WHERE id = ?').get(stepId) as StepRow | undefined;
}

const OTHER_STEP_LABELS: Record<string, string> = { receive: 'Tiếp nhận hồ sơ', extend: 'Xin lỗi và hẹn lại ngày trả' };

/** Job title sent with a step, from the role of the user who recorded it. */
export const ROLE_TITLES: Record<string, string> = {
  clerk: 'Công chức tiếp nhận và trả kết quả',
  supervisor: 'Trưởng Bộ phận Một cửa',
  admin: 'Quản trị hệ thống',
};

export interface StepContext {
  /** The office's receiving point, where counter steps happen (`PhongBanXuLy`). */
  receivingPoint: string;
  /** Role of a user by id (null when unknown). */
  roleOf(userId: string): string | null;
}

/** A `CapNhatTienDoHoSoMC` item for a step that changed the dossier's status. */
export function mapTienDo(step: StepRow & { to_status: DossierStatus }, dossierCode: string, changeId: string, ctx: StepContext): TienDo {
  const label = (DOSSIER_ACTIONS as Record<string, { label: string }>)[step.action]?.label ?? OTHER_STEP_LABELS[step.action] ?? step.action;
  const content = [label + (present(step.body) ? `: ${step.body}` : ''), step.note].filter(present).join(' — ');
  const t: TienDo = {
    MaHoSo: dossierCode,
    MaThayDoi: changeId,
    ThoiDiemXuLy: provincialTimeOf(step.at),
    TrangThai: step.to_status,
    NoiDungXuLy: clip(content),
    NgayBatDau: provincialTimeOf(step.at),
  };
  if (present(step.actor_name)) t.NguoiXuLy = clip(step.actor_name, MAX_ACTOR);
  const role = step.actor_id ? ctx.roleOf(step.actor_id) : null;
  if (role && ROLE_TITLES[role]) t.ChucDanh = ROLE_TITLES[role];
  if (present(ctx.receivingPoint)) t.PhongBanXuLy = clip(ctx.receivingPoint);
  // The due date the step set (a supplement round moves it); other steps leave it out.
  const dueAfter = step.data ? (JSON.parse(step.data) as { dueAfter?: unknown }).dueAfter : undefined;
  if (typeof dueAfter === 'string') t.NgayKetThucTheoQuyDinh = provincialTimeOf(dueAfter);
  return t;
}

/** A StepContext reading roles from the users table, cached for one batch. */
export function stepContext(db: Db, receivingPoint: string): StepContext {
  const cache = new Map<string, string | null>();
  const q = stmt(db, 'SELECT role FROM users WHERE id = ?');
  return {
    receivingPoint,
    roleOf(userId) {
      if (!cache.has(userId)) cache.set(userId, (q.get(userId) as { role: string } | undefined)?.role ?? null);
      return cache.get(userId) ?? null;
    },
  };
}
