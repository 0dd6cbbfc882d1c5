import { describe, expect, it } from 'vitest';
import { fieldMessages, refusalOf, sessionEndedCodes } from './refusal';

describe('refusals', () => {
  it('keeps the code, the message and, for VALIDATION_FAILED, the fields named', () => {
    const errors = [
      {
        message: 'Données invalides',
        extensions: {
          code: 'VALIDATION_FAILED',
          fields: [
            { field: 'description', reason: 'REQUIRED', message: 'La description est obligatoire' },
            { field: 'photos', reason: 'TOO_MANY', message: 'Trois photos au plus' },
            { field: 'description', reason: 'TOO_LONG', message: 'second problem' },
          ],
        },
      },
    ];
    expect(refusalOf(errors, 200)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Données invalides',
      fields: { description: 'La description est obligatoire', photos: 'Trois photos au plus' },
    });
  });

  it('reads a field without a message by its reason, and ignores malformed entries', () => {
    expect(fieldMessages([{ field: 'email', reason: 'INVALID' }, { reason: 'x' }, 'y'])).toEqual({ email: 'INVALID' });
    expect(fieldMessages(undefined)).toEqual({});
  });

  it('says what the HTTP status tells when there is no GraphQL code', () => {
    expect(refusalOf(undefined, null).code).toBe('NETWORK_ERROR');
    expect(refusalOf(undefined, 401).code).toBe('UNAUTHENTICATED');
    expect(refusalOf(undefined, 502).code).toBe('GATEWAY_UNAVAILABLE');
    expect(refusalOf([{ message: 'boom' }], 500).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('ends the session on expired, unknown or revoked portal tokens only', () => {
    for (const code of ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'PORTAL_ACCESS_REVOKED']) expect(sessionEndedCodes.has(code)).toBe(true);
    expect(sessionEndedCodes.has('PORTAL_LINK_INVALID')).toBe(false);
    expect(sessionEndedCodes.has('FORBIDDEN')).toBe(false);
  });
});
