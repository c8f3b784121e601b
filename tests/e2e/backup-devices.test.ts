import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, type ServerProcess } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';
import { TEST_AGENCY, ADMIN } from '../support/core';

const ROOT = path.resolve(__dirname, '../..');
const PASSPHRASE = 'mật khẩu sao lưu của phường 2024';

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').filter({ hasText: ADMIN.fullName }).waitFor();
}

describe('backups and LAN devices from the settings screens', () => {
  const tmp = makeTempDir('motcua-e2e-backup-');
  const dataDir = path.join(tmp.dir, 'data');
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let backupFile: string;

  beforeAll(async () => {
    server = await startServerProcess({ dataDir });
    const setup = await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    expect(setup.status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it('sets the backup passphrase and makes a backup from the UI', async () => {
    await page.goto(`${server.url}/#/cai-dat`);
    await page.getByTestId('settings-tab-backup').click();
    await expect.poll(() => page.getByTestId('backup-key-status').textContent()).toContain('Chưa đặt mật khẩu sao lưu');
    expect(await page.getByTestId('backup-run-now').isDisabled()).toBe(true);
    await page.getByTestId('backup-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-passphrase2').fill('khác hẳn mật khẩu trên');
    await page.getByTestId('backup-set-passphrase').click();
    await expect.poll(() => page.getByText('Hai mật khẩu không khớp').count()).toBeGreaterThan(0);
    await page.getByTestId('backup-passphrase2').fill(PASSPHRASE);
    await page.getByTestId('backup-set-passphrase').click();
    // scrypt (64 MiB) runs on the server: give it time on a slow CI machine.
    await expect.poll(() => page.getByTestId('backup-key-status').textContent(), { timeout: 20_000 }).toContain('mã hoá bằng mật khẩu sao lưu');

    await page.getByTestId('backup-run-now').click();
    await expect.poll(() => page.getByTestId('backup-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    backupFile = (await page.getByTestId('backup-row').first().getAttribute('data-file'))!;
    expect(backupFile).toMatch(/^motcua-\d{8}-\d{6}-(manual|daily)\.mcbk$/);
    expect(fs.existsSync(path.join(dataDir, 'backups', backupFile))).toBe(true);
    await expect.poll(() => page.getByTestId('backup-last-run').textContent()).toContain('Đã sao lưu');
    await screenshot(page, 'backup-01-after-backup');
  });

  it('the built command line reads that backup in a dry run', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/main/backup-cli.cjs'), 'restore', '--data-dir', dataDir, '--file', path.join(dataDir, 'backups', backupFile), '--dry-run'], {
      cwd: ROOT,
      env: { ...process.env, MOTCUA_BACKUP_PASSPHRASE: PASSPHRASE },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\s+users\s+1$/m);
  });

  it('pairs a display board with a code shown in the UI; the board can read but not write', async () => {
    await page.getByTestId('settings-tab-devices').click();
    await page.getByTestId('devices-create-code').click();
    const code = (await page.getByTestId('devices-pairing-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshot(page, 'devices-01-pairing-code');

    // The board: another browser on the LAN, typing the code it was shown.
    const boardPage = await browser.newPage();
    await boardPage.goto(server.url);
    const paired = await boardPage.evaluate(async (c) => {
      const post = (m: string, body: unknown, token?: string) =>
        fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
      const p = await post('devices.pair', { code: c.toLowerCase(), name: 'Màn hình sảnh tầng 1' });
      const token = p.body.value.token as string;
      return { id: p.body.value.device.id as string, token, read: (await post('settings.get', {}, token)).status, write: (await post('users.create', { username: 'bang', fullName: 'Bảng', role: 'admin', password: 'matkhau-bang-1' }, token)).status };
    }, code);
    expect(paired.read).toBe(200);
    expect(paired.write).toBe(403);

    await page.getByTestId('devices-refresh').click();
    const row = page.getByTestId(`device-row-${paired.id}`);
    await expect.poll(() => row.textContent()).toContain('Màn hình sảnh tầng 1');
    expect(await row.textContent()).toContain('Bảng hiển thị');
    expect(await page.getByTestId(`device-last-seen-${paired.id}`).textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await screenshot(page, 'devices-02-paired');

    await page.getByTestId(`device-revoke-${paired.id}`).click();
    await page.locator('#device-revoke-ok').click();
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi');
    const after = await httpCall(server.url, 'settings.get', {}, paired.token);
    expect(after.status).toBe(401);
    await boardPage.close();
  });

  it('restores the backup from the UI; the next start puts it in place', async () => {
    const admin = (await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string };
    const created = await httpCall(server.url, 'users.create', { username: 'sausaoluu', fullName: 'Người Sau Sao Lưu', role: 'clerk', password: 'matkhau-sau-11' }, admin.token);
    expect(created.status).toBe(200);
    await page.getByTestId('settings-tab-backup').click();
    await page.getByTestId(`backup-restore-${backupFile}`).click();
    await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
    await page.locator('#backup-restore-ok').click();
    await expect.poll(() => page.getByText('Khởi động lại ứng dụng').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('backup-restore-pending').count()).toBe(1);
    await screenshot(page, 'backup-02-restore-pending');

    await server.stop();
    server = await startServerProcess({ dataDir });
    const again = (await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string };
    const users = (await httpCall(server.url, 'users.list', {}, again.token)).body.value as { username: string }[];
    expect(users.map((u) => u.username)).toEqual([ADMIN.username]);
  });

  it('locks the screen after the idle minutes; only the password opens it, even after a reload', async () => {
    const admin = (await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string };
    expect((await httpCall(server.url, 'settings.update', { idleLockMinutes: 2 }, admin.token)).status).toBe(200);
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const p = await ctx.newPage();
    await p.clock.install();
    await login(p, server.url);
    await p.getByTestId('idle-lock-armed').waitFor({ state: 'attached' });
    expect(await p.getByTestId('idle-lock-armed').getAttribute('data-minutes')).toBe('2');
    await p.clock.fastForward('01:30');
    expect(await p.getByTestId('idle-lock').count()).toBe(0);
    await p.clock.fastForward('00:45');
    await p.getByTestId('idle-lock').waitFor();
    await screenshot(p, 'lock-01-locked');
    await p.reload();
    await p.getByTestId('idle-lock').waitFor();
    await p.getByTestId('idle-lock-password').fill('khong-phai-mat-khau');
    await p.getByTestId('idle-lock-submit').click();
    await expect.poll(() => p.getByTestId('idle-lock-error').textContent(), { timeout: 10_000 }).toContain('còn 4 lần thử');
    await p.getByTestId('idle-lock-password').fill(ADMIN.password);
    await p.getByTestId('idle-lock-password').press('Enter');
    await expect.poll(() => p.getByTestId('idle-lock').count()).toBe(0);
    expect(await p.getByTestId('current-user').textContent()).toContain(ADMIN.fullName);
    await ctx.close();
  });

  it('a damaged database starts the recovery page; restoring from it in the browser brings the app back', async () => {
    await server.stop();
    const file = path.join(dataDir, 'motcua.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0); // the header page, as a failing disk would leave it
    fs.closeSync(fd);
    server = await startServerProcess({ dataDir });
    await page.goto(server.url);
    // Start from a signed-out tab: which session survives depends on the backup restored.
    await page.evaluate(() => sessionStorage.clear());
    await expect.poll(() => page.getByTestId('recovery-problem').textContent()).toContain('Hãy khôi phục');
    expect(await page.locator('[data-testid="recovery-backups"] tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'recovery-01-page');
    await page.getByTestId('recovery-passphrase').fill('không đúng mật khẩu');
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => page.getByTestId('recovery-result').textContent(), { timeout: 20_000 }).toContain('Mật khẩu sao lưu không đúng');
    await page.getByTestId('recovery-passphrase').fill(PASSPHRASE);
    await page.getByTestId('recovery-submit').click();
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    await login(page, server.url);
    await screenshot(page, 'recovery-02-back');
  });
});
