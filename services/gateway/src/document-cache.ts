import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * How much document text the gateway keeps parsed, in characters, per cache. A parsed document
 * (with its locations) weighs about 60 bytes per character of text for the back-office's
 * operations and up to 130 for dense ones (1,800 one-character fields), so 250,000 characters hold
 * the whole back-office (about 100,000) for at most ~32 MB. GraphQL Yoga's own cache counted
 * documents only (1,024, whatever their size): 400 distinct documents near the 2,000-token limit
 * filled the gateway's heap (issue 13). A document longer than the whole budget is never kept.
 */
export const DOCUMENT_CACHE_MAX_CHARACTERS = 250_000;
/** Yoga's own count, kept as a second bound. */
const MAX_DOCUMENTS = 1024;

/** An LRU cache keyed by document text, bounded by the total length of the texts it keeps. */
export function documentTextCache<V extends object>(maxCharacters = DOCUMENT_CACHE_MAX_CHARACTERS): LRUCache<string, V> {
  return new LRUCache<string, V>({
    max: MAX_DOCUMENTS,
    maxSize: maxCharacters,
    sizeCalculation: (_value, text) => Math.max(1, text.length),
  });
}

/** The runtime's `parserAndValidationCache` (passed through to Yoga by patches/@graphql-hive__gateway-runtime): parses and refusals, bounded. */
export function parserAndValidationCache() {
  return { documentCache: documentTextCache<DocumentNode>(), errorCache: documentTextCache<object>(), validationCache: true };
}
