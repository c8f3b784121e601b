import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { pixel, type DecodedBitmap } from './escpos-decode';

/** Writes a 1-bit image as a black-on-white PNG, for a person to look at after the test run. */
export function writeMonoPng(img: DecodedBitmap, file: string): void {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = pixel(img, x, y) ? 0 : 255;
      const i = (y * img.width + x) * 4;
      data.data[i] = data.data[i + 1] = data.data[i + 2] = v;
      data.data[i + 3] = 255;
    }
  }
  ctx.putImageData(data, 0, 0);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
}
