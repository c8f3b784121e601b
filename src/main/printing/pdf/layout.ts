import PDFDocument from 'pdfkit';
import type { AgencyHeader } from '../../../shared/printing/form-data';
import { formatPlaceDate } from '../../../shared/printing/form-time';
import { parsedFonts, type FontStyle } from './fonts';

/**
 * Building blocks shared by every form: page setup per Decree 30/2020/NĐ-CP, the
 * two-column header with the national motto, titles, labelled fields, wrapping tables
 * that repeat their header on each page, and signature blocks.
 *
 * Every string is normalised to NFC before it is measured or drawn: decomposed input
 * (Unikey "tổ hợp", some scanners) would otherwise print a base letter followed by a
 * floating mark, and the text extracted from the PDF would not match the database.
 */

export const mm = (v: number): number => (v * 72) / 25.4;
export const nfc = (s: string): string => s.normalize('NFC');
export const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

/** Printed where a value is missing so the clerk can fill it in by hand. */
export const DOTS = '………………………';

export type Paper = 'A4' | 'A5';
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface WriterOptions {
  /** PDF metadata title. */
  title: string;
  paper?: Paper;
  landscape?: boolean;
  /** Body font size at A4 in points (Decree 30 asks 13–14 for letters; dense forms use 12). */
  baseSize?: number;
  /**
   * Multiplies every font size and spacing (not the margins): below 1 packs a heavy
   * form onto fewer pages.
   */
  density?: number;
  /** Adding a page beyond this throws {@link PageLimitExceeded} (for fit-to-page attempts). */
  maxPages?: number;
}

/** Thrown by a writer with `maxPages` when the content needs more pages. */
export class PageLimitExceeded extends Error {
  constructor(limit: number) {
    super(`Nội dung vượt quá ${limit} trang`);
    this.name = 'PageLimitExceeded';
  }
}

interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Decree 30 margins: top and bottom 20–25 mm, left 30–35 mm (binding side), right
 * 15–20 mm. A5 slips and the landscape book use tighter margins to keep their content.
 */
function marginsFor(paper: Paper, landscape: boolean): Margins {
  if (paper === 'A5') return { top: mm(12), bottom: mm(12), left: mm(18), right: mm(10) };
  if (landscape) return { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15) };
  return { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
}

export interface Column {
  header: string;
  /** Relative width; the table fills the text width in these proportions. */
  width: number;
  align?: Align;
  /** Columns sharing a group get one merged header cell above their own headers. */
  group?: string;
  /**
   * Codes (dossier, postal item) must not break in the middle: the cell's text is set
   * smaller until it fits one line instead.
   */
  nowrap?: boolean;
}

export type Cell =
  | string
  | { text: string; style?: FontStyle; align?: Align; colSpan?: number; valign?: 'top' | 'bottom' };

export interface TableOptions {
  size?: number;
  headerSize?: number;
  /** Adds a row "(1) (2) …" under the headers, as registers print it. */
  numberColumns?: boolean;
  /** Minimum body row height (e.g. room for a signature). */
  minRowHeight?: number;
}

export interface SignatureBlock {
  /** Room left for the handwritten signature, in A4 points (default 62). */
  space?: number;
  /** Italic line above the title, e.g. the place and date. */
  dateLine?: string;
  /** Upper-case capacity, may hold "\n" (e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"). */
  title: string;
  /** Italic hint under the title; defaults to "(Ký và ghi rõ họ tên)". */
  note?: string;
  /** Printed under the signing space. */
  name?: string;
}

const LINE_WIDTH = 0.6;

export class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  /** 1 on A4; smaller on A5 so the same layout fits. */
  readonly scale: number;
  readonly base: number;
  private readonly output: Promise<Buffer>;

  constructor(o: WriterOptions) {
    const paper = o.paper ?? 'A4';
    const landscape = o.landscape ?? false;
    this.scale = (paper === 'A5' ? 0.78 : 1) * (o.density ?? 1);
    this.base = (o.baseSize ?? 13) * this.scale;
    this.doc = new PDFDocument({
      size: paper,
      layout: landscape ? 'landscape' : 'portrait',
      margins: marginsFor(paper, landscape),
      bufferPages: true,
      // No default Helvetica: it would be loaded and written to every file for nothing.
      font: null as unknown as string,
      lang: 'vi-VN',
      info: { Title: nfc(o.title), Creator: 'Một cửa Desk', Producer: 'Một cửa Desk' },
    });
    if (o.maxPages !== undefined) {
      const limit = o.maxPages;
      let pages = 1;
      // pdfkit also adds pages by itself when flowing text reaches the bottom margin,
      // so the limit is enforced on its event rather than in newPage().
      this.doc.on('pageAdded', () => {
        if (++pages > limit) throw new PageLimitExceeded(limit);
      });
    }
    const chunks: Buffer[] = [];
    this.output = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const fonts = parsedFonts();
    for (const style of Object.keys(fonts) as FontStyle[]) {
      // pdfkit's types list only paths and buffers, but it takes parsed fontkit fonts too.
      this.doc.registerFont(style, fonts[style] as unknown as Buffer);
    }
    this.use('regular', this.base);
    this.doc.lineWidth(LINE_WIDTH);
  }

  // ——— geometry ———
  get left(): number {
    return this.doc.page.margins.left;
  }
  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }
  /** A size given for A4, scaled to the paper. */
  s(pt: number): number {
    return pt * this.scale;
  }

  use(style: FontStyle, size: number): this {
    this.doc.font(style).fontSize(size);
    return this;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  gap(pt: number): void {
    this.doc.y += this.s(pt);
  }

  /** Height `text` would take in a box of `width`. */
  measure(text: string, width: number, style: FontStyle, size: number, align: Align = 'left'): number {
    this.use(style, size);
    const opts = { width, align, lineGap: this.lineGap(size) };
    return splitLines(nfc(text)).reduce((h, line) => h + this.doc.heightOfString(line || ' ', opts), 0);
  }

  private lineGap(size: number): number {
    return size * 0.08;
  }

  /**
   * Draws text in a fixed box that never starts a new page (pdfkit would otherwise
   * page on rounding); text taller than `maxHeight` is cut with an ellipsis so it
   * can never run over whatever is below. Returns the height used; the flow cursor
   * (doc.y) is left unchanged.
   */
  box(
    text: string,
    x: number,
    y: number,
    width: number,
    style: FontStyle,
    size: number,
    align: Align = 'left',
    maxHeight?: number,
  ): number {
    const s = nfc(text);
    const h = this.measure(s, width, style, size, align);
    const limit = maxHeight !== undefined && h > maxHeight ? maxHeight : h;
    const cursor = this.doc.y;
    // Hard line breaks are laid out here, one paragraph at a time: pdfkit counts the
    // "\n" glyph's width, so a line that exactly fills a narrow cell would otherwise be
    // followed by a spurious blank line.
    let top = y;
    for (const line of splitLines(s)) {
      const lh = this.measure(line || ' ', width, style, size, align);
      const room = y + limit - top;
      if (room <= 0.5) break;
      this.use(style, size);
      this.doc.text(line, x, top, {
        width,
        align,
        lineGap: this.lineGap(size),
        height: Math.min(lh, room) + 0.5,
        ellipsis: lh > room ? '…' : undefined,
      });
      top += lh;
    }
    // A positioned box leaves the flow cursor where it was; callers advance it explicitly.
    this.doc.x = this.left;
    this.doc.y = cursor;
    return limit;
  }

  // ——— page furniture ———

  /** "Mẫu số 01" in the top margin of the current page, right-aligned. */
  cornerLabel(text: string): void {
    const size = this.s(10);
    this.box(text, this.left, this.top - size * 1.9, this.width, 'italic', size, 'right');
  }

  /**
   * Agency on the left (parent upper-case, agency bold upper-case, short rule), national
   * motto on the right ("Độc lập - Tự do - Hạnh phúc" underlined to its own width), and
   * the place-and-date line under the motto. `leftLines` go under the agency rule
   * (document number, "V/v …").
   */
  header(h: AgencyHeader, o: { date?: string; leftLines?: string[] } = {}): void {
    const { doc } = this;
    const y0 = this.doc.y;
    const leftW = this.width * 0.43;
    const rightX = this.left + leftW + this.width * 0.03;
    const rightW = this.right - rightX;
    const size = this.s(12.5);

    let yl = y0;
    // A long parent name shrinks a little to stay on one line before it is allowed to wrap.
    const parent = upper(h.parentAgencyName);
    if (parent) {
      const parentSize = Math.max(this.fitSize(parent, 'regular', size, leftW), size * 0.86);
      yl += this.box(parent, this.left, yl, leftW, 'regular', parentSize, 'center');
    }
    const agency = upper(h.agencyName);
    yl += this.box(agency, this.left, yl, leftW, 'bold', size, 'center');
    const cx = this.left + leftW / 2;
    const ruleHalf = Math.min(leftW * 0.2, this.doc.font('bold').fontSize(size).widthOfString(agency) / 3);
    yl += this.s(2);
    doc.moveTo(cx - ruleHalf, yl).lineTo(cx + ruleHalf, yl).lineWidth(LINE_WIDTH).stroke();
    yl += this.s(5);
    for (const line of o.leftLines ?? []) {
      yl += this.box(line, this.left, yl, leftW, 'regular', this.s(12), 'center');
    }

    let yr = y0;
    const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    yr += this.box(motto, rightX, yr, rightW, 'bold', this.fitSize(motto, 'bold', size, rightW), 'center');
    const slogan = 'Độc lập - Tự do - Hạnh phúc';
    const sloganSize = this.fitSize(slogan, 'bold', this.s(13), rightW);
    yr += this.box(slogan, rightX, yr, rightW, 'bold', sloganSize, 'center');
    const sloganW = this.doc.font('bold').fontSize(sloganSize).widthOfString(slogan);
    const rcx = rightX + rightW / 2;
    yr += this.s(1);
    doc.moveTo(rcx - sloganW / 2, yr).lineTo(rcx + sloganW / 2, yr).lineWidth(LINE_WIDTH).stroke();
    yr += this.s(7);
    if (o.date) {
      yr += this.box(formatPlaceDate(h.place, o.date), rightX, yr, rightW, 'italic', this.s(12.5), 'center');
    }
    this.doc.y = Math.max(yl, yr) + this.s(10);
    this.doc.x = this.left;
  }

  /** Largest size ≤ `size` at which each line of `text` (split on "\n") fits `width`. */
  private fitLines(text: string, style: FontStyle, size: number, width: number): number {
    return Math.min(size, ...text.split('\n').map((line) => this.fitSize(line, style, size, width)));
  }

  /** Largest size ≤ `size` at which one line of `text` fits `width`. */
  private fitSize(text: string, style: FontStyle, size: number, width: number): number {
    const w = this.doc.font(style).fontSize(size).widthOfString(nfc(text));
    return w <= width ? size : Math.floor((size * width * 10) / w) / 10;
  }

  /** Form title: bold upper-case, centred; optional italic line under it. */
  title(text: string, subtitle?: string): void {
    const size = this.s(14);
    const h = this.measure(upper(text), this.width, 'bold', size, 'center');
    this.ensureSpace(h + this.s(40));
    this.doc.y += this.box(upper(text), this.left, this.doc.y, this.width, 'bold', size, 'center');
    if (subtitle) {
      this.doc.y += this.box(subtitle, this.left, this.doc.y, this.width, 'italic', this.s(12.5), 'center');
    }
    this.gap(6);
  }

  /** Flowing paragraph; may continue on the next page. */
  para(
    text: string,
    o: { style?: FontStyle; size?: number; align?: Align; indent?: number; firstLineIndent?: number; gapAfter?: number } = {},
  ): void {
    const size = o.size ?? this.base;
    const x = this.left + (o.indent ?? 0);
    const width = this.right - x;
    this.use(o.style ?? 'regular', size);
    const s = nfc(text);
    // Keep at least two lines together at the foot of a page.
    this.ensureSpace(Math.min(this.measure(s, width, o.style ?? 'regular', size), size * 2.6));
    this.use(o.style ?? 'regular', size);
    this.doc.text(s, x, this.doc.y, {
      width,
      align: o.align ?? 'justify',
      lineGap: this.lineGap(size),
      indent: o.firstLineIndent ?? 0,
    });
    this.doc.x = this.left;
    if (o.gapAfter) this.gap(o.gapAfter);
  }

  /**
   * "Label: value" with the value in bold, wrapping under the label's start. A missing
   * value prints dots to be filled in by hand.
   */
  field(label: string, value: string | undefined | null, o: { indent?: number; size?: number } = {}): void {
    const x = this.left + (o.indent ?? 0);
    this.runs([{ text: `${label} ` }, valueRun(value)], x, this.right - x, o.size);
  }

  /** Several "Label: value" pairs on one line, in columns of the given weights. */
  fieldRow(fields: { label: string; value: string | undefined | null }[], weights?: number[]): void {
    const w = weights ?? fields.map(() => 1);
    const total = w.reduce((a, b) => a + b, 0);
    const size = this.base;
    const widths = w.map((k) => (this.width * k) / total);
    const runsOf = (f: { label: string; value: string | undefined | null }): Run[] => [
      { text: `${f.label} ` },
      valueRun(f.value),
    ];
    const heights = fields.map((f, i) => this.measureRuns(runsOf(f), widths[i] - this.s(6), size));
    this.ensureSpace(Math.max(...heights));
    const y0 = this.doc.y;
    let x = this.left;
    let yMax = y0;
    fields.forEach((f, i) => {
      this.doc.y = y0;
      this.runs(runsOf(f), x, widths[i] - this.s(6), size, true);
      yMax = Math.max(yMax, this.doc.y);
      x += widths[i];
    });
    this.doc.y = yMax;
    this.doc.x = this.left;
  }

  /** Mixed-style text (e.g. regular label + bold value) flowing in one box. */
  runs(parts: Run[], x: number, width: number, size = this.base, noPageCheck = false): void {
    const list = parts.filter((p) => p.text.length > 0);
    if (!noPageCheck) this.ensureSpace(Math.min(this.measureRuns(list, width, size), size * 2.6));
    const y = this.doc.y;
    list.forEach((p, i) => {
      this.use(p.style ?? 'regular', size);
      const opts = { width, lineGap: this.lineGap(size), continued: i < list.length - 1, align: 'left' as const };
      if (i === 0) this.doc.text(nfc(p.text), x, y, opts);
      else this.doc.text(nfc(p.text), opts);
    });
    this.doc.x = this.left;
  }

  /**
   * Conservative height of mixed runs: measured as one string in the widest style
   * present (bold runs wider than regular), so the reserved space is never too small.
   */
  measureRuns(parts: Run[], width: number, size = this.base): number {
    const style: FontStyle = parts.some((p) => p.style === 'bold' || p.style === 'boldItalic') ? 'bold' : 'regular';
    return this.measure(parts.map((p) => p.text).join(''), width, style, size);
  }

  image(png: Buffer, x: number, y: number, width: number, height?: number): void {
    this.doc.image(png, x, y, height === undefined ? { width } : { width, height });
  }

  // ——— tables ———

  /**
   * A bordered table whose cells wrap; rows never split, and when a row does not fit
   * the table continues on a new page under a repeated header. A single row taller
   * than a whole page is cut with an ellipsis rather than overflowing the margin.
   */
  table(columns: Column[], rows: Cell[][], o: TableOptions = {}): void {
    const size = o.size ?? this.s(11.5);
    const headerSize = o.headerSize ?? size;
    const pad = this.s(3);
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / total);
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), this.left);

    const header = this.planHeader(columns, widths, headerSize, pad, o.numberColumns ?? false);
    const plans = rows.map((r) => this.planRow(r, columns, widths, xs, size, pad, o.minRowHeight ?? 0));

    // Never leave a header alone at the foot of a page.
    this.ensureSpace(header.height + (plans[0]?.height ?? 0));
    let y = this.doc.y;
    y = header.draw(y);
    let rowsOnPage = 0;
    for (const plan of plans) {
      if (y + plan.height > this.bottom && rowsOnPage > 0) {
        this.newPage();
        y = header.draw(this.doc.y);
        rowsOnPage = 0;
      }
      const room = this.bottom - y;
      plan.draw(y, Math.min(plan.height, room));
      y += Math.min(plan.height, room);
      rowsOnPage++;
    }
    this.doc.y = y + this.s(4);
    this.doc.x = this.left;
  }

  private planHeader(
    columns: Column[],
    widths: number[],
    size: number,
    pad: number,
    numberColumns: boolean,
  ): { height: number; draw: (y: number) => number } {
    const xs: number[] = [];
    widths.reduce((x, w) => (xs.push(x), x + w), this.left);
    const labelH = (text: string, w: number): number => this.measure(text, w - 2 * pad, 'bold', size, 'center') + 2 * pad;
    const hasGroups = columns.some((c) => c.group);
    // Runs of adjacent columns sharing a group label.
    const groups: { label: string; from: number; to: number }[] = [];
    columns.forEach((c, i) => {
      const last = groups[groups.length - 1];
      if (c.group && last && last.label === c.group && last.to === i - 1) last.to = i;
      else if (c.group) groups.push({ label: c.group, from: i, to: i });
    });
    const spanW = (g: { from: number; to: number }): number => widths.slice(g.from, g.to + 1).reduce((a, b) => a + b, 0);
    let h1 = 0;
    let h2 = 0;
    let hSingle = 0;
    for (const g of groups) h1 = Math.max(h1, labelH(g.label, spanW(g)));
    columns.forEach((c, i) => {
      if (c.group) h2 = Math.max(h2, labelH(c.header, widths[i]));
      else hSingle = Math.max(hSingle, labelH(c.header, widths[i]));
    });
    if (hasGroups && hSingle > h1 + h2) h2 = hSingle - h1;
    const titleH = hasGroups ? h1 + h2 : hSingle;
    const numH = numberColumns ? this.measure('(1)', 100, 'italic', size * 0.9) + pad : 0;

    const centred = (text: string, x: number, y: number, w: number, h: number, style: FontStyle, sz: number): void => {
      const th = this.measure(text, w - 2 * pad, style, sz, 'center');
      this.box(text, x + pad, y + (h - th) / 2, w - 2 * pad, style, sz, 'center');
      this.doc.rect(x, y, w, h).lineWidth(LINE_WIDTH).stroke();
    };

    return {
      height: titleH + numH,
      draw: (y: number): number => {
        columns.forEach((c, i) => {
          if (!c.group) centred(c.header, xs[i], y, widths[i], titleH, 'bold', size);
          else centred(c.header, xs[i], y + h1, widths[i], h2, 'bold', size);
        });
        for (const g of groups) centred(g.label, xs[g.from], y, spanW(g), h1, 'bold', size);
        if (numberColumns) {
          columns.forEach((_, i) => centred(`(${i + 1})`, xs[i], y + titleH, widths[i], numH, 'italic', size * 0.9));
        }
        return y + titleH + numH;
      },
    };
  }

  private planRow(
    row: Cell[],
    columns: Column[],
    widths: number[],
    xs: number[],
    size: number,
    pad: number,
    minHeight: number,
  ): { height: number; draw: (y: number, height: number) => void } {
    interface PlannedCell {
      text: string;
      style: FontStyle;
      align: Align;
      valign: 'top' | 'bottom';
      size: number;
      x: number;
      w: number;
      h: number;
    }
    const cells: PlannedCell[] = [];
    let col = 0;
    for (const raw of row) {
      if (col >= columns.length) break;
      const c = typeof raw === 'string' ? { text: raw } : raw;
      const span = Math.max(1, Math.min(c.colSpan ?? 1, columns.length - col));
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const style = c.style ?? 'regular';
      const align = c.align ?? columns[col].align ?? 'left';
      const text = nfc(c.text);
      const cellSize = columns[col].nowrap && span === 1 ? this.fitLines(text, style, size, w - 2 * pad) : size;
      const h = text ? this.measure(text, w - 2 * pad, style, cellSize, align) : 0;
      cells.push({ text, style, align, valign: c.valign ?? 'top', size: cellSize, x: xs[col], w, h });
      col += span;
    }
    // Short rows still draw every column's border.
    while (col < columns.length) {
      cells.push({ text: '', style: 'regular', align: 'left', valign: 'top', size, x: xs[col], w: widths[col], h: 0 });
      col++;
    }
    const height = Math.max(minHeight, ...cells.map((c) => c.h + 2 * pad), size + 2 * pad);
    return {
      height,
      draw: (y: number, h: number): void => {
        for (const c of cells) {
          if (c.text) {
            const room = h - 2 * pad;
            const top = c.valign === 'bottom' && c.h < room ? y + h - pad - c.h : y + pad;
            this.box(c.text, c.x + pad, top, c.w - 2 * pad, c.style, c.size, c.align, room);
          }
          this.doc.rect(c.x, y, c.w, h).lineWidth(LINE_WIDTH).stroke();
        }
      },
    };
  }

  // ——— signatures ———

  private signatureHeight(b: SignatureBlock, width: number): number {
    const size = this.s(12.5);
    let h = 0;
    if (b.dateLine) h += this.measure(b.dateLine, width, 'italic', size, 'center');
    h += this.measure(upper(b.title), width, 'bold', size, 'center');
    h += this.measure(b.note ?? '(Ký và ghi rõ họ tên)', width, 'italic', this.s(12), 'center');
    h += this.s(b.space ?? 62);
    if (b.name) h += this.measure(b.name, width, 'bold', size, 'center');
    return h;
  }

  private drawSignature(b: SignatureBlock, x: number, y0: number, width: number): void {
    const size = this.s(12.5);
    let y = y0;
    if (b.dateLine) y += this.box(b.dateLine, x, y, width, 'italic', size, 'center');
    y += this.box(upper(b.title), x, y, width, 'bold', size, 'center');
    y += this.box(b.note ?? '(Ký và ghi rõ họ tên)', x, y, width, 'italic', this.s(12), 'center');
    y += this.s(b.space ?? 62);
    if (b.name) this.box(b.name, x, y, width, 'bold', size, 'center');
  }

  /** Signature blocks side by side; a single block sits on the right half. Kept on one page. */
  signatures(blocks: SignatureBlock[]): void {
    const n = Math.max(blocks.length, 2);
    const colW = this.width / n;
    const offset = blocks.length === 1 ? colW * (n - 1) : 0;
    const h = Math.max(...blocks.map((b) => this.signatureHeight(b, colW - this.s(8))));
    this.gap(6);
    this.ensureSpace(h);
    const y0 = this.doc.y;
    blocks.forEach((b, i) => this.drawSignature(b, this.left + offset + i * colW + this.s(4), y0, colW - this.s(8)));
    this.doc.y = y0 + h;
    this.doc.x = this.left;
  }

  /** Letter closing: "Nơi nhận:" list on the left, the signer on the right. */
  closing(recipients: string[], signer: SignatureBlock): void {
    const colW = this.width / 2;
    const small = this.s(11);
    const list = recipients.map((r, i) => `- ${r.replace(/[;.]\s*$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);
    const leftH =
      this.measure('Nơi nhận:', colW, 'boldItalic', this.s(12)) +
      list.reduce((a, l) => a + this.measure(l, colW - this.s(6), 'regular', small), 0);
    const rightH = this.signatureHeight(signer, colW);
    this.gap(8);
    this.ensureSpace(Math.max(leftH, rightH));
    const y0 = this.doc.y;
    let yl = y0 + this.box('Nơi nhận:', this.left, y0, colW, 'boldItalic', this.s(12));
    for (const l of list) yl += this.box(l, this.left, yl, colW - this.s(6), 'regular', small);
    this.drawSignature(signer, this.left + colW, y0, colW);
    this.doc.y = y0 + Math.max(leftH, rightH);
    this.doc.x = this.left;
  }

  /**
   * Vertical space the flow has used so far: whole pages before this one plus this
   * page down to the cursor. Lets a caller work out how dense a layout must be to fit.
   */
  contentUsed(): { pages: number; pageHeight: number; total: number } {
    const pages = this.doc.bufferedPageRange().count;
    const pageHeight = this.bottom - this.top;
    return { pages, pageHeight, total: (pages - 1) * pageHeight + (this.doc.y - this.top) };
  }

  // ——— output ———

  /**
   * Numbers pages from the second one, centred in the top margin (Decree 30), then
   * closes the document and resolves with its bytes.
   */
  end(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    if (range.count > 1) {
      for (let i = 1; i < range.count; i++) {
        this.doc.switchToPage(range.start + i);
        const size = this.s(12);
        this.box(String(i + 1), this.left, this.top - size * 1.9, this.width, 'regular', size, 'center');
      }
    }
    this.doc.end();
    return this.output;
  }
}

export interface Run {
  text: string;
  style?: FontStyle;
}

function splitLines(s: string): string[] {
  return s.split(/\r?\n/);
}

function valueRun(value: string | undefined | null): Run {
  const v = value?.trim();
  return v ? { text: v, style: 'bold' } : { text: DOTS, style: 'regular' };
}

/** Two-digit count as forms write quantities ("01 bộ"); zero prints as "0". */
export function pad2(n: number): string {
  return n === 0 ? '0' : String(n).padStart(2, '0');
}
