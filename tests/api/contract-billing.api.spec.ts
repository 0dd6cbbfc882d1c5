import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

const BILLING_DATE = '2026-12-01';

type Line = { lineNet: string; vatRate: string; serviceStart: string | null; serviceEnd: string | null; kind: string; description: string };
type Invoice = {
  id: string;
  number: string;
  status: string;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  billingPeriodStart: string;
  billingPeriodEnd: string;
  sentAt: string | null;
  contract: { id: string; reference: string };
  lines: Line[];
};
type Run = {
  id: string;
  state: string;
  contractsTotal: number;
  contractsDone: number;
  invoiceCount: number;
  totalNet: string;
  totalGross: string;
  errors: { contractReference: string; code: string }[];
  invoices: Invoice[];
};

const RUN_FIELDS = `id state contractsTotal contractsDone invoiceCount totalNet totalGross errors { contractReference code message }
  invoices { id number status totalNet totalVat totalGross billingPeriodStart billingPeriodEnd sentAt contract { id reference }
    lines { kind description lineNet vatRate serviceStart serviceEnd } }`;

const cents = (amount: string) => BigInt(amount.replace('.', ''));
const euros = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** EN 16931 totals recomputed from the lines, in integer cents: VAT per rate on the sum of its line nets, half up. */
function recompute(lines: Line[]): { net: string; vat: string; gross: string } {
  const byRate = new Map<string, bigint>();
  for (const l of lines) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0n) + cents(l.lineNet));
  let net = 0n;
  let vat = 0n;
  for (const [rate, basis] of byRate) {
    net += basis;
    vat += (basis * cents(rate) + 5000n) / 10000n;
  }
  return { net: euros(net), vat: euros(vat), gross: euros(net + vat) };
}

describe('contract billing through the gateway', () => {
  let token: string;
  const ids: Record<string, string> = {};
  const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, token);
  const must = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await call<T>(query, variables);
    if (!response.data || response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };

  async function contract(name: string, startsOn: string, endsOn: string, email: string | null): Promise<string> {
    const { createCustomer } = await must<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name, email, billingAddressLine1: '1 rue du Test', billingPostalCode: '44000', billingCity: 'Nantes' } },
    );
    const { createSite } = await must<{ createSite: { id: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: { customerId: createCustomer.id, name: 'Siège', addressLine1: '2 rue du Test', postalCode: '44000', city: 'Nantes' },
      },
    );
    const { createContract } = await must<{ createContract: { id: string } }>(
      'mutation($c: ID!, $terms: ContractTermsInput!) { createContract(customerId: $c, terms: $terms) { id } }',
      {
        c: createCustomer.id,
        terms: {
          title: 'Maintenance CVC',
          startsOn,
          endsOn,
          siteIds: [createSite.id],
          rateCard: {
            labourRates: ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'].map((labourType) => ({ labourType, hourlyRate: '70.00' })),
            travelPricing: 'FLAT',
            travelFlatFee: '40.00',
          },
        },
      },
    );
    return createContract.id;
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('api-contract-billing');
    token = await login(tenant.adminEmail);
    const { createIndexSeries } = await must<{ createIndexSeries: { id: string } }>(
      'mutation { createIndexSeries(input: { code: "syntec", name: "Syntec" }) { id } }',
    );
    ids.syntec = createIndexSeries.id;
    ids.quarterly = await contract('Clinique du Parc', '2026-01-15', '2026-12-31', 'compta@clinique.example');
    ids.arrears = await contract('Mairie de Vertou', '2026-10-01', '2027-09-30', null);
  });

  it('imports index values, refusing a whole file for one bad line', async () => {
    const bad = await call('mutation($s: ID!, $csv: String!) { importIndexValues(seriesId: $s, csv: $csv) { imported } }', {
      s: ids.syntec,
      csv: 'mois;valeur\n2024-10;287,5\n2025-10;abc\n',
    });
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(JSON.stringify(bad.errors)).toContain('csv.line[3].value');
    const ok = await must<{ importIndexValues: { imported: number; created: number; series: { code: string } } }>(
      'mutation($s: ID!, $csv: String!) { importIndexValues(seriesId: $s, csv: $csv) { imported created series { code } } }',
      { s: ids.syntec, csv: 'mois;valeur\n2024-10;287,5\n2025-10;296,1\n' },
    );
    expect(ok.importIndexValues).toEqual({ imported: 2, created: 2, series: { code: 'SYNTEC' } });
  });

  it('sets billing terms, naming the bad fields and changing nothing', async () => {
    const setTerms = 'mutation($c: ID!, $t: ContractBillingTermsInput!) { setContractBilling(contractId: $c, terms: $t) { id } }';
    const invalid = await call(setTerms, {
      c: ids.quarterly,
      t: {
        effectiveOn: '2026-01-15',
        rhythm: 'QUARTERLY',
        timing: 'ADVANCE',
        feeLines: [{ label: '', amount: '300.00', vatRateCode: 'TVA99' }],
        indexation: {
          seriesId: ids.syntec,
          fixedPart: '0.2',
          variablePart: '0.7',
          baseIndexValue: '287.5',
          baseIndexPeriod: '2024-10-01',
          firstRevisionOn: '2026-07-01',
        },
      },
    });
    expect(errorCodes(invalid)).toEqual(['VALIDATION_FAILED']);
    const fields = (invalid.errors![0]!.extensions as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(['feeLines[0].label', 'feeLines[0].vatRateCode', 'indexation.variablePart']);

    await must(setTerms, {
      c: ids.quarterly,
      t: {
        effectiveOn: '2026-01-15',
        rhythm: 'QUARTERLY',
        timing: 'ADVANCE',
        anchorDate: '2026-01-01',
        feeLines: [
          { label: 'Maintenance préventive', amount: '300.00', vatRateCode: 'TVA20' },
          { label: 'Astreinte', amount: '90.00', vatRateCode: 'TVA20', indexed: false },
        ],
        indexation: {
          seriesId: ids.syntec,
          fixedPart: '0.15',
          variablePart: '0.85',
          baseIndexValue: '287.5',
          baseIndexPeriod: '2024-10-01',
          firstRevisionOn: '2026-07-01',
        },
      },
    });
    await must(setTerms, {
      c: ids.arrears,
      t: {
        effectiveOn: '2026-10-01',
        rhythm: 'MONTHLY',
        timing: 'ARREARS',
        feeLines: [{ label: 'Forfait', amount: '120.00', vatRateCode: 'TVA10' }],
      },
    });
    const read = await must<{
      contract: {
        reference: string;
        billingTerms: { rhythm: string; feeLines: { amount: string }[]; indexation: { series: { code: string } } | null }[];
      };
    }>('query($id: ID!) { contract(id: $id) { reference billingTerms { rhythm feeLines { amount } indexation { series { code } } } } }', {
      id: ids.quarterly,
    });
    expect(read.contract.billingTerms).toEqual([
      { rhythm: 'QUARTERLY', feeLines: [{ amount: '300.00' }, { amount: '90.00' }], indexation: { series: { code: 'SYNTEC' } } },
    ]);
  });

  it('previews, runs as a job with progress, and issues invoices whose totals add up', async () => {
    const { contractBillingPreview: preview } = await must<{
      contractBillingPreview: {
        invoiceCount: number;
        totalNet: string;
        totalGross: string;
        customers: { customerName: string; totalNet: string }[];
      };
    }>(
      'query($d: LocalDate!) { contractBillingPreview(date: $d) { invoiceCount totalNet totalGross customers { customerName totalNet } } }',
      {
        d: BILLING_DATE,
      },
    );
    // 253.33 + 76 + 300 + 90 + 307.63 + 90 + 307.63 + 90 at 20 %, and 2 × 120 at 10 %.
    expect(preview).toEqual({
      invoiceCount: 2,
      totalNet: '1754.59',
      totalGross: '2081.51',
      customers: [
        { customerName: 'Clinique du Parc', totalNet: '1514.59' },
        { customerName: 'Mairie de Vertou', totalNet: '240.00' },
      ],
    });

    const badRun = await call('mutation { runContractBilling(date: "2026-12-01", excludedLineIds: ["nope"]) { id } }');
    expect(errorCodes(badRun)).toEqual(['VALIDATION_FAILED']);

    const { runContractBilling } = await must<{ runContractBilling: { id: string; state: string } }>(
      'mutation($d: LocalDate!) { runContractBilling(date: $d, mode: ISSUE, send: true) { id state } }',
      { d: BILLING_DATE },
    );
    expect(runContractBilling.state).toBe('QUEUED');
    let run: Run | null = null;
    for (let i = 0; i < 100 && run?.state !== 'SUCCEEDED'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (
        await must<{ contractBillingRun: Run }>(`query($id: ID!) { contractBillingRun(id: $id) { ${RUN_FIELDS} } }`, {
          id: runContractBilling.id,
        })
      ).contractBillingRun;
      expect(run.state).not.toBe('FAILED');
    }
    expect(run).toMatchObject({
      state: 'SUCCEEDED',
      contractsTotal: 2,
      contractsDone: 2,
      invoiceCount: 2,
      totalNet: '1754.59',
      totalGross: '2081.51',
    });
    for (const invoice of run!.invoices) {
      expect(invoice.status).toMatch(/ISSUED|SENT/);
      expect(invoice.number).toMatch(/^F-\d{4}-\d{5}$/);
      const totals = recompute(invoice.lines);
      expect([invoice.totalNet, invoice.totalVat, invoice.totalGross]).toEqual([totals.net, totals.vat, totals.gross]);
      expect(invoice.lines.every((l) => l.kind === 'FEE' && l.serviceStart && l.serviceEnd)).toBe(true);
    }
    const arrears = run!.invoices.find((i) => i.contract.id === ids.arrears)!;
    expect([arrears.billingPeriodStart, arrears.billingPeriodEnd, arrears.totalVat]).toEqual(['2026-10-01', '2026-11-30', '24.00']);

    // The customer with an address gets the invoice; the other is named in the run's errors.
    for (let i = 0; i < 100; i += 1) {
      run = (
        await must<{ contractBillingRun: Run }>(`query($id: ID!) { contractBillingRun(id: $id) { ${RUN_FIELDS} } }`, {
          id: runContractBilling.id,
        })
      ).contractBillingRun;
      if (run.errors.some((e) => e.code === 'NOT_SENT') && run.invoices.some((inv) => inv.sentAt)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(run!.invoices.find((i) => i.contract.id === ids.quarterly)!.sentAt).not.toBeNull();
    expect(run!.errors.map((e) => e.code)).toEqual(['NOT_SENT']);

    const again = await must<{ contractBillingPreview: { invoiceCount: number } }>(
      'query { contractBillingPreview(date: "2026-12-01") { invoiceCount } }',
    );
    expect(again.contractBillingPreview.invoiceCount).toBe(0);
  });

  it('shows the schedule, terminates with a credit note proposal, and refuses a second termination', async () => {
    const { contract } = await must<{
      contract: { billingSchedule: { start: string; status: string; amount: string }[]; renewal: { state: string; termEnd: string } };
    }>('query($id: ID!) { contract(id: $id) { billingSchedule(until: "2027-03-01") { start status amount } renewal { state termEnd } } }', {
      id: ids.quarterly,
    });
    expect(contract.billingSchedule.map((p) => [p.start, p.status, p.amount])).toEqual([
      ['2026-01-15', 'BILLED', '329.33'],
      ['2026-04-01', 'BILLED', '390.00'],
      ['2026-07-01', 'BILLED', '397.63'],
      ['2026-10-01', 'BILLED', '397.63'],
      ['2027-01-01', 'UPCOMING', '397.63'],
    ]);
    // Its 90 days' notice for 31/12/2026 ran out in October: the next renewal open to refusal is a year later.
    expect(contract.renewal.termEnd).toBe('2027-12-31');

    const terminate = `mutation($c: ID!) { terminateContract(contractId: $c, noticeReceivedOn: "2026-10-15", effectiveOn: "2026-11-15", reason: "Vente du bâtiment") {
      noticeRespected creditNoteProposals { status totalNet lines { lineNet description } } } }`;
    const { terminateContract } = await must<{
      terminateContract: {
        noticeRespected: boolean;
        creditNoteProposals: { status: string; totalNet: string; lines: { lineNet: string; description: string }[] }[];
      };
    }>(terminate, { c: ids.quarterly });
    expect(terminateContract.noticeRespected).toBe(false);
    // Q4 billed to 31/12, ended on 15/11: 46 days of 92 not due, on 307.63 and 90.00.
    expect(terminateContract.creditNoteProposals).toHaveLength(1);
    const proposal = terminateContract.creditNoteProposals[0]!;
    expect(proposal.status).toBe('DRAFT');
    expect(proposal.lines.map((l) => l.lineNet)).toEqual(['153.82', '45.00']);
    expect(proposal.lines[0]!.description).toContain('résiliation au 15/11/2026 (46 j / 92 j)');
    expect(errorCodes(await call(terminate, { c: ids.quarterly }))).toEqual(['CONTRACT_TERMINATED']);
  });

  it('a tenant set to drafts gets drafts from its runs; bad settings are refused', async () => {
    const bad = await call('mutation { updateContractBillingSettings(input: { renewalNoticeLeadDays: 400 }) { renewalNoticeLeadDays } }');
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    const { updateContractBillingSettings: settings } = await must<{ updateContractBillingSettings: Record<string, unknown> }>(
      'mutation { updateContractBillingSettings(input: { contractBillingMode: DRAFT, renewalNoticeMode: MANUAL }) { contractBillingMode contractBillingSend renewalNoticeMode renewalNoticeLeadDays } }',
    );
    expect(settings).toEqual({
      contractBillingMode: 'DRAFT',
      contractBillingSend: true,
      renewalNoticeMode: 'MANUAL',
      renewalNoticeLeadDays: 30,
    });

    const { runContractBilling } = await must<{ runContractBilling: { id: string; send: boolean } }>(
      'mutation { runContractBilling(date: "2027-01-31") { id send } }',
    );
    expect(runContractBilling.send).toBe(false);
    let run: Run | null = null;
    for (let i = 0; i < 100 && run?.state !== 'SUCCEEDED'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (
        await must<{ contractBillingRun: Run }>(`query($id: ID!) { contractBillingRun(id: $id) { ${RUN_FIELDS} } }`, {
          id: runContractBilling.id,
        })
      ).contractBillingRun;
    }
    // December and January in arrears for the remaining contract; the terminated one bills nothing more.
    expect(run!.invoices.map((i) => [i.status, i.number, i.totalNet, i.billingPeriodStart, i.billingPeriodEnd])).toEqual([
      ['DRAFT', null, '240.00', '2026-12-01', '2027-01-31'],
    ]);
  });
});

describe('a contract and its billing terms in one call, through the gateway', () => {
  let admin: string;
  let partner: string;
  const ids: Record<string, string> = {};
  const must = async <T>(query: string, variables: Record<string, unknown> = {}, token = partner): Promise<T> => {
    const response = await gql<T>(query, variables, token);
    if (!response.data || response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const apiKey = async (scopes: string[]) =>
    (
      await must<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: `Logiciel partenaire ${scopes.join(' ')}`, scopes } },
        admin,
      )
    ).createApiKey.token;

  const CREATE = `mutation($c: ID!, $terms: ContractTermsInput!, $billing: ContractBillingInput) {
    createContract(customerId: $c, terms: $terms, billing: $billing) {
      id reference noticeDays renewalTermMonths
      currentBillingTerms { effectiveOn rhythm timing paymentMethod paymentTermsDays
        feeLines { label amount vatRateCode indexed revenueAccount } indexation { series { code } firstRevisionOn } } } }`;
  const AMEND = `mutation($id: ID!, $v: Int!, $on: LocalDate!, $reason: String!, $terms: ContractTermsInput!, $billing: ContractBillingInput) {
    amendContract(id: $id, expectedVersion: $v, effectiveOn: $on, reason: $reason, terms: $terms, billing: $billing) {
      version amendments { version effectiveOn reason } rateCard { labourRates { labourType hourlyRate } }
      billingTerms { effectiveOn reason feeLines { label amount } } } }`;
  const COUNT = 'query($c: ID) { contracts(customerId: $c) { totalCount } }';
  const contractCount = async (customerId: string | null = null) =>
    (await must<{ contracts: { totalCount: number } }>(COUNT, { c: customerId })).contracts.totalCount;

  const terms = (overrides: Record<string, unknown> = {}) => ({
    title: 'Maintenance CVC et astreinte',
    startsOn: '2026-10-01',
    endsOn: '2027-09-30',
    noticeDays: 60,
    renewalTermMonths: 24,
    siteIds: [ids.site],
    rateCard: {
      labourRates: ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'].map((labourType) => ({ labourType, hourlyRate: '68.00' })),
      travelPricing: 'FLAT',
      travelFlatFee: '45.00',
    },
    ...overrides,
  });
  const indexation = () => ({
    seriesId: ids.syntec,
    fixedPart: '0.15',
    variablePart: '0.85',
    baseIndexValue: '287.5',
    baseIndexPeriod: '2024-10-01',
    firstRevisionOn: '2027-10-01',
  });
  const billing = (overrides: Record<string, unknown> = {}) => ({
    rhythm: 'MONTHLY',
    timing: 'ADVANCE',
    paymentMethod: 'DIRECT_DEBIT',
    paymentTermsDays: 30,
    feeLines: [
      { label: 'Maintenance préventive', amount: '150.00', vatRateCode: 'TVA20', revenueAccount: '706100' },
      { label: 'Astreinte', amount: '45.50', vatRateCode: 'TVA20', indexed: false },
    ],
    indexation: indexation(),
    ...overrides,
  });

  type PreviewContract = { reference: string; periods: { start: string; end: string; lines: { amount: string }[] }[]; totalNet: string };
  /** The contract's periods due on the date, each with the sum of its lines, and its net total. */
  async function previewOf(reference: string, date: string) {
    const { contractBillingPreview } = await must<{ contractBillingPreview: { customers: { contracts: PreviewContract[] }[] } }>(
      'query($d: LocalDate!) { contractBillingPreview(date: $d) { customers { contracts { reference totalNet periods { start end lines { amount } } } } } }',
      { d: date },
    );
    const contract = contractBillingPreview.customers.flatMap((c) => c.contracts).find((c) => c.reference === reference)!;
    return {
      periods: contract.periods.map((p) => [p.start, p.end, p.lines.map((l) => l.amount)]),
      totalNet: contract.totalNet,
    };
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('api-contract-one-call');
    admin = await login(tenant.adminEmail);
    partner = await apiKey(['maintenance:read', 'maintenance:write', 'billing:read', 'billing:write']);
    const { createCustomer } = await must<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: {
          name: 'Résidence Les Tilleuls',
          billingAddressLine1: '3 allée des Tilleuls',
          billingPostalCode: '35000',
          billingCity: 'Rennes',
        },
      },
    );
    ids.customer = createCustomer.id;
    const { createSite } = await must<{ createSite: { id: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: {
          customerId: createCustomer.id,
          name: 'Bâtiment A',
          addressLine1: '3 allée des Tilleuls',
          postalCode: '35000',
          city: 'Rennes',
        },
      },
    );
    ids.site = createSite.id;
    const { createIndexSeries } = await must<{ createIndexSeries: { id: string } }>(
      'mutation { createIndexSeries(input: { code: "SYNTEC", name: "Syntec" }) { id } }',
    );
    ids.syntec = createIndexSeries.id;
  });

  it('creates the contract with its fee lines, rhythm, payment, indexation and renewal terms; the preview bills its periods', async () => {
    const { createContract } = await must<{
      createContract: { id: string; reference: string; noticeDays: number; renewalTermMonths: number; currentBillingTerms: unknown };
    }>(CREATE, { c: ids.customer, terms: terms(), billing: billing() });
    ids.contract = createContract.id;
    ids.reference = createContract.reference;
    expect(createContract).toMatchObject({ reference: 'CT-2026-0001', noticeDays: 60, renewalTermMonths: 24 });
    expect(createContract.currentBillingTerms).toEqual({
      effectiveOn: '2026-10-01',
      rhythm: 'MONTHLY',
      timing: 'ADVANCE',
      paymentMethod: 'DIRECT_DEBIT',
      paymentTermsDays: 30,
      feeLines: [
        { label: 'Maintenance préventive', amount: '150.00', vatRateCode: 'TVA20', indexed: true, revenueAccount: '706100' },
        { label: 'Astreinte', amount: '45.50', vatRateCode: 'TVA20', indexed: false, revenueAccount: null },
      ],
      indexation: { series: { code: 'SYNTEC' }, firstRevisionOn: '2027-10-01' },
    });

    // Monthly in advance from 1 October: October, November and December are due on 1 December.
    expect(await previewOf(ids.reference!, '2026-12-01')).toEqual({
      periods: [
        ['2026-10-01', '2026-10-31', ['150.00', '45.50']],
        ['2026-11-01', '2026-11-30', ['150.00', '45.50']],
        ['2026-12-01', '2026-12-31', ['150.00', '45.50']],
      ],
      totalNet: '586.50',
    });
  });

  it('a refused billing field leaves no contract behind, its reference not used; a key without billing:write may not send billing', async () => {
    const before = await contractCount();
    const refused = await gql(
      CREATE,
      {
        c: ids.customer,
        terms: terms({ title: 'Contrat refusé' }),
        billing: billing({
          feeLines: [{ label: 'Forfait', amount: '150.00', vatRateCode: 'TVA99' }],
          indexation: { ...indexation(), fixedPart: '0.7', variablePart: '0.2' },
        }),
      },
      partner,
    );
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    const fields = (refused.errors![0]!.extensions as { fields: { field: string; message: string }[] }).fields;
    expect(fields).toMatchObject([
      { field: 'billing.feeLines[0].vatRateCode', message: 'taux de TVA inconnu : TVA99' },
      { field: 'billing.indexation.variablePart', message: 'a + b doit valoir 1' },
    ]);
    expect(await contractCount()).toBe(before);

    const maintenanceOnly = await apiKey(['maintenance:read', 'maintenance:write']);
    const forbidden = await gql(
      CREATE,
      { c: ids.customer, terms: terms({ title: 'Sans droit de facturation' }), billing: billing() },
      maintenanceOnly,
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(await contractCount()).toBe(before);

    // The next contract takes the number the refused one would have had.
    const { createContract } = await must<{ createContract: { reference: string } }>(CREATE, {
      c: ids.customer,
      terms: terms({ title: 'Second bâtiment' }),
      billing: billing(),
    });
    expect(createContract.reference).toBe('CT-2026-0002');
    expect(await contractCount()).toBe(before + 1);
  });

  it('amends the terms and the billing from the same date: the periods before it keep their amounts', async () => {
    const { amendContract } = await must<{
      amendContract: {
        version: number;
        amendments: { version: number; effectiveOn: string; reason: string }[];
        rateCard: { labourRates: { labourType: string; hourlyRate: string }[] };
        billingTerms: { effectiveOn: string; reason: string | null; feeLines: { label: string; amount: string }[] }[];
      };
    }>(AMEND, {
      id: ids.contract,
      v: 1,
      on: '2027-01-01',
      reason: 'Avenant 2027 : astreinte étendue aux week-ends',
      terms: terms({
        rateCard: {
          labourRates: ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'].map((labourType) => ({ labourType, hourlyRate: '72.00' })),
          travelPricing: 'FLAT',
          travelFlatFee: '45.00',
        },
      }),
      billing: billing({
        feeLines: [
          { label: 'Maintenance préventive', amount: '150.00', vatRateCode: 'TVA20', revenueAccount: '706100' },
          { label: 'Astreinte étendue', amount: '60.00', vatRateCode: 'TVA20', indexed: false },
        ],
      }),
    });
    expect(amendContract.version).toBe(2);
    expect(amendContract.amendments).toEqual([
      { version: 1, effectiveOn: '2027-01-01', reason: 'Avenant 2027 : astreinte étendue aux week-ends' },
    ]);
    expect(amendContract.rateCard.labourRates[0]).toEqual({ labourType: 'NORMAL', hourlyRate: '72.00' });
    expect(amendContract.billingTerms).toEqual([
      {
        effectiveOn: '2026-10-01',
        reason: null,
        feeLines: [
          { label: 'Maintenance préventive', amount: '150.00' },
          { label: 'Astreinte', amount: '45.50' },
        ],
      },
      {
        effectiveOn: '2027-01-01',
        reason: 'Avenant 2027 : astreinte étendue aux week-ends',
        feeLines: [
          { label: 'Maintenance préventive', amount: '150.00' },
          { label: 'Astreinte étendue', amount: '60.00' },
        ],
      },
    ]);

    // Before the amendment's date, the old amounts; from it, the new ones.
    expect(await previewOf(ids.reference!, '2026-12-01')).toEqual({
      periods: [
        ['2026-10-01', '2026-10-31', ['150.00', '45.50']],
        ['2026-11-01', '2026-11-30', ['150.00', '45.50']],
        ['2026-12-01', '2026-12-31', ['150.00', '45.50']],
      ],
      totalNet: '586.50',
    });
    expect(await previewOf(ids.reference!, '2027-02-01')).toEqual({
      periods: [
        ['2026-10-01', '2026-10-31', ['150.00', '45.50']],
        ['2026-11-01', '2026-11-30', ['150.00', '45.50']],
        ['2026-12-01', '2026-12-31', ['150.00', '45.50']],
        ['2027-01-01', '2027-01-31', ['150.00', '60.00']],
        ['2027-02-01', '2027-02-28', ['150.00', '60.00']],
      ],
      totalNet: '1006.50',
    });
  });

  it('an amendment whose billing would start inside a billed period is refused whole: the contract keeps its version', async () => {
    const { runContractBilling } = await must<{ runContractBilling: { id: string } }>(
      'mutation { runContractBilling(date: "2026-12-01", mode: ISSUE, send: false) { id } }',
    );
    await expect
      .poll(
        async () =>
          (
            await must<{ contractBillingRun: { state: string } }>('query($id: ID!) { contractBillingRun(id: $id) { state } }', {
              id: runContractBilling.id,
            })
          ).contractBillingRun.state,
        { timeout: 20_000, interval: 200 },
      )
      .toBe('SUCCEEDED');

    const refused = await gql(
      AMEND,
      {
        id: ids.contract,
        v: 2,
        on: '2026-12-15',
        reason: 'Hausse en cours de mois',
        terms: terms(),
        billing: billing({ feeLines: [{ label: 'Forfait', amount: '250.00', vatRateCode: 'TVA20' }] }),
      },
      partner,
    );
    expect(errorCodes(refused)).toEqual(['PERIOD_ALREADY_BILLED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ periodStart: '2026-12-01', periodEnd: '2026-12-31' });
    const { contract } = await must<{ contract: { version: number; amendments: unknown[]; billingTerms: unknown[] } }>(
      'query($id: ID!) { contract(id: $id) { version amendments { version } billingTerms { effectiveOn } } }',
      { id: ids.contract },
    );
    expect(contract).toEqual({
      version: 2,
      amendments: [{ version: 1 }],
      billingTerms: [{ effectiveOn: '2026-10-01' }, { effectiveOn: '2027-01-01' }],
    });
  });
});
