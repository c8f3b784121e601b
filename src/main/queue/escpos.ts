import { encodeForCodePage, type TextEncoding } from './cp1258';

/**
 * ESC/POS byte building for queue tickets, written by hand so we know exactly which bytes
 * leave the machine (the decoder in tests/support/escpos-decode.ts reads them back).
 *
 * The reliable path is RASTER: the ticket is rendered to a 1-bit image with a bundled font
 * and sent with `GS v 0`, which every ESC/POS printer understands whatever its code pages.
 */

/** A 1-bit image, row-major, 1 = black, each row padded to whole bytes (MSB = leftmost dot). */
export interface MonoBitmap {
  width: number;
  height: number;
  bits: Uint8Array;
}

export const bytesPerRow = (width: number): number => Math.ceil(width / 8);

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** ESC @ — reset the printer to its power-on state (clears modes left by another job). */
export const INIT = Uint8Array.of(ESC, 0x40);
/**
 * FS . — cancel Kanji/double-byte mode. Printers with Chinese firmware start in it and would
 * swallow pairs of bytes in the text path; harmless (ignored) on printers without the mode.
 */
export const CANCEL_DOUBLE_BYTE = Uint8Array.of(FS, 0x2e);

/** GS V 66 n — feed to the cutting position plus n motion units, then cut partially. */
export function partialCut(feed: number): Uint8Array {
  assertByte(feed, 'cutFeed');
  return Uint8Array.of(GS, 0x56, 66, feed);
}

export interface RasterJobOptions {
  /**
   * Rows per `GS v 0` band. Cheap printers have small receive buffers and some firmware
   * mishandles one huge image, so the ticket goes out in bands. 16–255, default 64.
   */
  bandRows?: number;
  /** Extra feed after the cutting position for `GS V 66 n`, 0–255, default 24. */
  cutFeed?: number;
}

export const DEFAULT_BAND_ROWS = 64;
export const DEFAULT_CUT_FEED = 24;

/**
 * One `GS v 0 m xL xH yL yH d1…dk` command per band of rows (m = 0, normal density).
 * The bands, printed one after another, reproduce the image exactly.
 */
export function rasterBands(image: MonoBitmap, bandRows = DEFAULT_BAND_ROWS): Uint8Array[] {
  if (!Number.isInteger(bandRows) || bandRows < 16 || bandRows > 255) {
    throw new RangeError(`bandRows phải là số nguyên 16–255, nhận ${bandRows}`);
  }
  const bpr = bytesPerRow(image.width);
  if (image.bits.length !== bpr * image.height) {
    throw new RangeError(`Ảnh 1-bit sai kích thước: ${image.bits.length} byte cho ${bpr}×${image.height}`);
  }
  if (bpr > 0xffff) throw new RangeError('Ảnh quá rộng cho GS v 0');
  const bands: Uint8Array[] = [];
  for (let top = 0; top < image.height; top += bandRows) {
    const rows = Math.min(bandRows, image.height - top);
    const band = new Uint8Array(8 + bpr * rows);
    band.set([GS, 0x76, 0x30, 0, bpr & 0xff, bpr >> 8, rows & 0xff, rows >> 8]);
    band.set(image.bits.subarray(top * bpr, (top + rows) * bpr), 8);
    bands.push(band);
  }
  return bands;
}

/** The whole job for a raster ticket: init, cancel double-byte mode, image bands, cut. */
export function buildRasterJob(image: MonoBitmap, options: RasterJobOptions = {}): Uint8Array {
  return concatBytes([
    INIT,
    CANCEL_DOUBLE_BYTE,
    ...rasterBands(image, options.bandRows ?? DEFAULT_BAND_ROWS),
    partialCut(options.cutFeed ?? DEFAULT_CUT_FEED),
  ]);
}

// ---------------------------------------------------------------------------------------
// Text mode — OPTIONAL and UNVERIFIED BY DEFAULT.
// Code page numbers for Vietnamese differ by model (CP1258 may be page 27, 30, 31, 52…)
// and many printers drop CP1258's combining tone marks. A profile must be confirmed with a
// test print on the actual printer (testPrint in text mode) before it is used for tickets;
// `verified` records that a person has looked at that print.
// ---------------------------------------------------------------------------------------

export interface TextCodePageProfile {
  /** Free label shown in settings, e.g. "Xprinter XP-80 — CP1258 trang 52". */
  name: string;
  /** Page number sent with `ESC t n`; null sends none (printer default, for 'ascii'). */
  codePage: number | null;
  /** 'cp1258' keeps Vietnamese letters; 'ascii' strips diacritics (prints on anything). */
  encoding: TextEncoding;
  /** Set only after a person has checked a test print from this printer. */
  verified: boolean;
}

export interface TextLine {
  text: string;
  align?: 'left' | 'center';
  bold?: boolean;
  /** Character magnification 1–8 (width and height), via GS !. */
  size?: number;
}

/**
 * A text-mode job: init, cancel double-byte mode, select the profile's code page, then each
 * line with its alignment/emphasis/size, then cut. Characters the encoding does not know
 * become "?" rather than whatever the printer's table happens to hold.
 */
export function buildTextJob(lines: TextLine[], profile: TextCodePageProfile, options: RasterJobOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [INIT, CANCEL_DOUBLE_BYTE];
  if (profile.codePage !== null) {
    assertByte(profile.codePage, 'codePage');
    parts.push(Uint8Array.of(ESC, 0x74, profile.codePage));
  }
  for (const line of lines) {
    const size = line.size ?? 1;
    if (!Number.isInteger(size) || size < 1 || size > 8) throw new RangeError(`Cỡ chữ 1–8, nhận ${size}`);
    parts.push(
      Uint8Array.of(ESC, 0x61, line.align === 'center' ? 1 : 0),
      Uint8Array.of(ESC, 0x45, line.bold ? 1 : 0),
      Uint8Array.of(GS, 0x21, ((size - 1) << 4) | (size - 1)),
      encodeForCodePage(line.text, profile.encoding),
      Uint8Array.of(0x0a),
    );
  }
  // Back to defaults so the cut and any following job start clean.
  parts.push(Uint8Array.of(ESC, 0x61, 0), Uint8Array.of(ESC, 0x45, 0), Uint8Array.of(GS, 0x21, 0));
  parts.push(partialCut(options.cutFeed ?? DEFAULT_CUT_FEED));
  return concatBytes(parts);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function assertByte(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`${what} phải là số nguyên 0–255, nhận ${n}`);
}
