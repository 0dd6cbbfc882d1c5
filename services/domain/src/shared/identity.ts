export const ROLES = ['admin', 'planner', 'technician', 'billing', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const API_SCOPES = [
  'maintenance:read',
  'maintenance:write',
  'billing:read',
  'billing:write',
  'finance:read',
  'finance:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Who is calling: a signed-in user or a partner's API key, always inside one tenant. */
export type Identity =
  | { kind: 'user'; tenantId: string; userId: string; role: Role; email: string }
  | { kind: 'api_key'; tenantId: string; apiKeyId: string; scopes: ApiScope[] };

export function actorId(identity: Identity): string {
  return identity.kind === 'user' ? identity.userId : identity.apiKeyId;
}
