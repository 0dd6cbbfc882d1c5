import { GraphQLError } from 'graphql';
import pg from 'pg';
import { authenticateApiKey, type ApiKeyRow } from '@relais/domain/platform/api-key-token';
import { verifySessionToken } from '@relais/domain/platform/session-token';
import { DomainError } from '@relais/domain/shared/errors';
import type { Identity, Role } from '@relais/domain/shared/identity';
import { createPortalSessionCheck, createSessionCheck } from './session-check';

export interface Authenticator {
  identify(authorization: string | null): Promise<Identity | null>;
  close(): Promise<void>;
}

/**
 * Turns the Authorization header into an identity: a session token (JWT signed at login, or a
 * customer portal session, docs/portal.md) or a partner API key (`rk_...`, checked against its
 * stored hash). No header: anonymous (only login and the portal's sign-in work).
 */
export function createAuthenticator(options: { databaseUrl: string; sessionSecret: string }): Authenticator {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
  const findKey = async (prefix: string) => (await pool.query<ApiKeyRow>('select * from auth_api_key($1)', [prefix])).rows[0];
  const currentSession = createSessionCheck(
    async (tenantId, userId) =>
      (await pool.query<{ active: boolean; role: Role }>('select * from auth_session_user($1, $2)', [tenantId, userId])).rows[0],
  );
  const currentPortalSession = createPortalSessionCheck(
    async (tenantId, contactId) =>
      (
        await pool.query<{ customerId: string; email: string | null }>(
          'select customer_id as "customerId", email from portal_session_contact($1, $2)',
          [tenantId, contactId],
        )
      ).rows[0],
  );
  return {
    async identify(authorization) {
      if (!authorization) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      try {
        if (!match) throw new DomainError('INVALID_TOKEN', 'UNAUTHENTICATED', 'En-tête Authorization attendu : Bearer <jeton>');
        const token = match[1]!;
        if (!token.startsWith('rk_')) {
          const session = await verifySessionToken(token, options.sessionSecret);
          // A deactivated user's session stops at once; a changed role applies at once; so does a removed portal contact (session-check.ts).
          if (session.kind === 'customer') return await currentPortalSession(session);
          return session.kind === 'user' ? await currentSession(session) : session;
        }
        const identity = await authenticateApiKey(findKey, token);
        // Shown to admins as the key's last use; a failed stamp never refuses the request.
        if (identity.kind === 'api_key') pool.query('select touch_api_key($1)', [identity.apiKeyId]).catch(() => undefined);
        return identity;
      } catch (error) {
        if (error instanceof DomainError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
