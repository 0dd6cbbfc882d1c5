import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { DomainError } from '../../shared/errors';

/** Test helpers shared by the bank file specs (not exported from the module). */

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

export const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

export const fixtureText = (name: string): string => fixture(name).toString('utf8');

export interface Refusal {
  message: string;
  format: string | null;
  line: number | null;
  reason: string;
}

/** Runs `parse`, expects BANK_FILE_INVALID, returns its message and details. */
export function refusal(parse: () => unknown): Refusal {
  let caught: unknown;
  try {
    parse();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the file should have been refused').toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe('BANK_FILE_INVALID');
  expect(error.category).toBe('BAD_USER_INPUT');
  return { message: error.message, ...(error.details as Omit<Refusal, 'message'>) };
}

/** Replaces the 1-based line `line` of `text` (whatever the line breaks). */
export function replaceLine(text: string, line: number, replace: (current: string) => string): string {
  const lines = text.split('\n');
  const current = lines[line - 1];
  if (current === undefined) throw new Error(`no line ${line}`);
  const cr = current.endsWith('\r');
  lines[line - 1] = replace(cr ? current.slice(0, -1) : current) + (cr ? '\r' : '');
  return lines.join('\n');
}

/** Strips what only the file position tells (line numbers) to compare the same movements from two files. */
export const withoutLines = <T extends { line: number }>(movements: T[]) => movements.map(({ line: _line, ...rest }) => rest);
