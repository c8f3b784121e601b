/**
 * Text folding for Vietnamese search.
 *
 * SQLite folds case for ASCII only, so "nguyen van a" would never find "Nguyễn Văn A".
 * We store a folded copy of searchable text in its own column and fold the query the
 * same way; both sides must go through {@link foldVietnamese}.
 */

/** Combining marks left after NFD decomposition (tones, breve, circumflex, horn). */
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUN = /\s+/gu;

/**
 * Normalise to NFC. Scanners and some keyboards (e.g. Unikey in "Unicode tổ hợp" mode)
 * produce decomposed text; stored and printed text is always NFC so that equal names
 * compare equal and fonts render one glyph per letter.
 */
export function normalizeNfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Fold text for diacritic- and case-insensitive search:
 * NFC, lower-case, strip every combining mark, đ→d, collapse whitespace, trim.
 *
 * @example foldVietnamese('  Nguyễn   Văn Đức ') === 'nguyen van duc'
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    // đ has no decomposition in Unicode, so NFD leaves it alone; map it by hand. ð (eth)
    // turns up in text converted from legacy TCVN3/VNI fonts in place of đ.
    .replace(/[đð]/g, 'd')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}
