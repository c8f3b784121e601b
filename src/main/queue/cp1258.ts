/**
 * Text encodings for the optional ESC/POS text mode. Deliberately small: printable ASCII,
 * the Vietnamese letters, and a couple of punctuation marks. Anything else becomes "?".
 *
 * Windows-1258 has single bytes for the "shaped" letters (ă â ê ô ơ ư đ) but writes the five
 * tones as separate combining bytes after the letter. We always emit letter + tone byte —
 * a valid CP1258 spelling — because precomposed forms exist only for a few letters and mixing
 * the two ways is what makes output differ between printers.
 */
export type TextEncoding = 'cp1258' | 'ascii';

const QUESTION = 0x3f;

/** Shaped base letters with their own byte in CP1258. */
const CP1258_LETTERS: Record<string, number> = {
  Â: 0xc2, Ă: 0xc3, Ê: 0xca, Ô: 0xd4, Ơ: 0xd5, Ư: 0xdd, Đ: 0xd0,
  â: 0xe2, ă: 0xe3, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, đ: 0xf0,
};

/** The five tone marks (Unicode combining characters) and their CP1258 bytes. */
const CP1258_TONES: Record<string, number> = {
  '\u0300': 0xcc, // huyền
  '\u0301': 0xec, // sắc
  '\u0303': 0xde, // ngã
  '\u0309': 0xd2, // hỏi
  '\u0323': 0xf2, // nặng
};

const CP1258_PUNCT: Record<string, number> = { '–': 0x96, '—': 0x97, '₫': 0xfe, '…': 0x85 };

const isPrintableAscii = (c: string): boolean => c.length === 1 && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f;

export function encodeForCodePage(text: string, encoding: TextEncoding): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (isPrintableAscii(ch)) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    if (encoding === 'ascii') {
      out.push(...asciiFold(ch));
      continue;
    }
    const punct = CP1258_PUNCT[ch];
    if (punct !== undefined) {
      out.push(punct);
      continue;
    }
    out.push(...cp1258Char(ch));
  }
  return Uint8Array.from(out);
}

function cp1258Char(ch: string): number[] {
  if (CP1258_LETTERS[ch] !== undefined) return [CP1258_LETTERS[ch]];
  // Split the tone off; what remains (recomposed) must be ASCII or a shaped letter.
  const parts = [...ch.normalize('NFD')];
  const tones = parts.filter((p) => CP1258_TONES[p] !== undefined);
  if (tones.length !== 1) return [QUESTION];
  const base = parts.filter((p) => CP1258_TONES[p] === undefined).join('').normalize('NFC');
  const baseByte = isPrintableAscii(base) ? base.charCodeAt(0) : CP1258_LETTERS[base];
  return baseByte === undefined ? [QUESTION] : [baseByte, CP1258_TONES[tones[0]]];
}

/** "ễ" → "e", "Đ" → "D", dashes → "-"; anything that does not fold to one ASCII letter → "?". */
function asciiFold(ch: string): number[] {
  if (ch === 'đ') return [0x64];
  if (ch === 'Đ') return [0x44];
  if (ch === '–' || ch === '—') return [0x2d];
  const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return isPrintableAscii(stripped) ? [stripped.charCodeAt(0)] : [QUESTION];
}
