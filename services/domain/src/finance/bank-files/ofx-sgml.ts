import type { DomainError } from '../../shared/errors';
import type { BankFileErrorReason } from './bank-file-error';
import { lineLocator } from './values';

/**
 * OFX as a tree, for both dialects: OFX 1 is SGML where leaf elements have no closing tag
 * (`<TRNAMT>-12,50` then the next tag) and OFX 2 is XML. An element followed by text is a leaf
 * (its closing tag, if any, is skipped); an element followed by another tag is an aggregate when
 * the file closes that name somewhere, else an empty leaf.
 */
export interface OfxElement {
  name: string;
  line: number;
  /** The text of a leaf; null for an aggregate. */
  value: string | null;
  children: OfxElement[];
}

type RaiseError = (line: number | null, reason: BankFileErrorReason, message: string) => DomainError;

interface Token {
  kind: 'open' | 'close' | 'text';
  name: string;
  text: string;
  index: number;
  selfClosing: boolean;
}

const TAG = /<(\/?)([A-Za-z][\w.]*)\s*(\/?)>/y;

function tokenize(text: string, start: number, lineAt: (index: number) => number, raise: RaiseError): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    if (end > i) tokens.push({ kind: 'text', name: '', text: text.slice(i, end), index: i, selfClosing: false });
    if (lt === -1) break;
    if (text.startsWith('<!--', lt) || text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const closer = text.startsWith('<!--', lt) ? '-->' : '>';
      const close = text.indexOf(closer, lt);
      i = close === -1 ? text.length : close + closer.length;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) throw raise(lineAt(lt), 'SYNTAX', `balise illisible « ${text.slice(lt, lt + 20).split(/\r?\n/)[0]} »`);
    tokens.push({ kind: m[1] ? 'close' : 'open', name: m[2]!.toUpperCase(), text: '', index: lt, selfClosing: m[3] === '/' });
    i = lt + m[0].length;
  }
  return tokens;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const isBlank = (token: Token | undefined) => token?.kind === 'text' && token.text.trim() === '';
const closes = (token: Token | undefined, name: string) => token?.kind === 'close' && token.name === name;

/** The <OFX> element of the file (the header before it is skipped). */
export function parseOfxElements(text: string, raise: RaiseError): OfxElement {
  const start = text.search(/<OFX>/i);
  if (start === -1) throw raise(null, 'SYNTAX', 'balise <OFX> introuvable');
  const lineAt = lineLocator(text);
  const tokens = tokenize(text, start, lineAt, raise);
  const closedNames = new Set(tokens.filter((t) => t.kind === 'close').map((t) => t.name));
  const root: OfxElement = { name: '', line: 1, value: null, children: [] };
  const stack = [root];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'text') continue; // indentation, or stray text between aggregates
    if (token.kind === 'close') {
      const depth = stack.findLastIndex((e) => e.name === token.name);
      if (depth <= 0) throw raise(lineAt(token.index), 'SYNTAX', `balise fermante </${token.name}> sans balise ouvrante`);
      stack.length = depth;
      continue;
    }
    const element: OfxElement = { name: token.name, line: lineAt(token.index), value: null, children: [] };
    stack.at(-1)!.children.push(element);
    const next = tokens[i + 1];
    if (token.selfClosing) element.value = '';
    else if (next?.kind === 'text' && !isBlank(next)) {
      element.value = decodeEntities(next.text.trim());
      i += closes(tokens[i + 2], token.name) ? 2 : 1;
    } else if (closes(next, token.name)) {
      element.value = '';
      i += 1;
    } else if (isBlank(next) && closes(tokens[i + 2], token.name)) {
      element.value = '';
      i += 2;
    } else if (closedNames.has(token.name)) stack.push(element);
    else element.value = '';
  }
  if (stack.length > 1) {
    const open = stack.at(-1)!;
    throw raise(
      lineAt(text.trimEnd().length),
      'TRUNCATED',
      `fichier OFX incomplet : <${open.name}> ouvert ligne ${open.line} jamais fermé`,
    );
  }
  const ofx = root.children[0];
  if (!ofx || ofx.name !== 'OFX') throw raise(null, 'SYNTAX', 'balise <OFX> introuvable');
  return ofx;
}

export const childOf = (element: OfxElement | undefined, name: string) => element?.children.find((c) => c.name === name);

/** The outermost descendants with one of `names`, in document order. */
export function descendantsOf(element: OfxElement, names: readonly string[]): OfxElement[] {
  return element.children.flatMap((c) => (names.includes(c.name) ? [c] : descendantsOf(c, names)));
}
