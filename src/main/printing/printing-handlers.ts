import type { AppContext } from '../app/app-context';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { setSetting } from '../settings/settings-store';
import { getDocument, history, printingSettings, renderAndArchive, reprintDocument, sendToPrinter } from './printing-service';
import { papersSettings } from './papers-settings';

type PrintingMethods = 'printing.render' | 'printing.print' | 'printing.history' | 'printing.get' | 'printing.getSettings' | 'printing.saveSettings' | 'printing.reprint' | 'papers.getSettings' | 'papers.saveSettings';

export function createPrintingHandlers(app: AppContext): Pick<HandlerMap, PrintingMethods> {
  return {
    'printing.render': (input, caller) => renderAndArchive(app, caller, input.subjectId, input.form, input.paper),
    'printing.print': (input, caller) => sendToPrinter(app, caller, input.documentId, input.printer),
    'printing.history': (input) => history(app, input.subjectId),
    'printing.get': (input) => getDocument(app, input.documentId),
    'printing.reprint': (input, caller) => reprintDocument(app, caller, input.documentId),
    'papers.getSettings': () => papersSettings(app),
    'papers.saveSettings': (input, caller) => {
      const cur = papersSettings(app);
      const next = { ...cur, ...input, feeReceipt: { ...cur.feeReceipt, ...(input.feeReceipt ?? {}) } };
      mutate(app, caller, { action: 'papers.settings', entity: 'settings' }, () => setSetting(app.db, 'papers', next));
      return next;
    },
    'printing.getSettings': () => printingSettings(app),
    'printing.saveSettings': (input, caller) => {
      const next = { ...printingSettings(app), ...input };
      mutate(app, caller, { action: 'printing.settings', entity: 'settings' }, () => setSetting(app.db, 'printing', next));
      return next;
    },
  };
}
