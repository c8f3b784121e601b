import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, type ServerProcess } from '../support/server-process';
import { startProvincialDouble, type ProvincialDouble } from '../support/provincial-double';
import { sampleIntake } from '../support/dossier-fixtures';
import { TEST_AGENCY, ADMIN } from '../support/core';

const SYNC_USER = 'motcua.h56';
const SYNC_PASSWORD = 'mật-khẩu-tỉnh-cấp-2026';
const N = 40;

describe('the sync screen before, during and after a run against the provincial double', () => {
  let server: ServerProcess;
  let double: ProvincialDouble;
  let browser: Browser;
  let page: Page;
  let refusedCode = '';
  beforeAll(async () => {
    double = await startProvincialDouble({ accounts: [{ username: SYNC_USER, password: SYNC_PASSWORD, madonvi: [TEST_AGENCY.agencyId] }] });
    server = await startServerProcess();
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const admin = ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    await httpCall(server.url, 'users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1', counterNumber: 1 }, admin);
    await httpCall(server.url, 'backup.setPassphrase', { passphrase: 'cụm mật khẩu sao lưu e2e 2026' }, admin);
    const clerk = ((await httpCall(server.url, 'auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' })).body.value as { token: string }).token;
    for (let i = 0; i < N; i++) {
      const d = await httpCall(server.url, 'dossier.receive', sampleIntake(i, { procedureCode: '1.004873', fee: { collection: 'THUTRUOC' } }), clerk);
      expect(d.body.ok, JSON.stringify(d.body.error)).toBe(true);
      const id = (d.body.value as { id: string; code: string }).id;
      await httpCall(server.url, 'dossier.act', { dossierId: id, action: 'transfer', body: 'Phòng Tư pháp' }, clerk);
      if (i === 7) refusedCode = (d.body.value as { code: string }).code;
    }
    // One dossier received while the PC's clock was wrong: its due date is before its receipt.
    const db = new BetterSqlite3(path.join(server.dataDir, 'motcua.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE dossiers SET due_at = ?, due_ms = ? WHERE code = ?').run('2020-01-02T09:00:00.000+07:00', Date.parse('2020-01-02T09:00:00+07:00'), refusedCode);
    db.close();

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 960 } });
    await page.goto(server.url);
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await double?.close();
  });

  it('before: not configured yet, every change waiting on this PC', async () => {
    await page.keyboard.press('Alt+6');
    await page.getByTestId('sync-status').waitFor();
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe(String(3 * N));
    expect(await page.getByTestId('sync-online').textContent()).toBe('Chưa thử kết nối');
    expect(await page.getByTestId('sync-last-success').textContent()).toBe('Chưa lần nào');
    expect(await page.getByTestId('sync-run-now').isDisabled()).toBe(true);
    await expect.poll(() => page.getByText('Chưa cấu hình kết nối hệ thống tỉnh').count()).toBeGreaterThan(0);
    await screenshot(page, 'sync-01-before');
  });

  it('during: configured through the API, "Đồng bộ ngay" shows the progress while the server is slow', async () => {
    // The province answers slowly for a while: the run takes a few seconds.
    double.faults.inject({ kind: 'slow', service: 'DongBoHoSoMC', delayMs: 1500, times: 1 });
    double.faults.inject({ kind: 'slow', service: 'CapNhatTienDoHoSoMC', delayMs: 2500, times: 1 });
    const admin = ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    const r = await httpCall(server.url, 'sync.configure', { baseUrl: double.url, username: SYNC_USER, password: SYNC_PASSWORD, intervalSec: 600, timeoutSec: 10, test: true }, admin);
    expect(r.body.value).toMatchObject({ connection: { ok: true } });
    await page.reload();
    await page.getByTestId('sync-status').waitFor();
    await page.keyboard.press('F9');
    const bar = page.getByTestId('sync-progress');
    await bar.waitFor();
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d*\/\d+ mục/);
    expect(await page.getByTestId('sync-state').textContent()).toBe('Đang đồng bộ…');
    await screenshot(page, 'sync-02-during');
  });

  it('after: online, nothing waiting, the refused dossier listed with the server\'s reason, the run in the log', async () => {
    await page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('1');
    expect(await page.getByTestId('sync-online').textContent()).toBe('Đang kết nối được');
    expect(await page.getByTestId('sync-parked-count').textContent()).toBe('1');
    expect(await page.getByTestId('sync-last-success').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    const parked = page.getByTestId('sync-parked-table');
    await expect.poll(() => parked.textContent()).toContain(refusedCode);
    expect(await parked.textContent()).toContain('NgayHenTra (trước NgayTiepNhan)');
    expect(double.state.allDossiers()).toHaveLength(N - 1);
    await screenshot(page, 'sync-03-after-parked');
    await page.getByTestId('sync-tab-log').click();
    await expect.poll(() => page.getByTestId('sync-log-table').textContent()).toContain('Thành công');
    await screenshot(page, 'sync-04-after-log');
  });

  it('"Chốt ngày" syncs, backs up, and shows the day with what could not be synced', async () => {
    await page.getByTestId('sync-close-day').click();
    await page.getByTestId('close-day-confirm').click();
    const card = page.getByTestId('close-day-result');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain('Hồ sơ tiếp nhận');
    expect(await page.getByTestId('close-day-sync').textContent()).toContain('1 mục bị từ chối');
    expect(await page.getByTestId('close-day-sync').textContent()).toContain(refusedCode);
    expect(await page.getByTestId('close-day-backup').textContent()).toMatch(/Sao lưu: Đã sao lưu motcua-\d{8}-\d{6}-daily\.mcbk\./);
    await screenshot(page, 'sync-05-close-day');
  });

  it('the administrator\'s configuration tab shows the saved settings, never the password', async () => {
    await page.getByTestId('sync-tab-config').click();
    await expect.poll(() => page.getByTestId('sync-config-baseUrl').inputValue()).toBe(double.url);
    expect(await page.getByTestId('sync-config-username').inputValue()).toBe(SYNC_USER);
    expect(await page.getByTestId('sync-config-password').inputValue()).toBe('');
    expect(await page.getByTestId('sync-config-agencyId').inputValue()).toBe(TEST_AGENCY.agencyId);
    await expect.poll(() => page.getByText('Mật khẩu được mã hoá AES-256 bằng tệp khoá trong thư mục dữ liệu.').count()).toBe(1);
    await page.getByTestId('sync-config-save').click();
    await expect.poll(() => page.getByTestId('sync-config-connection').textContent()).toBe('Đăng nhập hệ thống tỉnh thành công.');
    await screenshot(page, 'sync-06-config');
  });
});
