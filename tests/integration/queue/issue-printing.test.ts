import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTicketBytes } from '../../../src/main/queue/ticket-printer';
import { layoutTicket } from '../../../src/main/queue/ticket-image';
import { blackInRows, decodeEscPos, reassembleRaster } from '../../support/escpos-decode';
import { closedPort, startCapturingPrinter } from '../../support/fake-printer';
import { writeMonoPng } from '../../support/mono-png';
import { TEST_AGENCY } from '../../support/core';
import { startQueueOffice, type QueueOffice } from './queue-fixture';

let office: QueueOffice | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  office?.t.close();
  office = null;
  while (cleanups.length) await cleanups.pop()!();
});

async function setUp(widthDots: 576 | 384 = 576) {
  const o = await startQueueOffice('2025-03-10T08:00:00');
  office = o;
  const printer = await startCapturingPrinter();
  cleanups.push(printer.close);
  await o.t.must('queue.setPrinter', { enabled: true, host: '127.0.0.1', port: printer.port, widthDots }, o.admin);
  const a = await o.group({ name: 'Hộ tịch – Chứng thực', prefix: 'A' });
  await o.counter(1, [a.id]);
  return { o, printer, a };
}

describe('issuing prints the ticket on the network printer', () => {
  it('sends the raster ticket; the captured bytes decode to exactly the ticket for this number', async () => {
    const { o, printer, a } = await setUp();
    await o.issue(a.id); // A001 (printed too)
    await printer.nextJob();
    const r = await o.t.must('queue.issue', { groupId: a.id, priority: 'elderly', source: 'kiosk' }, o.clerk1);
    expect(r.print).toEqual({ status: 'printed', message: null });
    expect(r.ticket).toMatchObject({ code: 'A002', printStatus: 'printed', printError: null });
    const job = await printer.nextJob();
    const cmds = decodeEscPos(job);
    expect(cmds[0].kind).toBe('init');
    expect(cmds[cmds.length - 1]).toMatchObject({ kind: 'cut', partial: true });
    const img = reassembleRaster(cmds, 576);
    // The expected ticket: this office, this group and number, the elderly label, 0 ahead of a priority ticket.
    const expected = {
      agencyName: TEST_AGENCY.agencyName,
      serviceGroupName: 'Hộ tịch – Chứng thực',
      ticketNumber: 'A002',
      priorityLabel: 'Người cao tuổi',
      issuedAt: r.ticket.issuedAt,
      waitingAhead: r.waitingAhead,
      estimatedWaitMinutes: r.estimatedWaitMinutes,
    };
    expect(r.waitingAhead).toBe(0);
    const want = reassembleRaster(decodeEscPos(buildTicketBytes({ host: 'x', widthDots: 576 }, expected)), 576);
    expect(img.height).toBe(want.height);
    expect(Buffer.from(img.bits).equals(Buffer.from(want.bits))).toBe(true);
    // And the number band really has ink (not a blank image that happens to match).
    const layout = layoutTicket(expected, { width: 576 });
    expect(blackInRows(img, layout.regions.number.top, layout.regions.number.bottom)).toBeGreaterThan(2000);
    writeMonoPng(img, path.resolve('test-results/queue/issued-ticket-A002.png'));
  });

  it('prints 58 mm tickets when configured for 384 dots', async () => {
    const { o, printer, a } = await setUp(384);
    await o.issue(a.id);
    const img = reassembleRaster(decodeEscPos(await printer.nextJob()), 384);
    expect(img.width).toBe(384);
    expect(img.height).toBeGreaterThan(300);
  });

  it('records a failed print with a clear message, shows it in the list, and a reprint works', async () => {
    const { o, printer, a } = await setUp();
    const dead = await closedPort();
    await o.t.must('queue.setPrinter', { enabled: true, host: '127.0.0.1', port: dead, widthDots: 576 }, o.admin);
    const r = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(r.print.status).toBe('failed');
    expect(r.print.message).toContain('Chưa in được phiếu A001');
    expect(r.print.message).toContain('từ chối kết nối');
    expect(r.ticket).toMatchObject({ code: 'A001', state: 'waiting', printStatus: 'failed' });
    expect(r.ticket.printError).toContain(`127.0.0.1:${dead}`);
    const failed = (await o.t.must('queue.list', {}, o.clerk1)).filter((t) => t.printStatus === 'failed');
    expect(failed.map((t) => t.code)).toEqual(['A001']);
    // Reprint to the dead printer: an error the clerk sees, still failed.
    const again = await o.t.call('queue.reprint', { ticketId: r.ticket.id }, o.clerk1);
    expect(again.ok || again.error.code).toBe('PRINTER');
    // The printer is fixed: reprint succeeds and the ticket is marked printed.
    await o.t.must('queue.setPrinter', { enabled: true, host: '127.0.0.1', port: printer.port, widthDots: 576 }, o.admin);
    expect(await o.t.must('queue.reprint', { ticketId: r.ticket.id }, o.clerk1)).toEqual({ status: 'printed', message: null });
    const img = reassembleRaster(decodeEscPos(await printer.nextJob()), 576);
    expect(img.height).toBeGreaterThan(400);
    expect(await o.t.must('queue.ticket', { ticketId: r.ticket.id }, o.clerk1)).toMatchObject({ printStatus: 'printed', printError: null });
    const audit = o.t.core.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'queue.print' ORDER BY id").all() as { detail: string }[];
    expect(audit.map((x) => JSON.parse(x.detail).status)).toEqual(['failed', 'failed', 'printed']);
  });

  it('does not print when the printer is off, and says so to the kiosk', async () => {
    const { o, a } = await setUp();
    await o.t.must('queue.setPrinter', { enabled: false, host: '127.0.0.1', port: 9100, widthDots: 576 }, o.admin);
    const r = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(r.print.status).toBe('not_printed');
    expect(r.print.message).toContain('Chưa bật máy in');
    const counter = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'counter', print: false }, o.clerk1);
    expect(counter.print).toEqual({ status: 'not_printed', message: null });
  });

  it('test print sends the tone sample to the saved printer or to an address typed in', async () => {
    const { o, printer } = await setUp();
    expect(await o.t.must('queue.testPrint', {}, o.admin)).toEqual({ done: true });
    const img = reassembleRaster(decodeEscPos(await printer.nextJob()), 576);
    expect(img.height).toBeGreaterThan(600);
    const dead = await closedPort();
    const bad = await o.t.call('queue.testPrint', { host: '127.0.0.1', port: dead }, o.admin);
    expect(bad.ok || bad.error.code).toBe('PRINTER');
    expect((await o.t.call('queue.testPrint', {}, o.clerk1)).ok).toBe(false);
  });
});
