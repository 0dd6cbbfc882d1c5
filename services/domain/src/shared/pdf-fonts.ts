import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';

/**
 * DejaVu (the `dejavu-fonts-ttf` package), embedded in every PDF the product renders, parsed once
 * per process (thread): pdfkit takes a fontkit font object as well as font bytes, and given bytes
 * it parses the font again for each document, then decodes its metrics and layout tables glyph by
 * glyph (~60 % of a render's CPU, see docs/benchmarks.md › rendering). A fontkit font is read-only
 * once its tables are decoded (each document gets its own subset), so the documents share it.
 * fontkit is pdfkit's own dependency, loaded from where pdfkit resolves it.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): unknown };

/** What pdfkit's `font`/`registerFont` accept (its types say a path only). */
export type PdfFont = string;

const parse = (file: string) => fontkit.create(readFileSync(path.join(FONT_DIR, file))) as PdfFont;

export const PDF_FONTS = {
  regular: parse('DejaVuSans.ttf'),
  bold: parse('DejaVuSans-Bold.ttf'),
};

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The shaped words (glyphs and advances, in the font's 1000-unit scale) of each font, shared by the
 * documents of the process. pdfkit keeps such a cache per document and font (`layoutCache` of
 * pdfkit 0.20's embedded font, read-only once filled); shaping each word again through fontkit's
 * OpenType features was a third of the layout time. Emptied when it gets large (amounts, names).
 */
const SHAPED_WORDS_LIMIT = 10_000;
const shapedWords = { regular: new Map<string, unknown>(), bold: new Map<string, unknown>() };

interface EmbeddedFontInternals {
  layoutCache?: Record<string, unknown>;
}

function sharedLayoutCache(words: Map<string, unknown>): Record<string, unknown> {
  if (words.size > SHAPED_WORDS_LIMIT) words.clear();
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, text) => (typeof text === 'string' ? words.get(text) : undefined),
    set: (_, text, run) => {
      if (typeof text === 'string') words.set(text, run);
      return true;
    },
  });
}

/**
 * Registers DejaVu as `regular` and `bold` on a new document, with the shared shaped words, and
 * selects `regular`. Create the document with `font: null` (no default font: never an unembedded
 * Helvetica, and no second copy of DejaVu that pdfkit would compare on every switch of font).
 */
export function usePdfFonts(pdf: Doc): Doc {
  for (const weight of ['bold', 'regular'] as const) {
    pdf.registerFont(weight, PDF_FONTS[weight]).font(weight);
    const embedded = (pdf as unknown as { _font?: EmbeddedFontInternals })._font;
    if (embedded?.layoutCache) embedded.layoutCache = sharedLayoutCache(shapedWords[weight]);
  }
  return pdf;
}
