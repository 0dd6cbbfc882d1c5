import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** DejaVu (the `dejavu-fonts-ttf` package), embedded in every PDF the product renders. */
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const PDF_FONTS = {
  regular: readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
  bold: readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
};
