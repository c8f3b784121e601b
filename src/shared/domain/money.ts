/**
 * Money as printed on forms and receipts. Amounts are whole đồng (integers); a
 * fraction or a negative amount is a programming error upstream, so it throws rather
 * than printing something a clerk might hand to a citizen.
 */

function assertAmount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Số tiền không hợp lệ: ${n} (phải là số nguyên đồng, không âm)`);
  }
}

/** `100000` → `100.000 đ` (dots group thousands, as Vietnamese documents write them). */
export function formatVnd(n: number): string {
  assertAmount(n);
  return `${groupThousands(n)} đ`;
}

/** `2005000` → `2.005.000`. */
export function groupThousands(n: number): string {
  assertAmount(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/**
 * Reads one group of three digits. `full` means a higher group was already read, so
 * the hundreds are spoken even when zero ("không trăm") and a lone unit after a zero
 * ten takes "linh" — "hai triệu không trăm linh năm nghìn", not "hai triệu năm nghìn".
 */
function readTriple(value: number, full: boolean): string[] {
  const h = Math.floor(value / 100);
  const t = Math.floor(value / 10) % 10;
  const u = value % 10;
  const words: string[] = [];
  const spokeHundreds = full || h > 0;
  if (spokeHundreds) words.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && spokeHundreds) words.push('linh');
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[t], 'mươi');
  }
  if (u > 0) {
    // Spoken-form changes after a ten: 21 "hai mươi mốt" (but 11 "mười một"),
    // 24 "hai mươi tư" (but 14 "mười bốn"), 15/25 "mười lăm"/"hai mươi lăm" (but 105 "linh năm").
    if (u === 1 && t >= 2) words.push('mốt');
    else if (u === 4 && t >= 2) words.push('tư');
    else if (u === 5 && t >= 1) words.push('lăm');
    else words.push(DIGITS[u]);
  }
  return words;
}

const GROUP_UNITS = ['', 'nghìn', 'triệu'] as const;

/** Reads 0 < n < 1e9; all-zero groups are skipped ("một triệu", not "một triệu không nghìn"). */
function readBelowBillion(n: number, leading: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    const full = !leading || words.length > 0;
    words.push(...readTriple(g, full));
    const unit = GROUP_UNITS[2 - i];
    if (unit) words.push(unit);
  });
  return words;
}

/** Billions nest: 1e12 is "một nghìn tỷ", 1e15 "một triệu tỷ". */
function readNumber(n: number, leading: boolean): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, leading);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const words = [...readNumber(billions, leading), 'tỷ'];
  if (rest > 0) words.push(...readBelowBillion(rest, false));
  return words;
}

/**
 * The amount in words, as written on receipts and fee slips, first letter capitalised:
 * `100000` → "Một trăm nghìn đồng", `2005000` → "Hai triệu không trăm linh năm nghìn đồng".
 */
export function amountInWords(n: number): string {
  assertAmount(n);
  const words = n === 0 ? ['không'] : readNumber(n, true);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
