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
    readonly unitsPerEm: number;
  }
  /** A glyph's outline in font units (used to draw the reprint mark as paths). */
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface GlyphRun {
    glyphs: { path: { commands: PathCommand[] } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
