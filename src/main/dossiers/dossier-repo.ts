import type { Db } from '../db/database';
import type { DossierDocument, DossierFee, DossierListItem, DossierStep, DossierView } from '../../shared/dossiers/dossier-schemas';
import { DOSSIER_ACTIONS, availableActions, type DossierAction } from '../../shared/dossiers/lifecycle';
import type { DossierStatus, Channel, OwnerType, ResultDelivery, FeeCollection } from '../../shared/domain/status';
import { foldVietnamese } from '../../shared/domain/text-fold';

/** A row of the dossiers table as stored. */
export interface DossierRow {
  rid: number; id: string; code: string; agency_id: string; business_date: string; form_set: '2018' | '2025';
  procedure_code: string; procedure_name: string; field_code: string | null; field_name: string | null; competent_agency: string | null;
  channel: Channel; status: DossierStatus; summary: string;
  applicant_name: string; applicant_id: string; applicant_birth_date: string | null; applicant_sex: string | null; applicant_address: string; applicant_phone: string | null; applicant_email: string | null;
  applicant_old_id: string | null; applicant_id_issued_on: string | null;
  owner_type: OwnerType; owner_name: string; owner_id: string | null; owner_address: string;
  sets: number; fee_total: number; result_delivery: ResultDelivery; delivery_address: string | null; postal_code: string | null;
  received_at: string; due_at: string; due_ms: number; original_due_at: string; extended_due_at: string | null;
  finished_at: string | null; returned_at: string | null; counter_number: number | null; clerk_id: string | null; clerk_name: string | null;
  ticket_id: string | null; result_documents: string | null; server_version: number; note: string | null; search_text: string; created_at: string; updated_at: string;
  variant_code: string | null; variant_name: string | null; due_notes: string | null; due_provisional: number;
  applicant_province_code: string | null; applicant_commune_code: string | null;
}

/** What the search index holds for a dossier: every way a clerk may look it up, diacritics folded. */
export function searchTextOf(d: Pick<DossierRow, 'code' | 'applicant_name' | 'owner_name' | 'applicant_id' | 'owner_id' | 'applicant_phone' | 'postal_code'>): string {
  return foldVietnamese([d.code, d.applicant_name, d.owner_name, d.applicant_id, d.owner_id ?? '', d.applicant_phone ?? '', d.postal_code ?? ''].join(' '));
}

export function getRowById(db: Db, id: string): DossierRow | undefined {
  return db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
}
export function getRowByCode(db: Db, code: string): DossierRow | undefined {
  return db.prepare('SELECT * FROM dossiers WHERE code = ?').get(code) as DossierRow | undefined;
}

export function listItemOf(r: DossierRow, daysRemaining: number | null): DossierListItem {
  return {
    id: r.id, code: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name, ownerName: r.owner_name, applicantName: r.applicant_name,
    status: r.status, channel: r.channel, receivedAt: r.received_at, dueAt: r.due_at, daysRemaining, sortKey: String(r.rid),
  };
}

const STEP_LABELS: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  extend: 'Xin lỗi và hẹn lại ngày trả',
  print: 'In giấy tờ',
  sync: 'Đồng bộ',
  backOffice: 'Cập nhật từ hệ thống tỉnh',
  // Sync identity (issue 18): a code the province holds for another dossier, and a dossier rebuilt from the feed.
  codeChanged: 'Đổi mã hồ sơ do trùng mã',
  rebuilt: 'Lấy về từ hệ thống tỉnh',
};

export function loadDocuments(db: Db, rid: number): DossierDocument[] {
  return (db.prepare('SELECT code, name, originals, certified_copies, copies FROM dossier_documents WHERE dossier_rid = ? ORDER BY idx').all(rid) as {
    code: string | null; name: string; originals: number; certified_copies: number; copies: number;
  }[]).map((d) => ({ code: d.code, name: d.name, originals: d.originals, certifiedCopies: d.certified_copies, copies: d.copies }));
}

export function loadFees(db: Db, rid: number): DossierFee[] {
  return db.prepare('SELECT code, name, amount, collection FROM dossier_fees WHERE dossier_rid = ? ORDER BY idx').all(rid) as { code: string; name: string; amount: number; collection: FeeCollection }[];
}

export function loadSteps(db: Db, rid: number): DossierStep[] {
  return (db.prepare('SELECT id, at, action, from_status, to_status, actor_name, note, body FROM dossier_steps WHERE dossier_rid = ? ORDER BY at, rowid').all(rid) as {
    id: string; at: string; action: string; from_status: DossierStatus | null; to_status: DossierStatus | null; actor_name: string | null; note: string | null; body: string | null;
  }[]).map((s) => ({
    id: s.id,
    at: s.at,
    action: s.action as DossierStep['action'],
    label: (DOSSIER_ACTIONS as Record<string, { label: string }>)[s.action]?.label ?? STEP_LABELS[s.action] ?? s.action,
    fromStatus: s.from_status,
    toStatus: s.to_status,
    actor: s.actor_name,
    note: [s.body, s.note].filter(Boolean).join(' — ') || null,
  }));
}

/** The due date's explanation as stored at intake (older rows have none). */
function storedDueNotes(r: DossierRow): string[] {
  if (!r.due_notes) return [];
  const v: unknown = JSON.parse(r.due_notes);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function viewOf(db: Db, r: DossierRow, daysRemaining: number | null, dueNotes: string[] = storedDueNotes(r)): DossierView {
  const fees = loadFees(db, r.rid);
  return {
    ...listItemOf(r, daysRemaining),
    agencyId: r.agency_id,
    formSet: r.form_set,
    fieldName: r.field_name,
    competentAgency: r.competent_agency,
    variant: r.variant_code ? { code: r.variant_code, name: r.variant_name ?? r.variant_code } : null,
    dueProvisional: r.due_provisional === 1,
    summary: r.summary,
    applicant: { fullName: r.applicant_name, idNumber: r.applicant_id, birthDate: r.applicant_birth_date, sex: r.applicant_sex, address: r.applicant_address, phone: r.applicant_phone, email: r.applicant_email, oldIdNumber: r.applicant_old_id, idIssuedOn: r.applicant_id_issued_on },
    owner: { type: r.owner_type, name: r.owner_name, idNumber: r.owner_id, address: r.owner_address },
    documents: loadDocuments(db, r.rid),
    fees,
    feeTotal: r.fee_total,
    sets: r.sets,
    resultDelivery: r.result_delivery,
    deliveryAddress: r.delivery_address,
    postalCode: r.postal_code,
    originalDueAt: r.original_due_at,
    extendedDueAt: r.extended_due_at,
    finishedAt: r.finished_at,
    returnedAt: r.returned_at,
    counterNumber: r.counter_number,
    clerkName: r.clerk_name,
    ticketId: r.ticket_id,
    note: r.note,
    serverVersion: r.server_version,
    steps: loadSteps(db, r.rid),
    availableActions: availableActions(r.status) as DossierAction[],
    dueNotes,
  };
}
