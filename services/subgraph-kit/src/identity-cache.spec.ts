import { describe, expect, it } from 'vitest';
import { signInternalIdentity, verifyInternalIdentity, type Identity } from '@relais/domain';
import { createIdentityVerifier, tokenExpiry } from './identity-cache';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const identity: Identity = { kind: 'user', userId: 'u1', tenantId: 't1', role: 'admin', email: 'a@b.fr' };

describe('identity verifier cache', () => {
  it('verifies a token once and answers the same identity until the token expires', async () => {
    const token = await signInternalIdentity(identity, SECRET);
    let verified = 0;
    let clock = Date.now();
    const verify = createIdentityVerifier(
      (t) => {
        verified += 1;
        return verifyInternalIdentity(t, SECRET);
      },
      () => clock,
    );
    expect(await verify(token)).toEqual(identity);
    expect(await verify(token)).toEqual(identity);
    expect(verified).toBe(1);
    clock = tokenExpiry(token)! * 1000 + 1;
    // Past its exp the cache no longer answers: the token goes through verification again (which refuses it once expired).
    await verify(token);
    expect(verified).toBe(2);
  });

  it('never caches a token that fails verification', async () => {
    const forged = await signInternalIdentity(identity, 'another-secret-of-enough-length-987654');
    let verified = 0;
    const verify = createIdentityVerifier((t) => {
      verified += 1;
      return verifyInternalIdentity(t, SECRET);
    });
    await expect(verify(forged)).rejects.toThrow();
    await expect(verify(forged)).rejects.toThrow();
    expect(verified).toBe(2);
  });

  it('reads no expiry from a malformed token', () => {
    expect(tokenExpiry('not-a-jwt')).toBeNull();
  });
});
