import { SignJWT, jwtVerify } from 'jose';
import type { Identity } from '../shared/identity';

/**
 * The gateway authenticates callers, then forwards who they are to the subgraphs in a short-lived
 * token signed with a secret only the gateway and subgraphs share; subgraphs trust nothing else.
 */
export const IDENTITY_HEADER = 'x-relais-identity';
/**
 * The caller's address (as the gateway computes it from TRUSTED_PROXIES) and browser (User-Agent),
 * set by the gateway alone: a value a client sends under these names never reaches a subgraph.
 */
export const CLIENT_ADDRESS_HEADER = 'x-relais-client-address';
export const CLIENT_AGENT_HEADER = 'x-relais-client-agent';
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
