/**
 * Merging the server's copy of a dossier with the counter's, by the contract's field ownership
 * (`provincial-api.md`, "Idempotency and versions"). Used when an update answers `-8` (the
 * server's copy comes in `HoSoHienTai`) and when the change feed brings a back-office change.
 *
 * - The counter owns everything it recorded at intake and afterwards: applicant, owner, contact,
 *   documents, fees, channel, receipt and due dates, delivery choice, supplement rounds, `NgayTra`,
 *   and the statuses 1, 2, 3, 7 and 10.
 * - The back office owns the processing statuses 4, 5, 6, 8, 9, `NgayKetThucXuLy`,
 *   `DanhSachGiayToKetQua` and `DonViXuLy`. Its value wins when it has one; when it has none,
 *   the counter's value is kept (the clerk may have recorded a result brought back on paper,
 *   and an absent value on the server is "not known yet", not "erased").
 * - `TrangThaiHoSo` never moves backwards (by `STATUS_RANK`); between statuses of the same rank
 *   the owner of the server's status decides.
 */
import type { DossierStatus } from '../domain/status';
import { STATUS_RANK } from '../dossiers/lifecycle';
import type { GiayToKetQua } from './provincial-types';

/** Statuses only the counter sets. */
export const COUNTER_OWNED_STATUSES: readonly DossierStatus[] = ['1', '2', '3', '7', '10'];
/** Statuses the back office sets. */
export const BACK_OFFICE_OWNED_STATUSES: readonly DossierStatus[] = ['4', '5', '6', '8', '9'];

/** The fields a merge can take from the server; every other field is the counter's. */
export interface BackOfficeFields {
  TrangThaiHoSo: DossierStatus;
  NgayKetThucXuLy?: string;
  DanhSachGiayToKetQua?: GiayToKetQua[];
  DonViXuLy?: string;
}

/** The status after a merge: the more advanced one; at equal rank, the server's if the back office owns it. */
export function mergeStatus(local: DossierStatus, server: DossierStatus): DossierStatus {
  if (local === server) return local;
  const l = STATUS_RANK[local];
  const s = STATUS_RANK[server];
  if (s !== l) return s > l ? server : local;
  const serverIsBackOffice = BACK_OFFICE_OWNED_STATUSES.includes(server);
  const localIsCounter = COUNTER_OWNED_STATUSES.includes(local);
  return serverIsBackOffice && !localIsCounter ? server : local;
}

const nonEmpty = (s: string | undefined): string | undefined => (s && s.trim() !== '' ? s : undefined);

/** The merged back-office fields; the counter's fields are never taken from the server. */
export function mergeBackOfficeFields(local: BackOfficeFields, server: BackOfficeFields): BackOfficeFields {
  const merged: BackOfficeFields = { TrangThaiHoSo: mergeStatus(local.TrangThaiHoSo, server.TrangThaiHoSo) };
  const finished = nonEmpty(server.NgayKetThucXuLy) ?? nonEmpty(local.NgayKetThucXuLy);
  if (finished) merged.NgayKetThucXuLy = finished;
  const results = server.DanhSachGiayToKetQua?.length ? server.DanhSachGiayToKetQua : local.DanhSachGiayToKetQua;
  if (results?.length) merged.DanhSachGiayToKetQua = results.map((r) => ({ ...r }));
  const agency = nonEmpty(server.DonViXuLy) ?? nonEmpty(local.DonViXuLy);
  if (agency) merged.DonViXuLy = agency;
  return merged;
}

/** True when the two sets of back-office fields say the same thing. */
export function sameBackOfficeFields(a: BackOfficeFields, b: BackOfficeFields): boolean {
  const docs = (x: BackOfficeFields) => JSON.stringify((x.DanhSachGiayToKetQua ?? []).map((d) => [d.TenGiayTo, d.MaGiayToKetQua ?? '']));
  return (
    a.TrangThaiHoSo === b.TrangThaiHoSo &&
    (a.NgayKetThucXuLy ?? '') === (b.NgayKetThucXuLy ?? '') &&
    (a.DonViXuLy ?? '') === (b.DonViXuLy ?? '') &&
    docs(a) === docs(b)
  );
}
