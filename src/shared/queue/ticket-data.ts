import { z } from 'zod';

/**
 * Everything printed on a queue ticket. The queue service fills it when a ticket is issued
 * (or reprinted); the printer code renders it. Strings are NFC-normalised before use, so
 * callers may pass text typed with either composed or decomposed Vietnamese.
 */
export const ticketPrintDataSchema = z.object({
  /** Issuing office, e.g. "UBND phường Bến Thành". Printed upper-cased at the top. */
  agencyName: z.string().trim().min(1),
  /** Service group the ticket belongs to, e.g. "Hộ tịch – Chứng thực". */
  serviceGroupName: z.string().trim().min(1),
  /** Prefix letters + digits, e.g. "A015". */
  ticketNumber: z.string().regex(/^[A-Za-z]{1,3}\d{1,4}$/),
  /** Label of the priority category ("Người cao tuổi"), or null for an ordinary ticket. */
  priorityLabel: z.string().trim().min(1).nullable(),
  /** Instant the ticket was issued, ISO 8601 with an offset or Z. Printed in UTC+7. */
  issuedAt: z.iso.datetime({ offset: true }),
  /** Tickets still waiting ahead of this one in its service group. */
  waitingAhead: z.number().int().nonnegative(),
  /** Estimated wait in whole minutes. */
  estimatedWaitMinutes: z.number().int().nonnegative(),
  /** Closing lines; "\n" separates paragraphs. Defaults to DEFAULT_TICKET_FOOTER. */
  footer: z.string().optional(),
});
export type TicketPrintData = z.infer<typeof ticketPrintDataSchema>;

export const DEFAULT_TICKET_FOOTER = 'Phiếu chỉ có giá trị trong ngày.\nVui lòng chờ đến khi được gọi số. Xin cảm ơn!';

/** The lines of a ticket as text, shared by the raster image and the text-mode path. */
export interface TicketTexts {
  agency: string;
  group: string;
  /** Caption above the number. */
  heading: string;
  number: string;
  /** "Ưu tiên: Người cao tuổi", or null for an ordinary ticket. */
  priority: string | null;
  issued: string;
  waiting: string;
  estimate: string;
  footer: string[];
}

const nfc = (s: string): string => s.normalize('NFC');

export function ticketTexts(data: TicketPrintData): TicketTexts {
  const footer = nfc(data.footer ?? DEFAULT_TICKET_FOOTER)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return {
    agency: nfc(data.agencyName.trim()).toLocaleUpperCase('vi'),
    group: nfc(data.serviceGroupName.trim()),
    heading: 'SỐ THỨ TỰ',
    number: data.ticketNumber.toUpperCase(),
    priority: data.priorityLabel ? `Ưu tiên: ${nfc(data.priorityLabel.trim())}` : null,
    issued: `Thời gian lấy số: ${formatIssueTime(data.issuedAt)}`,
    waiting: `Số người đang chờ trước bạn: ${data.waitingAhead}`,
    estimate:
      data.estimatedWaitMinutes < 1
        ? 'Thời gian chờ dự kiến: dưới 1 phút'
        : `Thời gian chờ dự kiến: ~${data.estimatedWaitMinutes} phút`,
    footer,
  };
}

const VN_OFFSET_MS = 7 * 3600_000;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "HH:mm dd/MM/yyyy" in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). Computed from the
 * instant with an explicit offset so the machine's own time zone never leaks in.
 */
export function formatIssueTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Thời điểm không hợp lệ: ${iso}`);
  const t = new Date(ms + VN_OFFSET_MS);
  return `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())} ${pad2(t.getUTCDate())}/${pad2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
