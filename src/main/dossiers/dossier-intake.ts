import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { enqueueChange } from '../sync/outbox';
import { requireOfficeSettings } from '../settings/settings-store';
import { getProcedureCase, recordProcedureUse } from '../catalog/catalog-service';
import { dueDateFor } from '../calendar/calendar-service';
import type { IntakeParsed } from '../../shared/dossiers/dossier-schemas';
import { computeFees } from '../../shared/catalog/fees';
import { formatDossierCode, MAX_DOSSIER_SEQUENCE } from '../../shared/domain/dossier-code';
import { validateBirthDate } from '../../shared/domain/identity';
import { toLocalDate } from '../../shared/calendar';
import { formSetFor } from '../../shared/printing/form-sets';
import { searchTextOf, type DossierRow } from './dossier-repo';

/**
 * Allocates the next code of the agency's LOCAL business day. Must run inside the intake transaction:
 * SQLite's write lock makes the read-increment atomic across connections and processes.
 */
export function allocateDossierCode(app: AppContext, agencyId: string, businessDate: string): { code: string; seq: number } {
  const row = app.db
    .prepare(
      `INSERT INTO dossier_sequences (agency_id, business_date, last_seq) VALUES (?, ?, 1)
       ON CONFLICT(agency_id, business_date) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    )
    .get(agencyId, businessDate) as { last_seq: number };
  if (row.last_seq > MAX_DOSSIER_SEQUENCE) throw new AppError('INVALID_STATE', `Đã dùng hết ${MAX_DOSSIER_SEQUENCE} số hồ sơ của ngày ${businessDate}.`);
  return { code: formatDossierCode(agencyId, businessDate, row.last_seq), seq: row.last_seq };
}

const INSERT_DOSSIER = `INSERT INTO dossiers (
  id, code, agency_id, business_date, form_set, procedure_code, procedure_name, field_code, field_name, competent_agency,
  channel, status, summary, applicant_name, applicant_id, applicant_birth_date, applicant_sex, applicant_address, applicant_phone, applicant_email, applicant_old_id, applicant_id_issued_on,
  owner_type, owner_name, owner_id, owner_address, sets, fee_total, result_delivery, delivery_address, postal_code,
  received_at, due_at, due_ms, original_due_at, counter_number, clerk_id, clerk_name, ticket_id, note, search_text, created_at, updated_at,
  variant_code, variant_name, due_notes, due_provisional, applicant_province_code, applicant_commune_code
) VALUES (
  @id, @code, @agency_id, @business_date, @form_set, @procedure_code, @procedure_name, @field_code, @field_name, @competent_agency,
  @channel, @status, @summary, @applicant_name, @applicant_id, @applicant_birth_date, @applicant_sex, @applicant_address, @applicant_phone, @applicant_email, @applicant_old_id, @applicant_id_issued_on,
  @owner_type, @owner_name, @owner_id, @owner_address, @sets, @fee_total, @result_delivery, @delivery_address, @postal_code,
  @received_at, @due_at, @due_ms, @original_due_at, @counter_number, @clerk_id, @clerk_name, @ticket_id, @note, @search_text, @created_at, @updated_at,
  @variant_code, @variant_name, @due_notes, @due_provisional, @applicant_province_code, @applicant_commune_code
) RETURNING rid`;

export interface IntakeResult {
  id: string;
  code: string;
  dueNotes: string[];
}

/**
 * Receives a complete dossier: validates it against the catalog and the calendar, allocates its code, and
 * writes the dossier, its documents, fees, first step, audit entry and sync outbox entry in ONE durable
 * transaction. When this returns, the dossier survives a power cut (WAL + synchronous=FULL).
 */
export function receiveDossier(app: AppContext, caller: Caller, input: IntakeParsed, counterNumber: number | null): IntakeResult {
  const office = requireOfficeSettings(app.db);
  // The procedure under the chosen case: its own time, checklist, fees and competent agency.
  const procedure = getProcedureCase(app, input.procedureCode, input.variantCode);
  if (!procedure.inForce) throw new AppError('INVALID_STATE', `Thủ tục ${procedure.code} đã bãi bỏ, không tiếp nhận hồ sơ mới`, { procedureCode: 'Thủ tục đã bãi bỏ' });

  const now = app.clock.now();
  const today = toLocalDate(now);
  if (input.applicant.birthDate) {
    const m = validateBirthDate(input.applicant.birthDate, today);
    if (m) throw new AppError('VALIDATION', m, { 'applicant.birthDate': m });
  }
  if (input.channel === '3' && !input.postalCode) throw new AppError('VALIDATION', 'Hồ sơ qua bưu chính cần mã bưu gửi', { postalCode: 'Chưa nhập mã bưu gửi' });

  const fees = computeFees(procedure, { copies: input.fee.copies, pagesPerCopy: input.fee.pagesPerCopy, feeCodes: input.fee.feeCodes });
  if (!fees.ok) throw new AppError('VALIDATION', fees.error, { fee: fees.error });
  const collection = fees.value.total === 0 && input.fee.collection !== 'MIEN' ? 'KHONGTHU' : input.fee.collection;

  let due: Date;
  let dueNotes: string[];
  let dueProvisional = false;
  if (input.dueOverride) {
    if (caller.role !== 'supervisor' && caller.role !== 'admin') throw new AppError('FORBIDDEN', 'Chỉ trưởng bộ phận được đổi hạn trả kết quả.');
    due = new Date(input.dueOverride.dueAt);
    if (due <= now) throw new AppError('VALIDATION', 'Hạn trả phải sau thời điểm tiếp nhận', { 'dueOverride.dueAt': 'Phải sau thời điểm tiếp nhận' });
    dueNotes = [`Hạn trả do trưởng bộ phận ấn định: ${input.dueOverride.reason}`];
  } else {
    const r = dueDateFor(app, { receivedAt: now, procedure });
    due = r.due;
    dueNotes = r.notes;
    dueProvisional = r.provisionalYears.length > 0;
  }

  const owner = input.owner ?? { type: '1' as const, name: input.applicant.fullName, idNumber: input.applicant.idNumber, address: input.applicant.address };
  const id = uuidv7();
  const nowIso = isoLocal(now);
  return mutate(app, caller, (r: IntakeResult) => ({ action: 'dossier.receive', entity: 'dossier', entityId: r.id, detail: { code: r.code, procedure: procedure.code } }), () => {
    const { code } = allocateDossierCode(app, office.agencyId, today);
    const row: Omit<DossierRow, 'rid' | 'extended_due_at' | 'finished_at' | 'returned_at' | 'result_documents' | 'server_version'> = {
      id, code, agency_id: office.agencyId, business_date: today, form_set: formSetFor(nowIso),
      procedure_code: procedure.code, procedure_name: procedure.name, field_code: procedure.fieldCode, field_name: procedure.fieldName, competent_agency: procedure.competentAgency,
      channel: input.channel, status: '2', summary: input.summary ?? procedure.name,
      applicant_name: input.applicant.fullName, applicant_id: input.applicant.idNumber, applicant_birth_date: input.applicant.birthDate ?? null, applicant_sex: input.applicant.sex ?? null,
      applicant_address: input.applicant.address, applicant_phone: input.applicant.phone ?? null, applicant_email: input.applicant.email ?? null,
      applicant_old_id: input.applicant.oldIdNumber ?? null, applicant_id_issued_on: input.applicant.idIssuedOn ?? null,
      owner_type: owner.type, owner_name: owner.name, owner_id: owner.idNumber ?? null, owner_address: owner.address,
      sets: input.sets, fee_total: fees.value.total, result_delivery: input.resultDelivery, delivery_address: input.deliveryAddress ?? null, postal_code: input.postalCode ?? null,
      received_at: nowIso, due_at: isoLocal(due), due_ms: due.getTime(), original_due_at: isoLocal(due),
      counter_number: counterNumber, clerk_id: caller.userId, clerk_name: caller.fullName, ticket_id: input.ticketId ?? null, note: input.note ?? null,
      search_text: '', created_at: nowIso, updated_at: nowIso,
      variant_code: procedure.variant?.code ?? null, variant_name: procedure.variant?.name ?? null,
      due_notes: JSON.stringify(dueNotes), due_provisional: dueProvisional ? 1 : 0, applicant_province_code: null, applicant_commune_code: null,
    };
    row.search_text = searchTextOf(row);
    const { rid } = app.db.prepare(INSERT_DOSSIER).get(row) as { rid: number };
    const insDoc = app.db.prepare('INSERT INTO dossier_documents (dossier_rid, idx, code, name, originals, certified_copies, copies) VALUES (?, ?, ?, ?, ?, ?, ?)');
    input.documents.forEach((d, i) => insDoc.run(rid, i, d.code ?? null, d.name, d.originals, d.certifiedCopies, d.copies));
    const insFee = app.db.prepare('INSERT INTO dossier_fees (dossier_rid, idx, code, name, amount, collection) VALUES (?, ?, ?, ?, ?, ?)');
    fees.value.lines.forEach((l, i) => insFee.run(rid, i, l.code, l.name, l.amount, collection));
    app.db
      .prepare('INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(), rid, nowIso, 'receive', null, '2', caller.userId, caller.fullName, input.dueOverride ? `Hạn trả ấn định: ${input.dueOverride.reason}` : null);
    enqueueChange(app.db, now, { kind: 'dossier', entityId: id, payload: { op: 'create' } });
    recordProcedureUse(app, procedure.code);
    return { id, code, dueNotes };
  });
}
