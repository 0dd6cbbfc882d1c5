export const ROLES = ['admin', 'planner', 'technician', 'billing', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const API_SCOPES = [
  'maintenance:read',
  'maintenance:write',
  'billing:read',
  'billing:write',
  'finance:read',
  'finance:write',
  'webhooks:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * Who is acting: a signed-in user or a partner's API key, always inside one tenant; or the system
 * itself (a scheduled job nobody started, such as the daily renewal notices), never through the API.
 */
export type Identity =
  | { kind: 'user'; tenantId: string; userId: string; role: Role; email: string }
  | { kind: 'api_key'; tenantId: string; apiKeyId: string; scopes: ApiScope[] }
  | { kind: 'system'; tenantId: string; job: string };

/** The user or API key acting; null for the system. */
export function actorId(identity: Identity): string | null {
  if (identity.kind === 'system') return null;
  return identity.kind === 'user' ? identity.userId : identity.apiKeyId;
}

export const systemIdentity = (tenantId: string, job: string): Identity => ({ kind: 'system', tenantId, job });
