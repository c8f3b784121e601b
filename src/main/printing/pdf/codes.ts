import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import { rgbaPngToGray } from './png-gray';

/**
 * QR and barcode images for receipts. Generating them costs more than laying out the
 * whole page, and reprints of the same dossier are common (a torn copy, a second
 * liên), so the PNGs are memoised by their text. Promises are stored, not results, so
 * two renders racing for the same code share one generation.
 */
const MAX_ENTRIES = 256;

class PromiseCache {
  private readonly map = new Map<string, Promise<Buffer>>();

  get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.map.get(key);
    if (hit) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const p = make();
    this.map.set(key, p);
    p.catch(() => this.map.delete(key));
    if (this.map.size > MAX_ENTRIES) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return p;
  }
}

const qrCache = new PromiseCache();
const barcodeCache = new PromiseCache();

/**
 * QR code PNG, 4 pixels per module with a 4-module quiet zone, greyscale without
 * alpha so pdfkit can embed it without decoding.
 */
export function qrPng(text: string): Promise<Buffer> {
  return qrCache.get(text, () =>
    QRCode.toBuffer(text, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      scale: 4,
      rendererOpts: { colorType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
    }),
  );
}

/**
 * Code 128 PNG of the text (bwip-js picks code sets so digit runs pack densely), two
 * pixels per module with a quiet zone of ten, converted to greyscale (see png-gray).
 */
export async function code128Png(text: string): Promise<Buffer> {
  return barcodeCache.get(text, async () =>
    rgbaPngToGray(
      await bwipjs.toBuffer({ bcid: 'code128', text, scale: 2, height: 10, includetext: false, paddingwidth: 10 }),
    ),
  );
}
