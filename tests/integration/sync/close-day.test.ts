import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncRig, type SyncRig } from './sync-rig';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';

const PASSPHRASE = 'cụm mật khẩu sao lưu chốt ngày 2026';

function pdfText(base64: string, dir: string): string {
  const file = path.join(dir, 'chot-ngay.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('end-of-day close', () => {
  let rig: SyncRig;
  beforeEach(async () => {
    // A week ago, a dossier was received that is now overdue.
    rig = await startSyncRig({ now: new Date('2026-02-24T09:00:00+07:00') });
  });
  afterEach(() => rig.close());

  it('syncs, backs up, and writes the day report as PDF and XLSX, naming what could not be synced', async () => {
    const { t } = rig;
    const db = t.core.app.db;
    const [late] = rig.receive(1);
    rig.act(late, 'transfer', { body: 'Phòng Tư pháp' });
    t.clock.set(new Date('2026-03-03T08:00:00+07:00'));
    const tk = await t.relogin();
    await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, tk.admin);
    const group = await t.must('queue.saveGroup', { name: 'Chứng thực', prefix: 'B', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true }, tk.admin);
    await t.must('queue.saveCounter', { number: 1, name: 'Quầy 1', groupIds: [group.id], active: true }, tk.admin);
    for (let i = 0; i < 3; i++) await t.must('queue.issue', { groupId: group.id, priority: null, source: 'kiosk', print: false }, tk.clerk);
    await t.must('queue.rate', { level: 1, counterNumber: 1 }, tk.clerk);
    await t.must('queue.rate', { level: 2, counterNumber: 1 }, tk.clerk);
    // Today's dossiers take three working days: none of them is overdue tonight.
    const today = rig.receive(4, () => ({ procedureCode: '1.004873', fee: { collection: 'THUTRUOC' } }));
    rig.act(today[0], 'resultReady');
    rig.act(today[0], 'returned', { collectorName: 'Nguyễn Văn An' });
    // One dossier the server will refuse (its due date is before its receipt).
    db.prepare('UPDATE dossiers SET due_at = ?, due_ms = ? WHERE id = ?').run('2026-03-02T09:00:00.000+07:00', Date.parse('2026-03-02T09:00:00+07:00'), today[3]);
    const refusedCode = getRowById(db, today[3])!.code;

    const forbidden = await t.call('sync.closeDay', {}, tk.clerk);
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');

    t.clock.set(new Date('2026-03-03T17:05:00+07:00'));
    const r = await t.must('sync.closeDay', {}, tk.supervisor);
    expect(r.date).toBe('2026-03-03');
    expect(r.sync).toMatchObject({ outcome: 'ok', reason: 'close-day' });
    expect(r.syncProblem).toBeNull();
    expect(r.report).toEqual({
      received: 4,
      returned: 1,
      // Last week's dossier, and the one whose (wrong) due date is yesterday.
      overdue: 2,
      awaitingPickup: 0,
      tickets: { issued: 3, served: 0, noShow: 0 },
      ratings: { total: 2, veryGood: 1, good: 1, bad: 0 },
    });
    expect(r.unsynced.pending).toBe(0);
    expect(r.unsynced.parked.map((p) => p.dossierCode)).toEqual([refusedCode]);
    // Everything else reached the province, ratings included.
    expect(rig.double.state.allDossiers()).toHaveLength(4);
    expect(rig.double.state.ratings()).toHaveLength(2);

    // The backup exists and is today's.
    expect(r.backup.ok).toBe(true);
    expect(r.backup.file).toMatch(/^motcua-20260303-170\d{3}-daily\.mcbk$/);
    expect(fs.existsSync(path.join(t.dataDir, 'backups', r.backup.file!))).toBe(true);

    // The PDF says it all, in Vietnamese, readable by pdftotext.
    const text = pdfText(r.pdfBase64, t.dataDir);
    expect(text).toContain('BÁO CÁO CHỐT NGÀY');
    expect(text).toContain('Ngày 03/03/2026');
    expect(text).toMatch(/Hồ sơ tiếp nhận trong ngày\s+4/);
    expect(text).toMatch(/Hồ sơ đã trả kết quả trong ngày\s+1/);
    expect(text).toMatch(/Hồ sơ quá hạn, đang giải quyết \(tại thời điểm chốt\)\s+2/);
    expect(text).toMatch(/Phiếu số thứ tự đã cấp\s+3/);
    expect(text).toMatch(/Lượt đánh giá mức độ hài lòng\s+2/);
    expect(text).toContain(getRowById(db, late)!.code);
    expect(text).toContain(refusedCode);
    expect(text.replace(/\s+/g, ' ')).toContain('NgayHenTra (trước NgayTiepNhan)');
    expect(text).toContain(`Đã sao lưu ${r.backup.file}`);
    expect(text).toContain('TRƯỞNG BỘ PHẬN MỘT CỬA');
    expect(text).toContain('Lê Văn Trưởng');

    // The workbook has the rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const sum = wb.getWorksheet('Tổng hợp')!;
    const values = new Map<string, unknown>();
    sum.eachRow((row, n) => n > 1 && values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Hồ sơ tiếp nhận trong ngày')).toBe(4);
    expect(values.get('Mục bị hệ thống tỉnh từ chối')).toBe(1);
    expect(wb.getWorksheet('Tiếp nhận')!.rowCount).toBe(5);
    expect(wb.getWorksheet('Chưa đồng bộ')!.getRow(2).getCell(1).value).toBe(refusedCode);
    // Both files are kept in the data folder too.
    expect(fs.existsSync(path.join(t.dataDir, 'reports', r.files.pdf))).toBe(true);
    expect(fs.existsSync(path.join(t.dataDir, 'reports', r.files.xlsx))).toBe(true);
    expect(db.prepare("SELECT entity_id FROM audit_log WHERE action = 'sync.closeDay'").all()).toEqual([{ entity_id: '2026-03-03' }]);
  });

  it('offline at closing time: still a report and a backup, and it says the sync did not go through', async () => {
    const { t } = rig;
    t.clock.set(new Date('2026-03-03T08:00:00+07:00'));
    const tk = await t.relogin();
    await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, tk.admin);
    rig.receive(2);
    await rig.double.close();
    t.clock.set(new Date('2026-03-03T17:30:00+07:00'));
    const r = await t.must('sync.closeDay', {}, tk.supervisor);
    expect(r.sync?.outcome).toBe('offline');
    expect(r.syncProblem).toMatch(/^Chưa kết nối được hệ thống tỉnh/);
    expect(r.unsynced.pending).toBe(2);
    expect(r.backup.ok).toBe(true);
    const text = pdfText(r.pdfBase64, t.dataDir);
    expect(text).toMatch(/2 mục chờ gửi/);
    expect(text).toContain('Chưa kết nối được hệ thống tỉnh');
    const status = await t.must('sync.status', {}, tk.clerk);
    expect(status).toMatchObject({ online: false, lastErrorKind: 'offline', pending: 2 });
  });
});
