/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorsEn } from '../i18n/api-errors.en';
import { apiErrorsFr } from '../i18n/api-errors.fr';

/**
 * Every code the API can refuse with has a text in each language: the codes are read from the
 * services' sources (and the back-office server's proxy), so a new error without a translation
 * fails the build.
 */
const repository = resolve(import.meta.dirname, '../../../..');

const sourcesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'test'].includes(entry.name) ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

const code = `['"\`]([A-Z][A-Z0-9_]+)['"\`]`;
const throwers = [
  // new DomainError('CODE', …), Errors.conflict('CODE', …), Errors.unauthenticated('CODE', …)
  new RegExp(`(?:new DomainError|Errors\\.\\w+)\\(\\s*${code}`, 'g'),
  // the helpers' own codes: unauthenticated: (code = 'UNAUTHENTICATED', …)
  new RegExp(`\\bcode = ${code}`, 'g'),
  // the gateway's limits and request guards: limitError('QUERY_TOO_LARGE'), rejectWith('QUERY_TOO_DEEP'), refuseRequest(…, 415, 'CODE', …)
  new RegExp(`(?:limitError|rejectWith)\\(\\s*${code}`, 'g'),
  new RegExp(`refuseRequest\\([^;]*?\\d{3},\\s*${code}`, 'g'),
  // hand-written error bodies: extensions: { code: 'CODE' }, JSON.stringify({ code: 'SUBGRAPH_UNAVAILABLE', … })
  new RegExp(`extensions:\\s*\\{[^}]*?\\bcode:\\s*${code}`, 'g'),
  new RegExp(`JSON\\.stringify\\(\\s*\\{\\s*code:\\s*${code}`, 'g'),
];

function codesThrown(): string[] {
  const files = [...sourcesUnder(join(repository, 'services')), ...sourcesUnder(join(repository, 'frontends/shell/server'))];
  const codes = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of throwers) for (const match of source.matchAll(pattern)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('error catalogue', () => {
  const thrown = codesThrown();

  it('finds the codes of the domain, the subgraphs, the gateway and the transport', () => {
    expect(thrown.length).toBeGreaterThan(90);
    for (const known of [
      'PERIOD_CLOSED',
      'STALE_VERSION',
      'FORBIDDEN',
      'QUOTE_EXPIRED',
      'NOT_FOUND',
      'VALIDATION_FAILED',
      'UNAUTHENTICATED',
      'TOKEN_EXPIRED',
      'QUERY_TOO_DEEP',
      'TOO_MANY_ALIASES',
      'PAYLOAD_TOO_LARGE',
      'SUBGRAPH_UNAVAILABLE',
      'GATEWAY_UNAVAILABLE',
      'INTERNAL_SERVER_ERROR',
    ])
      expect(thrown).toContain(known);
  });

  it('has a French and an English text for every code the API sends', () => {
    expect(thrown.filter((thrownCode) => !(thrownCode in apiErrorsFr))).toEqual([]);
    expect(thrown.filter((thrownCode) => !(thrownCode in apiErrorsEn))).toEqual([]);
  });

  it('names the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((match) => match[1]).sort();
    for (const [key, french] of Object.entries(apiErrorsFr))
      expect(placeholders(apiErrorsEn[key as keyof typeof apiErrorsEn]), key).toEqual(placeholders(french));
  });
});
