import { SignJWT, jwtVerify } from 'jose';
import type { Identity } from '../shared/identity';

/**
 * The gateway authenticates callers, then forwards who they are to the subgraphs in a short-lived
 * token signed with a secret only the gateway and subgraphs share; subgraphs trust nothing else.
 */
export const IDENTITY_HEADER = 'x-relais-identity';
const AUDIENCE = 'relais-subgraph';

export async function signInternalIdentity(identity: Identity, secret: string): Promise<string> {
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(new TextEncoder().encode(secret));
}

export async function verifyInternalIdentity(token: string, secret: string): Promise<Identity> {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { audience: AUDIENCE, algorithms: ['HS256'] });
  return payload.identity as Identity;
}
