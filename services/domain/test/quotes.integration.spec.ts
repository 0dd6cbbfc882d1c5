import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Invoice,
  Money,
  acceptQuote,
  acceptQuoteAsCustomer,
  convertQuoteToInvoice,
  createCustomer,
  createQuote,
  deleteInvoiceDraft,
  findQuoteByPublicToken,
  getQuote,
  inPublicQuoteScope,
  inTenantScope,
  invoiceLines,
  issueInvoice,
  listBillableQuotes,
  localDate,
  quoteLines,
  refuseQuote,
  sendQuote,
  updateQuote,
  QuotePublicLink,
  QuoteRevision,
  type ConversionMode,
  type Identity,
  type Orm,
  Quote,
  type QuoteLineInput,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { TINY_PNG_DATA_URL as PNG } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
const YEAR = TODAY.slice(0, 4);
const dayOffset = (days: number) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const LINES: QuoteLineInput[] = [
  {
    section: 'Dépose',
    kind: 'LABOUR',
    description: 'Dépose de l’ancienne chaudière',
    quantity: '1',
    unit: 'C62',
    unitPrice: '400.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Fourniture et pose',
    kind: 'PART',
    description: 'Pompe à chaleur air/eau 11 kW',
    quantity: '1',
    unit: 'C62',
    unitPrice: '8000.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Fourniture et pose',
    kind: 'LABOUR',
    description: 'Main-d’œuvre de pose',
    quantity: '12',
    unit: 'HUR',
    unitPrice: '65.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Fourniture et pose',
    description: 'Raccordement des radiateurs',
    quantity: '1',
    unit: 'C62',
    unitPrice: '333.33',
    vatRateCode: 'TVA10',
  },
  {
    section: 'Options',
    optional: true,
    kind: 'PART',
    description: 'Thermostat connecté',
    quantity: '1',
    unit: 'C62',
    unitPrice: '250.00',
    vatRateCode: 'TVA20',
  },
];

describe('quotes', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let other: TestTenant;
  let customerId: string;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity: Identity = tenant.identity) =>
    inTenantScope(orm, identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const invoiceCount = async (quoteId: string) =>
    (await sql<{ n: number }>('select count(*)::int as n from invoices where quote_id = $1', [quoteId]))[0]!.n;

  /** A quote taken to ACCEPTED (option not taken unless asked). */
  async function acceptedQuote(options: { globalDiscountPercent?: string; chooseOption?: boolean } = {}): Promise<Quote> {
    let quote = await inScope((em) =>
      createQuote(em, tenant.identity, {
        customerId,
        title: 'Remplacement chaudière par PAC',
        lines: LINES,
        globalDiscountPercent: options.globalDiscountPercent,
      }),
    );
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    const lines = await inScope((em) => quoteLines(em, quote.id));
    const chosen = options.chooseOption ? lines.filter((l) => l.optional).map((l) => l.id) : [];
    return inScope((em) => acceptQuote(em, tenant.identity, quote.id, { expectedVersion: quote.version, chosenOptionalLineIds: chosen }));
  }

  const convert = (quoteId: string, mode: ConversionMode) => inScope((em) => convertQuoteToInvoice(em, tenant.identity, quoteId, mode));
  const issue = (invoice: Invoice) => inScope((em) => issueInvoice(em, invoice.id, invoice.version));

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    [tenant, other] = await Promise.all([createTestTenant('quotes'), createTestTenant('quotes-other')]);
    const customer = await inScope((em) =>
      createCustomer(em, tenant.tenantId, {
        name: 'Résidence Les Tilleuls',
        email: 'syndic@tilleuls.example',
        billingAddressLine1: '5 allée des Tilleuls',
        billingPostalCode: '44300',
        billingCity: 'Nantes',
      }),
    );
    customerId = customer.id;
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('is numbered when sent, mails the public link, keeps each sent version when revised, and never changes once accepted', async () => {
    let quote = await inScope((em) =>
      createQuote(em, tenant.identity, { customerId, title: 'Remplacement chaudière par PAC', lines: LINES }),
    );
    expect(quote).toMatchObject({
      status: 'DRAFT',
      number: null,
      revision: 1,
      totalNet: '9513.33',
      totalVat: '1869.33',
      totalGross: '11382.66',
    });
    expect(quote.validUntil).toBe(dayOffset(30));

    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    expect(quote.number).toMatch(new RegExp(`^D-${YEAR}-\\d{5}$`));
    expect(quote.status).toBe('SENT');
    const [link] = await sql<{ token: string }>('select token from quote_public_links where quote_id = $1', [quote.id]);
    const [mail] = await sql<{ to: string[]; subject: string; text_body: string }>(
      'select to_addresses as "to", subject, text_body from outbox_messages where related_id = $1',
      [quote.id],
    );
    expect(mail!.to).toEqual(['syndic@tilleuls.example']);
    expect(mail!.subject).toBe(`Devis ${quote.number} — Remplacement chaudière par PAC`);
    expect(mail!.text_body).toContain(`/public/quotes/${link!.token}`);

    const stale = await refusal(inScope((em) => updateQuote(em, quote.id, quote.version - 1, { title: 'x' })));
    expect(stale.code).toBe('STALE_VERSION');
    const sentVersion = quote.version;
    quote = await inScope((em) =>
      updateQuote(em, quote.id, sentVersion, {
        validUntil: dayOffset(45),
        lines: LINES.map((l, i) => (i === 2 ? { ...l, quantity: '10' } : l)),
      }),
    );
    expect(quote).toMatchObject({ status: 'DRAFT', revision: 2, totalNet: '9383.33' });
    const revisions = await inScope((em) => em.find(QuoteRevision, { quoteId: quote.id }));
    expect(revisions.map((r) => [r.revision, r.snapshot.totalNet, r.snapshot.lines[2]!.quantity])).toEqual([[1, '9513.33', '12.0000']]);

    const number = quote.number;
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    expect(quote).toMatchObject({ status: 'SENT', number, revision: 2 });
    const lines = await inScope((em) => quoteLines(em, quote.id));
    const option = lines.find((l) => l.optional)!;
    quote = await inScope((em) =>
      acceptQuote(em, tenant.identity, quote.id, {
        expectedVersion: quote.version,
        chosenOptionalLineIds: [option.id],
        signerName: 'M. Durand',
      }),
    );
    expect(quote).toMatchObject({
      status: 'ACCEPTED',
      decidedByKind: 'OFFICE',
      decidedBy: tenant.identity.kind === 'user' ? tenant.identity.userId : null,
    });
    expect(quote.totalNet).toBe('9633.33');

    expect((await refusal(inScope((em) => updateQuote(em, quote.id, quote.version, { title: 'Autre' })))).code).toBe('QUOTE_NOT_EDITABLE');
    await expect(sql('update quotes set title = $2 where id = $1', [quote.id, 'Modifié'])).rejects.toThrow(/accepted quote never changes/);
    await expect(sql('update quote_lines set unit_price = 1 where quote_id = $1', [quote.id])).rejects.toThrow(
      /accepted quote never changes/,
    );
  });

  it('bills a 30 % deposit, then the final invoice deducting it: amount due = total TTC − deposit TTC to the cent', async () => {
    const quote = await acceptedQuote();
    const deposit = await convert(quote.id, { mode: 'DEPOSIT', percent: '30' });
    expect(deposit).toMatchObject({ typeCode: '386', quoteId: quote.id, status: 'DRAFT', totalNet: '2854.00', totalGross: '3414.80' });
    expect((await inScope((em) => invoiceLines(em, deposit.id))).map((l) => l.description)).toEqual([
      `Acompte de 30 % sur le devis ${quote.number} (TVA 20 %)`,
      `Acompte de 30 % sur le devis ${quote.number} (TVA 10 %)`,
    ]);
    expect((await refusal(convert(quote.id, { mode: 'FINAL' }))).code).toBe('QUOTE_DEPOSIT_NOT_ISSUED');

    const issuedDeposit = await issue(deposit);
    const final = await convert(quote.id, { mode: 'FINAL' });
    expect(final).toMatchObject({
      typeCode: '380',
      quoteId: quote.id,
      totalGross: quote.totalGross,
      prepaidAmount: issuedDeposit.totalGross,
    });
    expect(final.amountDue).toBe(new Money(quote.totalGross).minus(issuedDeposit.totalGross).toFixed(2));
    expect(final.amountDue).toBe('7967.86');
    expect(final.notes).toContain(`Acomptes déduits : ${issuedDeposit.number}`);
    expect((await inScope((em) => invoiceLines(em, final.id))).map((l) => l.lineNet)).toEqual(['400.00', '8000.00', '780.00', '333.33']);

    const before = await invoiceCount(quote.id);
    const over = await refusal(
      convert(quote.id, {
        mode: 'PROGRESS',
        lines: [{ quoteLineId: (await inScope((em) => quoteLines(em, quote.id)))[0]!.id, cumulativePercent: '100' }],
      }),
    );
    expect(over.code).toBe('QUOTE_OVERBILLED');
    expect((await refusal(convert(quote.id, { mode: 'DEPOSIT', percent: '10' }))).code).toBe('QUOTE_OVERBILLED');
    expect(await invoiceCount(quote.id)).toBe(before);
    expect((await inScope((em) => listBillableQuotes(em))).map((b) => b.quote.id)).not.toContain(quote.id);
  });

  it('bills progress invoices at 30 %, 70 %, 100 % with 5 % retention, never exceeding the quote', async () => {
    const quote = await acceptedQuote({ globalDiscountPercent: '10', chooseOption: true });
    expect(quote).toMatchObject({ totalNet: '8787.00', totalGross: '10514.40' });
    const lineIds = (await inScope((em) => quoteLines(em, quote.id))).map((l) => l.id);
    const situation = (percent: string): ConversionMode => ({
      mode: 'PROGRESS',
      lines: lineIds.map((quoteLineId) => ({ quoteLineId, cumulativePercent: percent })),
      retentionPercent: '5',
    });
    // A deleted draft gives back what it billed, line by line.
    const discarded = await convert(quote.id, situation('50'));
    await inScope((em) => deleteInvoiceDraft(em, discarded.id, discarded.version));
    const invoices: Invoice[] = [];
    for (const percent of ['30', '70', '100']) {
      invoices.push(await issue(await convert(quote.id, situation(percent))));
      const billable = (await inScope((em) => listBillableQuotes(em))).find((b) => b.quote.id === quote.id);
      expect(billable?.remainingNet).toBe({ '30': '6150.90', '70': '2636.10', '100': undefined }[percent]);
    }
    expect(invoices.map((i) => [i.typeCode, i.totalGross, i.retentionPercent, i.retentionAmount])).toEqual([
      ['380', '3154.32', '5.00', '157.72'],
      ['380', '4205.76', '5.00', '210.29'],
      ['380', '3154.32', '5.00', '157.72'],
    ]);
    const total = invoices.reduce((sum, i) => sum.plus(i.totalGross), new Money(0));
    expect(total.toFixed(2)).toBe(quote.totalGross);
    expect(invoices.reduce((sum, i) => sum.plus(i.totalNet), new Money(0)).toFixed(2)).toBe(quote.totalNet);

    const before = await invoiceCount(quote.id);
    const over = await refusal(convert(quote.id, situation('110')));
    expect(over.code).toBe('QUOTE_OVERBILLED');
    expect((await refusal(convert(quote.id, { mode: 'FINAL' }))).code).toBe('QUOTE_OVERBILLED');
    expect(await invoiceCount(quote.id)).toBe(before);
  });

  it('converts only accepted quotes, and an expired quote can no longer be accepted', async () => {
    let quote = await inScope((em) =>
      createQuote(em, tenant.identity, { customerId, title: 'Devis expiré', validUntil: dayOffset(-1), lines: LINES.slice(0, 1) }),
    );
    expect((await refusal(convert(quote.id, { mode: 'FULL' }))).code).toBe('QUOTE_NOT_ACCEPTED');
    // Never sent already expired: refused (nothing numbered), unless it is given a new validity date.
    expect((await refusal(inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version)))).code).toBe('QUOTE_EXPIRED');
    expect(await inScope((em) => getQuote(em, quote.id))).toMatchObject({ status: 'DRAFT', number: null, version: quote.version });
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version, { validUntil: TODAY }));
    // The day passes: the sent quote is now past its validity.
    await inScope((em) => em.nativeUpdate(Quote, { id: quote.id }, { validUntil: dayOffset(-1) }));
    quote = await inScope((em) => getQuote(em, quote.id));
    const expired = await refusal(inScope((em) => acceptQuote(em, tenant.identity, quote.id, { expectedVersion: quote.version })));
    expect(expired.code).toBe('QUOTE_EXPIRED');
    expect(expired.message).toContain('a expiré');
    expect((await inScope((em) => getQuote(em, quote.id))).status).toBe('SENT');
    // The office revises it with a new date; the customer may then accept it.
    quote = await inScope((em) => updateQuote(em, quote.id, quote.version, { validUntil: dayOffset(10) }));
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    quote = await inScope((em) => refuseQuote(em, tenant.identity, quote.id, { expectedVersion: quote.version, reason: 'Trop cher' }));
    expect(quote).toMatchObject({ status: 'REFUSED', refusalReason: 'Trop cher' });
  });

  it('lets the customer accept with the token alone, recording name, signature, IP and user agent', async () => {
    let quote = await inScope((em) => createQuote(em, tenant.identity, { customerId, title: 'Contrat de dépannage', lines: LINES }));
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    const link = await inScope((em) => em.findOneOrFail(QuotePublicLink, { quoteId: quote.id }));
    expect(await findQuoteByPublicToken(orm, 'x'.repeat(43))).toBeNull();
    expect(await findQuoteByPublicToken(orm, link.token)).toEqual({ tenantId: tenant.tenantId, quoteId: quote.id });

    const missingSignature = await refusal(
      inPublicQuoteScope(orm, link.token, { requestId: 't', operation: 'test' }, (em, id) =>
        acceptQuoteAsCustomer(em, id, {
          signerName: 'Mme Leroy',
          signature: '',
          chosenOptionalLineIds: [],
          ip: '203.0.113.7',
          userAgent: 'test',
        }),
      ),
    );
    expect(missingSignature.code).toBe('VALIDATION_FAILED');

    const accepted = await inPublicQuoteScope(orm, link.token, { requestId: 't', operation: 'test' }, (em, id) =>
      acceptQuoteAsCustomer(em, id, {
        signerName: 'Mme Leroy',
        signature: PNG,
        chosenOptionalLineIds: [],
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 test',
      }),
    );
    expect(accepted!.result).toMatchObject({
      status: 'ACCEPTED',
      decidedByKind: 'CUSTOMER',
      signerName: 'Mme Leroy',
      signature: PNG,
      acceptanceIp: '203.0.113.7',
      acceptanceUserAgent: 'Mozilla/5.0 test',
      totalGross: '11382.66',
    });
    const [audit] = await sql<{ actor_kind: string }>(
      `select actor_kind from audit_log where table_name = 'quotes' and row_id = $1 and action = 'update' order by id desc limit 1`,
      [quote.id],
    );
    expect(audit!.actor_kind).toBe('customer');
  });

  it('keeps tenants apart: another tenant can neither read nor accept a quote by its id', async () => {
    let quote = await inScope((em) => createQuote(em, tenant.identity, { customerId, title: 'Devis privé', lines: LINES }));
    quote = await inScope((em) => sendQuote(em, tenant.identity, quote.id, quote.version));
    expect((await refusal(inScope((em) => getQuote(em, quote.id), other.identity))).code).toBe('NOT_FOUND');
    expect(
      (await refusal(inScope((em) => acceptQuote(em, other.identity, quote.id, { expectedVersion: quote.version }), other.identity))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await refusal(inScope((em) => convertQuoteToInvoice(em, other.identity, quote.id, { mode: 'FULL' }), other.identity))).code,
    ).toBe('NOT_FOUND');
    const rows = await inTenantTransaction(
      client,
      other.tenantId,
      async () => (await client.query('select id from quotes where id = $1', [quote.id])).rows,
    );
    expect(rows).toEqual([]);
    expect((await inScope((em) => getQuote(em, quote.id))).status).toBe('SENT');
  });
});
