import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import type { HandlerMap } from '../api/dispatcher';
import { writeAudit } from '../audit/audit-log';
import { agencyHeader } from '../printing/form-mapper';
import { formSetFor } from '../../shared/printing/form-sets';
import { runTrackingBook } from './report-runner';

export function createReportsHandlers(app: AppContext): Pick<HandlerMap, 'reports.trackingBook'> {
  return {
    'reports.trackingBook': async (input, caller) => {
      const printedAt = isoLocal(app.clock.now());
      const r = await runTrackingBook({
        dbFile: app.paths.database,
        outDir: path.join(app.paths.root, 'exports'),
        from: input.from,
        to: input.to,
        header: agencyHeader(app),
        // The book's numbering follows the circular in force at the end of the period.
        formSet: formSetFor(`${input.to}T23:59:59+07:00`),
        printedAt,
      });
      app.db.transaction(() => writeAudit(app.db, app.clock.now(), caller, { action: 'reports.trackingBook', detail: { from: input.from, to: input.to, rows: r.rows } }))();
      return { rows: r.rows, fileBase: path.basename(r.pdfFile, '.pdf'), pdfBase64: fs.readFileSync(r.pdfFile).toString('base64'), xlsxBase64: fs.readFileSync(r.xlsxFile).toString('base64') };
    },
  };
}
