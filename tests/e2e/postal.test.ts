import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, loginInBrowser, screenshot } from '../support/browser';
import { startServerProcess, httpCall, httpLogin, type ServerProcess } from '../support/server-process';
import { TEST_AGENCY, ADMIN } from '../support/core';

/** S10 codes, check digit from the rule in the domain brief (independent of the app's code). */
function s10(serial: string, service = 'EL'): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const c = 11 - ([...serial].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11);
  return `${service}${serial}${c === 10 ? 0 : c === 11 ? 5 : c}VN`;
}

const IN = [s10('24681357'), s10('13572468'), s10('11223344')];
const OUT = [s10('50607080', 'EE'), s10('50607081', 'EE')];
const APPLICANTS = [
  { name: 'Phan Thị Mỹ Linh', id: '001190001234' },
  { name: 'Hoàng Văn Thái', id: '001088005678' },
  { name: 'Bùi Thu Trang', id: '001195009999' },
];

describe('the postal channel: a batch in from the post, results out by post, both slips printed', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let hotFolder: string;
  let clerkToken: string;

  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await httpCall(server.url, method, input, clerkToken);
    if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body.error)}`);
    return r.body.value as T;
  };
  const slipsInHotFolder = () => (fs.existsSync(hotFolder) ? fs.readdirSync(hotFolder).filter((f) => f.startsWith('postalHandover-')) : []);
  const pdfLayout = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  /** The printed slip as an image next to the screenshots (the headless browser does not show PDFs). */
  const slipImage = (file: string, name: string) => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, path.join(ARTIFACTS, name)]);
  };
  /** Toasts fade after a few seconds; screenshots are taken without them. */
  const settle = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  const pdfFlat = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  beforeAll(async () => {
    server = await startServerProcess();
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const admin = await httpLogin(server.url, ADMIN.username, ADMIN.password);
    await httpCall(server.url, 'users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1', counterNumber: 2 }, admin);
    hotFolder = path.join(server.dataDir, 'hot-folder');
    await httpCall(server.url, 'printing.saveSettings', { printer: `folder:${hotFolder}` }, admin);
    clerkToken = await httpLogin(server.url, 'canbo1', 'matkhau-canbo-1');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await loginInBrowser(page, server.url, 'canbo1', 'matkhau-canbo-1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens an inbound hand-over and scans three items; a wrong check digit is caught', async () => {
    await page.keyboard.press('Alt+4');
    await page.getByTestId('postal-page').waitFor();
    await page.getByTestId('postal-in-employeeName').fill('Vũ Thị Hồng Nhung');
    await page.getByTestId('postal-in-employeePhone').fill('0987654321');
    await page.getByTestId('postal-in-postOffice').fill('Bưu cục Ba Đình');
    await page.getByTestId('postal-in-postOffice').press('Enter');
    await expect.poll(() => page.getByTestId('postal-in-number').textContent()).toMatch(/BN-\d{6}-01/);

    // The scanner types the code and Enter into the focused code field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('postal-in-code');
    await page.keyboard.type(IN[0]);
    await page.keyboard.press('Enter');
    await page.getByTestId(`postal-in-row-${IN[0]}`).waitFor();

    // A misread digit: caught before it is stored; the safe answer has the focus, Enter retypes.
    const wrong = `${IN[1].slice(0, 10)}${(Number(IN[1][10]) + 1) % 10}VN`;
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await page.getByTestId('postal-retype-code').waitFor();
    await expect.poll(() => page.locator('.ant-modal-confirm').textContent()).toContain('sai số kiểm tra');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await page.getByTestId(`postal-in-row-${wrong}`).count()).toBe(0);
    await page.getByTestId('postal-in-code').fill(IN[1]);
    await page.getByTestId('postal-in-code').press('Enter');
    await page.getByTestId(`postal-in-row-${IN[1]}`).waitFor();

    // The third envelope arrived torn: the seal condition is recorded with it.
    await page.getByTestId('postal-in-damaged').check();
    await page.getByTestId('postal-in-sealNote').fill('Rách góc phong bì');
    await page.getByTestId('postal-in-code').fill(IN[2]);
    await page.getByTestId('postal-in-code').press('Enter');
    await page.getByTestId(`postal-in-row-${IN[2]}`).waitFor();
    expect(await page.getByTestId(`postal-in-row-${IN[2]}`).textContent()).toContain('Rách góc phong bì');
    await settle();
    await screenshot(page, 'postal-01-inbound-scanned');
  });

  const receiveThroughIntake = async (code: string, who: { name: string; id: string }) => {
    await page.getByTestId(`postal-receive-${code}`).click();
    await page.getByTestId('intake-form').waitFor();
    expect(await page.getByTestId('intake-postal-tag').textContent()).toContain(code);
    expect(await page.getByTestId('intake-postalCode').inputValue()).toBe(code);
    await page.keyboard.press('F2');
    await page.keyboard.type('tinh trang hon nhan');
    await expect.poll(() => page.locator('.ant-select-item-option').first().textContent()).toContain('tình trạng hôn nhân');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('intake-due').count()).toBe(1);
    await page.getByTestId('intake-fullName').fill(who.name);
    await page.getByTestId('intake-idNumber').fill(who.id);
    await page.getByTestId('intake-address').fill('Số 3 phố Nguyễn Thái Học, phường Ba Đình, Hà Nội');
    await page.getByTestId('intake-deliveryAddress').fill('Số 3 phố Nguyễn Thái Học, phường Ba Đình, Hà Nội');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('intake-saved-code').textContent()).toMatch(/000\.00\.06\.H56-\d{6}-\d{4}/);
    // The receipt preview opens by itself; it goes into the envelope back to the applicant later.
    await page.getByTestId('print-preview').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-preview').isVisible()).toBe(false);
    await page.keyboard.press('Control+n');
    await page.getByTestId(`postal-in-row-${code}`).waitFor();
  };

  it('receives two items as postal dossiers through the normal intake', async () => {
    await receiveThroughIntake(IN[0], APPLICANTS[0]);
    await receiveThroughIntake(IN[1], APPLICANTS[1]);
    await expect.poll(() => page.getByTestId(`postal-in-row-${IN[0]}`).textContent()).toContain('Đã tiếp nhận');
    expect(await page.getByTestId(`postal-in-row-${IN[1]}`).textContent()).toContain(APPLICANTS[1].name);
  });

  it('records the third as incomplete with a Mẫu 02, then closes and prints the inbound slip', async () => {
    await page.getByTestId(`postal-incomplete-${IN[2]}`).click();
    await page.getByTestId('postal-incomplete-form').waitFor();
    await page.keyboard.type('xac nhan tinh trang');
    await expect.poll(() => page.locator('.ant-select-item-option').first().textContent()).toContain('tình trạng hôn nhân');
    await page.keyboard.press('Enter');
    await page.getByTestId('postal-missing-0').click();
    await page.getByTestId('postal-incomplete-fullName').fill(APPLICANTS[2].name);
    await page.getByTestId('postal-incomplete-idNumber').fill(APPLICANTS[2].id);
    await page.getByTestId('postal-incomplete-address').fill('Số 9 ngõ Văn Chương, phường Văn Miếu, Hà Nội');
    expect(await page.getByTestId('postal-incomplete-reason').inputValue()).toContain('Tờ khai');
    await page.getByTestId('postal-incomplete-ok').click();
    // The Mẫu 02 preview opens to be printed and put back in the envelope.
    await page.getByTestId('print-preview').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-preview').isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId(`postal-in-row-${IN[2]}`).textContent()).toContain('Thiếu hồ sơ');
    await expect.poll(() => page.getByTestId('postal-in-counts').textContent()).toContain('2 tiếp nhận · 1 thiếu');
    await settle();
    await screenshot(page, 'postal-02-inbound-decided');

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('print-preview').waitFor();
    await page.getByTestId('print-send').click();
    await expect.poll(() => slipsInHotFolder().length).toBe(1);

    const file = path.join(hotFolder, slipsInHotFolder()[0]);
    slipImage(file, 'postal-03-inbound-slip');
    const layout = pdfLayout(file);
    const flat = pdfFlat(file);
    const dossiers = await api<{ items: { code: string; ownerName: string }[] }>('dossier.search', { channel: '3' });
    expect(dossiers.items).toHaveLength(2);
    expect(flat).toContain('PHIẾU BÀN GIAO HỒ SƠ');
    const rows = layout.split('\n');
    for (const [i, code] of IN.entries()) {
      const row = rows.find((l) => l.includes(code)) ?? '';
      expect(row).toMatch(new RegExp(`^\\s*${i + 1}\\s+${code}\\s`));
      expect(row).toMatch(/\s1(\s|$)/); // one set each
    }
    for (const d of dossiers.items) {
      expect(rows.find((l) => l.includes(d.code)), d.code).toBeTruthy();
      expect(flat).toContain(d.ownerName);
    }
    expect(rows.find((l) => l.includes(IN[2]))).toContain('Chưa cấp mã');
    expect(flat).toContain(APPLICANTS[2].name);
    expect(flat).toContain('Cấp Giấy xác nhận tình trạng hôn nhân'.split(' ').slice(0, 3).join(' '));
    expect(flat).toContain('Tổng cộng: 3 hồ sơ');
    expect(flat).toContain('Tổng số: 3 hồ sơ, 3 bộ');
    expect(flat).toContain('Vũ Thị Hồng Nhung');
  });

  it('returns the two results by post with an outbound slip; the dossiers become returned under their item codes', async () => {
    // The back office finishes both dossiers (through the API, as the processing agency would report).
    const found = await api<{ items: { id: string; code: string; ownerName: string }[] }>('dossier.search', { channel: '3' });
    for (const d of found.items) {
      await api('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' });
      await api('dossier.act', { dossierId: d.id, action: 'resultReady', resultDocuments: [{ name: 'Giấy xác nhận tình trạng hôn nhân' }] });
    }
    const byOwner = (name: string) => found.items.find((d) => d.ownerName === name)!;
    const [first, second] = [byOwner(APPLICANTS[0].name), byOwner(APPLICANTS[1].name)];

    await page.keyboard.press('F8');
    await page.getByTestId('postal-out-table').waitFor();
    await page.getByTestId(`postal-out-code-${first.code}`).waitFor();
    // The postal employee of the morning is offered again.
    expect(await page.getByTestId('postal-out-employeeName').inputValue()).toBe('Vũ Thị Hồng Nhung');
    await page.getByTestId('postal-out-employeeName').fill('Đỗ Minh Tuấn');
    await page.getByTestId('postal-out-employeePhone').fill('0978111222');
    // Scan a code into each row: typing selects the row, Enter moves to the next code field.
    const rowOrder = await page.locator('input[data-postal-out-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(rowOrder.slice(0, 2).sort()).toEqual([`postal-out-code-${first.code}`, `postal-out-code-${second.code}`].sort());
    await page.getByTestId(rowOrder[0]!).focus();
    const codeFor: Record<string, string> = {};
    for (const [i, tid] of rowOrder.slice(0, 2).entries()) {
      await page.keyboard.type(OUT[i]);
      await page.keyboard.press('Enter');
      codeFor[tid!.replace('postal-out-code-', '')] = OUT[i];
    }
    await page.getByTestId(`postal-out-fee-${second.code}`).fill('25000');
    await expect.poll(() => page.getByTestId('postal-out-summary').textContent()).toContain('Đã chọn 2 hồ sơ');
    await expect.poll(() => page.getByTestId('postal-out-summary').textContent()).toContain('25.000 đ');
    await settle();
    await screenshot(page, 'postal-04-outbound-tab');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('print-preview').waitFor();
    await page.getByTestId('print-send').click();
    await expect.poll(() => slipsInHotFolder().length).toBe(2);

    const got = await Promise.all([first, second].map((d) => api<{ status: string; postalCode: string; code: string; fees: { name: string; amount: number }[] }>('dossier.get', { id: d.id })));
    for (const d of got) {
      expect(d.status).toBe('10');
      expect(d.postalCode).toBe(codeFor[d.code]);
    }
    expect(got[1].fees.at(-1)).toMatchObject({ name: 'Cước bưu chính', amount: 25_000 });

    const outFile = slipsInHotFolder().map((f) => path.join(hotFolder, f)).find((f) => pdfFlat(f).includes('KẾT QUẢ'))!;
    slipImage(outFile, 'postal-05-outbound-slip');
    const layout = pdfLayout(outFile);
    const flat = pdfFlat(outFile);
    const rows = layout.split('\n');
    for (const d of got) {
      const row = rows.find((l) => l.includes(codeFor[d.code])) ?? '';
      expect(row).toContain(d.code);
      expect(row).toMatch(/\s1(\s|$)/);
    }
    expect(flat).toContain(APPLICANTS[0].name);
    expect(flat).toContain(APPLICANTS[1].name);
    expect(flat).toContain('25.000 đ');
    expect(flat).toContain('Tổng cộng: 2 hồ sơ');
    expect(flat).toContain('Tổng số: 2 hồ sơ, 2 bộ');
    expect(flat).toContain('Đỗ Minh Tuấn');
    // The incomplete item still waits to go back with its Mẫu 02.
    await expect.poll(() => page.getByTestId(`postal-out-code-${IN[2]}`).count()).toBe(1);
  });

  it('shows both hand-overs in the history and reprints a slip from the archive', async () => {
    await page.keyboard.press('F9');
    await page.getByTestId('postal-history-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="postal-history-B"]').count()).toBe(2);
    const numbers = await page.locator('[data-testid^="postal-history-B"]').allTextContents();
    const inbound = numbers.find((n) => n.startsWith('BN-'))!;
    await page.getByTestId(`postal-history-${inbound}`).click();
    await page.getByTestId(`postal-detail-${inbound}`).waitFor();
    await expect.poll(() => page.getByTestId(`postal-detail-${inbound}`).textContent()).toContain('đã gửi');
    await settle();
    await screenshot(page, 'postal-06-history-tab');
    await page.getByTestId(`postal-reprint-${inbound}`).click();
    await page.getByTestId('print-preview').waitFor();
    await page.getByTestId('print-send').click();
    // A reprint sends the archived PDF again (same file name in the hot folder), and is recorded.
    const [inHandover] = await api<{ id: string }[]>('postal.list', { direction: 'IN' });
    await expect.poll(async () => (await api<{ attempts: unknown[] }[]>('printing.history', { subjectId: inHandover.id }))[0].attempts.length).toBe(2);
    expect(slipsInHotFolder()).toHaveLength(2);
  });
});
