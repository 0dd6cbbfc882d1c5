import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkDocumentSize } from './limits';

const limits = { maxTokens: 50, maxAliases: 3 };

function refusal(source: string): string | undefined {
  try {
    checkDocumentSize(source, limits);
    return undefined;
  } catch (error) {
    return error instanceof GraphQLError ? String(error.extensions.code) : 'NOT A GRAPHQL ERROR';
  }
}

describe('checkDocumentSize', () => {
  it('lets a document within both limits through', () => {
    expect(
      refusal('query Q($first: Int = 5) { a: customers(first: $first, filter: { b: 1, c: 2, d: 3 }) { totalCount } }'),
    ).toBeUndefined();
  });

  it('counts tokens, comments excluded', () => {
    expect(refusal(`{ ${'x '.repeat(48)}}`)).toBeUndefined();
    expect(refusal(`{ ${'x '.repeat(49)}}`)).toBe('QUERY_TOO_LARGE');
    expect(refusal(`# ${'commentaire '.repeat(100)}\n{ x }`)).toBeUndefined();
  });

  it('counts aliases, __typename included, not argument or variable colons', () => {
    expect(refusal('{ a: __typename b: __typename c: __typename }')).toBeUndefined();
    expect(refusal('{ a: __typename b: __typename c: __typename d: __typename }')).toBe('TOO_MANY_ALIASES');
    expect(refusal('query($a: Int, $b: Int, $c: Int, $d: Int) { x(a: $a, b: $b, c: $c, d: $d) @include(if: true) }')).toBeUndefined();
  });

  it('refuses the first limit met while reading', () => {
    expect(refusal(`{ ${Array.from({ length: 10_000 }, (_, i) => `t${i}: __typename`).join(' ')} }`)).toBe('TOO_MANY_ALIASES');
  });
});
