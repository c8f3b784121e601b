import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { getProcedure } from '../catalog/catalog-service';
import { toLocalDate } from '../../shared/calendar';
import { formSetFor } from '../../shared/printing/form-sets';
import type { IntakeOutcomeView } from '../../shared/api/dossier-contract';
import type { DossierDocument } from '../../shared/dossiers/dossier-schemas';

export interface IntakeOutcomeInput {
  kind: 'supplement_request' | 'refusal';
  procedureCode: string;
  applicant: { fullName: string; idNumber: string; address: string; birthDate?: string; sex?: string; phone?: string; email?: string };
  items: (Omit<DossierDocument, 'code'> & { code?: string })[];
  reason: string;
  ticketId?: string;
}

/**
 * Records a citizen served without a received dossier: a request to complete (Mẫu 02) or a refusal
 * (Mẫu 03). Used at the counter and for postal items found incomplete (sent back by post).
 */
export function recordIntakeOutcome(app: AppContext, caller: Caller, input: IntakeOutcomeInput, counterNumber: number | null): IntakeOutcomeView {
  const procedure = getProcedure(app, input.procedureCode);
  if (!procedure) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${input.procedureCode} trong danh mục`);
  const now = app.clock.now();
  const id = uuidv7();
  mutate(app, caller, { action: `dossier.outcome.${input.kind}`, entity: 'intake_outcome', entityId: id, detail: { procedure: procedure.code } }, () => {
    app.db
      .prepare('INSERT INTO intake_outcomes (id, kind, at, business_date, form_set, procedure_code, procedure_name, applicant, items, reason, clerk_id, clerk_name, counter_number, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.kind, isoLocal(now), toLocalDate(now), formSetFor(isoLocal(now)), procedure.code, procedure.name, JSON.stringify(input.applicant), JSON.stringify(input.items), input.reason, caller.userId, caller.fullName, counterNumber, input.ticketId ?? null);
  });
  return { id, kind: input.kind, at: isoLocal(now), procedureCode: procedure.code, procedureName: procedure.name, applicantName: input.applicant.fullName };
}
