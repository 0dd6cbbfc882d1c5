import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createOrm, inTenantScope, newId, provisionTenant, type Identity, type Orm } from '@relais/domain';

export interface TestTenant {
  tenantId: string;
  identity: Identity;
  /** Its admin user, who signs in with the demo password. */
  adminEmail: string;
  /** Its slug, e.g. in its customer portal's address (/portail/<slug>/). */
  slug: string;
}

/** A fresh tenant of its own for one test file, so tests never depend on each other's data. */
export async function createTestTenant(label: string): Promise<TestTenant> {
  const tenantId = newId();
  const identity: Identity = { kind: 'user', tenantId, userId: newId(), role: 'admin', email: `test@${label}.example` };
  const admin: Orm = await createOrm(inject('adminDatabaseUrl'), { pool: { min: 0, max: 1 } });
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  try {
    await inTenantScope(admin, identity, { requestId: 'test-setup' }, (em) =>
      provisionTenant(em, tenantId, { slug, name: `Test ${label}`, domain: `${slug}.test`, customers: 0, seed: 42 }),
    );
  } finally {
    await admin.close(true);
  }
  return { tenantId, identity, adminEmail: `admin@${slug}.test`, slug };
}
