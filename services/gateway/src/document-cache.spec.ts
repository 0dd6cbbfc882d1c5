import { parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentTextCache, DOCUMENT_CACHE_MAX_CHARACTERS, parserAndValidationCache } from './document-cache';

const text = (i: number, fields: number) => `query Q${i} { ${'__typename '.repeat(fields)}}`;

describe('parsed documents cache', () => {
  it('keeps documents up to its budget of text, dropping the least recently used first', () => {
    const cache = documentTextCache<DocumentNode>(10_000);
    const documents = Array.from({ length: 10 }, (_, i) => text(i, 180));
    for (const document of documents) cache.set(document, parse(document));
    const kept = documents.filter((document) => cache.has(document));
    expect(cache.calculatedSize).toBeLessThanOrEqual(10_000);
    // 10 texts of ~2,000 characters in 10,000: the last four or five stay, the oldest went first.
    expect(kept).toEqual(documents.slice(documents.length - kept.length));
    expect(kept.length).toBeGreaterThanOrEqual(4);

    cache.get(kept[0]!);
    cache.set(text(99, 180), parse(text(99, 180)));
    expect(cache.has(kept[0]!), 'read just before: kept').toBe(true);
    expect(cache.has(kept[1]!), 'least recently used: dropped').toBe(false);
  });

  it('never keeps a document longer than its whole budget', () => {
    const cache = documentTextCache<DocumentNode>(1_000);
    const long = text(1, 200);
    cache.set(long, parse(long));
    expect(cache.has(long)).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('bounds the runtime’s parses and refusals alike, at most 1,024 documents however short', () => {
    const { documentCache, errorCache } = parserAndValidationCache();
    for (let i = 0; i < 2000; i += 1) {
      documentCache.set(`{ a${i} }`, parse(`{ a${i} }`));
      errorCache.set(`{ b${i}`, new Error('Syntax Error'));
    }
    expect(documentCache.size).toBe(1024);
    expect(errorCache.size).toBe(1024);
    // 400 documents near the 2,000-token limit (each ~20,000 characters) no longer all stay.
    for (let i = 0; i < 400; i += 1) documentCache.set(text(i, 1790), parse(text(i, 1790)));
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(DOCUMENT_CACHE_MAX_CHARACTERS);
    expect(documentCache.size).toBeLessThan(20);
  });
});
