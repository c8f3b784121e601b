import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { ticketPrintDataSchema, ticketTexts, type TicketPrintData } from '../../shared/queue/ticket-data';
import { buildRasterJob, buildTextJob, DEFAULT_BAND_ROWS, DEFAULT_CUT_FEED, type TextCodePageProfile, type TextLine } from './escpos';
import { renderTicketImage, WIDTH_80MM } from './ticket-image';
import { printerLabel, sendToPrinter, type PrinterError, type SendResult } from './printer-socket';

export type { PrinterError, PrinterErrorCode } from './printer-socket';

/**
 * Prints queue tickets on an ESC/POS network printer (TCP, port 9100 by default).
 * Raster (image) mode is the default and prints Vietnamese correctly on any printer; text mode
 * needs a code page profile confirmed by `testPrint` on that very printer.
 */
export interface TicketPrinterConfig {
  host: string;
  /** Raw printing port; 9100 unless the printer was set up otherwise. */
  port?: number;
  /** Printable width in dots: 576 for 80 mm paper (default), 384 for 58 mm. */
  widthDots?: number;
  /** 'raster' (default) or 'text' (requires textProfile). */
  mode?: 'raster' | 'text';
  textProfile?: TextCodePageProfile;
  /** Default 3000 ms. */
  connectTimeoutMs?: number;
  /** Until the printer has read the whole job and closed; default 10000 ms. */
  writeTimeoutMs?: number;
  /** Rows per raster band (16–255), default 64. */
  bandRows?: number;
  /** Feed after the cutting position before the partial cut (0–255), default 24. */
  cutFeed?: number;
}

export type PrintResult = SendResult;

export const DEFAULT_PORT = 9100;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

/** The exact bytes printTicket sends, without sending them (for previews, benchmarks, archives). */
export function buildTicketBytes(config: TicketPrinterConfig, data: TicketPrintData): Uint8Array {
  const jobOptions = { bandRows: config.bandRows ?? DEFAULT_BAND_ROWS, cutFeed: config.cutFeed ?? DEFAULT_CUT_FEED };
  if (config.mode === 'text') {
    if (!config.textProfile) throw new RangeError('Chế độ in chữ cần cấu hình bảng mã của máy in');
    return buildTextJob(ticketTextLines(data), config.textProfile, jobOptions);
  }
  return buildRasterJob(renderTicketImage(data, { width: config.widthDots ?? WIDTH_80MM }), jobOptions);
}

/** The ticket as text-mode lines; the same strings as the image. */
export function ticketTextLines(data: TicketPrintData): TextLine[] {
  const t = ticketTexts(data);
  const lines: TextLine[] = [
    { text: t.agency, align: 'center', bold: true },
    { text: t.group, align: 'center', bold: true },
    { text: t.heading, align: 'center' },
    { text: t.number, align: 'center', bold: true, size: 4 },
  ];
  if (t.priority) lines.push({ text: t.priority, align: 'center', bold: true });
  lines.push(
    { text: t.issued, align: 'center' },
    { text: t.waiting, align: 'center', bold: true },
    { text: t.estimate, align: 'center' },
    ...t.footer.map((text): TextLine => ({ text, align: 'center' })),
  );
  return lines;
}

/** Renders and sends one ticket. Never throws: every failure comes back as a Vietnamese message. */
export async function printTicket(config: TicketPrinterConfig, data: TicketPrintData): Promise<PrintResult> {
  const bad = checkConfig(config);
  if (bad) return { ok: false, error: bad };
  const parsed = ticketPrintDataSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_CONFIG', message: `Dữ liệu phiếu không hợp lệ: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` } };
  }
  let bytes: Uint8Array;
  try {
    bytes = buildTicketBytes(config, parsed.data);
  } catch (e) {
    return { ok: false, error: { code: 'RENDER', message: `Không tạo được nội dung phiếu để in: ${(e as Error).message}` } };
  }
  return sendToPrinter({ host: config.host, port: config.port ?? DEFAULT_PORT }, bytes, {
    connectMs: config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    writeMs: config.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
  });
}

/** Every vowel with every tone, lower and upper case, plus đ/Đ: what a test print must show. */
export const VIETNAMESE_TONE_SAMPLE = [
  'a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ',
  'e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị',
  'o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ',
  'u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ đ',
  'A À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ',
  'E È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ I Ì Í Ỉ Ĩ Ị',
  'O Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ',
  'U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Y Ỳ Ý Ỷ Ỹ Ỵ Đ',
].join('\n');

/** A realistic ticket whose footer carries the full tone table. */
export function sampleTicketData(now: Date): TicketPrintData {
  return {
    agencyName: 'UBND phường Bến Thành',
    serviceGroupName: 'Hộ tịch – Chứng thực',
    ticketNumber: 'A015',
    priorityLabel: 'Người cao tuổi',
    issuedAt: now.toISOString(),
    waitingAhead: 4,
    estimatedWaitMinutes: 12,
    footer: `IN THỬ – kiểm tra dấu tiếng Việt:\n${VIETNAMESE_TONE_SAMPLE}\nQuý khách vui lòng chờ gọi số. Xin cảm ơn!`,
  };
}

/**
 * Prints the sample ticket in the configured mode. For a text-mode profile this is the print
 * a person must look at before marking the profile verified.
 */
export function testPrint(config: TicketPrinterConfig, now: Date = new Date()): Promise<PrintResult> {
  return printTicket(config, sampleTicketData(now));
}

/**
 * Quick reachability probe for the settings screen ("Kiểm tra kết nối"), using
 * node-thermal-printer's own TCP interface. It only opens and closes a connection.
 */
export async function isPrinterReachable(config: Pick<TicketPrinterConfig, 'host' | 'port' | 'connectTimeoutMs'>): Promise<boolean> {
  if (checkConfig(config)) return false;
  const port = config.port ?? DEFAULT_PORT;
  const connectMs = config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  if (config.host.includes(':')) {
    // The library's tcp:// pattern cannot hold an IPv6 literal (it would treat the string as
    // a file path), so send an empty job ourselves: connect, half-close, wait for the close.
    return (await sendToPrinter({ host: config.host, port }, new Uint8Array(0), { connectMs, writeMs: connectMs })).ok;
  }
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: `tcp://${config.host}:${port}`,
    options: { timeout: connectMs },
  });
  return printer.isPrinterConnected();
}

function checkConfig(config: Pick<TicketPrinterConfig, 'host' | 'port' | 'connectTimeoutMs'> & Partial<TicketPrinterConfig>): PrinterError | null {
  const port = config.port ?? DEFAULT_PORT;
  const where = printerLabel({ host: config.host ?? '', port });
  if (!config.host || /[\s/]/.test(config.host)) return { code: 'INVALID_CONFIG', message: `Địa chỉ máy in không hợp lệ: "${config.host ?? ''}"` };
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { code: 'INVALID_CONFIG', message: `Cổng máy in không hợp lệ: ${port}` };
  for (const [name, v] of [['connectTimeoutMs', config.connectTimeoutMs], ['writeTimeoutMs', config.writeTimeoutMs]] as const) {
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) return { code: 'INVALID_CONFIG', message: `Thời gian chờ của máy in ${where} không hợp lệ (${name})` };
  }
  if (config.mode === 'text' && !config.textProfile) {
    return { code: 'INVALID_CONFIG', message: `Máy in ${where} đặt chế độ in chữ nhưng chưa chọn bảng mã. Hãy dùng chế độ in ảnh.` };
  }
  return null;
}
