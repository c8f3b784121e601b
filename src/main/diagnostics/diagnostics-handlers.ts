import type { AppContext } from '../app/app-context';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { getSetting, setSetting } from '../settings/settings-store';
import { UPDATES_SETTING_KEY, type StoredUpdateSettings } from '../app/update-policy';
import { writeSupportBundle } from './support-bundle';

type DiagnosticsMethods = 'diagnostics.supportBundle' | 'diagnostics.getUpdateSource' | 'diagnostics.setUpdateSource';

export function createDiagnosticsHandlers(app: AppContext): Pick<HandlerMap, DiagnosticsMethods> {
  return {
    'diagnostics.supportBundle': async (_input, caller) => {
      const bundle = await writeSupportBundle(app);
      // Who took data out of the office, and when: audited like any change (no rows to write).
      mutate(app, caller, { action: 'diagnostics.supportBundle', entity: 'support', detail: { fileName: bundle.fileName, size: bundle.size } }, () => undefined);
      return bundle;
    },
    'diagnostics.getUpdateSource': () => ({ feedUrl: getSetting<StoredUpdateSettings>(app.db, UPDATES_SETTING_KEY)?.feedUrl ?? null }),
    'diagnostics.setUpdateSource': (input, caller) => {
      const next: StoredUpdateSettings = { feedUrl: input.feedUrl };
      mutate(app, caller, { action: 'diagnostics.setUpdateSource', entity: 'settings', detail: { builtIn: input.feedUrl === null } }, () =>
        setSetting(app.db, UPDATES_SETTING_KEY, next),
      );
      return next;
    },
  };
}
