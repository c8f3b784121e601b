import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { systemStrings } from '../features/system/strings';
import { catalogStrings } from '../features/catalog/strings';
import { calendarStrings } from '../features/calendar/strings';
import { diagnosticsStrings } from '../features/diagnostics/strings';
import { queueStrings } from '../features/queue/strings';
import { postalStrings } from '../features/postal/strings';
import { securityStrings } from '../features/security/strings';
import { syncStrings } from '../features/sync/strings';

/**
 * Every feature keeps its strings in its own `strings.ts` ({ vi, en }) under its own namespace;
 * Vietnamese is the language of the app, English the second language.
 */
export const catalogs = {
  system: systemStrings,
  catalog: catalogStrings,
  calendar: calendarStrings,
  diagnostics: diagnosticsStrings,
  queue: queueStrings,
  postal: postalStrings,
  security: securityStrings,
  sync: syncStrings,
};

export function initI18n(language: 'vi' | 'en' = 'vi') {
  const resources: Resource = { vi: {}, en: {} };
  for (const [ns, cat] of Object.entries(catalogs)) {
    (resources.vi as ResourceLanguage)[ns] = cat.vi;
    (resources.en as ResourceLanguage)[ns] = cat.en;
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    defaultNS: 'system',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
