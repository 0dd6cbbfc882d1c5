/**
 * The Latin character set every SEPA bank must accept (EPC217-08 "SEPA Requirements for an
 * Extended Character Set", basic set): a-z A-Z 0-9 / - ? : ( ) . , ' + and space. Names and
 * remittance texts are transliterated into it; identifiers must already be written in it.
 */
export const SEPA_CHARS = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'TH',
  þ: 'th',
  '&': '+',
  '’': "'",
  '‘': "'",
  '`': "'",
  '"': "'",
  '«': "'",
  '»': "'",
  '“': "'",
  '”': "'",
  _: '-',
  '–': '-',
  '—': '-',
  '\u00a0': ' ',
};

/** "Société Générale & Fils — Zoé" -> "Societe Generale + Fils - Zoe"; anything else becomes a space. */
export function toSepaText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, (c) => SPECIAL[c] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Transliterated then cut to `max` characters (the cut never leaves a trailing space). */
export function sepaText(value: string, max: number): string {
  return toSepaText(value).slice(0, max).trimEnd();
}

/**
 * What is wrong with a SEPA identifier (message, payment, end-to-end or mandate id): 1 to 35
 * characters of the SEPA set, neither starting nor ending with "/" nor containing "//".
 */
export function sepaIdentifierProblem(value: string): string | null {
  if (value.length === 0) return 'obligatoire';
  if (value.length > 35) return '35 caractères au plus';
  if (!SEPA_CHARS.test(value)) return "caractères autorisés : lettres non accentuées, chiffres, espace et / - ? : ( ) . , ' +";
  if (value.startsWith('/') || value.endsWith('/')) return 'ne doit ni commencer ni finir par « / »';
  if (value.includes('//')) return 'ne doit pas contenir « // »';
  return null;
}
