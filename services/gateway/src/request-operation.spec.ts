import type { IncomingMessage } from 'node:http';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { canonicalJson, estimatedCost, requestOperation } from './request-operation';

const post = (body: unknown) =>
  ({ method: 'POST', body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) }) as IncomingMessage & { body: Buffer };

describe('requestOperation', () => {
  it('tells a mutation from a query, picking the operation named', () => {
    const query = 'query Q { me { email } } mutation M { logout }';
    expect(requestOperation(post({ query, operationName: 'M' }), DEFAULT_LIMITS).kind).toBe('mutation');
    expect(requestOperation(post({ query, operationName: 'Q' }), DEFAULT_LIMITS).kind).toBe('query');
    expect(requestOperation(post({ query }), DEFAULT_LIMITS).kind).toBeNull();
  });

  it('reads a GET query string', () => {
    const req = { method: 'GET', url: `/graphql?query=${encodeURIComponent('{ me { email } }')}` } as IncomingMessage;
    expect(requestOperation(req, DEFAULT_LIMITS)).toMatchObject({ kind: 'query', cost: 4 }); // me: 2 + 1.5 × 1 = 3.5, rounded up;
  });

  it('hashes the same request alike whatever its layout, and another request differently', () => {
    const one = requestOperation(post({ query: 'mutation { a(x: 1) { id } }', variables: { b: 1, a: { d: 2, c: 3 } } }), DEFAULT_LIMITS);
    const same = requestOperation(
      post('{"variables":{"a":{"c":3,"d":2},"b":1},"query":"mutation {\\n  a(x: 1) {\\n    id\\n  }\\n}"}'),
      DEFAULT_LIMITS,
    );
    const other = requestOperation(post({ query: 'mutation { a(x: 2) { id } }', variables: { b: 1, a: { d: 2, c: 3 } } }), DEFAULT_LIMITS);
    expect(same.hash).toBe(one.hash);
    expect(other.hash).not.toBe(one.hash);
  });

  it('charges 1 for what cannot be read, leaving the refusal to the runtime', () => {
    expect(requestOperation(post('{not json'), DEFAULT_LIMITS)).toMatchObject({ kind: null, cost: 1 });
    expect(requestOperation(post({ query: '{ a ' }), DEFAULT_LIMITS)).toMatchObject({ kind: null, cost: 1 });
  });
});

describe('estimatedCost', () => {
  it('counts as GraphQL Armor does: 2 per object, 1 per scalar, ×1.5 per level, first multiplies', () => {
    const document = parse('{ customers(first: 10) { edges { node { id name } } } }');
    // node: 2 + 1.5×(1+1) = 5; edges: 2 + 1.5×5 = 9.5; customers: (2 + 1.5×9.5) × 10 = 162.5
    expect(estimatedCost(document, document.definitions[0] as OperationDefinitionNode)).toBe(162.5);
  });

  it('follows fragments', () => {
    const document = parse('query { me { ...F } } fragment F on User { email }');
    expect(estimatedCost(document, document.definitions[0] as OperationDefinitionNode)).toBeGreaterThan(2);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: undefined, c: null })).toBe('{"b":[{"x":2,"y":1}],"c":null}');
  });
});
