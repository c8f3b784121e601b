import type { Db } from '../db/database';
import type { OfficeSettings } from '../../shared/api/system-contract';

/** Key/value settings stored as JSON, read through typed accessors. */
export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export const OFFICE_DEFAULTS: Omit<OfficeSettings, 'agencyId' | 'agencyName' | 'parentAgencyName' | 'receivingPointName' | 'place' | 'counterNumber'> = {
  lookupUrlPattern: 'https://dichvucong.gov.vn/tra-cuu-ho-so?ma={ma}',
  lanEnabled: false,
  idleLockMinutes: 15,
  language: 'vi',
  lanHostNames: [],
};

export function getOfficeSettings(db: Db): OfficeSettings | null {
  const s = getSetting<OfficeSettings>(db, 'office');
  return s ? { ...OFFICE_DEFAULTS, ...s } : null;
}

export function requireOfficeSettings(db: Db): OfficeSettings {
  const s = getOfficeSettings(db);
  if (!s) throw new Error('office settings missing: setup not done');
  return s;
}
