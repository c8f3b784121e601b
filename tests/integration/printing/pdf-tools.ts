/**
 * Poppler and zbar wrappers for the printing tests: text extraction, page counts, word
 * boxes, rasterising pages into test-results/printing/ and decoding symbols.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const RESULTS_DIR = path.join(process.cwd(), 'test-results', 'printing');

async function withPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return await fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` (or raw order with layout=false), UTF-8. */
export function pdfText(pdf: Buffer, layout = true): Promise<string> {
  return withPdf(pdf, async (file) => {
    const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** Text of each page separately (pdftotext separates pages with form feeds). */
export async function pdfPagesText(pdf: Buffer): Promise<string[]> {
  const text = await pdfText(pdf);
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout);
    return { pages, width: Number(m?.[1]), height: Number(m?.[2]) };
  });
}

/** Font names embedded in the PDF (pdffonts). */
export function pdfFonts(pdf: Buffer): Promise<string[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0]);
  });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box in PDF points (pdftotext -bbox). */
export function wordBoxes(pdf: Buffer): Promise<WordBox[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const words: WordBox[] = [];
    let page = 0;
    let pw = 0;
    let ph = 0;
    for (const line of stdout.split('\n')) {
      const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
      if (p) {
        page++;
        pw = Number(p[1]);
        ph = Number(p[2]);
        continue;
      }
      const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (w) {
        words.push({
          page,
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
          text: w[5],
          pageWidth: pw,
          pageHeight: ph,
        });
      }
    }
    return words;
  });
}

/**
 * Rasterises pages with pdftoppm into test-results/printing/<name>-<n>.png (kept for
 * looking at) and returns their paths in page order.
 */
export function renderPngs(pdf: Buffer, name: string, o: { dpi?: number; first?: number; last?: number } = {}): Promise<string[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}.pdf`), pdf);
  for (const f of readdirSync(RESULTS_DIR)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(path.join(RESULTS_DIR, f));
  }
  return withPdf(pdf, async (file) => {
    const args = ['-r', String(o.dpi ?? 200), '-png'];
    if (o.first) args.push('-f', String(o.first));
    if (o.last) args.push('-l', String(o.last));
    await run('pdftoppm', [...args, file, path.join(RESULTS_DIR, name)]);
    return readdirSync(RESULTS_DIR)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => path.join(RESULTS_DIR, f));
  });
}

/** Symbols zbarimg finds in an image, as `TYPE:data` lines. */
export async function decodeSymbols(png: string): Promise<string[]> {
  const { stdout } = await run('zbarimg', ['-q', png]);
  return stdout.split('\n').filter((l) => l.trim() !== '');
}

/** Collapses runs of whitespace, so layout columns and line breaks become single spaces. */
export function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Asserts that each expected field occurs, in order, in the extracted text. A field's
 * words must appear in sequence, each within `window` words of the previous one: in
 * `-layout` output, a wrapped table cell or a two-column header interleaves its words
 * with the neighbouring column's, but never reorders them.
 * Returns a description of the first failure, or null.
 */
export function findInOrder(text: string, fields: (string | string[])[], window = 14): string | null {
  const tokens = squash(text).split(' ').map(clean);
  let pos = 0;
  for (const entry of fields) {
    // A group: every member after the current position, in any order (two-column
    // layouts interleave them); the next field must follow the last of them.
    const group = Array.isArray(entry) ? entry : [entry];
    let end = pos;
    for (const field of group) {
      const words = squash(field).split(' ').map(clean);
      const at = matchWords(tokens, words, pos, window);
      if (at < 0) {
        return `không thấy "${field}" sau vị trí ${pos} (…${tokens.slice(Math.max(0, pos - 5), pos + 25).join(' ')}…)`;
      }
      end = Math.max(end, at);
    }
    pos = end;
  }
  return null;
}

/** Word compared without surrounding punctuation ("(mã" ~ "mã", "1.001612)." ~ "1.001612", "dẫn./." ~ "dẫn"). */
function clean(word: string): string {
  return word.replace(/\.\/\.$/u, '').replace(/^[("'“]+|[)"'”,.;:]+$/gu, '');
}

/** Index just past the first windowed match of `words` at or after `from`, or -1. */
function matchWords(tokens: string[], words: string[], from: number, window: number): number {
  for (let start = from; start < tokens.length; start++) {
    let end = matchWordAt(tokens, words[0], start, window);
    for (let k = 1; end >= 0 && k < words.length; k++) end = findWord(tokens, words[k], end, window);
    if (end >= 0) return end;
  }
  return -1;
}

/** First match of `word` starting within `window` tokens of `from`. */
function findWord(tokens: string[], word: string, from: number, window: number): number {
  for (let j = from; j < Math.min(tokens.length, from + window); j++) {
    const end = matchWordAt(tokens, word, j, window);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * `word` at token `j`, either whole or — when a narrow cell broke it — as a first piece
 * there and the rest a few tokens later (other columns' words come in between).
 */
function matchWordAt(tokens: string[], word: string, j: number, window: number): number {
  const t = tokens[j];
  if (t === word) return j + 1;
  if (t && t.length >= 2 && word.length > t.length && word.startsWith(t)) {
    return findWord(tokens, word.slice(t.length), j + 1, window);
  }
  return -1;
}

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const mm = (v: number): number => (v * 72) / 25.4;

/**
 * Geometry problems in extracted words: a word outside the text area (left, right or
 * below the bottom margin; the top margin may hold only the corner label and page
 * numbers, so words there must still be 5 mm from the edge), or two words whose boxes
 * overlap, which is what text spilling out of its cell or column looks like.
 */
export function layoutProblems(words: WordBox[], m: Margins, tolerance = 0.75): string[] {
  const problems: string[] = [];
  for (const w of words) {
    if (w.xMin < m.left - tolerance || w.xMax > w.pageWidth - m.right + tolerance) {
      problems.push(`trang ${w.page}: "${w.text}" ra ngoài lề trái/phải (x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)})`);
    }
    if (w.yMax > w.pageHeight - m.bottom + tolerance || w.yMin < mm(5)) {
      problems.push(`trang ${w.page}: "${w.text}" ra ngoài lề trên/dưới (y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)})`);
    }
  }
  const byPage = new Map<number, WordBox[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const ix = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const iy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const minH = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (ix > 0.5 && iy > 0.35 * minH) {
          problems.push(`trang ${a.page}: "${a.text}" chồng lên "${b.text}"`);
        }
      }
    }
  }
  return problems;
}

export const A4_PORTRAIT: Margins = { left: mm(30), right: mm(15), top: mm(20), bottom: mm(20) };
export const A4_LANDSCAPE: Margins = { left: mm(20), right: mm(15), top: mm(20), bottom: mm(15) };
export const A5_PORTRAIT: Margins = { left: mm(18), right: mm(10), top: mm(12), bottom: mm(12) };

export interface GrayRaster {
  width: number;
  height: number;
  /** One byte per pixel, row by row, 0 = black. */
  data: Buffer;
}

/** Page `page` (1-based) rasterised in greyscale with pdftoppm (binary PGM), for pixel comparisons. */
export function grayRaster(pdf: Buffer, page: number, dpi = 72): Promise<GrayRaster> {
  return withPdf(pdf, async (file, dir) => {
    const out = path.join(dir, 'page');
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    const pgm = readFileSync(`${out}.pgm`);
    const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!head) throw new Error('pdftoppm không trả về ảnh PGM');
    const width = Number(head[1]);
    const height = Number(head[2]);
    return { width, height, data: pgm.subarray(head[0].length, head[0].length + width * height) };
  });
}
