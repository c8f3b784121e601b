import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { agencyHeader } from '../../../src/main/printing/form-mapper';
import type { TrackingBookResult } from '../../../src/main/reports/tracking-book';

const WORKER = path.resolve(__dirname, '../../../dist/main/workers/report.worker.cjs');

describe('tracking book export (sổ theo dõi hồ sơ)', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  const codes: string[] = [];
  beforeAll(async () => {
    t = await startTestCore({ now: new Date('2026-03-02T08:00:00+07:00') });
    tok = await t.setUpOffice();
    // 60 dossiers over two days of March, and one in April that must stay out of the book.
    for (let i = 0; i < 60; i++) {
      if (i === 30) {
        t.clock.set(new Date('2026-03-03T08:00:00+07:00'));
        tok = await t.relogin();
      }
      codes.push((await t.must('dossier.receive', sampleIntake(i), tok.clerk)).code);
    }
    t.clock.set(new Date('2026-04-01T08:00:00+07:00'));
    tok = await t.relogin();
    await t.must('dossier.receive', sampleIntake(99), tok.clerk);
  });
  afterAll(() => t.close());

  it('exports every dossier of the period, in order, as XLSX and PDF, and audits the export', async () => {
    const r = await t.must('reports.trackingBook', { from: '2026-03-01', to: '2026-03-31' }, tok.supervisor);
    expect(r.rows).toBe(60);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const sheetCodes: string[] = [];
    ws.eachRow((row, n) => n > 4 && sheetCodes.push(String(row.getCell(2).value)));
    expect(sheetCodes).toEqual(codes);
    const pdfFile = path.join(t.dataDir, 'book.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(r.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const c of codes) expect(text.replace(/\s+/g, '')).toContain(c);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'reports.trackingBook'").get()).toEqual({ n: 1 });
  });

  it('is refused to a clerk and for a reversed period', async () => {
    const clerk = await t.call('reports.trackingBook', { from: '2026-03-01', to: '2026-03-31' }, tok.clerk);
    expect(!clerk.ok && clerk.error.code).toBe('FORBIDDEN');
    const reversed = await t.call('reports.trackingBook', { from: '2026-03-31', to: '2026-03-01' }, tok.supervisor);
    expect(!reversed.ok && reversed.error.fields?.to).toMatch(/trước hoặc bằng/);
  });

  it('the built report worker produces the same book off the main thread', async () => {
    expect(fs.existsSync(WORKER), 'run `npm run build` first').toBe(true);
    const result = await new Promise<TrackingBookResult>((resolve, reject) => {
      const w = new Worker(WORKER, {
        workerData: { dbFile: t.core.app.paths.database, outDir: path.join(t.dataDir, 'exports'), from: '2026-03-03', to: '2026-03-03', header: agencyHeader(t.core.app), formSet: '2025', printedAt: '2026-04-01T08:00:00+07:00' },
      });
      w.once('message', (m) => (m.ok ? resolve(m.result) : reject(new Error(m.message))));
      w.once('error', reject);
    });
    expect(result.rows).toBe(30);
    expect(fs.statSync(result.xlsxFile).size).toBeGreaterThan(1000);
  });
});
