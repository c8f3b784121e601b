import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The bundled serif (Tinos: Times New Roman metrics, full Vietnamese coverage).
 * Decree 30/2020/NĐ-CP asks for Times New Roman; Tinos lays out identically and may be
 * redistributed, so forms look the same on a PC that lacks Times New Roman.
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_FILES: Record<FontStyle, string> = {
  regular: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italic: 'Tinos-Italic.ttf',
  boldItalic: 'Tinos-BoldItalic.ttf',
};

const PROBE = path.join('fonts', FONT_FILES.regular);

/**
 * The resources folder, tried in order: `MOTCUA_RESOURCES` (the packaged app points it
 * at process.resourcesPath), `<cwd>/resources` (dev and tests), then next to the bundle
 * (`dist/main/*.cjs` → `../../resources`) when running as CommonJS.
 */
export function resolveResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.MOTCUA_RESOURCES) candidates.push(env.MOTCUA_RESOURCES);
  candidates.push(path.join(process.cwd(), 'resources'));
  // `__dirname` exists only in the CommonJS bundle; typeof keeps ESM (tests) from throwing.
  if (typeof __dirname !== 'undefined') candidates.push(path.join(__dirname, '..', '..', 'resources'));
  for (const dir of candidates) {
    if (existsSync(path.join(dir, PROBE))) return dir;
  }
  throw new Error(`Không tìm thấy thư mục tài nguyên chứa phông chữ (${PROBE}). Đã tìm: ${candidates.join('; ')}`);
}

const STYLES = Object.keys(FONT_FILES) as FontStyle[];
let buffers: Record<FontStyle, Buffer> | null = null;
let parsed: Record<FontStyle, Font> | null = null;

/** Font files, read from disk once per process. */
export function fontBuffers(): Record<FontStyle, Buffer> {
  if (!buffers) {
    const dir = path.join(resolveResourcesDir(), 'fonts');
    const read = {} as Record<FontStyle, Buffer>;
    for (const style of STYLES) read[style] = readFileSync(path.join(dir, FONT_FILES[style]));
    buffers = read;
  }
  return buffers;
}

/**
 * Parsed fonts, shared by every document. Handing pdfkit a Buffer makes it re-parse
 * the font and re-decode its OpenType layout tables (GSUB/GPOS) for each PDF, which
 * was most of a receipt's render time; a parsed fontkit Font keeps those tables
 * decoded. pdfkit accepts Font instances in registerFont and still builds a separate
 * glyph subset per document, so sharing is safe.
 */
export function parsedFonts(): Record<FontStyle, Font> {
  if (!parsed) {
    const b = fontBuffers();
    const fonts = {} as Record<FontStyle, Font>;
    for (const style of STYLES) fonts[style] = withLayoutCache(claimCodePoints(create(b[style])));
    parsed = fonts;
  }
  return parsed;
}

/**
 * fontkit caches glyph objects by id, together with the characters they were first
 * created for, and pdfkit builds the PDF's ToUnicode map from those characters. When a
 * document's subset embeds a composite glyph (e.g. "Ơ" = "O" + horn), fontkit creates
 * the component "O" with no characters; with a font shared across documents every
 * later PDF would then map "O" to nothing and pdftotext / search / copy-paste would
 * read "HOÀN" as "H ÀN". Creating every mapped glyph from its character first (lowest
 * code point first, so "-" wins over the soft hyphen) makes the cache hold the right
 * characters before any subset can touch it.
 */
function claimCodePoints(font: Font): Font {
  const codePoints = [...font.characterSet].sort((a, b) => a - b);
  for (const cp of codePoints) font.glyphForCodePoint(cp);
  return font;
}

interface LayoutRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
}

const LAYOUT_CACHE_LIMIT = 20_000;

/**
 * Memoises shaping across documents. pdfkit shapes text word by word and caches the
 * result only per document, so every receipt re-ran OpenType shaping for the same
 * labels. pdfkit scales the returned positions in place, hence each call hands out a
 * fresh copy of the positions (glyph objects are read-only and shared).
 */
function withLayoutCache(font: Font): Font {
  const cache = new Map<string, LayoutRun>();
  const layout = (text: string, features?: unknown): LayoutRun => {
    if (features !== undefined) return font.layout(text, features) as LayoutRun;
    let run = cache.get(text);
    if (!run) {
      run = font.layout(text) as LayoutRun;
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(text, run);
    }
    // Keep the GlyphRun prototype: pdfkit reads its computed `advanceWidth` getter.
    const copy = Object.create(Object.getPrototypeOf(run) as object) as LayoutRun;
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  };
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
