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
 * Who is acting: a signed-in user or a partner's API key, always inside one tenant; a customer's
 * contact signed in to the portal, inside one tenant and one customer of it (docs/portal.md); or the
 * system itself (a scheduled job nobody started, such as the daily renewal notices), never through the API.
 */
export type Identity =
  | { kind: 'user'; tenantId: string; userId: string; role: Role; email: string }
  | { kind: 'api_key'; tenantId: string; apiKeyId: string; scopes: ApiScope[] }
  | { kind: 'customer'; tenantId: string; customerId: string; contactId: string; email: string }
  | { kind: 'system'; tenantId: string; job: string };

/** The user, API key or customer contact acting; null for the system. */
export function actorId(identity: Identity): string | null {
  switch (identity.kind) {
    case 'system':
      return null;
    case 'user':
      return identity.userId;
    case 'api_key':
      return identity.apiKeyId;
    case 'customer':
      return identity.contactId;
  }
}

/** The customer a portal caller is confined to; null for the office's callers, who see every customer. */
export const customerScopeOf = (identity: Identity): string | null => (identity.kind === 'customer' ? identity.customerId : null);

export const systemIdentity = (tenantId: string, job: string): Identity => ({ kind: 'system', tenantId, job });
