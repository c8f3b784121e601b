import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginInBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, httpLogin, type ServerProcess } from '../support/server-process';
import { TEST_AGENCY, ADMIN } from '../support/core';

const QR = '001085012345|123456789|Lê Hoàng Đức|12041985|Nam|Số 12 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội|01072021';

describe('a clerk receives a dossier by keyboard and scanner, prints the receipt, processes it and finds it again', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let hotFolder: string;
  beforeAll(async () => {
    server = await startServerProcess();
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const admin = await httpLogin(server.url, ADMIN.username, ADMIN.password);
    await httpCall(server.url, 'users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1', counterNumber: 2 }, admin);
    hotFolder = path.join(server.dataDir, 'hot-folder');
    await httpCall(server.url, 'printing.saveSettings', { printer: `folder:${hotFolder}` }, admin);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await loginInBrowser(page, server.url, 'canbo1', 'matkhau-canbo-1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('receives a walk-in dossier with the keyboard and the CCCD scanner string alone', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByTestId('intake-form').waitFor();
    // F2 focuses the procedure picker; type without diacritics and pick with Enter.
    await page.keyboard.press('F2');
    await page.keyboard.type('tinh trang hon nhan');
    await expect.poll(() => page.locator('.ant-select-item-option').first().textContent()).toContain('tình trạng hôn nhân');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-due').count()).toBe(1);
    // The scanner types the QR string and Enter into whatever field has focus.
    await page.getByTestId('intake-phone').focus();
    await page.keyboard.type(QR, { delay: 2 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-fullName').inputValue()).toBe('Lê Hoàng Đức');
    expect(await page.getByTestId('intake-idNumber').inputValue()).toBe('001085012345');
    expect(await page.getByTestId('intake-birthDate').inputValue()).toBe('12/04/1985');
    expect(await page.getByTestId('intake-phone').inputValue()).toBe('');
    await page.getByTestId('intake-phone').fill('0912345678');
    await screenshot(page, 'dossier-01-intake-filled');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('intake-saved-code').textContent()).toMatch(/000\.00\.06\.H56-\d{6}-0001/);
  });

  it('previews and prints the receipt with one key; the PDF reaches the printer', async () => {
    await page.getByTestId('print-preview').waitFor();
    await screenshot(page, 'dossier-02-receipt-preview');
    await page.getByTestId('print-send').click();
    await expect.poll(() => (fs.existsSync(hotFolder) ? fs.readdirSync(hotFolder).length : 0)).toBe(1);
  });

  it('finds the dossier by typing the owner name without diacritics and moves it to returned', async () => {
    await page.keyboard.press('Alt+3');
    await page.getByTestId('dossier-search').fill('le hoang duc');
    const row = page.getByTestId('dossier-table').getByText('Lê Hoàng Đức', { exact: true });
    await expect.poll(() => row.count()).toBe(1);
    await screenshot(page, 'dossier-03-search');
    await row.click();
    const act = async (action: string, fields: Record<string, string> = {}) => {
      await page.getByTestId(`dossier-action-${action}`).click();
      for (const [name, value] of Object.entries(fields)) await page.getByTestId(`action-field-${name}`).fill(value);
      await page.locator('#dossier-action-ok').click();
      await expect.poll(() => page.getByTestId(`dossier-action-${action}`).count()).toBe(0);
    };
    await act('transfer', { body: 'Công chức Tư pháp - Hộ tịch' });
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    await act('resultReady', { resultName: 'Giấy xác nhận tình trạng hôn nhân' });
    await act('returned', { collectorName: 'Lê Hoàng Đức', collectorIdNumber: '001085012345' });
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    await page.getByRole('tab', { name: 'Quá trình' }).click();
    await expect.poll(() => page.getByTestId('dossier-timeline').textContent()).toContain('Trả kết quả');
    await screenshot(page, 'dossier-04-returned-timeline');
  });

  it('leaves no personal data in the logs after the whole run (Decree 13/2023)', async () => {
    const logDir = path.join(server.dataDir, 'logs');
    const logs = fs.readdirSync(logDir).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of ['001085012345', '123456789', 'Lê Hoàng Đức', 'Le Hoang Duc', '0912345678', 'Đội Cấn', 'matkhau-canbo-1']) expect(logs).not.toContain(secret);
  });
});
