import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { resourcePath } from '../app/paths';
import { ticketTexts, type TicketPrintData } from '../../shared/queue/ticket-data';
import { bytesPerRow, type MonoBitmap } from './escpos';

/**
 * Renders a queue ticket to a 1-bit image. Raster printing with a bundled font is the only
 * way Vietnamese prints the same on every ESC/POS printer (their code pages and their
 * handling of tone marks differ by model), so this is the default path.
 */

/** 80 mm paper: 72 mm printable at 8 dots/mm. */
export const WIDTH_80MM = 576;
/** 58 mm paper: 48 mm printable at 8 dots/mm. */
export const WIDTH_58MM = 384;

export interface TicketImageOptions {
  /** Printable width in dots; 576 (80 mm, default) or 384 (58 mm); any 200–1024 accepted. */
  width?: number;
  /**
   * Grey level (0–255) below which an anti-aliased pixel prints black. Default 170: a bit
   * darker than half-grey so thin strokes and small tone marks (hỏi, nặng) survive 1-bit.
   */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 170;

/** Vertical extent of one part of the ticket, in rows (bottom exclusive). */
export interface Band {
  top: number;
  bottom: number;
}

export interface TicketLayout {
  width: number;
  height: number;
  regions: {
    agency: Band;
    group: Band;
    number: Band;
    priority: Band | null;
    details: Band;
    footer: Band;
  };
  ops: DrawOp[];
}

type DrawOp =
  | { kind: 'text'; text: string; font: string; x: number; baseline: number; align: 'center' | 'left'; white?: boolean }
  | { kind: 'rect'; x: number; y: number; w: number; h: number };

// Families are registered under our own names so a system font with the same family name
// can never be picked instead of the bundled file.
const FONTS = {
  sans: { file: 'Arimo-Regular.ttf', family: 'MotcuaTicketSans' },
  sansBold: { file: 'Arimo-Bold.ttf', family: 'MotcuaTicketSansBold' },
  serif: { file: 'Tinos-Regular.ttf', family: 'MotcuaTicketSerif' },
  serifItalic: { file: 'Tinos-Italic.ttf', family: 'MotcuaTicketSerifItalic' },
} as const;
type FontKey = keyof typeof FONTS;

let fontsReady = false;
let sharedMeasurer: SKRSContext2D | undefined;

/** One tiny canvas reused for measuring text; layout runs on every ticket issued. */
function measuringContext(): SKRSContext2D {
  sharedMeasurer ??= createCanvas(1, 1).getContext('2d');
  sharedMeasurer.lang = 'vi';
  return sharedMeasurer;
}

function ensureFonts(): void {
  if (fontsReady) return;
  for (const { file, family } of Object.values(FONTS)) {
    const full = resourcePath('fonts', file);
    if (!GlobalFonts.registerFromPath(full, family)) throw new Error(`Không nạp được phông chữ ${full}`);
  }
  fontsReady = true;
}

const font = (key: FontKey, size: number): string => `${Math.round(size)}px ${FONTS[key].family}`;

/** Lays the ticket out (positions only); exported so tests can find the ticket number band. */
export function layoutTicket(data: TicketPrintData, options: TicketImageOptions = {}): TicketLayout {
  ensureFonts();
  const width = options.width ?? WIDTH_80MM;
  if (!Number.isInteger(width) || width < 200 || width > 1024) throw new RangeError(`Khổ in không hợp lệ: ${width} điểm`);
  const t = ticketTexts(data);
  const measurer = measuringContext();
  const s = width / WIDTH_80MM;
  // Text shrinks less than the paper: on 58 mm it wraps more rather than becoming unreadable.
  const ts = 0.5 + 0.5 * s;
  const margin = Math.round(14 * s);
  const inner = width - 2 * margin;
  const cx = width / 2;
  const ops: DrawOp[] = [];
  let y = Math.round(10 * s);

  const paragraph = (text: string, key: FontKey, size: number, maxWidth: number, white = false): Band => {
    const f = font(key, size);
    measurer.font = f;
    const top = y;
    for (const line of wrapText(measurer, text, maxWidth)) {
      // Fixed line metrics (not per-line ink) keep spacing even; 1.1 em above the baseline
      // leaves room for stacked marks on capitals such as "Ễ".
      ops.push({ kind: 'text', text: line, font: f, x: cx, baseline: y + Math.round(size * 1.1), align: 'center', white });
      y += Math.round(size * 1.38);
    }
    return { top, bottom: y };
  };
  const rule = (dashed: boolean): void => {
    const h = Math.max(2, Math.round(2 * s));
    if (!dashed) ops.push({ kind: 'rect', x: margin, y, w: inner, h });
    else {
      // Whole dashes only, centred, so the line does not end in a stub.
      const dash = Math.round(9 * s), gap = Math.round(6 * s);
      const count = Math.floor((inner + gap) / (dash + gap));
      const start = Math.round((width - (count * (dash + gap) - gap)) / 2);
      for (let i = 0; i < count; i++) ops.push({ kind: 'rect', x: start + i * (dash + gap), y, w: dash, h });
    }
    y += h;
  };

  const agency = paragraph(t.agency, 'sansBold', 25 * ts, inner);
  y += Math.round(4 * s);
  rule(false);
  y += Math.round(10 * s);
  const group = paragraph(t.group, 'sansBold', 30 * ts, inner);
  y += Math.round(6 * s);
  paragraph(t.heading, 'sans', 20 * ts, inner);

  // The number is as large as the paper allows, capped so a short one is not absurd.
  measurer.font = font('sansBold', 100);
  const probe = measurer.measureText(t.number);
  const numberSize = Math.floor(Math.min(180 * s, (100 * 0.9 * inner) / probe.width));
  measurer.font = font('sansBold', numberSize);
  const m = measurer.measureText(t.number);
  y += Math.round(10 * s);
  const numberTop = y;
  const numberBaseline = y + Math.ceil(m.actualBoundingBoxAscent);
  ops.push({ kind: 'text', text: t.number, font: font('sansBold', numberSize), x: cx, baseline: numberBaseline, align: 'center' });
  y = numberBaseline + Math.ceil(Math.max(0, m.actualBoundingBoxDescent));
  const number = { top: numberTop, bottom: y };
  y += Math.round(18 * s);

  let priority: Band | null = null;
  if (t.priority) {
    const pad = Math.round(8 * s);
    const boxIndex = ops.length;
    const top = y;
    y += pad;
    paragraph(t.priority, 'sansBold', 26 * ts, inner - 2 * pad, true);
    y += pad;
    // Inserted before its text so the white letters are drawn on top of the black box.
    ops.splice(boxIndex, 0, { kind: 'rect', x: margin, y: top, w: inner, h: y - top });
    priority = { top, bottom: y };
    y += Math.round(14 * s);
  }

  const detailsTop = y;
  paragraph(t.issued, 'sans', 23 * ts, inner);
  paragraph(t.waiting, 'sansBold', 23 * ts, inner);
  paragraph(t.estimate, 'sans', 23 * ts, inner);
  const details = { top: detailsTop, bottom: y };
  y += Math.round(8 * s);
  rule(true);
  y += Math.round(8 * s);
  const footerTop = y;
  for (const line of t.footer) paragraph(line, 'serifItalic', 21 * ts, inner);
  const footer = { top: footerTop, bottom: y };
  y += Math.round(12 * s);

  return { width, height: y, regions: { agency, group, number, priority, details, footer }, ops };
}

/** The ticket as a 1-bit image ready for `GS v 0`. Deterministic for the same data and options. */
export function renderTicketImage(data: TicketPrintData, options: TicketImageOptions = {}): MonoBitmap {
  const layout = layoutTicket(data, options);
  const canvas = createCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  // A fixed language (not the host's) keeps the pixels identical on every counter PC.
  ctx.lang = 'vi';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'alphabetic';
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = '#000';
      ctx.fillRect(op.x, op.y, op.w, op.h);
    } else {
      ctx.fillStyle = op.white ? '#fff' : '#000';
      ctx.font = op.font;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.baseline);
    }
  }
  // The stored pixels are premultiplied RGBA; the canvas is opaque (white background), so
  // they equal straight RGBA and we skip getImageData's conversion copy.
  return thresholdToBits(canvas.data(), layout.width, layout.height, options.threshold ?? DEFAULT_THRESHOLD);
}

/** Packs RGBA pixels into 1-bit rows: dark (luma below threshold) → 1. */
export function thresholdToBits(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, threshold: number): MonoBitmap {
  const bpr = bytesPerRow(width);
  const bits = new Uint8Array(bpr * height);
  // Integer luma (ITU-R BT.601 weights ×1000) avoids float work on ~500k pixels per ticket.
  const limit = threshold * 1000;
  for (let y = 0; y < height; y++) {
    let src = y * width * 4;
    const row = y * bpr;
    for (let x = 0; x < width; x++, src += 4) {
      if (rgba[src] * 299 + rgba[src + 1] * 587 + rgba[src + 2] * 114 < limit) bits[row + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bits };
}

/** Greedy word wrap; a single word wider than the line is broken between characters. */
export function wrapText(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, maxWidth: number): string[] {
  const fits = (s: string): boolean => ctx.measureText(s).width <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
