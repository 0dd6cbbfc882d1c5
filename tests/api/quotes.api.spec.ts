import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';
import { adminClient } from '../support/database';
import { TODAY } from '../support/dates';
import { mailTo } from '../support/mail-catcher';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const FIELDS = `id number revision status version validUntil totalNet totalVat totalGross publicUrl billedNet remainingNet
  decidedBy signerName acceptanceIp acceptanceUserAgent signatureDataUrl customer { id }
  lines { id optional selected description lineNet } sections { title subtotal lines { description } } revisions { revision totalGross }
  invoices { id typeCode totalGross }`;

type Quote = {
  id: string;
  number: string | null;
  revision: number;
  status: string;
  version: number;
  totalNet: string;
  totalGross: string;
  publicUrl: string | null;
  billedNet: string;
  remainingNet: string;
  decidedBy: string | null;
  signerName: string | null;
  acceptanceIp: string | null;
  acceptanceUserAgent: string | null;
  signatureDataUrl: string | null;
  lines: { id: string; optional: boolean; selected: boolean; description: string; lineNet: string }[];
  sections: { title: string | null; subtotal: string; lines: { description: string }[] }[];
  revisions: { revision: number; totalGross: string }[];
  invoices: { id: string; typeCode: string; totalGross: string }[];
};

const LINES = [
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

const origin = () => new URL(inject('gatewayUrl')).origin;
const page = (path: string, init?: RequestInit) => fetch(`${origin()}${path}`, { redirect: 'manual', ...init });
const postForm = (path: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
  return page(path, { method: 'POST', body, headers: { 'user-agent': 'Mozilla/5.0 (iPhone) RelaisTest' } });
};

describe('quotes through the gateway, with the customer’s public page', () => {
  let token: string;
  let fx: Fixture;

  beforeAll(async () => {
    const tenant = await createTestTenant('api-quotes');
    token = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(token, tenant.tenantId, 'quotes');
  });

  const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, token);
  const quoteById = async (id: string) =>
    (await call<{ quote: Quote }>(`query($id: ID!) { quote(id: $id) { ${FIELDS} } }`, { id })).data!.quote;

  async function sentQuote(extra: Record<string, unknown> = {}): Promise<Quote> {
    const created = await call<{ createQuote: Quote }>(`mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ${FIELDS} } }`, {
      input: { customerId: fx.customerId, siteId: fx.siteId, title: 'Remplacement chaudière', lines: LINES, ...extra },
    });
    expect(created.errors).toBeUndefined();
    const q = created.data!.createQuote;
    const sent = await call<{ sendQuote: Quote }>(
      `mutation($id: ID!, $v: Int!) { sendQuote(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
      {
        id: q.id,
        v: q.version,
      },
    );
    expect(sent.errors).toBeUndefined();
    return sent.data!.sendQuote;
  }

  it('is revised, accepted by the customer on the public page with a signature, then invoiced', async () => {
    let quote = await sentQuote();
    expect(quote).toMatchObject({ status: 'SENT', revision: 1, totalNet: '8780.00', totalGross: '10536.00', remainingNet: '8780.00' });
    expect(quote.number).toMatch(/^D-\d{4}-00001$/);
    expect(quote.sections.map((s) => [s.title, s.subtotal, s.lines.length])).toEqual([
      ['Fourniture et pose', '8780.00', 2],
      ['Options', '0.00', 1],
    ]);

    const stale = await call(`mutation($id: ID!) { updateQuote(id: $id, expectedVersion: 99, input: { title: "x" }) { id } }`, {
      id: quote.id,
    });
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    const revised = await call<{ updateQuote: Quote }>(
      `mutation($id: ID!, $v: Int!) { updateQuote(id: $id, expectedVersion: $v, input: { globalDiscountPercent: "5" }) { ${FIELDS} } }`,
      { id: quote.id, v: quote.version },
    );
    expect(revised.data!.updateQuote).toMatchObject({
      status: 'DRAFT',
      revision: 2,
      totalNet: '8341.00',
      revisions: [{ revision: 1, totalGross: '10536.00' }],
    });
    const resent = await call<{ sendQuote: Quote }>(
      `mutation($id: ID!, $v: Int!) { sendQuote(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
      {
        id: quote.id,
        v: revised.data!.updateQuote.version,
      },
    );
    quote = resent.data!.sendQuote;
    expect(quote).toMatchObject({ status: 'SENT', revision: 2 });
    expect(quote.publicUrl).toMatch(/\/public\/quotes\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(quote.publicUrl!, origin()).pathname;

    const shown = await page(path);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toContain('text/html');
    const html = await shown.text();
    expect(html).toContain(`Devis ${quote.number}`);
    expect(html).toContain('révision 2');
    expect(html).toContain('Thermostat connecté');
    expect(html).toContain('Accepter et signer');

    const backOffice = inject('backOfficeUrl');
    if (backOffice) {
      // The link in the mail points at the back-office origin, which passes /public/* to the gateway.
      const viaBackOffice = await fetch(`${backOffice}${path}`);
      expect(viaBackOffice.status).toBe(200);
      expect(await viaBackOffice.text()).toContain(`Devis ${quote.number}`);
    }
    expect((await page('/public/quotes/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const missing = await postForm(`${path}/accept`, { signerName: 'Mme Leroy' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('signature obligatoire');

    const option = quote.lines.find((l) => l.optional)!;
    const accepted = await postForm(`${path}/accept`, { signerName: 'Mme Leroy, gérante', signature: SIGNATURE, option: [option.id] });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(path);
    const receipt = await (await page(path)).text();
    expect(receipt).toContain('Accusé d’acceptation');
    expect(receipt).toContain('Mme Leroy, gérante');
    expect(receipt).not.toContain('Accepter et signer');

    const after = await quoteById(quote.id);
    expect(after).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'CUSTOMER',
      signerName: 'Mme Leroy, gérante',
      signatureDataUrl: SIGNATURE,
      acceptanceUserAgent: 'Mozilla/5.0 (iPhone) RelaisTest',
      totalNet: '8578.50',
    });
    expect(after.acceptanceIp).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    expect(receipt).toContain(after.acceptanceIp);
    expect(after.lines.find((l) => l.optional)!.selected).toBe(true);
    expect((await postForm(`${path}/refuse`, { signerName: 'Quelqu’un' })).status).toBe(409);

    const deposit = await call<{
      convertQuoteToInvoice: { id: string; typeCode: string; totalGross: string; quote: { id: string; number: string } };
    }>(
      `mutation($id: ID!) { convertQuoteToInvoice(quoteId: $id, input: { mode: DEPOSIT, percent: "30" }) { id typeCode totalGross quote { id number } } }`,
      { id: quote.id },
    );
    expect(deposit.errors).toBeUndefined();
    expect(deposit.data!.convertQuoteToInvoice).toMatchObject({
      typeCode: '386',
      totalGross: '3088.26',
      quote: { id: quote.id, number: quote.number },
    });
    const over = await call(`mutation($id: ID!) { convertQuoteToInvoice(quoteId: $id, input: { mode: DEPOSIT, percent: "80" }) { id } }`, {
      id: quote.id,
    });
    expect(errorCodes(over)).toEqual(['QUOTE_OVERBILLED']);
    const billable = await call<{ billableQuotes: { quote: { id: string; invoices: { typeCode: string }[] }; remainingNet: string }[] }>(
      '{ billableQuotes { remainingNet quote { id invoices { typeCode } } } }',
    );
    expect(billable.data!.billableQuotes.find((b) => b.quote.id === quote.id)).toEqual({
      remainingNet: '8578.50',
      quote: { id: quote.id, invoices: [{ typeCode: '386' }] },
    });
  });

  it('refuses the acceptance of an expired quote with a clear message', async () => {
    const sent = await sentQuote();
    // Its validity passes (the day goes by): the quote is now past its date.
    const admin = await adminClient();
    await admin.query(`update quotes set valid_until = current_date - 2 where id = $1`, [sent.id]);
    await admin.end();
    const quote = await quoteById(sent.id);
    expect(quote.status).toBe('EXPIRED');
    const path = new URL(quote.publicUrl!, origin()).pathname;
    const shown = await (await page(path)).text();
    expect(shown).toContain('Ce devis a expiré');
    expect(shown).not.toContain('Accepter et signer');

    const attempt = await postForm(`${path}/accept`, { signerName: 'Mme Leroy', signature: SIGNATURE });
    expect(attempt.status).toBe(409);
    expect(await attempt.text()).toContain('ne peut plus être accepté');
    expect((await quoteById(quote.id)).status).toBe('EXPIRED');

    const byOffice = await call(`mutation($id: ID!, $v: Int!) { acceptQuote(id: $id, expectedVersion: $v) { id } }`, {
      id: quote.id,
      v: quote.version,
    });
    expect(errorCodes(byOffice)).toEqual(['QUOTE_EXPIRED']);
  });

  /** A form POST from `localAddress` (another loopback address than the trusted proxies' 127.0.0.1), with these headers. */
  const postFormFrom = (localAddress: string, path: string, form: Record<string, string>, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const gateway = new URL(inject('gatewayUrl'));
      const body = new URLSearchParams(form).toString();
      const req = request(
        {
          host: gateway.hostname,
          port: gateway.port,
          path,
          method: 'POST',
          localAddress,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('records the address of the peer, not the X-Forwarded-For an untrusted peer writes; a trusted proxy’s is believed', async () => {
    const forged = await sentQuote();
    const fromUntrusted = await postFormFrom(
      '127.0.0.2',
      `${new URL(forged.publicUrl!, origin()).pathname}/accept`,
      { signerName: 'Mme Leroy', signature: SIGNATURE },
      { 'x-forwarded-for': '198.51.100.7', 'x-relais-client-address': '203.0.113.66' },
    );
    expect(fromUntrusted).toBe(303);
    expect(await quoteById(forged.id)).toMatchObject({ status: 'ACCEPTED', acceptanceIp: '127.0.0.2' });

    // 127.0.0.1 is a trusted proxy (TRUSTED_PROXIES' default, the back-office server): the address it forwards is the client's.
    const proxied = await sentQuote();
    const fromProxy = await postFormFrom(
      '127.0.0.1',
      `${new URL(proxied.publicUrl!, origin()).pathname}/refuse`,
      { signerName: 'M. Leroy' },
      { 'x-forwarded-for': '198.51.100.7' },
    );
    expect(fromProxy).toBe(303);
    expect(await quoteById(proxied.id)).toMatchObject({ status: 'REFUSED', acceptanceIp: '198.51.100.7' });
  });

  const SEND = `mutation($id: ID!, $v: Int!, $input: SendQuoteInput) { sendQuote(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
  const PREVIEW = `query($id: ID!) { quoteSendPreview(id: $id) { to cc recipientSource subject body attachments { filename contentType }
    publicUrl validUntil expired proposedValidUntil } }`;
  type Preview = {
    to: string[];
    recipientSource: string;
    subject: string;
    body: string;
    attachments: { filename: string; contentType: string }[];
    publicUrl: string;
    validUntil: string;
    expired: boolean;
    proposedValidUntil: string;
  };
  const draftQuote = async (extra: Record<string, unknown> = {}) =>
    (
      await call<{ createQuote: Quote }>(`mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ${FIELDS} } }`, {
        input: { customerId: fx.customerId, siteId: fx.siteId, title: 'Désembouage du réseau', lines: LINES, ...extra },
      })
    ).data!.createQuote;
  const frenchDay = (day: string) => day.split('-').reverse().join('/');
  const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it('mails the quote to the customer’s signatory with its PDF and an absolute link that opens the public page', async () => {
    const signatory = `signataire-${fx.customerId.slice(0, 8)}@client.test`;
    for (const [fullName, email, roles] of [
      ['Paul Compta', `compta-${fx.customerId.slice(0, 8)}@client.test`, ['BILLING']],
      ['Claire Martin', signatory, ['SIGNATORY']],
    ] as const) {
      const added = await call(`mutation($c: ID!, $input: ContactInput!) { addCustomerContact(customerId: $c, input: $input) { id } }`, {
        c: fx.customerId,
        input: { fullName, email, roles },
      });
      expect(added.errors).toBeUndefined();
    }
    const draft = await draftQuote();
    const preview = (await call<{ quoteSendPreview: Preview }>(PREVIEW, { id: draft.id })).data!.quoteSendPreview;
    expect(preview).toMatchObject({
      to: [signatory],
      recipientSource: 'SIGNATORY_CONTACTS',
      subject: 'Devis {{numero}} — Désembouage du réseau',
      attachments: [{ filename: '{{numero}}.pdf', contentType: 'application/pdf' }],
      expired: false,
    });
    expect(preview.publicUrl).toMatch(/^https?:\/\/[^/]+\/public\/quotes\/[A-Za-z0-9_-]{43}$/);
    expect(preview.body).toContain(`${preview.publicUrl}\n`);

    const sent = await call<{ sendQuote: Quote }>(SEND, { id: draft.id, v: draft.version, input: { cc: ['direction@client.test'] } });
    expect(sent.errors).toBeUndefined();
    const quote = sent.data!.sendQuote;
    expect(quote.publicUrl).toBe(preview.publicUrl);

    const mail = await mailTo(signatory, `Devis ${quote.number} — Désembouage du réseau`);
    expect(mail.to).toEqual([signatory, 'direction@client.test']);
    // 8 000 + 12 × 65 = 8 780,00 HT, 10 536,00 TTC (the option is not counted).
    expect(mail.text.replace(/\s/g, ' ')).toContain(
      `notre devis ${quote.number} « Désembouage du réseau », d’un montant de 10 536,00 € TTC`,
    );
    const link = /https?:\/\/\S+\/public\/quotes\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBe(quote.publicUrl);
    expect(mail.html).toContain(`<a href="${link}">`);
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain(`Devis ${quote.number}`);
    expect(html).toContain('Accepter et signer');

    expect(mail.attachments).toEqual([
      expect.objectContaining({ index: 0, filename: `${quote.number}.pdf`, contentType: 'application/pdf' }),
    ]);
    const pdf = Buffer.from(await (await fetch(`${inject('mailCatcherUrl')}/api/messages/${mail.id}/attachments/0`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes(Buffer.from(`Devis ${quote.number}`))).toBe(true);
  });

  it('refuses to send a quote past its validity (QUOTE_EXPIRED, nothing numbered nor mailed) until it is given a new date', async () => {
    const recipient = `expire-${fx.customerId.slice(0, 8)}@client.test`;
    const draft = await draftQuote({ validUntil: plusDays(TODAY, -3) });
    const preview = (await call<{ quoteSendPreview: Preview }>(PREVIEW, { id: draft.id })).data!.quoteSendPreview;
    expect(preview).toMatchObject({ expired: true, validUntil: plusDays(TODAY, -3), proposedValidUntil: plusDays(TODAY, 30) });
    expect(preview.body).toContain(`valable jusqu’au ${frenchDay(plusDays(TODAY, 30))}`);

    const refused = await call(SEND, { id: draft.id, v: draft.version, input: { to: [recipient] } });
    expect(errorCodes(refused)).toEqual(['QUOTE_EXPIRED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'validUntil', proposedValidUntil: plusDays(TODAY, 30) });
    expect(refused.errors![0]!.message).toContain(`n’est plus valable depuis le ${frenchDay(plusDays(TODAY, -3))}`);
    const past = await call(SEND, { id: draft.id, v: draft.version, input: { to: [recipient], validUntil: plusDays(TODAY, -1) } });
    expect(errorCodes(past)).toEqual(['VALIDATION_FAILED']);
    expect(past.errors![0]!.extensions).toMatchObject({
      fields: [expect.objectContaining({ field: 'validUntil', reason: 'OUT_OF_RANGE' })],
    });
    expect(await quoteById(draft.id)).toMatchObject({
      status: 'DRAFT',
      number: null,
      version: draft.version,
      validUntil: plusDays(TODAY, -3),
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const caught = (await (await fetch(`${inject('mailCatcherUrl')}/api/messages`)).json()) as { to: string[] }[];
    expect(caught.filter((m) => m.to.includes(recipient))).toEqual([]);

    const extended = await call<{ sendQuote: Quote }>(SEND, {
      id: draft.id,
      v: draft.version,
      input: { to: [recipient], validUntil: preview.proposedValidUntil },
    });
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.sendQuote).toMatchObject({ status: 'SENT', validUntil: plusDays(TODAY, 30) });
    const mail = await mailTo(recipient, `Devis ${extended.data!.sendQuote.number} `);
    expect(mail.text).toContain(`valable jusqu’au ${frenchDay(plusDays(TODAY, 30))}`);
  });

  it('builds the links on the tenant’s own public address once set; a relative address is refused', async () => {
    const SETTINGS = `mutation($url: String!) { updateInvoicingSettings(input: { publicUrl: $url }) { publicUrl } }`;
    const relative = await call(SETTINGS, { url: '/devis' });
    expect(errorCodes(relative)).toEqual(['VALIDATION_FAILED']);
    expect(relative.errors![0]!.extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'publicUrl' })] });
    const own = await call<{ updateInvoicingSettings: { publicUrl: string } }>(SETTINGS, { url: 'https://devis.client-relais.fr/' });
    expect(own.data!.updateInvoicingSettings.publicUrl).toBe('https://devis.client-relais.fr');
    expect((await sentQuote()).publicUrl).toMatch(/^https:\/\/devis\.client-relais\.fr\/public\/quotes\/[A-Za-z0-9_-]{43}$/);

    const back = await call<{ updateInvoicingSettings: { publicUrl: string } }>(SETTINGS, { url: '' });
    expect(back.data!.updateInvoicingSettings.publicUrl).toBe(origin());
  });
});
