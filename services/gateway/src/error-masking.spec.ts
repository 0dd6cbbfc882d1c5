import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError, withUserInputCodes } from './error-masking';

describe('maskGatewayError', () => {
  it('keeps a GraphQL error and its code, without internal extensions', () => {
    const error = new GraphQLError('POST body sent invalid JSON.', {
      extensions: {
        code: 'BAD_REQUEST',
        http: { spec: true, status: 400 },
        originalError: { name: 'SyntaxError', message: 'at position 12' },
      },
    });
    const masked = maskGatewayError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('POST body sent invalid JSON.');
    expect(masked.extensions).toEqual({ code: 'BAD_REQUEST', http: { spec: false, status: 400 } });
    const fromSubgraph = new GraphQLError('Facture introuvable', {
      extensions: { code: 'NOT_FOUND', stacktrace: ['at resolve (billing.ts:1)'] },
    });
    expect((maskGatewayError(fromSubgraph, 'Unexpected error.') as GraphQLError).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR', () => {
    const wrapped = new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', {
      originalError: new Error('connect ECONNREFUSED'),
      path: ['me'],
    });
    const masked = maskGatewayError(wrapped, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(masked.path).toEqual(['me']);
    expect((maskGatewayError(new TypeError('x is undefined'), 'Unexpected error.') as GraphQLError).extensions.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });
});

describe('withUserInputCodes', () => {
  it('gives BAD_USER_INPUT to the code-less errors of a result without data', () => {
    const result = withUserInputCodes({
      errors: [
        new GraphQLError('Variable "$first" got invalid value "x"', { originalError: new TypeError('x') }),
        new GraphQLError('y', { extensions: { code: 'FORBIDDEN' } }),
      ],
    });
    expect(result.errors!.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT', 'FORBIDDEN']);
    expect(result.errors![0]!.originalError).toBeUndefined();
  });

  it('leaves execution errors alone', () => {
    const executed = { data: { me: null }, errors: [new GraphQLError('boom')] };
    expect(withUserInputCodes(executed)).toBe(executed);
  });
});
