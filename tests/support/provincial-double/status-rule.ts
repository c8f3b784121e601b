/** The contract's rule on status moves (`provincial-api.md`, "Idempotency and versions"). */
const FINAL_STATUSES = ['8', '9', '10', '3', '7'];
const OPEN_STATUSES = ['2', '4', '5', '6'];

/**
 * The contract's status rule: backwards, and refused, is any move out of 8, 9, 10, 3 or 7 to 2, 4, 5 or 6,
 * and any move to 2 from a later status. 5 → 4 and 6 → 4 (supplement received, obligation met) are forward.
 * Returns the refusal's detail, or null when the move is allowed.
 */
export function backwardsMove(from: string, to: string): string | null {
  if (from === to) return null;
  if ((FINAL_STATUSES.includes(from) && OPEN_STATUSES.includes(to)) || (to === '2' && from !== '1')) {
    return `TrangThaiHoSo (không được chuyển ngược từ ${from} về ${to})`;
  }
  return null;
}
