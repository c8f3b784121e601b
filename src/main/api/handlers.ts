import type { AppContext } from '../app/app-context';
import type { HandlerMap } from './dispatcher';
import { createSystemHandlers } from './system-handlers';
import { createBackupHandlers } from '../backup/backup-handlers';
import { createDevicesHandlers } from '../devices/devices-handlers';
import { createSecurityHandlers } from '../security/security-handlers';
import { createCatalogHandlers } from '../catalog/catalog-handlers';
import { createCalendarHandlers } from '../calendar/calendar-handlers';
import { createDiagnosticsHandlers } from '../diagnostics/diagnostics-handlers';
import { createDossierHandlers } from '../dossiers/dossier-handlers';
import { createPrintingHandlers } from '../printing/printing-handlers';
import { createReportsHandlers } from '../reports/reports-handlers';
import { createQueueHandlers } from '../queue/queue-handlers';
import { createSyncHandlers } from '../sync/sync-handlers';
import { createPostalHandlers } from '../postal/postal-handlers';

/** Every capability's handlers, checked against the contract: a missing or extra method fails to compile. */
export function createHandlers(app: AppContext): HandlerMap {
  const handlers = {
    ...createSystemHandlers(app),
    ...createBackupHandlers(app),
    ...createDevicesHandlers(app),
    ...createSecurityHandlers(app),
    ...createCatalogHandlers(app),
    ...createCalendarHandlers(app),
    ...createDiagnosticsHandlers(app),
    ...createDossierHandlers(app),
    ...createPrintingHandlers(app),
    ...createReportsHandlers(app),
    ...createQueueHandlers(app),
    ...createSyncHandlers(app),
    ...createPostalHandlers(app),
  } satisfies HandlerMap;
  return handlers;
}
