import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPortalToken,
  isPortalTokenShape,
  newPortalToken,
  normaliseEmail,
  portalLinkExpiry,
  portalLinkMail,
  portalSignInUrl,
} from './portal-access.rules';

describe('portal sign-in links', () => {
  it('makes tokens of 32 random bytes, URL-safe, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newPortalToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isPortalTokenShape(token)).toBe(true);
    }
  });

  it('stores the SHA-256 of the token in hex, not the token', () => {
    const token = newPortalToken();
    expect(hashPortalToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashPortalToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPortalToken(token)).not.toContain(token);
  });

  it('refuses shapes no link carries before any lookup', () => {
    expect(isPortalTokenShape('')).toBe(false);
    expect(isPortalTokenShape('abc')).toBe(false);
    expect(isPortalTokenShape(`${newPortalToken()}x`)).toBe(false);
    expect(isPortalTokenShape("' or 1=1 --                                ")).toBe(false);
  });

  it('expires 30 minutes after it is made', () => {
    expect(portalLinkExpiry(new Date('2026-12-06T10:00:00Z')).toISOString()).toBe('2026-12-06T10:30:00.000Z');
  });

  it('puts the token in the fragment of the tenant’s sign-in page', () => {
    expect(portalSignInUrl('https://relais.example.fr/', 'climouest', 'TOKEN')).toBe(
      'https://relais.example.fr/portail/climouest/connexion#TOKEN',
    );
  });

  it('compares addresses trimmed and in lower case', () => {
    expect(normaliseEmail('  Marie.Dupont@Example.FR ')).toBe('marie.dupont@example.fr');
  });
});

describe('portal link mail', () => {
  it('names the company, the customer and the link, in French', () => {
    const mail = portalLinkMail('Clim Ouest', [{ customerName: 'Boulangerie Martin', url: 'https://x.test/portail/c/connexion#T1' }]);
    expect(mail.subject).toBe('Votre accès à l’espace client Clim Ouest');
    expect(mail.text).toContain('espace client de Clim Ouest pour Boulangerie Martin');
    expect(mail.text).toContain('https://x.test/portail/c/connexion#T1');
    expect(mail.text).toContain('valable 30 minutes');
  });

  it('lists one link per company for a contact of two customers', () => {
    const mail = portalLinkMail('Clim Ouest', [
      { customerName: 'Boulangerie Martin', url: 'https://x.test/#A' },
      { customerName: 'Hôtel du Port', url: 'https://x.test/#B' },
    ]);
    expect(mail.text).toContain('un par société');
    expect(mail.text).toMatch(/Boulangerie Martin :\nhttps:\/\/x\.test\/#A\n\nHôtel du Port :\nhttps:\/\/x\.test\/#B/);
  });
});
