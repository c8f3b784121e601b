import { deflateSync } from 'node:zlib';
import type { Font, GlyphRun } from 'fontkit';
import { parsedFonts } from './fonts';

/**
 * A reprint is the archived original with a copy mark added, never a fresh rendering: the mark is
 * appended to the original file as a PDF incremental update (ISO 32000-1 §7.5.6). The original bytes
 * stay untouched at the start of the reprint, so anyone can check that a reprint is the paper that was
 * issued (its first `original.length` bytes are the archived file).
 *
 * The mark is drawn as the outlines of the bundled font's glyphs (filled paths), so it needs no font
 * resource in the original — the original embeds only a subset of the glyphs it used.
 */
export interface CopyMark {
  /** Bold first line, e.g. "BẢN SAO". */
  title: string;
  /** Regular second line, e.g. "In lại lúc 10 giờ 15 phút, ngày 04/12/2026 từ bản lưu". */
  detail: string;
}

interface Trailer {
  size: number;
  root: string;
  info: string | null;
  id: string | null;
  startxref: number;
}

function parseTrailer(s: string): Trailer {
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  const at = s.lastIndexOf('trailer');
  if (!sx || at < 0) throw new Error('Tệp PDF lưu trữ không đúng cấu trúc (thiếu trailer)');
  const dict = s.slice(at, sx.index);
  const size = /\/Size (\d+)/.exec(dict);
  const root = /\/Root (\d+ \d+ R)/.exec(dict);
  if (!size || !root) throw new Error('Tệp PDF lưu trữ không đúng cấu trúc (trailer thiếu Size/Root)');
  return {
    size: Number(size[1]),
    root: root[1],
    info: /\/Info (\d+ \d+ R)/.exec(dict)?.[1] ?? null,
    id: /\/ID (\[[^\]]*\])/.exec(dict)?.[1] ?? null,
    startxref: Number(sx[1]),
  };
}

/** Byte offset of each object in the classic cross-reference table(s) ending at `startxref`. */
function xrefOffsets(s: string, startxref: number): Map<number, number> {
  const out = new Map<number, number>();
  let at: number | null = startxref;
  while (at !== null) {
    if (!s.startsWith('xref', at)) throw new Error('Tệp PDF lưu trữ dùng bảng tham chiếu không hỗ trợ');
    let pos = s.indexOf('\n', at) + 1;
    for (;;) {
      const head = /^(\d+) (\d+)\s*\n/.exec(s.slice(pos, pos + 40));
      if (!head) break;
      pos += head[0].length;
      const first = Number(head[1]);
      for (let i = 0; i < Number(head[2]); i++, pos += 20) {
        const line = s.slice(pos, pos + 20);
        if (line[17] === 'n' && !out.has(first + i)) out.set(first + i, Number(line.slice(0, 10)));
      }
    }
    const trailer = s.slice(pos, s.indexOf('>>', pos) + 2);
    const prev = /\/Prev (\d+)/.exec(trailer);
    at = prev ? Number(prev[1]) : null;
  }
  return out;
}

/** The dictionary text of object `num` (between "<<" and its ">>\nendobj"). */
function objectDict(s: string, offsets: Map<number, number>, num: number): string {
  const at = offsets.get(num);
  if (at === undefined || !s.startsWith(`${num} 0 obj`, at)) throw new Error(`Tệp PDF lưu trữ thiếu đối tượng ${num}`);
  const open = s.indexOf('<<', at);
  const end = s.indexOf('endobj', at);
  const close = s.lastIndexOf('>>', end);
  return s.slice(open + 2, close);
}

function pageIds(s: string, offsets: Map<number, number>, root: string): number[] {
  const catalog = objectDict(s, offsets, Number(root.split(' ')[0]));
  const pages = /\/Pages (\d+) 0 R/.exec(catalog);
  if (!pages) throw new Error('Tệp PDF lưu trữ thiếu danh sách trang');
  const kids = /\/Kids \[([^\]]*)\]/.exec(objectDict(s, offsets, Number(pages[1])));
  return [...(kids?.[1].matchAll(/(\d+) 0 R/g) ?? [])].map((m) => Number(m[1]));
}

const f2 = (n: number): string => (Math.round(n * 100) / 100).toString();

/** PDF path operators filling `text` in `font` at `size`, baseline starting at (x, y) in PDF space. */
function textPath(font: Font, text: string, x: number, y: number, size: number): { ops: string; width: number } {
  const run = font.layout(text.normalize('NFC')) as GlyphRun;
  const k = size / font.unitsPerEm;
  const ops: string[] = [];
  let pen = x;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i];
    const ox = pen + p.xOffset * k;
    const oy = y + p.yOffset * k;
    const X = (v: number): string => f2(ox + v * k);
    const Y = (v: number): string => f2(oy + v * k);
    let cx = 0;
    let cy = 0;
    for (const c of g.path.commands) {
      const a = c.args;
      if (c.command === 'moveTo') ops.push(`${X(a[0])} ${Y(a[1])} m`);
      else if (c.command === 'lineTo') ops.push(`${X(a[0])} ${Y(a[1])} l`);
      else if (c.command === 'quadraticCurveTo') {
        // A quadratic Bézier as the equivalent cubic.
        const c1x = cx + (2 / 3) * (a[0] - cx);
        const c1y = cy + (2 / 3) * (a[1] - cy);
        const c2x = a[2] + (2 / 3) * (a[0] - a[2]);
        const c2y = a[3] + (2 / 3) * (a[1] - a[3]);
        ops.push(`${X(c1x)} ${Y(c1y)} ${X(c2x)} ${Y(c2y)} ${X(a[2])} ${Y(a[3])} c`);
      } else if (c.command === 'bezierCurveTo') ops.push(`${X(a[0])} ${Y(a[1])} ${X(a[2])} ${Y(a[3])} ${X(a[4])} ${Y(a[5])} c`);
      else if (c.command === 'closePath') ops.push('h');
      if (a.length >= 2) {
        cx = a[a.length - 2];
        cy = a[a.length - 1];
      }
    }
    pen += p.xAdvance * k;
  });
  if (ops.length) ops.push('f');
  return { ops: ops.join('\n'), width: pen - x };
}

/**
 * The stamp's drawing for a page of `width` × `height` points: a framed two-line mark in the top-left
 * margin (forms print only the "Mẫu số" label, right-aligned, and page numbers, centred, up there).
 */
function stampOps(mark: CopyMark, width: number, height: number): string {
  const fonts = parsedFonts();
  // A5 (420 pt wide) has a 12 mm top margin: a smaller stamp higher up keeps clear of the header.
  const small = width < 500;
  const x = small ? 40 : 62;
  const maxW = width * 0.36;
  const measure = (font: Font, text: string, size: number): number => textPath(font, text, 0, 0, size).width;
  // Shrink the detail line to the room there is; the title stays legible.
  let detailSize = small ? 6.5 : 8;
  while (detailSize > 5 && measure(fonts.regular, mark.detail, detailSize) > maxW) detailSize -= 0.25;
  const titleSize = small ? 9 : 11;
  const top = height - (small ? 3 : 10);
  const t = textPath(fonts.bold, mark.title, x + 4, top - 3 - titleSize * 0.8, titleSize);
  const d = textPath(fonts.regular, mark.detail, x + 4, top - 3 - titleSize - 1.5 - detailSize * 0.8, detailSize);
  const boxW = Math.max(t.width, d.width) + 8;
  const boxH = titleSize + detailSize + 6;
  return ['0 g', '0 G', '0.8 w', `${f2(x)} ${f2(top - boxH)} ${f2(boxW)} ${f2(boxH)} re S`, t.ops, d.ops].join('\n');
}

function streamObject(num: number, content: string): Buffer {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  return Buffer.concat([
    Buffer.from(`${num} 0 obj\n<<\n/Length ${data.length}\n/Filter /FlateDecode\n>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/** The original's bytes followed by an incremental update that stamps `mark` on every page. */
export function appendCopyMark(original: Buffer, mark: CopyMark): Buffer {
  const s = original.toString('latin1');
  const trailer = parseTrailer(s);
  const offsets = xrefOffsets(s, trailer.startxref);
  const pages = pageIds(s, offsets, trailer.root);
  if (!pages.length) throw new Error('Tệp PDF lưu trữ không có trang nào');

  const parts: Buffer[] = [Buffer.from(original.at(-1) === 0x0a ? '' : '\n', 'latin1')];
  let length = original.length + parts[0].length;
  const newOffsets = new Map<number, number>();
  const add = (num: number, bytes: Buffer): void => {
    newOffsets.set(num, length);
    parts.push(bytes);
    length += bytes.length;
  };
  let next = trailer.size;
  // One "q" before the page's own content and "Q" before the stamp: the stamp is drawn in the default
  // coordinate system whatever state the original content leaves behind.
  const save = next++;
  add(save, streamObject(save, 'q\n'));
  for (const page of pages) {
    const dict = objectDict(s, offsets, page);
    const box = /\/MediaBox \[\s*([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)\s*\]/.exec(dict);
    if (!box) throw new Error(`Trang ${page} của tệp PDF lưu trữ thiếu kích thước`);
    const stamp = next++;
    add(stamp, streamObject(stamp, `Q\nq\n${stampOps(mark, Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2]))}\nQ\n`));
    const contents = /\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(dict);
    if (!contents) throw new Error(`Trang ${page} của tệp PDF lưu trữ thiếu nội dung`);
    const list = contents[1].startsWith('[') ? contents[1].slice(1, -1).trim() : contents[1];
    const updated = dict.replace(contents[0], `/Contents [${save} 0 R ${list} ${stamp} 0 R]`);
    add(page, Buffer.from(`${page} 0 obj\n<<${updated}>>\nendobj\n`, 'latin1'));
  }

  // Cross-reference section for the new and replaced objects, one subsection per object.
  const xrefAt = length;
  const entries = [...newOffsets.entries()].sort((a, b) => a[0] - b[0]);
  let xref = 'xref\n';
  for (const [num, off] of entries) xref += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<<\n/Size ${next}\n/Root ${trailer.root}\n${trailer.info ? `/Info ${trailer.info}\n` : ''}${trailer.id ? `/ID ${trailer.id}\n` : ''}/Prev ${trailer.startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat([original, ...parts]);
}
