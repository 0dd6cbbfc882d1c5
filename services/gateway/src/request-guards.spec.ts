import { describe, expect, it } from 'vitest';
import { acceptedRequestId, mediaType } from './request-guards';

describe('acceptedRequestId', () => {
  it('keeps a short token of letters, digits, dots, dashes and underscores', () => {
    expect(acceptedRequestId('partner.req_42-x')).toBe('partner.req_42-x');
    expect(acceptedRequestId('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('replaces anything else with a generated id', () => {
    for (const header of ['a'.repeat(65), 'abc def', 'x\u00e9', '<script>', '', undefined, ['a', 'b']]) {
      const id = acceptedRequestId(header);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('mediaType', () => {
  it('keeps the type without its parameters, in lower case', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType('application/x-www-form-urlencoded')).toBe('application/x-www-form-urlencoded');
    expect(mediaType(undefined)).toBe('');
  });
});
