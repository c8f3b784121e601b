import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { newWorkbook } from '../app/excel';
import { renderTrackingBook } from '../printing/pdf/tracking-book';
import type { AgencyHeader, TrackingBookData, TrackingBookRow } from '../../shared/printing/form-data';
import type { FormSet } from '../../shared/printing/form-sets';

export interface TrackingBookJob {
  dbFile: string;
  outDir: string;
  from: string;
  to: string;
  header: AgencyHeader;
  formSet: FormSet;
  printedAt: string;
}

export interface TrackingBookResult {
  rows: number;
  pdfFile: string;
  xlsxFile: string;
}

/** The book's rows for a period of LOCAL business days, in receipt order (index dossiers_day). */
export function trackingBookRows(db: BetterSqlite3.Database, from: string, to: string): TrackingBookRow[] {
  const rows = db
    .prepare(
      `SELECT d.code, d.procedure_name, d.sets, d.owner_name, d.owner_address, d.applicant_phone, d.competent_agency, d.received_at, d.due_at,
              d.finished_at, d.returned_at, d.note,
              (SELECT min(s.at) FROM dossier_steps s WHERE s.dossier_rid = d.rid AND s.action = 'transfer') AS sent_at
         FROM dossiers d WHERE d.business_date BETWEEN ? AND ? ORDER BY d.business_date, d.rid`,
    )
    .all(from, to) as {
    code: string; procedure_name: string; sets: number; owner_name: string; owner_address: string; applicant_phone: string | null; competent_agency: string | null;
    received_at: string; due_at: string; finished_at: string | null; returned_at: string | null; note: string | null; sent_at: string | null;
  }[];
  return rows.map((r) => ({
    dossierCode: r.code,
    procedureName: r.procedure_name,
    sets: r.sets,
    applicantName: r.owner_name,
    address: r.owner_address,
    phone: r.applicant_phone ?? undefined,
    competentAgency: r.competent_agency ?? '—',
    receivedAt: r.received_at,
    dueAt: r.due_at,
    sentAt: r.sent_at ?? undefined,
    resultAt: r.finished_at ?? undefined,
    returnedAt: r.returned_at ?? undefined,
    note: r.note ?? undefined,
  }));
}

const viTime = (iso?: string) => {
  if (!iso) return '';
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCHours())}:${p(t.getUTCMinutes())} ${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
};

export async function trackingBookXlsx(data: TrackingBookData): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Một cửa Desk';
  const ws = wb.addWorksheet('So theo doi', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  ws.addRow([data.header.agencyName.toUpperCase()]);
  ws.addRow([`SỔ THEO DÕI HỒ SƠ từ ${data.periodFrom.split('-').reverse().join('/')} đến ${data.periodTo.split('-').reverse().join('/')}`]);
  ws.addRow([]);
  const head = ws.addRow(['STT', 'Mã hồ sơ', 'Tên TTHC', 'Số lượng hồ sơ (bộ)', 'Tên cá nhân, tổ chức', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Nhận kết quả từ cơ quan giải quyết', 'Trả kết quả cho cá nhân, tổ chức', 'Ghi chú']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  data.rows.forEach((r, i) =>
    ws.addRow([i + 1, r.dossierCode, r.procedureName, r.sets, r.applicantName, [r.address, r.phone].filter(Boolean).join(' - '), r.competentAgency, viTime(r.receivedAt), viTime(r.dueAt), viTime(r.sentAt), viTime(r.resultAt), viTime(r.returnedAt), r.note ?? '']),
  );
  [6, 28, 40, 10, 26, 40, 26, 17, 17, 17, 17, 17, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Runs off the UI event loop (in the report worker): own read-only connection, renders, writes files. */
export async function buildTrackingBook(job: TrackingBookJob): Promise<TrackingBookResult> {
  const db = new BetterSqlite3(job.dbFile, { readonly: true, fileMustExist: true });
  let rows: TrackingBookRow[];
  try {
    rows = trackingBookRows(db, job.from, job.to);
  } finally {
    db.close();
  }
  const data: TrackingBookData = { formSet: job.formSet, header: job.header, periodFrom: job.from, periodTo: job.to, printedAt: job.printedAt, rows };
  const [pdf, xlsx] = await Promise.all([renderTrackingBook(data), trackingBookXlsx(data)]);
  fs.mkdirSync(job.outDir, { recursive: true });
  const base = path.join(job.outDir, `so-theo-doi-${job.from}-${job.to}-${Date.now()}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  fs.writeFileSync(`${base}.xlsx`, xlsx);
  return { rows: rows.length, pdfFile: `${base}.pdf`, xlsxFile: `${base}.xlsx` };
}
