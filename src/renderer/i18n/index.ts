import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { systemStrings } from '../features/system/strings';

/**
 * Every feature keeps its strings in its own `strings.ts` ({ vi, en }) under its own namespace;
 * Vietnamese is the language of the app, English the second language.
 */
export const catalogs = {
  system: systemStrings,
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
