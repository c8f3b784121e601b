import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, type ServerProcess } from '../support/server-process';
import { TEST_AGENCY, ADMIN } from '../support/core';

describe('Cài đặt → Hỗ trợ kỹ thuật in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServerProcess();
    const setup = await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    expect(setup.body.ok).toBe(true);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a support bundle on the host and shows where it is', async () => {
    await page.goto(server.url);
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('current-user').waitFor();
    await page.keyboard.press('Alt+8');
    await page.getByTestId('settings-tab-support').click();
    await page.getByTestId('support-bundle-create').click();
    const shown = (await page.getByTestId('support-bundle-path').textContent({ timeout: 20_000 }))?.trim() ?? '';
    expect(path.dirname(shown)).toBe(path.join(server.dataDir, 'support'));
    expect(fs.existsSync(shown)).toBe(true);
    await screenshot(page, 'support-01-bundle');
  });

  it('in a plain browser, explains that updates happen on each installed PC instead of offering a check', async () => {
    expect(await page.getByTestId('updates-browser-only').count()).toBe(1);
    expect(await page.getByTestId('updates-check').count()).toBe(0);
  });

  it('refuses an http update server on the internet with a Vietnamese message, then saves an https one', async () => {
    await page.getByTestId('update-source').fill('http://capnhat.hanoi.gov.vn/motcua-desk/');
    await page.getByTestId('update-source-save').click();
    await expect.poll(() => page.getByText('Máy chủ cập nhật trên Internet phải dùng https://', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'support-02-update-source-error');
    await page.getByTestId('update-source').fill('https://capnhat.hanoi.gov.vn/motcua-desk/');
    await page.getByTestId('update-source-save').click();
    const token = ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    await expect.poll(async () => (await httpCall(server.url, 'diagnostics.getUpdateSource', {}, token)).body.value).toEqual({ feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk/' });
  });
});
