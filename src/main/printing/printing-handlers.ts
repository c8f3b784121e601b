import type { AppContext } from '../app/app-context';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { setSetting } from '../settings/settings-store';
import { getDocument, history, printingSettings, renderAndArchive, sendToPrinter } from './printing-service';

type PrintingMethods = 'printing.render' | 'printing.print' | 'printing.history' | 'printing.get' | 'printing.getSettings' | 'printing.saveSettings';

export function createPrintingHandlers(app: AppContext): Pick<HandlerMap, PrintingMethods> {
  return {
    'printing.render': (input, caller) => renderAndArchive(app, caller, input.subjectId, input.form, input.paper),
    'printing.print': (input, caller) => sendToPrinter(app, caller, input.documentId, input.printer),
    'printing.history': (input) => history(app, input.subjectId),
    'printing.get': (input) => getDocument(app, input.documentId),
    'printing.getSettings': () => printingSettings(app),
    'printing.saveSettings': (input, caller) => {
      const next = { ...printingSettings(app), ...input };
      mutate(app, caller, { action: 'printing.settings', entity: 'settings' }, () => setSetting(app.db, 'printing', next));
      return next;
    },
  };
}
