/**
 * In-memory storage of the provincial server double, plus the helpers tests use to look
 * inside it and to act as the back office. Everything handed out is a copy, so a test can
 * never change the server's data except through the server or the back-office helpers.
 */
import { randomUUID } from 'node:crypto';
import type {
  BackOfficeStatus,
  DanhGia,
  GiayToKetQua,
  HoSo,
  HoSoFields,
  LichNghi,
  NgayLich,
  ThuTuc,
  TienDo,
} from '../../../src/shared/sync/provincial-types';
import { dossierAgency, isTime } from './validate';
import { backwardsMove } from './status-rule';

export interface DoubleAccount {
  username: string;
  password: string;
  /** Agency IDs this account may send as `madonvi`. */
  madonvi: string[];
}

/** What the back office may change (the fields it owns by the contract). */
export interface BackOfficePatch {
  TrangThaiHoSo?: BackOfficeStatus;
  NgayKetThucXuLy?: string;
  DanhSachGiayToKetQua?: GiayToKetQua[];
  DonViXuLy?: string;
}

export interface CatalogEntry {
  thuTuc: ThuTuc;
  /** `yyyyMMddHHmmss` of the last change, for the `tuNgay` filter. */
  changedAt: string;
}

/** What an applied `MaThayDoi` did, so a repeat can answer the same. */
export interface AppliedChange {
  service: string;
  maHoSo: string;
  phienBan: number;
}

export interface RequestLogEntry {
  seq: number;
  path: string;
  service?: string;
  /** HTTP status sent, or `dropped` when the socket was destroyed without an answer. */
  status: number | 'dropped';
  errorCode?: string;
  fault?: string;
  items?: number;
}

interface StoredDossier {
  hoSo: HoSoFields;
  phienBan: number;
  agency: string;
  /** Sequence number of this dossier's latest entry in the change log. */
  lastSeq: number;
  steps: TienDo[];
}

const BACK_OFFICE_STATUSES: readonly string[] = ['4', '5', '6', '8', '9'];

const copy = <T>(v: T): T => structuredClone(v);

export class ProvincialState {
  readonly requests: RequestLogEntry[] = [];
  private readonly dossiers = new Map<string, StoredDossier>();
  /** One entry per accepted change; entry i has sequence number i + 1. */
  private readonly changeLog: string[] = [];
  private readonly applied = new Map<string, AppliedChange>();
  private readonly ratingList: DanhGia[] = [];
  private catalog: CatalogEntry[] = [];
  private readonly calendars = new Map<number, LichNghi>();
  private readonly sessions = new Map<string, { account: DoubleAccount; expiresAt: number }>();

  constructor(
    readonly accounts: DoubleAccount[],
    readonly sessionTtlSec: number,
    private readonly now: () => number,
  ) {}

  // ------------------------------------------------------------ sessions

  findAccount(username: string, password: string): DoubleAccount | undefined {
    return this.accounts.find((a) => a.username === username && a.password === password);
  }

  issueSession(account: DoubleAccount): string {
    const token = randomUUID();
    this.sessions.set(token, { account, expiresAt: this.now() + this.sessionTtlSec * 1000 });
    return token;
  }

  sessionAccount(token: string): DoubleAccount | undefined {
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (this.now() >= s.expiresAt) {
      this.sessions.delete(token);
      return undefined;
    }
    return s.account;
  }

  /** Forget every session, as a server restart would. */
  expireAllSessions(): void {
    this.sessions.clear();
  }

  // ------------------------------------------------------------ test views

  getDossier(maHoSo: string): HoSo | undefined {
    const d = this.dossiers.get(maHoSo);
    return d ? copy({ ...d.hoSo, PhienBan: d.phienBan }) : undefined;
  }

  allDossiers(): HoSo[] {
    return [...this.dossiers.values()].map((d) => copy({ ...d.hoSo, PhienBan: d.phienBan }));
  }

  progressSteps(maHoSo: string): TienDo[] {
    return copy(this.dossiers.get(maHoSo)?.steps ?? []);
  }

  ratings(): DanhGia[] {
    return copy(this.ratingList);
  }

  /** What an applied change produced, or undefined when the server never applied it. */
  appliedChange(maThayDoi: string): AppliedChange | undefined {
    const a = this.applied.get(maThayDoi.toLowerCase());
    return a ? { ...a } : undefined;
  }

  setCatalog(entries: CatalogEntry[]): void {
    for (const e of entries) if (!isTime(e.changedAt)) throw new Error(`changedAt không hợp lệ: ${e.changedAt}`);
    this.catalog = copy(entries);
  }

  /** Announce a year's calendar; `undefined` withdraws it (the year reads as not announced). */
  setCalendar(year: number, days: { NgayNghi: NgayLich[]; NgayLamBu: NgayLich[] } | undefined): void {
    if (days === undefined) this.calendars.delete(year);
    else this.calendars.set(year, copy({ Nam: year, ...days }));
  }

  /** The back office at the province, changing the fields it owns. */
  readonly backOffice = {
    /** Apply a change made by the back office; returns the new version. */
    updateDossier: (maHoSo: string, patch: BackOfficePatch): number => {
      const d = this.dossiers.get(maHoSo);
      if (!d) throw new Error(`Không có hồ sơ ${maHoSo}`);
      if (patch.TrangThaiHoSo !== undefined && !BACK_OFFICE_STATUSES.includes(patch.TrangThaiHoSo)) {
        throw new Error(`Trạng thái ${patch.TrangThaiHoSo} không thuộc phần việc của cơ quan xử lý`);
      }
      // The back office obeys the same status rule as the counters.
      const backwards = patch.TrangThaiHoSo !== undefined ? backwardsMove(d.hoSo.TrangThaiHoSo, patch.TrangThaiHoSo) : null;
      if (backwards) throw new Error(backwards);
      if (patch.NgayKetThucXuLy !== undefined && !isTime(patch.NgayKetThucXuLy)) {
        throw new Error(`NgayKetThucXuLy không hợp lệ: ${patch.NgayKetThucXuLy}`);
      }
      const next: HoSoFields = { ...d.hoSo };
      if (patch.TrangThaiHoSo !== undefined) next.TrangThaiHoSo = patch.TrangThaiHoSo;
      if (patch.NgayKetThucXuLy !== undefined) next.NgayKetThucXuLy = patch.NgayKetThucXuLy;
      if (patch.DanhSachGiayToKetQua !== undefined) next.DanhSachGiayToKetQua = copy(patch.DanhSachGiayToKetQua);
      if (patch.DonViXuLy !== undefined) next.DonViXuLy = patch.DonViXuLy;
      return this.replaceDossier(maHoSo, next);
    },
    /** A dossier that reached the province another way (another counter, the online portal). */
    createDossier: (hoSo: HoSoFields): number => {
      if (this.dossiers.has(hoSo.MaHoSo)) throw new Error(`Hồ sơ ${hoSo.MaHoSo} đã có`);
      const agency = dossierAgency(hoSo.MaHoSo);
      if (agency === null) throw new Error(`Mã hồ sơ sai dạng: ${hoSo.MaHoSo}`);
      // Keep dossier fields only, should a test hand over a whole request.
      const fields = copy(hoSo) as HoSoFields & { MaThayDoi?: string; PhienBanGoc?: number; PhienBan?: number };
      delete fields.MaThayDoi;
      delete fields.PhienBanGoc;
      delete fields.PhienBan;
      return this.createDossier(fields, agency);
    },
  };

  // ------------------------------------------------------------ used by the services

  hasDossier(maHoSo: string): boolean {
    return this.dossiers.has(maHoSo);
  }

  version(maHoSo: string): number {
    return this.dossiers.get(maHoSo)?.phienBan ?? 0;
  }

  createDossier(hoSo: HoSoFields, agency: string): number {
    this.dossiers.set(hoSo.MaHoSo, { hoSo, phienBan: 1, agency, lastSeq: 0, steps: [] });
    this.logChange(hoSo.MaHoSo);
    return 1;
  }

  replaceDossier(maHoSo: string, hoSo: HoSoFields): number {
    const d = this.mustGet(maHoSo);
    d.hoSo = hoSo;
    d.phienBan += 1;
    this.logChange(maHoSo);
    return d.phienBan;
  }

  /** A progress step is a change: it bumps the version and shows in the feed. */
  appendStep(step: TienDo): number {
    const d = this.mustGet(step.MaHoSo);
    d.steps.push(step);
    d.phienBan += 1;
    this.logChange(step.MaHoSo);
    return d.phienBan;
  }

  addRating(rating: DanhGia): void {
    this.ratingList.push(rating);
  }

  findApplied(maThayDoi: string): AppliedChange | undefined {
    return this.applied.get(maThayDoi.toLowerCase());
  }

  rememberApplied(maThayDoi: string, change: AppliedChange): void {
    this.applied.set(maThayDoi.toLowerCase(), change);
  }

  /** Highest change sequence so far. */
  get lastSeq(): number {
    return this.changeLog.length;
  }

  /**
   * Dossiers of `agency` whose latest change is after `afterSeq`, oldest first, at most `n`.
   * A dossier changed twice appears once, at its latest change, with its current copy; the
   * next cursor is the sequence of the last entry looked at, so nothing is skipped or repeated.
   */
  feed(agency: string, afterSeq: number, n: number): { items: HoSo[]; nextSeq: number } {
    const items: HoSo[] = [];
    let seq = afterSeq;
    while (seq < this.changeLog.length && items.length < n) {
      const maHoSo = this.changeLog[seq];
      seq += 1;
      const d = this.dossiers.get(maHoSo);
      if (d && d.lastSeq === seq && d.agency === agency) items.push(copy({ ...d.hoSo, PhienBan: d.phienBan }));
    }
    return { items, nextSeq: Math.max(seq, afterSeq) };
  }

  catalogSince(since: string | undefined): ThuTuc[] {
    return this.catalog.filter((e) => since === undefined || e.changedAt >= since).map((e) => copy(e.thuTuc));
  }

  calendarOf(year: number): LichNghi | undefined {
    const c = this.calendars.get(year);
    return c ? copy(c) : undefined;
  }

  private mustGet(maHoSo: string): StoredDossier {
    const d = this.dossiers.get(maHoSo);
    if (!d) throw new Error(`Không có hồ sơ ${maHoSo}`);
    return d;
  }

  private logChange(maHoSo: string): void {
    this.changeLog.push(maHoSo);
    this.mustGet(maHoSo).lastSeq = this.changeLog.length;
  }
}
