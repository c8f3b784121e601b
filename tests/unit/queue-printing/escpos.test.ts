import { describe, expect, it } from 'vitest';
import { buildRasterJob, buildTextJob, partialCut, rasterBands, type MonoBitmap } from '../../../src/main/queue/escpos';
import { encodeForCodePage } from '../../../src/main/queue/cp1258';
import { decodeEscPos, reassembleRaster } from '../../support/escpos-decode';

/** 16 dots wide, `height` rows; row y holds bytes [y, 255 - y] so every row is distinct. */
function stripes(height: number, width = 16): MonoBitmap {
  const bpr = Math.ceil(width / 8);
  const bits = new Uint8Array(bpr * height);
  for (let y = 0; y < height; y++) {
    bits[y * bpr] = y & 0xff;
    if (bpr > 1) bits[y * bpr + 1] = 255 - (y & 0xff);
  }
  return { width, height, bits };
}

const bytes = (a: Uint8Array): number[] => Array.from(a);

describe('raster bands (GS v 0)', () => {
  it('writes the header m=0, xL xH = bytes per row, yL yH = rows, then the rows', () => {
    const bands = rasterBands(stripes(40), 16);
    expect(bands.map((b) => bytes(b.subarray(0, 8)))).toEqual([
      [0x1d, 0x76, 0x30, 0, 2, 0, 16, 0],
      [0x1d, 0x76, 0x30, 0, 2, 0, 16, 0],
      [0x1d, 0x76, 0x30, 0, 2, 0, 8, 0],
    ]);
    // Second band starts at row 16: bytes [16, 239].
    expect(bytes(bands[1].subarray(8, 10))).toEqual([16, 239]);
    expect(bands[2].length).toBe(8 + 2 * 8);
  });

  it('pads rows of a width that is not a multiple of 8 to whole bytes', () => {
    const img = { width: 10, height: 20, bits: new Uint8Array(2 * 20).fill(0xc0) };
    const [band] = rasterBands(img, 32);
    expect(bytes(band.subarray(0, 8))).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 20, 0]);
  });

  it('encodes widths over 255 bytes per row little-endian', () => {
    const img = { width: 300 * 8, height: 1, bits: new Uint8Array(300) };
    expect(bytes(rasterBands(img, 16)[0].subarray(4, 8))).toEqual([300 & 0xff, 300 >> 8, 1, 0]);
  });

  it('refuses band heights outside 16–255 and a bitmap of the wrong size', () => {
    expect(() => rasterBands(stripes(10), 15)).toThrow(RangeError);
    expect(() => rasterBands(stripes(10), 256)).toThrow(RangeError);
    expect(() => rasterBands(stripes(10), 20.5)).toThrow(RangeError);
    expect(() => rasterBands({ width: 16, height: 3, bits: new Uint8Array(5) }, 16)).toThrow(/sai kích thước/);
  });

  it('round-trips through the test decoder for any band height', () => {
    const img = stripes(203);
    for (const band of [16, 24, 64, 100, 255]) {
      const decoded = reassembleRaster(decodeEscPos(buildRasterJob(img, { bandRows: band })), 16);
      expect(decoded.height).toBe(203);
      expect(bytes(decoded.bits)).toEqual(bytes(img.bits));
    }
  });
});

describe('raster job', () => {
  it('is ESC @, FS ., bands, GS V 66 n — in that order', () => {
    const job = buildRasterJob(stripes(20), { bandRows: 16, cutFeed: 7 });
    expect(bytes(job.subarray(0, 4))).toEqual([0x1b, 0x40, 0x1c, 0x2e]);
    expect(bytes(job.subarray(job.length - 4))).toEqual([0x1d, 0x56, 66, 7]);
    expect(job.length).toBe(4 + (8 + 32) + (8 + 8) + 4);
  });

  it('uses 64-row bands and a feed of 24 by default', () => {
    const cmds = decodeEscPos(buildRasterJob(stripes(130)));
    expect(cmds.filter((c) => c.kind === 'raster').map((c) => (c.kind === 'raster' ? c.rows : 0))).toEqual([64, 64, 2]);
    expect(cmds[cmds.length - 1]).toEqual({ kind: 'cut', offset: expect.any(Number), function: 'B', partial: true, feed: 24 });
  });

  it('partial cut checks its feed is one byte', () => {
    expect(bytes(partialCut(0))).toEqual([0x1d, 0x56, 0x42, 0]);
    expect(() => partialCut(256)).toThrow(RangeError);
    expect(() => partialCut(-1)).toThrow(RangeError);
  });
});

describe('text job (unverified code page profiles)', () => {
  const cp1258 = { name: 'CP1258 trang 52', codePage: 52, encoding: 'cp1258' as const, verified: false };

  it('selects the code page with ESC t n after init and double-byte cancel', () => {
    const job = buildTextJob([{ text: 'Xin chào', align: 'center', bold: true, size: 2 }], cp1258);
    expect(bytes(job.subarray(0, 7))).toEqual([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x74, 52]);
    const cmds = decodeEscPos(job);
    expect(cmds.map((c) => c.kind)).toEqual(['init', 'cancelDoubleByte', 'codePage', 'align', 'bold', 'charSize', 'text', 'lineFeed', 'align', 'bold', 'charSize', 'cut']);
    expect(cmds[3]).toMatchObject({ value: 1 });
    expect(cmds[5]).toMatchObject({ width: 2, height: 2 });
    // "chào": c h a + huyền(CC) o
    expect(cmds[6]).toMatchObject({ bytes: Uint8Array.from([0x58, 0x69, 0x6e, 0x20, 0x63, 0x68, 0x61, 0xcc, 0x6f]) });
  });

  it('sends no ESC t when the profile has no page, and rejects bad sizes and pages', () => {
    const ascii = { name: 'ASCII', codePage: null, encoding: 'ascii' as const, verified: true };
    expect(decodeEscPos(buildTextJob([{ text: 'x' }], ascii)).some((c) => c.kind === 'codePage')).toBe(false);
    expect(() => buildTextJob([{ text: 'x', size: 9 }], ascii)).toThrow(RangeError);
    expect(() => buildTextJob([{ text: 'x' }], { ...cp1258, codePage: 300 })).toThrow(RangeError);
  });
});

describe('CP1258 and ASCII encoding', () => {
  const enc = (s: string) => bytes(encodeForCodePage(s, 'cp1258'));

  it('writes shaped letters as single bytes and tones as combining bytes after them', () => {
    expect(enc('Người')).toEqual([0x4e, 0x67, 0xfd, 0xf5, 0xcc, 0x69]);
    expect(enc('Đất')).toEqual([0xd0, 0xe2, 0xec, 0x74]);
    expect(enc('ỹ')).toEqual([0x79, 0xde]);
    expect(enc('ả')).toEqual([0x61, 0xd2]);
    expect(enc('Ợ')).toEqual([0xd5, 0xf2]);
    expect(enc('ă')).toEqual([0xe3]);
  });

  it('gives the same bytes for composed and decomposed input', () => {
    const s = 'Thời gian chờ dự kiến';
    expect(enc(s.normalize('NFD'))).toEqual(enc(s));
  });

  it('turns characters it does not know into "?"', () => {
    expect(enc('中€ç')).toEqual([0x3f, 0x3f, 0x3f]);
    expect(enc('A–B 5₫')).toEqual([0x41, 0x96, 0x42, 0x20, 0x35, 0xfe]);
  });

  it('ascii folds Vietnamese to plain letters', () => {
    expect(Buffer.from(encodeForCodePage('Đường Lê Lợi, quận Ba Đình – Hà Nội', 'ascii')).toString('latin1')).toBe('Duong Le Loi, quan Ba Dinh - Ha Noi');
  });
});
