import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { getProcedure } from '../catalog/catalog-service';
import { getWorkCalendar } from '../calendar/calendar-service';
import { getUser } from '../users/users-service';
import { getOfficeSettings } from '../settings/settings-store';
import { toLocalDate, workingDaysRemaining } from '../../shared/calendar';
import { OPEN_STATUSES } from '../../shared/dossiers/lifecycle';
import { formSetFor } from '../../shared/printing/form-sets';
import { getRowByCode, getRowById, viewOf, type DossierRow } from './dossier-repo';
import { receiveDossier } from './dossier-intake';
import { applyDossierAction, extendDossier } from './dossier-lifecycle';
import { searchDossiers } from './dossier-search';

type DossierMethods = 'dossier.receive' | 'dossier.get' | 'dossier.search' | 'dossier.act' | 'dossier.extend' | 'dossier.recordOutcome';

export function dossierView(app: AppContext, r: DossierRow, dueNotes: string[] = []) {
  const open = OPEN_STATUSES.includes(r.status) || r.status === '5';
  return viewOf(app.db, r, open ? workingDaysRemaining(app.clock.now(), new Date(r.due_at), getWorkCalendar(app)) : null, dueNotes);
}

export function createDossierHandlers(app: AppContext): Pick<HandlerMap, DossierMethods> {
  const counterOf = (userId: string | null) => (userId ? getUser(app, userId).counterNumber : null) ?? getOfficeSettings(app.db)?.counterNumber ?? null;
  const changed = (r: DossierRow) => app.events.emit('dossier.changed', { id: r.id, code: r.code, status: Number(r.status) });
  return {
    'dossier.receive': (input, caller) => {
      const res = receiveDossier(app, caller, input, counterOf(caller.userId));
      const row = getRowById(app.db, res.id)!;
      changed(row);
      return dossierView(app, row, res.dueNotes);
    },
    'dossier.get': (input) => {
      const row = input.id ? getRowById(app.db, input.id) : getRowByCode(app.db, input.code!.trim().toUpperCase());
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
      return dossierView(app, row);
    },
    'dossier.search': (input) => searchDossiers(app, input),
    'dossier.act': (input, caller) => {
      const row = applyDossierAction(app, caller, input);
      changed(row);
      return dossierView(app, row);
    },
    'dossier.extend': (input, caller) => {
      const row = extendDossier(app, caller, input);
      changed(row);
      return dossierView(app, row);
    },
    'dossier.recordOutcome': (input, caller) => {
      const procedure = getProcedure(app, input.procedureCode);
      if (!procedure) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${input.procedureCode} trong danh mục`);
      const now = app.clock.now();
      const id = uuidv7();
      mutate(app, caller, { action: `dossier.outcome.${input.kind}`, entity: 'intake_outcome', entityId: id, detail: { procedure: procedure.code } }, () => {
        app.db
          .prepare('INSERT INTO intake_outcomes (id, kind, at, business_date, form_set, procedure_code, procedure_name, applicant, items, reason, clerk_id, clerk_name, counter_number, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, input.kind, isoLocal(now), toLocalDate(now), formSetFor(isoLocal(now)), procedure.code, procedure.name, JSON.stringify(input.applicant), JSON.stringify(input.items), input.reason, caller.userId, caller.fullName, counterOf(caller.userId), input.ticketId ?? null);
      });
      return { id, kind: input.kind, at: isoLocal(now), procedureCode: procedure.code, procedureName: procedure.name, applicantName: input.applicant.fullName };
    },
  };
}
