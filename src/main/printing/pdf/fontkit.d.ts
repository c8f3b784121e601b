/**
 * The part of fontkit (pdfkit's own font engine, installed with it) that the printing
 * code uses. fontkit ships no type definitions.
 */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string, features?: unknown): unknown;
    /** Every code point the font's cmap maps. */
    readonly characterSet: number[];
    glyphForCodePoint(codePoint: number): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
