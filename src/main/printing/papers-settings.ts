import type { AppContext } from '../app/app-context';
import { getSetting, requireOfficeSettings } from '../settings/settings-store';
import type { AgencyHeader, Signer } from '../../shared/printing/form-data';
import { DEFAULT_PAPERS_SETTINGS, type PapersSettings, type SigningBody } from '../../shared/api/papers-contract';

export function papersSettings(app: AppContext): PapersSettings {
  const s = getSetting<Partial<PapersSettings>>(app.db, 'papers') ?? {};
  return { ...DEFAULT_PAPERS_SETTINGS, ...s, feeReceipt: { ...DEFAULT_PAPERS_SETTINGS.feeReceipt, ...(s.feeReceipt ?? {}) } };
}

/** Header of the office's own papers (the centre / one-stop section under its parent agency). */
export function officeHeader(app: AppContext): AgencyHeader {
  const s = requireOfficeSettings(app.db);
  return { parentAgencyName: s.parentAgencyName, agencyName: s.agencyName, place: s.place };
}

/** Signer for the one-stop section's letters; the name stays blank (dotted) until an administrator sets it. */
export function oneStopSigner(app: AppContext): Signer {
  const h = papersSettings(app).oneStopHead;
  return { title: h.title, name: h.name };
}

/**
 * The real competent body of a dossier. Catalogs name the level ("Ủy ban nhân dân cấp xã"); the office maps
 * such a name to the real body and its head in Cài đặt → Giấy tờ. Without a mapping, a commune-level body is
 * the office's own parent agency (a commune centre serves its own commune's people's committee).
 */
export function competentBody(app: AppContext, catalogName: string | null): SigningBody {
  const office = requireOfficeSettings(app.db);
  const name = (catalogName ?? '').trim();
  const list = papersSettings(app).agencies;
  const hit = list.find((a) => a.match.trim().toLocaleLowerCase('vi-VN') === name.toLocaleLowerCase('vi-VN') || a.name.trim() === name);
  if (hit) return hit;
  const generic = !name || /c[ấa]p x[ãa]/iu.test(name);
  return { match: name, name: generic ? office.parentAgencyName : name, parentName: generic ? '' : office.parentAgencyName, headTitle: 'THỦ TRƯỞNG CƠ QUAN', headName: '' };
}

/** Letterhead of a competent body: its parent above it when configured. */
export function bodyHeader(app: AppContext, b: SigningBody): AgencyHeader {
  const office = requireOfficeSettings(app.db);
  return { parentAgencyName: b.parentName, agencyName: b.name, place: office.place };
}
