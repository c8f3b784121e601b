/**
 * A small, strict ESC/POS decoder for the commands our ticket printer emits. It exists so tests
 * can check what actually went over the wire: an unknown command is an error, not skipped.
 */

export type EscPosCommand =
  | { kind: 'init'; offset: number }
  | { kind: 'cancelDoubleByte'; offset: number }
  | { kind: 'raster'; offset: number; mode: number; bytesPerRow: number; rows: number; data: Uint8Array }
  | { kind: 'cut'; offset: number; function: 'A' | 'B'; partial: boolean; feed: number }
  | { kind: 'codePage'; offset: number; page: number }
  | { kind: 'align'; offset: number; value: number }
  | { kind: 'bold'; offset: number; on: boolean }
  | { kind: 'charSize'; offset: number; width: number; height: number }
  | { kind: 'text'; offset: number; bytes: Uint8Array }
  | { kind: 'lineFeed'; offset: number };

export interface DecodedBitmap {
  width: number;
  height: number;
  bits: Uint8Array;
}

export function decodeEscPos(input: Uint8Array): EscPosCommand[] {
  const out: EscPosCommand[] = [];
  let i = 0;
  const need = (n: number, what: string): void => {
    if (i + n > input.length) throw new Error(`Truncated ${what} at offset ${i}`);
  };
  while (i < input.length) {
    const b = input[i];
    const offset = i;
    if (b === 0x1b) {
      need(2, 'ESC');
      const c = input[i + 1];
      if (c === 0x40) { out.push({ kind: 'init', offset }); i += 2; continue; }
      need(3, 'ESC x n');
      const n = input[i + 2];
      if (c === 0x74) out.push({ kind: 'codePage', offset, page: n });
      else if (c === 0x61) out.push({ kind: 'align', offset, value: n });
      else if (c === 0x45) out.push({ kind: 'bold', offset, on: (n & 1) === 1 });
      else throw new Error(`Unknown ESC 0x${c.toString(16)} at offset ${offset}`);
      i += 3;
    } else if (b === 0x1c) {
      need(2, 'FS');
      if (input[i + 1] !== 0x2e) throw new Error(`Unknown FS 0x${input[i + 1].toString(16)} at offset ${offset}`);
      out.push({ kind: 'cancelDoubleByte', offset });
      i += 2;
    } else if (b === 0x1d) {
      need(2, 'GS');
      const c = input[i + 1];
      if (c === 0x76) {
        need(8, 'GS v 0 header');
        if (input[i + 2] !== 0x30) throw new Error(`GS v not followed by 0 at offset ${offset}`);
        const mode = input[i + 3];
        const bpr = input[i + 4] | (input[i + 5] << 8);
        const rows = input[i + 6] | (input[i + 7] << 8);
        need(8 + bpr * rows, 'GS v 0 data');
        out.push({ kind: 'raster', offset, mode, bytesPerRow: bpr, rows, data: input.slice(i + 8, i + 8 + bpr * rows) });
        i += 8 + bpr * rows;
      } else if (c === 0x56) {
        need(3, 'GS V');
        const m = input[i + 2];
        if (m === 65 || m === 66) {
          need(4, 'GS V m n');
          out.push({ kind: 'cut', offset, function: 'B', partial: m === 66, feed: input[i + 3] });
          i += 4;
        } else if (m === 0 || m === 1 || m === 48 || m === 49) {
          out.push({ kind: 'cut', offset, function: 'A', partial: m === 1 || m === 49, feed: 0 });
          i += 3;
        } else throw new Error(`Unknown GS V ${m} at offset ${offset}`);
      } else if (c === 0x21) {
        need(3, 'GS !');
        const n = input[i + 2];
        out.push({ kind: 'charSize', offset, width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
        i += 3;
      } else throw new Error(`Unknown GS 0x${c.toString(16)} at offset ${offset}`);
    } else if (b === 0x0a) {
      out.push({ kind: 'lineFeed', offset });
      i += 1;
    } else if (b < 0x20) {
      throw new Error(`Unexpected control byte 0x${b.toString(16)} at offset ${offset}`);
    } else {
      let j = i;
      while (j < input.length && input[j] >= 0x20) j++;
      out.push({ kind: 'text', offset, bytes: input.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/**
 * Stacks consecutive raster bands back into one image. All bands must share one width, as a
 * ticket printed band by band does; `width` is the dot width (bands only know bytes per row).
 */
export function reassembleRaster(commands: EscPosCommand[], width: number): DecodedBitmap {
  const bands = commands.filter((c): c is Extract<EscPosCommand, { kind: 'raster' }> => c.kind === 'raster');
  if (bands.length === 0) throw new Error('No GS v 0 raster bands');
  const bpr = bands[0].bytesPerRow;
  if (bpr !== Math.ceil(width / 8)) throw new Error(`Band width ${bpr} bytes does not match ${width} dots`);
  for (const b of bands) if (b.bytesPerRow !== bpr) throw new Error('Bands of different widths');
  const height = bands.reduce((h, b) => h + b.rows, 0);
  const bits = new Uint8Array(bpr * height);
  let at = 0;
  for (const b of bands) {
    bits.set(b.data, at);
    at += b.data.length;
  }
  return { width, height, bits };
}

export function pixel(img: DecodedBitmap, x: number, y: number): 0 | 1 {
  const bpr = Math.ceil(img.width / 8);
  return ((img.bits[y * bpr + (x >> 3)] >> (7 - (x & 7))) & 1) as 0 | 1;
}

/** Black pixels in rows [top, bottom). */
export function blackInRows(img: DecodedBitmap, top: number, bottom: number): number {
  let n = 0;
  for (let y = top; y < bottom; y++) for (let x = 0; x < img.width; x++) n += pixel(img, x, y);
  return n;
}
