import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/app-context';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { setSetting } from '../settings/settings-store';
import { AppError } from '../api/app-error';
import { fileSha256, getDocument, history, printingSettings, renderAndArchive, reprintDocument, sendToPrinter } from './printing-service';
import { papersSettings } from './papers-settings';

type PrintingMethods = 'printing.render' | 'printing.print' | 'printing.history' | 'printing.get' | 'printing.getSettings' | 'printing.saveSettings' | 'printing.reprint' | 'papers.getSettings' | 'papers.saveSettings';

/** The hash recorded when the administrator approves a SumatraPDF path: it must be an existing regular file. */
function approvedHash(file: string): string {
  const problem = 'Không tìm thấy tệp SumatraPDF.exe ở đường dẫn này';
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError('VALIDATION', problem, { sumatraPath: problem });
  }
  if (!st.isFile() || !path.isAbsolute(file)) throw new AppError('VALIDATION', problem, { sumatraPath: problem });
  return fileSha256(file);
}

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
      const cur = printingSettings(app);
      const next = { ...cur, ...input };
      if (input.sumatraPath !== undefined && input.sumatraPath !== cur.sumatraPath) {
        // The program the host spawns on every print: set only on the host PC itself, never from the LAN.
        if (input.sumatraPath && !caller.fromHost) throw new AppError('FORBIDDEN', 'Chỉ đặt được đường dẫn SumatraPDF trên chính máy chủ (cửa sổ ứng dụng trên máy chủ), không qua mạng LAN.');
        next.sumatraSha256 = input.sumatraPath ? approvedHash(input.sumatraPath) : '';
      }
      mutate(app, caller, { action: 'printing.settings', entity: 'settings' }, () => setSetting(app.db, 'printing', next));
      return next;
    },
  };
}
