/**
 * End-of-day close (supervisor): sync everything, back up the database, write the day's report
 * (PDF and XLSX, kept in `<data>/reports/`), and say what could not be synced. Each part goes on
 * when an earlier one fails: a counter offline at 17:00 still gets its report and its backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext, Caller } from '../app/app-context';
import { mutate } from '../audit/audit-log';
import { backupService } from '../backup/backup-service';
import { BackupError } from '../backup/backup-error';
import { dayReportData, type DayReportData } from './day-report-data';
import { renderDayReport } from './day-report-pdf';
import { buildDayReportXlsx } from './day-report-xlsx';
import { readSyncConfig } from './sync-store';
import { syncWorkerFor } from './sync-worker';
import type { CloseDayResult, SyncRunView } from '../../shared/api/sync-contract';
import { formatProvincialTime } from '../../shared/sync/provincial-time';

export function reportsDir(app: AppContext): string {
  return path.join(app.paths.root, 'reports');
}

/** The local (UTC+7) day of an instant, YYYY-MM-DD. */
function localDay(d: Date): string {
  const t = formatProvincialTime(d);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

export async function closeDay(app: AppContext, caller: Caller, input: { date?: string }): Promise<CloseDayResult> {
  const day = input.date ?? localDay(app.clock.now());

  // 1. Sync what can be synced.
  let sync: SyncRunView | null = null;
  let syncProblem: string | null = null;
  const config = readSyncConfig(app.db);
  if (!config) syncProblem = 'Chưa cấu hình kết nối hệ thống tỉnh: chưa đồng bộ.';
  else if (config.enabled !== 1) syncProblem = 'Đồng bộ đang tắt trong cấu hình: chưa đồng bộ.';
  else {
    const run = await syncWorkerFor(app).runNow('close-day');
    sync = run;
    if (run.outcome !== 'ok') syncProblem = run.message;
  }

  // 2. The backup, before the report so the report can say how it went.
  let backup: CloseDayResult['backup'];
  try {
    const r = await backupService(app).run('daily', caller);
    backup = { ok: true, file: r.entry.file, message: `Đã sao lưu ${r.entry.file}.` };
  } catch (e) {
    backup = { ok: false, file: null, message: e instanceof BackupError ? e.message : `Sao lưu thất bại: ${(e as Error).message}` };
  }

  // 3. The report.
  const data: DayReportData = { ...dayReportData(app, day, caller.fullName ?? caller.username ?? ''), sync, syncProblem, backup };
  const pdf = await renderDayReport(data);
  const xlsx = await buildDayReportXlsx(data, app.clock.now());
  const dir = reportsDir(app);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = formatProvincialTime(app.clock.now()).slice(8, 14);
  const base = `chot-ngay_${day}_${stamp}`;
  fs.writeFileSync(path.join(dir, `${base}.pdf`), pdf);
  fs.writeFileSync(path.join(dir, `${base}.xlsx`), xlsx);
  mutate(
    app,
    caller,
    { action: 'sync.closeDay', entity: 'day', entityId: day, detail: { ...data.counts, synced: sync?.outcome ?? null, pending: data.unsynced.pending, parked: data.unsynced.parked.length, backup: backup.ok } },
    () => undefined,
  );

  return {
    date: day,
    closedAt: data.closedAt,
    sync,
    syncProblem,
    report: data.counts,
    unsynced: data.unsynced,
    files: { pdf: `${base}.pdf`, xlsx: `${base}.xlsx` },
    pdfBase64: pdf.toString('base64'),
    xlsxBase64: xlsx.toString('base64'),
    backup,
  };
}
