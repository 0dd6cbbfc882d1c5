import type { AuthCheckerFn } from 'type-graphql';
import { Errors } from '@relais/domain';
import type { RequestContext } from './context';
import { hasPermission, type Permission } from './permissions';

/**
 * `@Authorized()` = any signed-in caller of the office (user or API key); `@Authorized('billing:write')`
 * = that permission. A customer's contact reaches only fields marked `@Authorized('portal')`.
 */
export const authChecker: AuthCheckerFn<RequestContext, Permission> = ({ context }, permissions) => {
  const identity = context.identity;
  if (!identity) throw Errors.unauthenticated();
  if (identity.kind === 'customer' && permissions.length === 0) throw Errors.forbidden('Réservé aux utilisateurs de l’entreprise');
  const missing = permissions.filter((p) => !hasPermission(identity, p));
  if (missing.length > 0) throw Errors.forbidden(`Permission requise : ${missing.join(', ')}`, { permissions: missing });
  return true;
};
