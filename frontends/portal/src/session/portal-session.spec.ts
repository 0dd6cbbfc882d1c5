import { describe, expect, it } from 'vitest';
import { parseStoredSession, portalSessionKey } from './portal-session';

describe('portal session', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('is kept per tenant, apart from the back-office session', () => {
    expect(portalSessionKey('climouest')).toBe('relais.portal.climouest');
    expect(portalSessionKey('climouest')).not.toBe('relais.session');
  });

  it('reads a stored session until it expires', () => {
    const raw = JSON.stringify({ token: 't', expiresAt: '2026-12-13T12:00:00Z' });
    expect(parseStoredSession(raw, now)).toEqual({ token: 't', expiresAt: '2026-12-13T12:00:00Z' });
    expect(parseStoredSession(raw, Date.parse('2026-12-13T12:00:00Z'))).toBeNull();
  });

  it('ignores nothing, broken JSON and other shapes', () => {
    expect(parseStoredSession(null, now)).toBeNull();
    expect(parseStoredSession('{', now)).toBeNull();
    expect(parseStoredSession(JSON.stringify({ token: 't' }), now)).toBeNull();
    expect(parseStoredSession(JSON.stringify({ token: 't', expiresAt: 'never' }), now)).toBeNull();
  });
});
