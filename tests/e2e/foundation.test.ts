import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, type ServerProcess } from '../support/server-process';
import { TEST_AGENCY, ADMIN } from '../support/core';

describe('first run, login and roles in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('walks through first-run setup, with field validation in Vietnamese', async () => {
    await page.goto(server.url);
    await page.getByTestId('setup-agencyId').fill('12.34');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByText('Mã định danh cơ quan phải có dạng NNN.NN.NN.Xnn').count()).toBeGreaterThan(0);
    await screenshot(page, 'foundation-01-setup-errors');
    await page.getByTestId('setup-agencyId').fill(TEST_AGENCY.agencyId);
    await page.getByTestId('setup-parentAgencyName').fill(TEST_AGENCY.parentAgencyName);
    await page.getByTestId('setup-agencyName').fill(TEST_AGENCY.agencyName);
    await page.getByTestId('setup-receivingPointName').fill(TEST_AGENCY.receivingPointName);
    await page.getByTestId('setup-place').fill(TEST_AGENCY.place);
    await page.getByTestId('setup-adminUsername').fill(ADMIN.username);
    await page.getByTestId('setup-adminFullName').fill(ADMIN.fullName);
    await page.getByTestId('setup-adminPassword').fill(ADMIN.password);
    await page.getByTestId('setup-adminPassword2').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('login-username').waitFor();
    await expect.poll(() => page.getByTestId('login-agency').textContent()).toContain(TEST_AGENCY.agencyName);
    const status = await httpCall(server.url, 'system.status', {});
    expect(status.body.value).toMatchObject({ setUp: true, agencyName: TEST_AGENCY.agencyName });
  });

  it('refuses a wrong password with a clear message', async () => {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill('khong-dung-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await screenshot(page, 'foundation-02-login-error');
  });

  it('logs the administrator in by keyboard and shows the settings', async () => {
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(ADMIN.fullName);
    await page.keyboard.press('Alt+8');
    await expect.poll(() => page.url()).toContain('#/cai-dat');
    await page.getByRole('tab', { name: 'Người dùng' }).click();
    await page.getByTestId('users-add').click();
    await page.getByTestId('users-username').fill('canbo1');
    await page.getByTestId('users-fullName').fill('Trần Thị Cán Bộ');
    await page.getByTestId('users-password').fill('matkhau-canbo-1');
    await page.locator('#users-create-ok').click();
    await expect.poll(() => page.getByRole('cell', { name: 'Trần Thị Cán Bộ' }).count()).toBe(1);
    await screenshot(page, 'foundation-03-users');
  });

  it('a clerk does not see the settings and is refused if they go there', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').fill('canbo1');
    await page.getByTestId('login-password').fill('matkhau-canbo-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Cán bộ một cửa');
    expect(await page.getByTestId('nav-cai-dat').count()).toBe(0);
    await page.goto(`${server.url}/#/cai-dat`);
    await page.getByTestId('forbidden').waitFor();
    await screenshot(page, 'foundation-04-forbidden');
    expect(await page.getByText('Bạn không có quyền xem mục này.').count()).toBe(1);
  });
});
