import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, type ServerProcess } from '../support/server-process';
import { TEST_AGENCY, ADMIN } from '../support/core';

/** The due date shown by the preview card, as the ISO instant it carries. */
const previewDue = (page: Page) => page.getByTestId('due-preview-due').getAttribute('data-due');

describe('catalog and working calendar in the settings screens', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    server = await startServerProcess({ now: '2026-03-02T08:00:00+07:00' });
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    token = ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a procedure typed without diacritics and edits its fee', async () => {
    await page.keyboard.press('Alt+8');
    await page.getByTestId('settings-tab-catalog').click();
    await page.getByTestId('catalog-row-1.001193').waitFor();
    await page.getByTestId('catalog-search').locator('input').fill('chung thuc');
    await expect.poll(() => page.locator('[data-testid^="catalog-row-"]').count()).toBe(2);
    expect(await page.getByTestId('catalog-row-2.000884').count()).toBe(1);
    expect(await page.getByTestId('catalog-row-1.001193').count()).toBe(0);
    await screenshot(page, 'catalog-01-search-without-diacritics');

    await page.getByTestId('catalog-row-2.000884').click();
    await page.getByTestId('procedure-drawer').getByText('10.000 đ').first().waitFor();
    await page.getByTestId('procedure-edit-fees').click();
    const amount = page.getByTestId('fee-amount-0');
    await amount.fill('15000');
    await page.getByTestId('procedure-edit-save').click();
    await page.getByTestId('procedure-revert-fees').waitFor();
    await expect.poll(() => page.getByTestId('procedure-fees').textContent()).toContain('15.000 đ');
    await expect.poll(() => page.getByTestId('fee-total').textContent()).toContain('15.000 đ');
    await page.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'catalog-02-procedure-drawer-edited');
    const quote = await httpCall(server.url, 'catalog.fees', { code: '2.000884' }, token);
    expect((quote.body.value as { total: number }).total).toBe(15_000);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('catalog-row-2.000884').textContent()).toContain('Đã sửa tại chỗ');
  });

  it('rejects a bad catalog file with every bad row listed, and changes nothing', async () => {
    const bad = [
      { code: '1.0x', name: 'Sai mã' },
      { code: '2.000884', name: '' },
    ];
    await page.getByTestId('catalog-import-file').setInputFiles({ name: 'danh-muc-loi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const report = page.getByTestId('catalog-import-errors');
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain('Mã thủ tục phải có dạng d.dddddd');
    expect(await report.locator('tbody tr').count()).toBeGreaterThan(3);
    await screenshot(page, 'catalog-03-import-report');
    await page.getByTestId('catalog-report-close').click();
    const p = await httpCall(server.url, 'catalog.get', { code: '2.000884' }, token);
    expect((p.body.value as { procedure: { name: string } }).procedure.name).toMatch(/^Chứng thực chữ ký/);
  });

  it('marks a day off in the year view and the due-date preview moves', async () => {
    await page.getByTestId('settings-tab-calendar').click();
    await page.getByTestId('calendar-year-2026').click();
    await page.getByTestId('day-2026-02-17').waitFor();
    expect(await page.getByTestId('day-2026-02-17').getAttribute('data-class')).toBe('tet');
    expect(await page.getByTestId('calendar-status').textContent()).toContain('Đã xác nhận'); // 2026 ships as the announced calendar

    await page.getByTestId('due-preview-procedure').click();
    await page.keyboard.type('tinh trang hon nhan');
    await page.keyboard.press('Enter');
    await page.getByTestId('due-preview-date').fill('02/03/2026');
    await page.getByTestId('due-preview-time').fill('09:00');
    // 1.004873, 3 working days: Mon 02/03/2026 09:00 → Thu 05/03/2026 09:00.
    await expect.poll(() => previewDue(page)).toBe('2026-03-05T09:00:00.000+07:00');

    await page.getByTestId('day-2026-03-04').click();
    await page.getByTestId('day-name').fill('Nghỉ đột xuất');
    await page.getByTestId('day-save').click();
    await expect.poll(() => page.getByTestId('day-2026-03-04').getAttribute('data-class')).toBe('holiday');
    await expect.poll(() => previewDue(page)).toBe('2026-03-06T09:00:00.000+07:00');
    await page.getByTestId('day-2026-03-04').hover();
    await page.getByRole('tooltip').getByText('Nghỉ đột xuất').waitFor();
    await screenshot(page, 'calendar-01-year-view-day-off');

    // A Saturday worked in exchange (làm bù) is marked in the year view.
    await page.getByTestId('day-2026-03-07').click();
    await page.getByTestId('day-name').fill('Làm bù');
    await page.getByTestId('day-save').click();
    await expect.poll(() => page.getByTestId('day-2026-03-07').getAttribute('data-class')).toBe('extra');
    await expect.poll(() => previewDue(page)).toBe('2026-03-06T09:00:00.000+07:00');

    // 2026 is already confirmed (announced); the admin's edits keep it confirmed and stored.
    await expect.poll(() => page.getByTestId('calendar-status').textContent()).toContain('Đã xác nhận');
    const stored = await httpCall(server.url, 'calendar.getYear', { year: 2026 }, token);
    expect(stored.body.value).toMatchObject({ stored: true, calendar: { status: 'confirmed' } });
    await screenshot(page, 'calendar-02-confirmed');
  });
});
