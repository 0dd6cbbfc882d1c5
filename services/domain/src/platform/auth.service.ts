import type { EntityManager } from '@mikro-orm/postgresql';
import { Errors } from '../shared/errors';
import type { Role } from '../shared/identity';
import { verifyPassword } from './password';
import { User } from './user.entity';

export interface UserAuthRow {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  password_hash: string;
  active: boolean;
}

// Verifying against a fixed hash when the e-mail is unknown keeps response times alike.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Checks e-mail and password; `findUser` reads through the `auth_user_by_email` definer function
 * (no tenant is known yet). Same typed error whether the e-mail or the password is wrong.
 */
export async function checkCredentials(
  findUser: (email: string) => Promise<UserAuthRow | undefined>,
  email: string,
  password: string,
): Promise<{ id: string; tenantId: string; role: Role; email: string }> {
  const row = await findUser(email.trim());
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || !row.active) throw Errors.invalidCredentials();
  return { id: row.id, tenantId: row.tenant_id, role: row.role, email: row.email };
}

export async function recordLogin(em: EntityManager, userId: string): Promise<User> {
  const user = await em.findOneOrFail(User, { id: userId });
  user.lastLoginAt = new Date();
  await em.flush();
  return user;
}
