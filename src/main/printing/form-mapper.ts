import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import { requireOfficeSettings } from '../settings/settings-store';
import { getProcedure } from '../catalog/catalog-service';
import { procedureCase } from '../../shared/catalog/variants';
import { loadDocuments, loadFees, type DossierRow } from '../dossiers/dossier-repo';
import { DURATION_UNIT_LABELS } from '../../shared/catalog/procedure';
import type { AgencyHeader, ApologyData, FeeMode, FeeReceiptData, Owner, ReceiptData, RefusalData, StopNoticeData, SupplementRequestData } from '../../shared/printing/form-data';
import { formSetFor } from '../../shared/printing/form-sets';
import { officeHeader, oneStopSigner } from './papers-settings';
import type { FeeCollection } from '../../shared/domain/status';

const FEE_MODE: Record<FeeCollection, FeeMode> = { THUTRUOC: 'PREPAID', THUSAU: 'POSTPAID', MIEN: 'EXEMPT', KHONGTHU: 'NONE' };

export function agencyHeader(app: AppContext): AgencyHeader {
  const s = requireOfficeSettings(app.db);
  return { parentAgencyName: s.parentAgencyName, agencyName: s.agencyName, place: s.place };
}

export function lookupUrlFor(app: AppContext, code: string): string {
  return requireOfficeSettings(app.db).lookupUrlPattern.replace('{ma}', code);
}

function ownerOf(r: DossierRow): Owner | undefined {
  const same = r.owner_name === r.applicant_name && (r.owner_id ?? '') === r.applicant_id;
  if (same) return undefined;
  return r.owner_type === '1'
    ? { kind: 'PERSON', name: r.owner_name, address: r.owner_address, idNumber: r.owner_id ?? undefined }
    : { kind: 'ORGANISATION', name: r.owner_name, address: r.owner_address, taxCode: r.owner_id ?? undefined };
}

function applicantOf(r: DossierRow) {
  return { name: r.applicant_name, address: r.applicant_address, phone: r.applicant_phone ?? undefined, email: r.applicant_email ?? undefined, idNumber: r.applicant_id };
}

/** Mẫu 01 from a received dossier, with the numbering of the form set it was received under. */
export function receiptData(app: AppContext, r: DossierRow): ReceiptData {
  const procedure = getProcedure(app, r.procedure_code);
  // The time of the case received under (a case since removed from the catalog falls back to the procedure's).
  const chosen = procedure && r.variant_code ? procedureCase(procedure, r.variant_code) : null;
  const d = chosen?.ok ? chosen.value.duration : procedure?.duration;
  const processingTime = !d || d.sameDay ? { amount: 1, unitLabel: 'ngày làm việc (giải quyết trong ngày)' } : { amount: d.amount, unitLabel: DURATION_UNIT_LABELS[d.unit] };
  const fees = loadFees(app.db, r.rid);
  return {
    formSet: r.form_set,
    header: agencyHeader(app),
    dossierCode: r.code,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    applicant: applicantOf(r),
    owner: ownerOf(r),
    procedureName: r.procedure_name,
    procedureCode: r.procedure_code,
    variantName: r.variant_name ?? undefined,
    dueProvisional: r.due_provisional === 1 || undefined,
    documents: loadDocuments(app.db, r.rid).map((x) => ({ name: x.name, originals: x.originals, certifiedCopies: x.certifiedCopies, copies: x.copies })),
    sets: r.sets,
    processingTime,
    feeMode: fees.length ? FEE_MODE[fees[0].collection] : 'NONE',
    fees: fees.map((f) => ({ name: f.name, amount: f.amount })),
    resultDelivery: r.result_delivery === '1' ? { method: 'POST', address: r.delivery_address ?? r.owner_address } : { method: 'COUNTER' },
    receiverName: r.clerk_name ?? 'Cán bộ tiếp nhận',
    lookupUrl: lookupUrlFor(app, r.code),
  };
}

interface StepRow { id: string; at: string; action: string; body: string | null; note: string | null; actor_name: string | null; data: string | null }
function steps(app: AppContext, r: DossierRow): StepRow[] {
  return app.db.prepare('SELECT id, at, action, body, note, actor_name, data FROM dossier_steps WHERE dossier_rid = ? ORDER BY at, rowid').all(r.rid) as StepRow[];
}

/** The latest step of a kind: the one a paper (Mẫu 02 round, Mẫu 04 extension, Mẫu 05 stop) is issued for. */
export function issuedStep(app: AppContext, r: DossierRow, action: string): StepRow | undefined {
  return steps(app, r).filter((s) => s.action === action).pop();
}

export function apologyData(app: AppContext, r: DossierRow, issuedAt: string): ApologyData {
  const ext = steps(app, r).filter((s) => s.action === 'extend').pop();
  if (!ext) throw new AppError('INVALID_STATE', 'Hồ sơ chưa được gia hạn: trưởng bộ phận cần đặt ngày hẹn mới trước khi in văn bản xin lỗi.');
  const s = requireOfficeSettings(app.db);
  return {
    formSet: r.form_set, header: agencyHeader(app), issuedAt, recipientName: r.owner_name, receivedAt: r.received_at, procedureName: r.procedure_name,
    dossierCode: r.code, originalDueAt: r.original_due_at, delayReason: ext.note ?? '', faultyBody: ext.body ?? s.agencyName, newDueAt: r.due_at,
    signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: ext.actor_name ?? '' }, recipients: [r.owner_name, 'Lưu: VT, Bộ phận Một cửa'],
  };
}

/**
 * Mẫu 05 (Circular 03/2025): notice that the dossier is stopped (status 8), issued by the one-stop section
 * and signed by its head. Only the 2025 set has this form; it is issued under the circular in force on the
 * day, so a dossier received under the 2018 set still gets it when stopped now.
 */
export function stopNoticeData(app: AppContext, r: DossierRow, issuedAt: string): StopNoticeData {
  const stop = issuedStep(app, r, 'stop');
  if (r.status !== '8' || !stop) throw new AppError('INVALID_STATE', 'Hồ sơ không ở trạng thái dừng xử lý: chỉ in thông báo dừng giải quyết cho hồ sơ đã dừng.');
  if (formSetFor(issuedAt) !== '2025') throw new AppError('INVALID_STATE', 'Thông báo dừng giải quyết hồ sơ (Mẫu 05) chỉ có từ Thông tư 03/2025/TT-VPCP (15/9/2025).');
  return {
    formSet: '2025', header: officeHeader(app), issuedAt, recipientName: r.owner_name, dossierCode: r.code, receivedAt: r.received_at, procedureName: r.procedure_name,
    reasons: [stop.note ?? 'Theo quy định'], signer: oneStopSigner(app), recipients: [r.owner_name, 'Lưu: VT, Bộ phận Một cửa'],
  };
}

export function feeReceiptData(app: AppContext, r: DossierRow, issuedAt: string, collector: string): FeeReceiptData {
  const fees = loadFees(app.db, r.rid).filter((f) => f.amount > 0 && f.collection !== 'MIEN');
  if (!fees.length) throw new AppError('INVALID_STATE', 'Hồ sơ không có khoản phí, lệ phí phải thu.');
  return { header: agencyHeader(app), issuedAt, payerName: r.applicant_name, payerAddress: r.applicant_address, dossierCode: r.code, procedureName: r.procedure_name, fees: fees.map((f) => ({ name: f.name, amount: f.amount })), paymentMethod: 'CASH', collectorName: collector };
}

/** Mẫu 02 for a dossier already received (a supplement round) — the latest request. */
export function supplementForDossier(app: AppContext, r: DossierRow, issuedAt: string): SupplementRequestData {
  const req = steps(app, r).filter((s) => s.action === 'requestSupplement').pop();
  if (!req) throw new AppError('INVALID_STATE', 'Hồ sơ chưa có yêu cầu bổ sung.');
  return {
    formSet: r.form_set, header: agencyHeader(app), dossierCode: r.code, issuedAt, applicant: applicantOf(r), procedureName: r.procedure_name,
    items: [{ name: req.body ?? 'Giấy tờ cần bổ sung', originals: 0, certifiedCopies: 0, copies: 0 }], reason: req.note ?? req.body ?? 'Hồ sơ chưa đầy đủ',
    rulesReference: `Thủ tục ${r.procedure_code} công bố trên Cổng Dịch vụ công quốc gia`, contact: { name: req.actor_name ?? '' }, guideName: req.actor_name ?? '',
  };
}

interface OutcomeRow { id: string; kind: 'supplement_request' | 'refusal'; at: string; form_set: '2018' | '2025'; procedure_code: string; procedure_name: string; applicant: string; items: string; reason: string; clerk_name: string | null }
export function getOutcome(app: AppContext, id: string): OutcomeRow | undefined {
  return app.db.prepare('SELECT * FROM intake_outcomes WHERE id = ?').get(id) as OutcomeRow | undefined;
}

/** Mẫu 02 / 03 for a citizen served without a received dossier. */
export function outcomeData(app: AppContext, o: OutcomeRow): { form: 'supplementRequest'; data: SupplementRequestData } | { form: 'refusal'; data: RefusalData } {
  const a = JSON.parse(o.applicant) as { fullName: string; address?: string; phone?: string; email?: string; idNumber?: string };
  const applicant = { name: a.fullName, address: a.address, phone: a.phone, email: a.email, idNumber: a.idNumber };
  if (o.kind === 'refusal') {
    return { form: 'refusal', data: { formSet: o.form_set, header: agencyHeader(app), issuedAt: o.at, applicant, procedureName: o.procedure_name, reasons: [o.reason], receiverName: o.clerk_name ?? '' } };
  }
  const items = (JSON.parse(o.items) as { name: string; originals: number; certifiedCopies: number; copies: number }[]).map((i) => ({ name: i.name, originals: i.originals, certifiedCopies: i.certifiedCopies, copies: i.copies }));
  return {
    form: 'supplementRequest',
    data: {
      formSet: o.form_set, header: agencyHeader(app), dossierCode: 'chưa cấp (hồ sơ chưa đủ điều kiện tiếp nhận)', issuedAt: o.at, applicant, procedureName: o.procedure_name,
      items: items.length ? items : [{ name: o.reason, originals: 0, certifiedCopies: 0, copies: 0 }], reason: o.reason,
      rulesReference: `Thủ tục ${o.procedure_code} công bố trên Cổng Dịch vụ công quốc gia`, contact: { name: o.clerk_name ?? '' }, guideName: o.clerk_name ?? '',
    },
  };
}
