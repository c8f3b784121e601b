import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser';
import { httpCall, startServerProcess, type ServerProcess } from '../support/server-process';
import { ADMIN, TEST_AGENCY } from '../support/core';
import { startCapturingPrinter, type CapturingPrinter } from '../support/fake-printer';
import { decodeEscPos, reassembleRaster } from '../support/escpos-decode';
import { writeMonoPng } from '../support/mono-png';
import { buildTicketBytes } from '../../src/main/queue/ticket-printer';
import type { ServiceGroupView, TicketView } from '../../src/shared/api/queue-contract';

/**
 * The queue in the browser: a kiosk issues tickets (printed to a TCP "printer" captured here),
 * two clerks call from counters 1 and 2 with the priority rules applied, the display board
 * follows and announces, a no-show, a transfer, a finish, a rating.
 */
describe('queue: kiosk, two counters, display board, rating', () => {
  let server: ServerProcess;
  let browser: Browser;
  let printer: CapturingPrinter;
  let admin: string;
  let groupA: ServiceGroupView;
  let groupB: ServiceGroupView;
  let kiosk: Page;
  let counter1: Page;
  let counter2: Page;
  let board: Page;
  const soundRequests: string[] = [];

  const api = async <T,>(method: string, input: unknown, token = admin): Promise<T> => {
    const r = await httpCall(server.url, method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body.error)}`);
    return r.body.value as T;
  };
  const login = async (username: string, password: string) => ((await httpCall(server.url, 'auth.login', { username, password })).body.value as { token: string }).token;
  /** A page of its own browser context, signed in with the given session. */
  const openPage = async (token: string, hash: string, viewport = { width: 1440, height: 900 }, fakeClock = false): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    await context.addInitScript((t) => sessionStorage.setItem('motcua.token', t), token);
    const page = await context.newPage();
    // The page's timers must be Playwright's before the app sets any, or fastForward cannot reach them.
    if (fakeClock) await page.clock.install();
    await page.goto(`${server.url}/${hash}`);
    return page;
  };
  /** The machine is shared and slow at times: wait on the DOM generously (never a fixed sleep). */
  const poll = <T,>(fn: () => Promise<T> | T, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: opts.timeout ?? 20_000, interval: 100 });
  const ticketByCode = async (code: string) => (await api<TicketView[]>('queue.list', {})).find((t) => t.code === code && t.state !== 'transferred')!;
  const currentCode = (page: Page) => page.getByTestId('console-current-code').textContent();
  const boardCode = (n: number) => board.getByTestId(`board-counter-${n}-code`).textContent();

  beforeAll(async () => {
    printer = await startCapturingPrinter();
    server = await startServerProcess();
    browser = await launchBrowser();
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    admin = await login(ADMIN.username, ADMIN.password);
    await api('users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1', counterNumber: 1 });
    await api('users.create', { username: 'canbo2', fullName: 'Phạm Văn Quầy Hai', role: 'clerk', password: 'matkhau-canbo-2', counterNumber: 2 });
    await api('users.create', { username: 'truongbp', fullName: 'Lê Văn Trưởng', role: 'supervisor', password: 'matkhau-truong-1' });
    groupA = await api('queue.saveGroup', { name: 'Hộ tịch – Chứng thực', prefix: 'A', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'strict', interleaveEvery: 3, active: true, sortOrder: 1 });
    groupB = await api('queue.saveGroup', { name: 'Đất đai – Xây dựng', prefix: 'B', rangeStart: 1, rangeEnd: 999, dailyCap: null, priorityMode: 'interleave', interleaveEvery: 2, active: true, sortOrder: 2 });
    await api('queue.saveCounter', { number: 1, name: 'Hộ tịch', groupIds: [groupA.id], active: true });
    await api('queue.saveCounter', { number: 2, name: 'Tổng hợp', groupIds: [groupA.id, groupB.id], active: true });
    await api('queue.saveCounter', { number: 3, name: 'Đất đai', groupIds: [groupB.id], active: true });
    await api('queue.setPrinter', { enabled: true, host: '127.0.0.1', port: printer.port, widthDots: 576 });
    await api('queue.setOptions', { announceRepeat: 1, voice: 'clips', defaultServiceMinutes: 6, ticketFooter: '' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await printer?.close();
  });

  it('a citizen takes numbers at the kiosk; each ticket is printed and decodes to that ticket', async () => {
    kiosk = await openPage(await login('quantri', ADMIN.password), '#/kiosk', { width: 1280, height: 800 }, true);
    await kiosk.getByTestId('kiosk-group-A').waitFor();
    await screenshot(kiosk, 'queue-01-kiosk-services');
    const take = async (prefix: string, priority: string) => {
      await kiosk.getByTestId(`kiosk-group-${prefix}`).click();
      await kiosk.getByTestId(`kiosk-priority-${priority}`).click();
      await kiosk.getByTestId('kiosk-result').waitFor();
      const code = await kiosk.getByTestId('kiosk-number').textContent();
      const ahead = Number(await kiosk.getByTestId('kiosk-result').getAttribute('data-ahead'));
      const estimate = Number(await kiosk.getByTestId('kiosk-result').getAttribute('data-estimate'));
      const job = await printer.nextJob();
      return { code: code!, ahead, estimate, job };
    };
    const first = await take('A', 'none');
    expect(first.code).toBe('A001');
    expect(await kiosk.getByText('Mời quý khách nhận phiếu và chờ gọi số.').count()).toBe(1);
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('kiosk-group-A').waitFor();
    expect((await take('A', 'none')).code).toBe('A002');
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('kiosk-group-A').click();
    await screenshot(kiosk, 'queue-02-kiosk-priority');
    await kiosk.getByTestId('kiosk-back').click();
    const elderly = await take('A', 'elderly');
    expect(elderly).toMatchObject({ code: 'A003', ahead: 0 });
    await screenshot(kiosk, 'queue-03-kiosk-number');

    // The bytes on the wire are exactly the ticket of A003: header, group, number, priority, times.
    const t3 = await ticketByCode('A003');
    const expected = buildTicketBytes(
      { host: 'x', widthDots: 576 },
      { agencyName: TEST_AGENCY.agencyName, serviceGroupName: groupA.name, ticketNumber: 'A003', priorityLabel: 'Người cao tuổi', issuedAt: t3.issuedAt, waitingAhead: elderly.ahead, estimatedWaitMinutes: elderly.estimate },
    );
    const got = reassembleRaster(decodeEscPos(elderly.job), 576);
    const want = reassembleRaster(decodeEscPos(expected), 576);
    expect(got.height).toBe(want.height);
    expect(Buffer.from(got.bits).equals(Buffer.from(want.bits))).toBe(true);
    writeMonoPng(got, path.resolve('test-results/screens/queue-03b-printed-ticket-A003.png'));
    const firstImg = reassembleRaster(decodeEscPos(first.job), 576);
    expect(firstImg.height).toBeGreaterThan(400);

    // Back to the start by itself after 30 s without a touch.
    await kiosk.clock.fastForward(31_000);
    await kiosk.getByTestId('kiosk-group-A').waitFor();
    expect(await kiosk.getByTestId('kiosk').getAttribute('data-step')).toBe('groups');
    await kiosk.clock.resume();

    for (const [prefix, priority] of [['B', 'none'], ['B', 'merit'], ['B', 'none']] as const) {
      await kiosk.getByTestId('kiosk-group-A').waitFor();
      await take(prefix, priority);
      await kiosk.getByTestId('kiosk-done').click();
    }
    const list = await api<TicketView[]>('queue.list', {});
    expect(list.map((t) => `${t.code}${t.priority ? '*' : ''}:${t.printStatus}`)).toEqual(['A001:printed', 'A002:printed', 'A003*:printed', 'B001:printed', 'B002*:printed', 'B003:printed']);
  });

  it('two counters call with the priority rules; the board follows and announces each call', async () => {
    board = await openPage(admin, '#/bang-hien-thi', { width: 1920, height: 1080 });
    board.on('request', (r) => {
      if (r.url().includes('/sounds/')) soundRequests.push(r.url());
    });
    await board.getByTestId('board-counter-1').waitFor();
    counter1 = await openPage(await login('canbo1', 'matkhau-canbo-1'), '#/quay');
    counter2 = await openPage(await login('canbo2', 'matkhau-canbo-2'), '#/quay');
    await counter1.getByTestId('console-current-empty').waitFor();
    await counter2.getByTestId('console-current-empty').waitFor();
    await poll(() => counter1.getByTestId('console-counter').textContent()).toBe('Quầy 1 – Hộ tịch');
    await poll(() => counter2.getByTestId('console-counter').textContent()).toBe('Quầy 2 – Tổng hợp');

    // Counter 1 (group A, strict): the elderly citizen first.
    await counter1.keyboard.press('F2');
    await poll(() => currentCode(counter1)).toBe('A003');
    await poll(() => boardCode(1)).toBe('A003');
    // Counter 2 (A strict + B interleaved 1 in 2): B002, a priority ticket, comes before the older ordinary ones.
    await counter2.keyboard.press('F2');
    await poll(() => currentCode(counter2)).toBe('B002');
    await poll(() => boardCode(2)).toBe('B002');
    // The board announced the first call with the recorded voice clips.
    await poll(() => board.getByTestId('display-board').getAttribute('data-announced'), { timeout: 60_000 }).not.toBe('0');
    expect(await board.getByTestId('display-board').getAttribute('data-voice-mode')).toBe('clips');
    expect(soundRequests.some((u) => u.endsWith('/sounds/chime.wav'))).toBe(true);
    expect(soundRequests.some((u) => u.endsWith('/sounds/moi-cong-dan-co-so-thu-tu.wav'))).toBe(true);

  });

  it('no-show, serve, a throttled recall; the board shows the last calls and who is waiting', async () => {
    // B002 does not come: no-show (F4). Next at counter 2 is the oldest ordinary ticket, A001.
    await counter2.keyboard.press('F4');
    await poll(() => counter2.getByTestId('console-current-empty').count()).toBe(1);
    await counter2.keyboard.press('F2');
    await poll(() => currentCode(counter2)).toBe('A001');
    await poll(() => boardCode(2)).toBe('A001');

    // Counter 1 serves A003 (F7, F8), then calls A002.
    await counter1.keyboard.press('F7');
    await counter1.getByTestId('state-serving').waitFor();
    await screenshot(counter1, 'queue-04-counter-console-serving');
    await counter1.keyboard.press('F8');
    await poll(() => counter1.getByTestId('console-current-empty').count()).toBe(1);
    await counter1.keyboard.press('F2');
    await poll(() => currentCode(counter1)).toBe('A002');

    // A recall right away is refused with a clear message (at most one every 10 s).
    await counter1.keyboard.press('F3');
    await poll(() => counter1.getByTestId('console-error').textContent()).toContain('Vừa gọi số A002');
    await screenshot(counter1, 'queue-05-counter-console-called');

    await poll(() => board.getByTestId('board-last-calls').textContent()).toContain('A002');
    await poll(() => board.getByTestId('board-waiting-B-count').textContent()).toBe('2');
    await screenshot(board, 'queue-06-display-board');
  });

  it('transfers a ticket to another counter, which takes it first; intake and rating are linked to it', async () => {
    // Counter 2 sends A001 to counter 3 (F6, choose the counter, Enter).
    await counter2.keyboard.press('F6');
    await counter2.getByText('Đến quầy').click();
    await counter2.getByTestId('transfer-target').click();
    await counter2.getByText('Quầy 3 – Đất đai').click();
    await counter2.locator('#transfer-ok').click();
    await poll(() => counter2.getByTestId('console-current-empty').count()).toBe(1);
    const moved = await ticketByCode('A001');
    expect(moved).toMatchObject({ state: 'waiting', targetCounter: 3 });
    // Counter 3 serves only group B, yet calls A001 first, before B001 and B003.
    const c3 = await login('canbo2', 'matkhau-canbo-2');
    const called = await api<TicketView>('queue.callNext', { counterNumber: 3 }, c3);
    expect(called.code).toBe('A001');
    await poll(() => boardCode(3)).toBe('A001');

    // Counter 1: F9 starts the service and opens the dossier intake for this ticket.
    const a2 = await ticketByCode('A002');
    await counter1.keyboard.press('F9');
    await poll(() => counter1.url()).toContain(`#/tiep-nhan?ticket=${a2.id}`);
    expect((await ticketByCode('A002')).state).toBe('serving');

    // The citizen rates counter 1's service on the tablet.
    const rating = await openPage(await login('canbo1', 'matkhau-canbo-1'), '#/danh-gia?quay=1', { width: 1280, height: 800 });
    await poll(() => rating.getByTestId('rating-target').textContent()).toContain('A002');
    await screenshot(rating, 'queue-07-rating');
    await rating.getByTestId('rating-1').click();
    await rating.getByTestId('rating-thanks').waitFor();
    expect((await ticketByCode('A002')).rated).toBe(true);

    // Finish at counter 1.
    await counter1.goto(`${server.url}/#/quay`);
    await poll(() => currentCode(counter1)).toBe('A002');
    await counter1.keyboard.press('F8');
    await poll(() => counter1.getByTestId('console-current-empty').count()).toBe(1);
    await poll(() => boardCode(1)).toBe('—');
    const done = await ticketByCode('A002');
    expect(done.state).toBe('done');
  });

  it('shows the day in the queue overview and the statistics to a supervisor', async () => {
    const sup = await openPage(await login('truongbp', 'matkhau-truong-1'), '#/hang-doi');
    await sup.getByTestId('queue-list').waitFor();
    await poll(() => sup.getByTestId('queue-list').textContent()).toContain('B003');
    await screenshot(sup, 'queue-08-overview');
    await sup.getByTestId('queue-tab-stats').click();
    await sup.getByTestId('stats-by-counter').waitFor();
    await poll(() => sup.getByTestId('stats-by-counter').textContent()).toContain('Quầy 2 – Tổng hợp');
    // The chart draws one bar per series for each group and counter, labelled with its value.
    await poll(() => sup.getByTestId('stats-chart').getByRole('img', { name: /Quầy 2 – Tổng hợp – / }).count()).toBe(3);
    await screenshot(sup, 'queue-09-statistics');
    const settings = await openPage(admin, '#/cai-dat');
    await settings.getByTestId('settings-tab-queue').click();
    await settings.getByTestId('queue-settings').waitFor();
    await screenshot(settings, 'queue-10-settings');
  });
});
