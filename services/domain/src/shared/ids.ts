import { v7 as uuidv7, validate, version } from 'uuid';

/** Time-sortable ids (UUID v7): rows inserted together sit together in indexes and logs. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}

/** A PostgreSQL array literal of ids, for raw SQL `= any(?::uuid[])` (the driver would expand a JS array). */
export function uuidArrayLiteral(ids: readonly string[]): string {
  if (!ids.every(isUuid)) throw new TypeError('not a list of UUIDs');
  return `{${ids.join(',')}}`;
}
