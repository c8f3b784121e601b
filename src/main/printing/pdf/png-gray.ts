import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Re-encodes an 8-bit RGBA PNG (what bwip-js always produces) as 8-bit greyscale
 * composited over white. pdfkit embeds a PNG without alpha by copying its compressed
 * data, but must decode and split one with alpha on every document; a barcode is
 * black on white, so the alpha channel carries nothing worth that cost.
 * Anything other than non-interlaced 8-bit RGBA is returned unchanged.
 */
export function rgbaPngToGray(png: Buffer): Buffer {
  const header = parseHeader(png);
  if (!header || header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) return png;
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(chunks(png, 'IDAT')));
  const stride = width * 4;
  if (raw.length < height * (stride + 1)) return png;

  const prev = Buffer.alloc(stride);
  const cur = Buffer.alloc(stride);
  const out = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    unfilter(raw[start], raw.subarray(start + 1, start + 1 + stride), prev, cur, 4);
    out[y * (width + 1)] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      const r = cur[x * 4];
      const g = cur[x * 4 + 1];
      const b = cur[x * 4 + 2];
      const a = cur[x * 4 + 3];
      const lum = (r * 299 + g * 587 + b * 114) / 1000;
      out[y * (width + 1) + 1 + x] = Math.round((lum * a + 255 * (255 - a)) / 255);
    }
    cur.copy(prev);
  }

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(out)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function parseHeader(png: Buffer): PngHeader | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  if (png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24],
    colorType: png[25],
    interlace: png[28],
  };
}

function chunks(png: Buffer, type: string): Buffer[] {
  const found: Buffer[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const len = png.readUInt32BE(at);
    const t = png.toString('latin1', at + 4, at + 8);
    if (t === type) found.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return found;
}

/** Reverses one scanline's PNG filter into `cur`, given the previous unfiltered line. */
function unfilter(filter: number, line: Buffer, prev: Buffer, cur: Buffer, bpp: number): void {
  for (let i = 0; i < line.length; i++) {
    const left = i >= bpp ? cur[i - bpp] : 0;
    const up = prev[i];
    const upLeft = i >= bpp ? prev[i - bpp] : 0;
    let v = line[i];
    if (filter === 1) v += left;
    else if (filter === 2) v += up;
    else if (filter === 3) v += (left + up) >> 1;
    else if (filter === 4) v += paeth(left, up, upLeft);
    cur[i] = v & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
