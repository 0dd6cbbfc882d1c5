import { Errors } from './errors';
import { isUuid } from './ids';
import { isLocalDate } from './time';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw Errors.validation([{ field: 'first', message: `doit être compris entre 0 et ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** Keyset cursors: the sort key values of the last row seen, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What each value of a cursor must be: anything else means the cursor was not one we gave out. */
export type CursorValueKind = 'uuid' | 'date' | 'timestamp' | 'integer' | 'number' | 'text' | 'value';

const MAX_CURSOR_LENGTH = 1000;
const MAX_CURSOR_TEXT = 500;

function isCursorText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !value.includes('\u0000');
}

function isCursorValue(value: unknown, kind: CursorValueKind): boolean {
  switch (kind) {
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'date':
      return typeof value === 'string' && isLocalDate(value);
    case 'timestamp':
      return (
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value) && Number.isFinite(Date.parse(value))
      );
    case 'integer':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return isCursorText(value);
    case 'value':
      return isCursorText(value) || (typeof value === 'number' && Number.isFinite(value));
  }
}

/**
 * Reads a cursor back, strictly: base64url JSON, an array of exactly the expected values, each of
 * its kind (finite numbers only: `1e309` is not a number we gave out). Anything else is
 * VALIDATION_FAILED on `after`; the values are then only ever bound as query parameters.
 */
export function decodeCursor(cursor: string, shape: number | readonly CursorValueKind[]): (string | number)[] {
  // A count alone: that many values, each text or a finite number.
  const kinds: readonly CursorValueKind[] = typeof shape === 'number' ? Array.from({ length: shape }, () => 'value') : shape;
  try {
    const values: unknown =
      cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)
        ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
        : null;
    if (Array.isArray(values) && values.length === kinds.length && values.every((v, i) => isCursorValue(v, kinds[i]!))) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the typed error below
  }
  throw Errors.validation([{ field: 'after', message: 'curseur invalide', reason: 'INVALID' }]);
}
