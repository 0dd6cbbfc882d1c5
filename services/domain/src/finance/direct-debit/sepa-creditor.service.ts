import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../../platform/tenant.entity';
import { parseCreditorId } from '../sepa/creditor-identifier';

/** The company as SEPA creditor: the name, account and creditor identifier (ICS) its collections carry. */
export interface SepaCreditor {
  name: string;
  iban: string | null;
  bic: string | null;
  creditorId: string | null;
}

const creditorOf = (t: Tenant): SepaCreditor => ({
  name: t.legalName,
  iban: t.iban ?? null,
  bic: t.bic ?? null,
  creditorId: t.sepaCreditorId ?? null,
});

export async function sepaCreditor(em: EntityManager, tenantId: string): Promise<SepaCreditor> {
  return creditorOf(await em.findOneOrFail(Tenant, { id: tenantId }));
}

/**
 * Records the ICS the company's bank (or the Banque de France) assigned it, checked (country,
 * check digits, 6-character national id for France). VALIDATION_FAILED on `creditorId`.
 * Invoices already issued keep the identifier they were rendered with.
 */
export async function setSepaCreditorId(em: EntityManager, tenantId: string, value: string): Promise<SepaCreditor> {
  const creditorId = parseCreditorId(value, 'creditorId');
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  tenant.sepaCreditorId = creditorId;
  await em.flush();
  return creditorOf(tenant);
}
