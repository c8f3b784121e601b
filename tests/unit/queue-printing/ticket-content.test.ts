import { describe, expect, it } from 'vitest';
import { formatIssueTime, ticketPrintDataSchema, ticketTexts, type TicketPrintData } from '../../../src/shared/queue/ticket-data';
import { layoutTicket, renderTicketImage, thresholdToBits, wrapText } from '../../../src/main/queue/ticket-image';
import { describePrinterError } from '../../../src/main/queue/printer-socket';
import { ticketTextLines } from '../../../src/main/queue/ticket-printer';

const base: TicketPrintData = {
  agencyName: 'UBND xã Tân Phú',
  serviceGroupName: 'Tư pháp – Hộ tịch',
  ticketNumber: 'c007',
  priorityLabel: null,
  issuedAt: '2025-01-28T16:59:00Z',
  waitingAhead: 0,
  estimatedWaitMinutes: 0,
};

describe('ticket texts', () => {
  it('prints the issue time in UTC+7 whatever the instant’s offset', () => {
    // 16:59Z on 28/01 is 23:59 in Vietnam; 17:00Z is already the next day (Tết 2025 is 29/01).
    expect(formatIssueTime('2025-01-28T16:59:00Z')).toBe('23:59 28/01/2025');
    expect(formatIssueTime('2025-01-28T17:00:00Z')).toBe('00:00 29/01/2025');
    expect(formatIssueTime('2025-01-29T07:30:00+07:00')).toBe('07:30 29/01/2025');
    expect(formatIssueTime('2025-01-29T09:30:00+09:00')).toBe('07:30 29/01/2025');
    expect(() => formatIssueTime('hôm qua')).toThrow(RangeError);
  });

  it('builds the lines: upper-cased agency, priority label, waiting numbers', () => {
    const t = ticketTexts({ ...base, priorityLabel: 'Phụ nữ mang thai', waitingAhead: 7, estimatedWaitMinutes: 21 });
    expect(t.agency).toBe('UBND XÃ TÂN PHÚ');
    expect(t.number).toBe('C007');
    expect(t.priority).toBe('Ưu tiên: Phụ nữ mang thai');
    expect(t.issued).toBe('Thời gian lấy số: 23:59 28/01/2025');
    expect(t.waiting).toBe('Số người đang chờ trước bạn: 7');
    expect(t.estimate).toBe('Thời gian chờ dự kiến: ~21 phút');
    expect(t.footer.length).toBeGreaterThan(0);
  });

  it('has no priority line for an ordinary ticket and says "dưới 1 phút" for no wait', () => {
    const t = ticketTexts(base);
    expect(t.priority).toBeNull();
    expect(t.estimate).toBe('Thời gian chờ dự kiến: dưới 1 phút');
  });

  it('normalises decomposed input to NFC', () => {
    const t = ticketTexts({ ...base, serviceGroupName: 'Đất đai'.normalize('NFD'), footer: 'Cảm ơn\n\n  Hẹn gặp lại '.normalize('NFD') });
    expect(t.group).toBe('Đất đai');
    expect(t.group === t.group.normalize('NFC')).toBe(true);
    expect(t.footer).toEqual(['Cảm ơn', 'Hẹn gặp lại']);
  });

  it('schema rejects a malformed ticket number and a time without offset', () => {
    expect(ticketPrintDataSchema.safeParse(base).success).toBe(true);
    expect(ticketPrintDataSchema.safeParse({ ...base, ticketNumber: '015' }).success).toBe(false);
    expect(ticketPrintDataSchema.safeParse({ ...base, issuedAt: '2025-01-28 16:59' }).success).toBe(false);
    expect(ticketPrintDataSchema.safeParse({ ...base, waitingAhead: -1 }).success).toBe(false);
  });

  it('text-mode lines carry the number at 4× and the priority line when present', () => {
    const lines = ticketTextLines({ ...base, priorityLabel: 'Người khuyết tật' });
    expect(lines.find((l) => l.text === 'C007')).toMatchObject({ size: 4, bold: true, align: 'center' });
    expect(lines.some((l) => l.text === 'Ưu tiên: Người khuyết tật')).toBe(true);
    expect(ticketTextLines(base).some((l) => l.text.startsWith('Ưu tiên'))).toBe(false);
  });
});

describe('ticket image', () => {
  it('thresholds grey to bits, MSB first, rows padded', () => {
    // 10×2 RGBA: row 0 black at x=0 and x=9; row 1 grey 100 at x=1 (dark), 200 at x=2 (light).
    const w = 10, h = 2;
    const rgba = new Uint8Array(w * h * 4).fill(255);
    const set = (x: number, y: number, v: number) => rgba.fill(v, (y * w + x) * 4, (y * w + x) * 4 + 3);
    set(0, 0, 0); set(9, 0, 0); set(1, 1, 100); set(2, 1, 200);
    const img = thresholdToBits(rgba, w, h, 170);
    expect(Array.from(img.bits)).toEqual([0x80, 0x40, 0x40, 0x00]);
  });

  it('wraps by words and breaks a word longer than the line', () => {
    const ctx = { measureText: (s: string) => ({ width: s.length * 10 }) as TextMetrics };
    expect(wrapText(ctx as never, 'một hai ba bốn năm', 80)).toEqual(['một hai', 'ba bốn', 'năm']);
    expect(wrapText(ctx as never, 'abcdefghijkl', 50)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('has the requested width, a row size of whole bytes, and grows with a priority box', () => {
    const plain = renderTicketImage(base);
    expect(plain.width).toBe(576);
    expect(plain.bits.length).toBe(72 * plain.height);
    const prio = renderTicketImage({ ...base, priorityLabel: 'Người có công với cách mạng' });
    expect(prio.height).toBeGreaterThan(plain.height);
    const narrow = renderTicketImage(base, { width: 384 });
    expect(narrow.bits.length).toBe(48 * narrow.height);
    expect(() => renderTicketImage(base, { width: 100 })).toThrow(RangeError);
  });

  it('keeps the regions in order and inside the image', () => {
    const l = layoutTicket({ ...base, priorityLabel: 'Người cao tuổi' });
    const order = [l.regions.agency, l.regions.group, l.regions.number, l.regions.priority!, l.regions.details, l.regions.footer];
    for (let i = 1; i < order.length; i++) expect(order[i].top).toBeGreaterThanOrEqual(order[i - 1].bottom);
    expect(l.regions.footer.bottom).toBeLessThanOrEqual(l.height);
  });

  it('is deterministic: the same data renders the same bits', () => {
    const a = renderTicketImage(base);
    const b = renderTicketImage(base);
    expect(Buffer.from(a.bits).equals(Buffer.from(b.bits))).toBe(true);
    const other = renderTicketImage({ ...base, ticketNumber: 'C008' });
    expect(Buffer.from(a.bits).equals(Buffer.from(other.bits))).toBe(false);
  });
});

describe('printer error messages', () => {
  const at = { host: '192.168.1.50', port: 9100 };
  it('names the printer and the likely cause in Vietnamese', () => {
    expect(describePrinterError(at, 'connect', { code: 'ECONNREFUSED' })).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('Không kết nối được máy in 192.168.1.50:9100') });
    expect(describePrinterError(at, 'connect', { timeoutMs: 3000 })).toMatchObject({ code: 'CONNECT_TIMEOUT', message: expect.stringContaining('quá 3 giây') });
    expect(describePrinterError(at, 'write', { timeoutMs: 10000 })).toMatchObject({ code: 'WRITE_TIMEOUT', message: expect.stringContaining('hết giấy') });
    expect(describePrinterError({ host: 'mayin-quay1', port: 9100 }, 'connect', { code: 'ENOTFOUND' })).toMatchObject({ code: 'HOST_NOT_FOUND', message: expect.stringContaining('"mayin-quay1"') });
    expect(describePrinterError(at, 'connect', { code: 'EHOSTUNREACH' }).code).toBe('UNREACHABLE');
    expect(describePrinterError(at, 'write', { code: 'ECONNRESET' }).code).toBe('CONNECTION_LOST');
    expect(describePrinterError({ host: 'fe80::1', port: 9100 }, 'connect', { code: 'ECONNREFUSED' }).message).toContain('[fe80::1]:9100');
  });
});
