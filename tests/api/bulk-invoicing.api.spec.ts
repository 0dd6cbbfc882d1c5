import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, type Orm } from '@relais/domain';
import { customersWithClosedWork, type CustomerWithWork } from '../support/bulk-invoicing-world';
import { appOrm } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { mailTo } from '../support/mail-catcher';
import { createMaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

const YEAR = localDate(new Date()).slice(0, 4);

type Result = {
  label: string;
  status: string;
  invoiceNumber: string | null;
  totalGross: string;
  recipients: string[];
  errorCode: string | null;
  errorMessage: string | null;
};
type Batch = { id: string; state: string; progress: { total: number; done: number; sent: number; notSent: number }; results: Result[] };

const PREVIEW = `query($selection: BillingSelectionInput!) { billingBatchPreview(selection: $selection) {
  invoiceCount totalNet totalVat totalGross withoutRecipient groups { label totalNet totalVat totalGross recipients recipientSource } } }`;
const START = `mutation($selection: BillingSelectionInput!) { startBillingBatch(selection: $selection) { id state } }`;
const BATCH = `query($id: ID!) { billingBatch(id: $id) { id state progress { total done sent notSent }
  results { label status invoiceNumber totalGross recipients errorCode errorMessage } } }`;

/**
 * Month end through the gateway: three customers' closed work previewed, invoiced, issued and
 * sent by the billing subgraph's job; the mails reach the SMTP server addressed to each billing
 * contact; a customer without any address gets its invoice issued and a clear reason why it was
 * not sent.
 */
describe('bulk invoicing through the gateway', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let token: string;
  let customers: CustomerWithWork[];
  const call = <T>(query: string, variables: Record<string, unknown> = {}, as = token) => gql<T>(query, variables, as);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('bulk-api');
    const world = await createMaintenanceWorld(orm, tenant, []);
    customers = await customersWithClosedWork(orm, tenant, world, [
      { name: 'Crèche Les Lutins', billingEmail: 'compta@lutins.test', email: 'accueil@lutins.test', hours: ['2', '1'] },
      { name: 'Menuiserie Quéré', billingEmail: null, email: null, hours: ['1.5'] },
      { name: 'Syndic Océane', billingEmail: 'factures@oceane.test', hours: ['4'] },
    ]);
    token = await login(tenant.adminEmail);
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('previews, then invoices, issues and sends the selection: each mail to the billing contact, the customer without address named', async () => {
    const selection = { interventionIds: customers.flatMap((c) => c.interventionIds) };
    const { billingBatchPreview: preview } = must(
      await call<{ billingBatchPreview: Record<string, unknown> & { groups: unknown[] } }>(PREVIEW, { selection }),
    );
    // (2 h + trip) + (1 h + trip) = 175,00 + 110,00; 1,5 h + trip = 142,50; 4 h + trip = 305,00 (HT, 20 % VAT).
    expect(preview).toEqual({
      invoiceCount: 3,
      totalNet: '732.50',
      totalVat: '146.50',
      totalGross: '879.00',
      withoutRecipient: 1,
      groups: [
        {
          label: 'Crèche Les Lutins',
          totalNet: '285.00',
          totalVat: '57.00',
          totalGross: '342.00',
          recipients: ['compta@lutins.test'],
          recipientSource: 'BILLING_CONTACTS',
        },
        { label: 'Menuiserie Quéré', totalNet: '142.50', totalVat: '28.50', totalGross: '171.00', recipients: [], recipientSource: 'NONE' },
        {
          label: 'Syndic Océane',
          totalNet: '305.00',
          totalVat: '61.00',
          totalGross: '366.00',
          recipients: ['factures@oceane.test'],
          recipientSource: 'BILLING_CONTACTS',
        },
      ],
    });

    const { startBillingBatch: started } = must(await call<{ startBillingBatch: { id: string; state: string } }>(START, { selection }));
    expect(started.state).toBe('QUEUED');
    let batch: Batch | undefined;
    for (let i = 0; i < 150 && batch?.state !== 'SUCCEEDED'; i++) {
      batch = must(await call<{ billingBatch: Batch }>(BATCH, { id: started.id })).billingBatch;
      if (batch.state !== 'SUCCEEDED') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(batch!.progress).toEqual({ total: 3, done: 3, sent: 2, notSent: 1 });
    expect(batch!.results.map((r) => [r.label, r.status, r.totalGross, r.recipients, r.errorCode])).toEqual([
      ['Crèche Les Lutins', 'SENT', '342.00', ['compta@lutins.test'], null],
      ['Menuiserie Quéré', 'SEND_FAILED', '171.00', [], 'NO_RECIPIENT'],
      ['Syndic Océane', 'SENT', '366.00', ['factures@oceane.test'], null],
    ]);
    expect(batch!.results[1]!.errorMessage).toBe(
      'Facture émise mais non envoyée : Aucun destinataire : le client Menuiserie Quéré n’a ni contact de facturation ni adresse e-mail ; indiquez un destinataire',
    );
    const numbers = batch!.results.map((r) => r.invoiceNumber!);
    const first = Number(numbers[0]!.slice(-5));
    expect(numbers).toEqual([0, 1, 2].map((i) => `F-${YEAR}-${String(first + i).padStart(5, '0')}`));

    expect((await mailTo('compta@lutins.test', `Facture ${numbers[0]} `)).to).toEqual(['compta@lutins.test']);
    const oceane = await mailTo('factures@oceane.test', `Facture ${numbers[2]} `);
    expect(oceane.to).toEqual(['factures@oceane.test']);
    expect(oceane.attachments.map((a) => a.filename)).toContain(`${numbers[2]}.pdf`);

    // The work is billed: the same selection again is refused and starts nothing.
    const again = await call(START, { selection });
    expect(errorCodes(again)).toEqual(['NOT_BILLABLE']);
    const { billingBatches } = must(await call<{ billingBatches: { id: string }[] }>('{ billingBatches { id } }'));
    expect(billingBatches.map((b) => b.id)).toEqual([started.id]);
  }, 60_000);

  it('sends the invoice left unsent once someone types a recipient, with a copy and the company’s reply-to', async () => {
    const { billingBatches } = must(await call<{ billingBatches: { id: string }[] }>('{ billingBatches { id } }'));
    const { billingBatch } = must(
      await call<{ billingBatch: { results: { status: string; invoice: { id: string; number: string } | null }[] } }>(
        'query($id: ID!) { billingBatch(id: $id) { results { status invoice { id number } } } }',
        { id: billingBatches[0]!.id },
      ),
    );
    const unsent = billingBatch.results.find((r) => r.status === 'SEND_FAILED')!.invoice!;
    const { invoiceSendPreview: preview } = must(
      await call<{ invoiceSendPreview: { to: string[]; replyTo: string; subject: string; body: string; recipientSource: string } }>(
        'query($id: ID!) { invoiceSendPreview(id: $id) { to replyTo subject body recipientSource } }',
        { id: unsent.id },
      ),
    );
    expect(preview).toMatchObject({ to: [], recipientSource: 'NONE', replyTo: expect.stringMatching(/^facturation@/) });
    expect(preview.subject).toMatch(new RegExp(`^Facture ${unsent.number} — `));
    expect(preview.body).toContain(`notre facture ${unsent.number} du `);

    const refused = await call(`mutation($id: ID!) { sendInvoice(id: $id) { id } }`, { id: unsent.id });
    expect(errorCodes(refused)).toEqual(['NO_RECIPIENT']);
    const sent = await call<{ sendInvoice: { status: string } }>(
      `mutation($id: ID!, $input: SendInvoiceInput) { sendInvoice(id: $id, input: $input) { status } }`,
      {
        id: unsent.id,
        input: { to: ['atelier@quere.test'], cc: ['gerant@quere.test'], body: 'Bonjour {{client}},\n\nVoici la facture {{numero}}.' },
      },
    );
    expect(sent.data?.sendInvoice.status).toBe('SENT');
    const mail = await mailTo('atelier@quere.test', `Facture ${unsent.number} `);
    // The SMTP envelope: the recipient and the copy.
    expect(mail.to).toEqual(['atelier@quere.test', 'gerant@quere.test']);
  }, 30_000);

  it('keeps the company’s grouping and mail template, refusing a placeholder that does not exist', async () => {
    const UPDATE = `mutation($input: InvoicingSettingsInput!) { updateInvoicingSettings(input: $input) {
      invoiceGrouping invoiceMailSubject customTemplate } }`;
    const refused = await call(UPDATE, { input: { invoiceMailBody: 'Bonjour,\n\nFacture {{numéro}} : {{montant}}.' } });
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0]!.extensions!['fields']).toMatchObject([
      {
        field: 'invoiceMailBody',
        message: expect.stringMatching(/^repère inconnu : \{\{numéro\}\} \(repères possibles : \{\{client\}\}, \{\{numero\}\}/),
      },
    ]);
    const { invoicingSettings: unchanged } = must(
      await call<{ invoicingSettings: unknown }>('{ invoicingSettings { invoiceGrouping customTemplate } }'),
    );
    expect(unchanged).toEqual({ invoiceGrouping: 'CUSTOMER', customTemplate: false });

    const saved = must(
      await call<{ updateInvoicingSettings: unknown }>(UPDATE, {
        input: { invoiceGrouping: 'SITE', invoiceMailSubject: 'Votre facture {{numero}}' },
      }),
    );
    expect(saved.updateInvoicingSettings).toEqual({
      invoiceGrouping: 'SITE',
      invoiceMailSubject: 'Votre facture {{numero}}',
      customTemplate: true,
    });
  });

  it('keeps the reply-to address of the invoice mails, refusing one that is not an address, and previews a template on a sample invoice', async () => {
    const UPDATE = `mutation($input: InvoicingSettingsInput!) { updateInvoicingSettings(input: $input) { billingEmail } }`;
    const SETTINGS = '{ invoicingSettings { billingEmail invoiceGrouping customTemplate } }';
    const before = must(await call<{ invoicingSettings: unknown }>(SETTINGS)).invoicingSettings;
    const refused = await call(UPDATE, { input: { billingEmail: 'factures@quere', invoiceGrouping: 'CONTRACT' } });
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0]!.extensions!['fields']).toEqual([
      { field: 'billingEmail', message: 'adresse e-mail invalide : « factures@quere »', reason: 'INVALID' },
    ]);
    expect(must(await call<{ invoicingSettings: unknown }>(SETTINGS)).invoicingSettings).toEqual(before);
    expect(must(await call<{ updateInvoicingSettings: unknown }>(UPDATE, { input: { billingEmail: ' factures@quere.test ' } }))).toEqual({
      updateInvoicingSettings: { billingEmail: 'factures@quere.test' },
    });

    const PREVIEW_MAIL = `query($subject: String, $body: String) { invoiceMailPreview(subject: $subject, body: $body) {
      subject body customerName unknownPlaceholders } }`;
    const { invoiceMailPreview: mail } = must(
      await call<{ invoiceMailPreview: { subject: string; body: string; customerName: string; unknownPlaceholders: string[] } }>(
        PREVIEW_MAIL,
        { subject: '{{document}} {{numero}} pour {{client}}', body: 'Montant : {{montant}}\n{{totalHT}}' },
      ),
    );
    expect(mail.subject).toMatch(/^Facture F-\d{4}-00042 pour Dupont Chauffage SARL$/);
    expect(mail.body.replace(/\s/g, ' ')).toBe('Montant : 1 234,56 €\n{{totalHT}}'.replace(/\s/g, ' '));
    expect(mail.unknownPlaceholders).toEqual(['{{totalHT}}']);
    expect(mail.customerName).toBe('Dupont Chauffage SARL');
  });

  it('refuses a selection that is empty or malformed, and a partner key without billing:write', async () => {
    expect(errorCodes(await call(START, { selection: {} }))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await call(PREVIEW, { selection: { filter: { closedUntil: '31/12/2026' } } }))).toEqual(['VALIDATION_FAILED']);
    const created = must(
      await call<{ createApiKey: { token: string } }>('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }', {
        input: { name: 'Lecture facturation', scopes: ['billing:read'] },
      }),
    );
    const reader = created.createApiKey.token;
    expect(errorCodes(await call(START, { selection: { filter: {} } }, reader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('mutation { issueAndSendInvoices(ids: []) { id } }', {}, reader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('mutation { issueAndSendInvoices(ids: []) { id } }'))).toEqual(['VALIDATION_FAILED']);
  }, 30_000);
});
