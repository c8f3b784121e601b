import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { getWorkCalendar } from '../calendar/calendar-service';
import { getUser } from '../users/users-service';
import { getOfficeSettings } from '../settings/settings-store';
import { daysRemainingFast } from './days-remaining';
import { OPEN_STATUSES } from '../../shared/dossiers/lifecycle';
import { getRowByCode, getRowById, viewOf, type DossierRow } from './dossier-repo';
import { receiveDossier } from './dossier-intake';
import { applyDossierAction, extendDossier } from './dossier-lifecycle';
import { searchDossiers } from './dossier-search';
import { linkDossier } from '../queue/queue-service';
import { recordIntakeOutcome } from './intake-outcome';

type DossierMethods = 'dossier.receive' | 'dossier.get' | 'dossier.search' | 'dossier.act' | 'dossier.extend' | 'dossier.recordOutcome';

export function dossierView(app: AppContext, r: DossierRow, dueNotes?: string[]) {
  const open = OPEN_STATUSES.includes(r.status) || r.status === '5';
  return viewOf(app.db, r, open ? daysRemainingFast(app.clock.now(), new Date(r.due_at), getWorkCalendar(app)) : null, dueNotes);
}

export function createDossierHandlers(app: AppContext): Pick<HandlerMap, DossierMethods> {
  const counterOf = (userId: string | null) => (userId ? getUser(app, userId).counterNumber : null) ?? getOfficeSettings(app.db)?.counterNumber ?? null;
  const changed = (r: DossierRow) => app.events.emit('dossier.changed', { id: r.id, code: r.code, status: Number(r.status) });
  return {
    'dossier.receive': (input, caller) => {
      const res = receiveDossier(app, caller, input, counterOf(caller.userId));
      const row = getRowById(app.db, res.id)!;
      if (input.ticketId) {
        // The ticket being served carries the dossier code to its rating and the statistics. The dossier is
        // already safely received: a ticket that cannot take the link (finished elsewhere) must not undo it.
        try {
          linkDossier(app, caller, input.ticketId, row.code);
        } catch (e) {
          app.log.warn('ticket link skipped', { error: e });
        }
      }
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
    'dossier.recordOutcome': (input, caller) => recordIntakeOutcome(app, caller, input, counterOf(caller.userId)),
  };
}
