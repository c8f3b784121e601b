import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrinterReachable, printTicket, sampleTicketData, testPrint } from '../../../src/main/queue/ticket-printer';
import { layoutTicket, renderTicketImage } from '../../../src/main/queue/ticket-image';
import type { TicketPrintData } from '../../../src/shared/queue/ticket-data';
import { blackInRows, decodeEscPos, reassembleRaster, type EscPosCommand } from '../../support/escpos-decode';
import { closedPort, startCapturingPrinter, startSilentPrinter } from '../../support/fake-printer';
import { writeMonoPng } from '../../support/mono-png';

const OUT = path.resolve('test-results/queue');

const elderlyTicket: TicketPrintData = {
  agencyName: 'UBND phường Bến Thành',
  serviceGroupName: 'Hộ tịch – Chứng thực',
  ticketNumber: 'A015',
  priorityLabel: 'Người cao tuổi',
  issuedAt: '2025-01-15T01:05:00Z', // 08:05 in Hà Nội / TP.HCM
  waitingAhead: 12,
  estimatedWaitMinutes: 36,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function capturing() {
  const p = await startCapturingPrinter();
  cleanups.push(p.close);
  return p;
}

function expectRasterJobShape(cmds: EscPosCommand[], bytesPerRow: number, bandRows: number): void {
  expect(cmds[0].kind).toBe('init');
  expect(cmds[1].kind).toBe('cancelDoubleByte');
  const last = cmds[cmds.length - 1];
  expect(last).toMatchObject({ kind: 'cut', function: 'B', partial: true });
  const bands = cmds.slice(2, -1);
  expect(bands.length).toBeGreaterThan(1);
  bands.forEach((b, i) => {
    expect(b.kind).toBe('raster');
    if (b.kind !== 'raster') return;
    expect(b.mode).toBe(0);
    expect(b.bytesPerRow).toBe(bytesPerRow);
    if (i < bands.length - 1) expect(b.rows).toBe(bandRows);
    else expect(b.rows).toBeLessThanOrEqual(bandRows);
  });
}

describe('printing a queue ticket to a network printer', () => {
  it('sends an 80 mm raster ticket that decodes back to the rendered image', async () => {
    const printer = await capturing();
    const result = await printTicket({ host: '127.0.0.1', port: printer.port }, elderlyTicket);
    // Resolved only after the printer read everything: nothing may still be in flight.
    const receivedAtResolve = printer.receivedBytes();
    const job = await printer.nextJob();
    expect(result).toEqual({ ok: true, bytes: job.length });
    expect(receivedAtResolve).toBe(job.length);

    const cmds = decodeEscPos(job);
    expectRasterJobShape(cmds, 72, 64);
    const decoded = reassembleRaster(cmds, 576);
    writeMonoPng(decoded, path.join(OUT, 'ticket-80mm.png'));

    const expected = renderTicketImage(elderlyTicket);
    expect(decoded.width).toBe(576);
    expect(decoded.height).toBe(expected.height);
    expect(Buffer.from(decoded.bits).equals(Buffer.from(expected.bits))).toBe(true);

    // The big number is the darkest part of the ticket: well over a tenth of its band is ink,
    // and its band holds more ink than the whole header above it.
    const { regions } = layoutTicket(elderlyTicket);
    const numberInk = blackInRows(decoded, regions.number.top, regions.number.bottom);
    expect(regions.number.bottom - regions.number.top).toBeGreaterThan(100);
    expect(numberInk / ((regions.number.bottom - regions.number.top) * 576)).toBeGreaterThan(0.1);
    expect(numberInk).toBeGreaterThan(blackInRows(decoded, 0, regions.group.bottom));
    // The priority label is a black box with white text: mostly ink.
    const pr = regions.priority!;
    expect(blackInRows(decoded, pr.top, pr.bottom) / ((pr.bottom - pr.top) * 576)).toBeGreaterThan(0.6);
  });

  it('prints a 58 mm ordinary ticket (no priority box) with custom band height', async () => {
    const printer = await capturing();
    const data = { ...elderlyTicket, ticketNumber: 'B102', priorityLabel: null, serviceGroupName: 'Đất đai – Xây dựng' };
    const result = await printTicket({ host: '127.0.0.1', port: printer.port, widthDots: 384, bandRows: 24 }, data);
    const job = await printer.nextJob();
    expect(result.ok).toBe(true);

    const cmds = decodeEscPos(job);
    expectRasterJobShape(cmds, 48, 24);
    const decoded = reassembleRaster(cmds, 384);
    writeMonoPng(decoded, path.join(OUT, 'ticket-58mm.png'));
    const expected = renderTicketImage(data, { width: 384 });
    expect(decoded.height).toBe(expected.height);
    expect(Buffer.from(decoded.bits).equals(Buffer.from(expected.bits))).toBe(true);
    expect(layoutTicket(data, { width: 384 }).regions.priority).toBeNull();
  });

  it('test print carries every Vietnamese tone and decodes pixel-equal', async () => {
    const printer = await capturing();
    const now = new Date('2025-03-03T02:30:00Z');
    const result = await testPrint({ host: '127.0.0.1', port: printer.port }, now);
    const job = await printer.nextJob();
    expect(result.ok).toBe(true);
    const decoded = reassembleRaster(decodeEscPos(job), 576);
    writeMonoPng(decoded, path.join(OUT, 'test-print-80mm.png'));
    const expected = renderTicketImage(sampleTicketData(now));
    expect(Buffer.from(decoded.bits).equals(Buffer.from(expected.bits))).toBe(true);
    expect(sampleTicketData(now).footer).toContain('ỹ');
  });

  it('text mode sends the profile code page and CP1258 bytes, still ending with a cut', async () => {
    const printer = await capturing();
    const profile = { name: 'thử CP1258 trang 30', codePage: 30, encoding: 'cp1258' as const, verified: false };
    const result = await printTicket({ host: '127.0.0.1', port: printer.port, mode: 'text', textProfile: profile }, elderlyTicket);
    const job = await printer.nextJob();
    expect(result.ok).toBe(true);
    const cmds = decodeEscPos(job);
    expect(cmds.slice(0, 3).map((c) => c.kind)).toEqual(['init', 'cancelDoubleByte', 'codePage']);
    expect(cmds[2]).toMatchObject({ page: 30 });
    expect(cmds.some((c) => c.kind === 'raster')).toBe(false);
    expect(cmds[cmds.length - 1]).toMatchObject({ kind: 'cut', partial: true });
    // "Người" in CP1258: N g ư(FD) ơ(F5) huyền(CC) i.
    expect(job.includes(Buffer.from([0x4e, 0x67, 0xfd, 0xf5, 0xcc, 0x69]))).toBe(true);
    const numberLine = cmds.findIndex((c) => c.kind === 'text' && Buffer.from(c.bytes).toString('latin1') === 'A015');
    expect(numberLine).toBeGreaterThan(0);
    expect(cmds.slice(0, numberLine).reverse().find((c) => c.kind === 'charSize')).toMatchObject({ width: 4, height: 4 });
  });

  it('reports a printer that refuses the connection in Vietnamese', async () => {
    const port = await closedPort();
    const result = await printTicket({ host: '127.0.0.1', port }, elderlyTicket);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('REFUSED');
    expect(result.error.message).toContain(`Không kết nối được máy in 127.0.0.1:${port}`);
  });

  it('times out on a printer that accepts but never reads, instead of claiming success', async () => {
    const silent = await startSilentPrinter();
    cleanups.push(silent.close);
    const started = Date.now();
    const result = await printTicket({ host: '127.0.0.1', port: silent.port, writeTimeoutMs: 300 }, elderlyTicket);
    await silent.connected; // it really connected: the failure is the write, not the connect
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('WRITE_TIMEOUT');
    expect(result.error.message).toContain(`Máy in 127.0.0.1:${silent.port} không nhận hết dữ liệu`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('rejects a bad address before touching the network', async () => {
    const result = await printTicket({ host: '', port: 9100 }, elderlyTicket);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CONFIG' } });
    const textNoProfile = await printTicket({ host: '127.0.0.1', mode: 'text' }, elderlyTicket);
    expect(textNoProfile).toMatchObject({ ok: false, error: { code: 'INVALID_CONFIG' } });
  });

  it('probes reachability through node-thermal-printer', async () => {
    const printer = await capturing();
    expect(await isPrinterReachable({ host: '127.0.0.1', port: printer.port, connectTimeoutMs: 1000 })).toBe(true);
    expect(await isPrinterReachable({ host: '127.0.0.1', port: await closedPort(), connectTimeoutMs: 1000 })).toBe(false);
  });
});
