import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { toLocalDate } from '../../shared/calendar';
import { getProcedureCase } from '../catalog/catalog-service';
import {
  confirmYear,
  daysRemaining,
  dueDateFor,
  getOfficeHours,
  getYearView,
  importYearFile,
  saveOfficeHours,
  saveYear,
} from './calendar-service';

type CalendarMethods =
  | 'calendar.getYear'
  | 'calendar.saveYear'
  | 'calendar.confirmYear'
  | 'calendar.importYear'
  | 'calendar.getOfficeHours'
  | 'calendar.saveOfficeHours'
  | 'calendar.dueDate';

export function createCalendarHandlers(app: AppContext): Pick<HandlerMap, CalendarMethods> {
  return {
    'calendar.getYear': (input) => getYearView(app, input.year),
    'calendar.saveYear': (input, caller) => saveYear(app, caller, input),
    'calendar.confirmYear': (input, caller) => confirmYear(app, caller, input.year),
    'calendar.importYear': (input, caller) => importYearFile(app, caller, input.content),
    'calendar.getOfficeHours': () => getOfficeHours(app),
    'calendar.saveOfficeHours': (input, caller) => saveOfficeHours(app, caller, input.hours),
    'calendar.dueDate': (input) => {
      const procedure = getProcedureCase(app, input.code, input.variantCode);
      const now = app.clock.now();
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
      const pauses = (input.pauses ?? []).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
      let r;
      try {
        r = dueDateFor(app, { receivedAt, procedure, pauses, now });
      } catch (e) {
        if (e instanceof RangeError) throw new AppError('VALIDATION', e.message);
        throw e;
      }
      return {
        code: procedure.code,
        name: procedure.name,
        variant: procedure.variant,
        duration: procedure.duration,
        receivedAt: isoLocal(receivedAt),
        startedAt: isoLocal(r.startedAt),
        due: isoLocal(r.due),
        dueDate: toLocalDate(r.due),
        notes: r.notes,
        daysRemaining: daysRemaining(app, r.due),
        provisionalYears: r.provisionalYears,
      };
    },
  };
}
