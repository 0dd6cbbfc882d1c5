import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm';
import { Tenant } from '../../platform/tenant.entity';
import { Customer } from '../../maintenance/customer.entity';
import { Site } from '../../maintenance/site.entity';
import { vatRateDefs } from '../invoice-drafts';
import type { VatRateDef } from '../totals';
import { Quote, QuoteLine } from './quote.entity';
import { getQuote, quoteDisplayStatus, quoteLines } from './quote.service';
import { quoteTotals, type QuoteDisplayStatus, type QuoteTotals } from './quote.rules';

/**
 * The customer's side of a quote: the public page opened with the secret token of the link sent
 * by mail. No account: the token names the tenant (SECURITY DEFINER lookup), then everything
 * runs in that tenant's scope like any request, the audit log recording the actor as `customer`.
 */

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function findQuoteByPublicToken(orm: Orm, token: string): Promise<{ tenantId: string; quoteId: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await orm.em
    .getConnection()
    .execute<{ tenant_id: string; quote_id: string }[]>('select tenant_id, quote_id from quote_by_public_token(?)', [token]);
  return row ? { tenantId: row.tenant_id, quoteId: row.quote_id } : null;
}

/** Runs `work` on the quote of `token` in its tenant's transaction (committed when it resolves); null for an unknown token. */
export async function inPublicQuoteScope<T>(
  orm: Orm,
  token: string,
  meta: { requestId: string; operation: string },
  work: (em: EntityManager, quoteId: string) => Promise<T>,
): Promise<{ result: T } | null> {
  const found = await findQuoteByPublicToken(orm, token);
  if (!found) return null;
  const em = orm.em.fork({ clear: true, useContext: false });
  em.setFilterParams('tenant', { tenantId: found.tenantId });
  em.setSessionContext({
    variables: {
      'app.tenant_id': found.tenantId,
      'app.actor_kind': 'customer',
      'app.actor_id': '',
      'app.request_id': meta.requestId,
      'app.operation': meta.operation,
    },
  });
  await em.begin();
  try {
    const result = await work(em, found.quoteId);
    await em.commit();
    return { result };
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

export interface PublicQuoteView {
  seller: Pick<Tenant, 'name' | 'legalName' | 'siren' | 'vatNumber' | 'addressLine1' | 'postalCode' | 'city'>;
  customerName: string;
  siteLabel: string | null;
  quote: Quote;
  status: QuoteDisplayStatus;
  lines: QuoteLine[];
  vatRates: VatRateDef[];
  totals: QuoteTotals;
}

/** What the public page shows. */
export async function publicQuoteView(em: EntityManager, quoteId: string): Promise<PublicQuoteView> {
  const quote = await getQuote(em, quoteId);
  const [tenant, customer, site, lines, vatRates] = await Promise.all([
    em.findOneOrFail(Tenant, { id: quote.tenantId }),
    em.findOneOrFail(Customer, { id: quote.customerId }),
    quote.siteId ? em.findOne(Site, { id: quote.siteId }) : Promise.resolve(null),
    quoteLines(em, quoteId),
    vatRateDefs(em),
  ]);
  return {
    seller: {
      name: tenant.name,
      legalName: tenant.legalName,
      siren: tenant.siren ?? null,
      vatNumber: tenant.vatNumber ?? null,
      addressLine1: tenant.addressLine1 ?? null,
      postalCode: tenant.postalCode ?? null,
      city: tenant.city ?? null,
    },
    customerName: customer.name,
    siteLabel: site ? `${site.name}, ${site.addressLine1}, ${site.postalCode} ${site.city}` : null,
    quote,
    status: quoteDisplayStatus(quote),
    lines,
    vatRates,
    totals: quoteTotals(lines, quote.globalDiscountPercent, vatRates),
  };
}
