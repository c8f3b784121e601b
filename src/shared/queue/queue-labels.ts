/**
 * Queue vocabulary shared by the service and the screens: priority categories, ticket states,
 * rating levels, and how a ticket's display code is written.
 */

export const PRIORITY_CATEGORIES = ['elderly', 'disabled', 'pregnant_or_small_child', 'merit'] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

/** Labels printed on the ticket and shown at the kiosk. */
export const PRIORITY_LABELS: Record<PriorityCategory, string> = {
  elderly: 'Người cao tuổi',
  disabled: 'Người khuyết tật',
  pregnant_or_small_child: 'Phụ nữ mang thai, người có con nhỏ',
  merit: 'Người có công với cách mạng',
};

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  waiting: 'Đang chờ',
  called: 'Đang gọi',
  serving: 'Đang phục vụ',
  done: 'Đã xong',
  no_show: 'Vắng mặt',
  transferred: 'Đã chuyển',
  cancelled: 'Đã huỷ',
};

export const PRINT_STATUSES = ['pending', 'printed', 'failed', 'not_printed'] as const;
export type PrintStatus = (typeof PRINT_STATUSES)[number];

export const PRINT_STATUS_LABELS: Record<PrintStatus, string> = {
  pending: 'Đang in',
  printed: 'Đã in',
  failed: 'In lỗi',
  not_printed: 'Không in',
};

/** Provincial scale (DongBoDanhGiaHaiLong.MucDo): 1 best, 3 worst. */
export const RATING_LEVELS = [1, 2, 3] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, string> = { 1: 'Rất hài lòng', 2: 'Hài lòng', 3: 'Không hài lòng' };

export type PriorityMode = 'strict' | 'interleave';

/**
 * "A015": the group's prefix letter and the number padded to the width of the group's range
 * (at least three digits), so the codes of one group always line up on the board.
 */
export function formatTicketCode(prefix: string, number: number, rangeEnd: number): string {
  const width = Math.max(3, String(rangeEnd).length);
  return `${prefix}${String(number).padStart(width, '0')}`;
}

/** Seconds as "m phút s giây" style short text for screens: "4:05". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}
