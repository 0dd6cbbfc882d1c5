import { describe, expect, it } from 'vitest';
import {
  applyProposal,
  buildMatchingIndex,
  invoiceNumberKeys,
  matchMovement,
  nameTokens,
  returnReasonCodeOf,
  type DirectDebitItemCandidate,
  type MatchingCandidates,
  type MatchingIndex,
  type MovementToMatch,
  type OpenInvoiceCandidate,
} from './matching.rules';
import { parseBankFile, type ParsedMovement } from '../bank-files';
import { fixture } from '../bank-files/spec-support';
import { shiftDate } from '../receivables/ageing.rules';

const DUPONT_IBAN = 'FR7630006000011234567890189';
const PINS_IBAN = 'FR1420041010050500013M02606';
const MARTIN_IBAN = 'FR7610107001011234567890129';

const inv = (invoiceId: string, number: string, customerId: string, customerName: string, openBalance: string, dueDate: string) => ({
  invoiceId,
  number,
  customerId,
  customerName,
  openBalance,
  dueDate,
});

const candidates = (): MatchingCandidates => ({
  invoices: [
    inv('i42', 'F-2026-00042', 'dupont', 'SARL Dupont Chauffage', '1200.00', '2026-03-01'),
    inv('i43', 'F-2026-00043', 'dupont', 'SARL Dupont Chauffage', '350.40', '2026-03-15'),
    inv('i44', 'F-2026-00044', 'dupont', 'SARL Dupont Chauffage', '89.90', '2026-04-01'),
    inv('i50', 'F-2026-00050', 'pins', 'Résidence Les Pins', '1200.00', '2026-02-15'),
    inv('i51', 'F-2026-00051', 'pins', 'Résidence Les Pins', '640.00', '2026-03-01'),
    inv('i60', 'F-2026-00060', 'martin', 'Martin Électricité', '777.77', '2026-03-20'),
    inv('i61', 'F-2026-00061', 'martin', 'Martin Électricité', '150.00', '2026-03-25'),
    inv('i62', 'F-2026-00062', 'martin', 'Martin Électricité', '150.00', '2026-04-25'),
    inv('i70', 'F-2026-00070', 'soldee', 'Soldée SAS', '0.00', '2026-01-01'),
  ],
  bankAccounts: [
    { customerId: 'dupont', iban: 'FR76 3000 6000 0112 3456 7890 189' },
    { customerId: 'pins', iban: PINS_IBAN },
    { customerId: 'martin', iban: MARTIN_IBAN },
  ],
  directDebitBatches: [
    { batchId: 'b1', reference: 'PRLV-20260305-01', amount: '4321.00', settled: false, submittedOn: '2026-03-03', blocks: [] },
    { batchId: 'b2', reference: 'PRLV-20260405-01', amount: '2500.00', settled: false, submittedOn: '2026-04-03', blocks: [] },
  ],
  directDebitItems: [],
  today: '2026-04-30',
});

const movement = (over: Partial<MovementToMatch>): MovementToMatch => ({
  amount: '0.00',
  bookingDate: '2026-04-10',
  label: '',
  remittanceInfo: null,
  counterpartyName: null,
  counterpartyIban: null,
  endToEndId: null,
  mandateId: null,
  ...over,
});

const match = (over: Partial<MovementToMatch>, index = buildMatchingIndex(candidates())) => matchMovement(movement(over), index);

describe('invoice numbers as payers write them', () => {
  it('indexes the number with and without dashes, leading zeros and prefix', () => {
    expect(invoiceNumberKeys('F-2026-00042')).toEqual({ full: ['F202600042', 'F202642'], bare: ['202600042', '202642'] });
    expect(invoiceNumberKeys('FC-2026-00100')).toEqual({ full: ['FC202600100', 'FC2026100'], bare: ['202600100', '2026100'] });
  });

  it.each([
    ['FACTURE F-2026-00042'],
    ['VIR SEPA DUPONT FACT f 2026 00042'],
    ['PAIEMENT F202600042'],
    ['REGLT F-2026-42'],
    ['Fact. f2026-042 merci'],
    ['Réf : F/2026/00042'],
  ])('finds F-2026-00042 in "%s" and matches 1200.00 automatically', (label) => {
    const result = match({ amount: '1200.00', label });
    expect(result.decision).toBe('AUTO');
    expect(result.proposals[0]).toEqual({
      kind: 'INVOICES',
      allocations: [{ invoiceId: 'i42', amount: '1200.00' }],
      score: 100,
      reason: 'Numéro F-2026-00042 dans le libellé, montant exact',
    });
  });

  it('reads the remittance information and the end-to-end id too', () => {
    expect(match({ amount: '1200.00', label: 'VIR SEPA', remittanceInfo: '/INV/F-2026-00042' }).decision).toBe('AUTO');
    expect(match({ amount: '1200.00', label: 'VIR SEPA', endToEndId: 'F-2026-00042' }).decision).toBe('AUTO');
  });

  it('does not take a longer number for F-2026-00042', () => {
    const result = match({ amount: '1200.00', label: 'FACTURE F-2026-000421' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals.every((p) => p.score < 95)).toBe(true);
  });

  it('does not read the number of another series inside a full number', () => {
    const both = candidates();
    const index = buildMatchingIndex({
      ...both,
      invoices: [...both.invoices, inv('a42', 'A-2026-00042', 'pins', 'Résidence Les Pins', '75.00', '2026-03-01')],
    });
    expect(match({ amount: '1200.00', label: 'FACTURE F-2026-00042' }, index).proposals.map((p) => p.allocations[0]!.invoiceId)).toEqual([
      'i42',
      'i50',
    ]);
    expect(match({ amount: '75.00', label: 'FACTURE 2026-00042' }, index)).toEqual({
      decision: 'PROPOSED',
      proposals: [
        {
          kind: 'INVOICES',
          allocations: [{ invoiceId: 'a42', amount: '75.00' }],
          score: 85,
          reason: 'Numéro sans préfixe A-2026-00042 dans le libellé, montant exact (autres numéros cités : F-2026-00042)',
        },
      ],
    });
  });

  it('proposes, without matching automatically, a number written without its prefix', () => {
    const result = match({ amount: '1200.00', label: 'FACTURE 2026-00042' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i42', amount: '1200.00' }],
      score: 85,
      reason: 'Numéro sans préfixe F-2026-00042 dans le libellé, montant exact',
    });
  });
});

describe('(a) invoice numbers in the texts', () => {
  it('matches several numbers when the amount is the total of their balances', () => {
    const result = match({ amount: '1550.40', label: 'FACT F-2026-00042 ET F-2026-00043' });
    expect(result.decision).toBe('AUTO');
    expect(result.proposals[0]).toEqual({
      kind: 'INVOICES',
      allocations: [
        { invoiceId: 'i42', amount: '1200.00' },
        { invoiceId: 'i43', amount: '350.40' },
      ],
      score: 100,
      reason: 'Numéros F-2026-00042, F-2026-00043 dans le libellé, montant égal à leur total',
    });
  });

  it('proposes a partial payment of the amount received when the amount is lower', () => {
    const result = match({ amount: '500.00', label: 'ACOMPTE F-2026-00042' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals[0]).toEqual({
      kind: 'INVOICES',
      allocations: [{ invoiceId: 'i42', amount: '500.00' }],
      score: 80,
      reason: 'Numéro F-2026-00042 dans le libellé, paiement partiel de 500,00 € sur 1200,00 €',
    });
  });

  it('spreads a partial payment of several numbers over the oldest first', () => {
    const result = match({ amount: '1300.00', label: 'F-2026-00043 F-2026-00042' });
    expect(result.proposals[0]).toMatchObject({
      allocations: [
        { invoiceId: 'i42', amount: '1200.00' },
        { invoiceId: 'i43', amount: '100.00' },
      ],
      score: 80,
      reason:
        'Numéros F-2026-00043, F-2026-00042 dans le libellé, paiement partiel de 1300,00 € sur 1550,40 € (affecté aux plus anciennes)',
    });
  });

  it('proposes the balance, and tells the excess, when the amount is higher', () => {
    const result = match({ amount: '1250.00', label: 'F-2026-00042' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i42', amount: '1200.00' }],
      score: 70,
      reason: 'Numéro F-2026-00042 dans le libellé, montant supérieur au solde de 1200,00 € (excédent de 50,00 €)',
    });
  });

  it('prefers the one number whose balance is the amount when several are cited', () => {
    const result = match({ amount: '89.90', label: 'F-2026-00042 F-2026-00044' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i44', amount: '89.90' }],
      score: 85,
      reason: 'Numéro F-2026-00044 dans le libellé, montant exact (autres numéros cités : F-2026-00042)',
    });
  });

  it('ignores invoices with nothing left to pay', () => {
    expect(match({ amount: '100.00', label: 'F-2026-00070' }).decision).toBe('NONE');
  });
});

describe('(b) the payer’s IBAN', () => {
  it('matches the one invoice of the IBAN’s customer with exactly that balance', () => {
    const result = match({ amount: '350.40', label: 'VIR SEPA SARL DUPONT', counterpartyIban: DUPONT_IBAN });
    expect(result.decision).toBe('AUTO');
    expect(result.proposals[0]).toEqual({
      kind: 'INVOICES',
      allocations: [{ invoiceId: 'i43', amount: '350.40' }],
      score: 95,
      reason: 'IBAN du payeur connu pour SARL Dupont Chauffage, montant exact de la facture F-2026-00043',
    });
  });

  it('is not confused by another customer’s invoice of the same amount', () => {
    const result = match({ amount: '1200.00', label: 'VIREMENT', counterpartyIban: 'fr76 3000 6000 0112 3456 7890 189' });
    expect(result.decision).toBe('AUTO');
    expect(result.proposals[0]!.allocations).toEqual([{ invoiceId: 'i42', amount: '1200.00' }]);
    expect(result.proposals.slice(1).map((p) => [p.allocations[0]!.invoiceId, p.score])).toEqual([['i50', 30]]);
  });

  it('only proposes, oldest first, when two invoices of the customer have that balance', () => {
    const result = match({ amount: '150.00', label: 'VIREMENT', counterpartyIban: MARTIN_IBAN });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals.map((p) => [p.allocations[0]!.invoiceId, p.score])).toEqual([
      ['i61', 70],
      ['i62', 69],
    ]);
    expect(result.proposals[0]!.reason).toBe(
      'IBAN du payeur connu pour Martin Électricité, montant égal à 2 factures : F-2026-00061 (la plus ancienne)',
    );
  });

  it('only proposes when a number in the label points to another invoice', () => {
    const result = match({ amount: '350.40', label: 'FACTURE F-2026-00051', counterpartyIban: DUPONT_IBAN });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals.map((p) => [p.allocations[0]!.invoiceId, p.score])).toEqual([
      ['i43', 95],
      ['i51', 80],
    ]);
  });

  it('only proposes when the IBAN is shared by two customers who both have that amount', () => {
    const shared = candidates();
    const index = buildMatchingIndex({ ...shared, bankAccounts: [...shared.bankAccounts, { customerId: 'pins', iban: DUPONT_IBAN }] });
    const result = match({ amount: '1200.00', counterpartyIban: DUPONT_IBAN }, index);
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals.map((p) => p.allocations[0]!.invoiceId).sort()).toEqual(['i42', 'i50']);
  });

  it('an unknown IBAN proves nothing', () => {
    expect(match({ amount: '350.40', counterpartyIban: 'DE89370400440532013000' }).proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i43', amount: '350.40' }],
      score: 50,
    });
  });
});

describe('(c) direct-debit batches', () => {
  it('matches the batch whose reference is written and whose amount is the credit', () => {
    const result = match({ amount: '4321.00', label: 'REMISE PRLV SEPA PRLV-20260305-01 NB 37' });
    expect(result).toEqual({
      decision: 'AUTO',
      proposals: [
        {
          kind: 'DIRECT_DEBIT_BATCH',
          allocations: [],
          batchId: 'b1',
          score: 100,
          reason: 'Remise de prélèvements PRLV-20260305-01 dans le libellé, montant exact',
        },
      ],
    });
    expect(match({ amount: '4321.00', label: 'REMISE', endToEndId: 'PRLV2026030501' }).decision).toBe('AUTO');
  });

  it('only proposes a credit netted of returns by the bank, saying what to record first', () => {
    const result = match({ amount: '4300.00', label: 'REMISE PRLV-20260305-01' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals[0]).toMatchObject({
      batchId: 'b1',
      score: 75,
      reason:
        'Remise de prélèvements PRLV-20260305-01 dans le libellé, montant inférieur de 21,00 € à la remise de 4321,00 € : ' +
        'rejets déduits par la banque ? Enregistrez-les avant de rapprocher',
    });
  });

  it('proposes the batch of the same amount when no reference is written', () => {
    const result = match({ amount: '2500.00', label: 'REMISE PRLV SEPA' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals).toEqual([
      {
        kind: 'DIRECT_DEBIT_BATCH',
        allocations: [],
        batchId: 'b2',
        score: 60,
        reason: 'Montant égal à la remise de prélèvements PRLV-20260405-01, sans référence',
      },
    ]);
  });
});

describe('(c) direct-debit batches: what banks send', () => {
  const FILE = 'camt053-001.08-sg-2026-12-16-prelevements.xml';
  const fromFile = (m: ParsedMovement): MovementToMatch => ({
    amount: m.amount,
    bookingDate: m.bookingDate,
    label: m.label,
    remittanceInfo: m.remittanceInfo,
    counterpartyName: m.counterpartyName,
    counterpartyIban: m.counterpartyIban,
    endToEndId: m.endToEndId,
    mandateId: m.mandateId,
    batchReference: m.batchReference,
    detailEndToEndIds: m.details.flatMap((d) => (d.endToEndId ? [d.endToEndId] : [])),
    returnReasonCode: m.returnReasonCode,
  });
  const statement = () => parseBankFile(fixture(FILE))[0]!.movements.map(fromFile);
  const item = (
    over: Partial<DirectDebitItemCandidate> & Pick<DirectDebitItemCandidate, 'itemId' | 'endToEndId'>,
  ): DirectDebitItemCandidate => ({
    batchId: 'dec16',
    batchReference: 'PRLV-20261216-0004',
    invoiceId: `inv-${over.endToEndId}`,
    invoiceNumber: over.endToEndId,
    customerName: 'Client',
    mandateReference: 'RELAIS-MDT-000017',
    amount: '100.00',
    state: 'PENDING',
    settledOn: null,
    ...over,
  });
  /** The statement's company: the batch of 16 December submitted, two earlier collections collected. */
  const company = (over: Partial<MatchingCandidates> = {}): MatchingIndex =>
    buildMatchingIndex({
      invoices: [
        inv('inv-F-2026-00431', 'F-2026-00431', 'boulangerie', 'Boulangerie du Marché', '240.00', '2026-12-16'),
        inv('inv-F-2026-00433', 'F-2026-00433', 'cabinet', 'Cabinet médical des Écoles', '180.00', '2026-12-16'),
        inv('inv-F-2026-00436', 'F-2026-00436', 'martin', 'Hélène Martin', '96.50', '2026-12-16'),
      ],
      bankAccounts: [],
      directDebitBatches: [
        { batchId: 'dec16', reference: 'PRLV-20261216-0004', amount: '516.50', settled: false, submittedOn: '2026-12-14', blocks: [] },
      ],
      directDebitItems: [
        item({ itemId: 'd431', endToEndId: 'F-2026-00431', amount: '240.00' }),
        item({ itemId: 'd433', endToEndId: 'F-2026-00433', amount: '180.00', mandateReference: 'RELAIS-MDT-000021' }),
        item({ itemId: 'd436', endToEndId: 'F-2026-00436', amount: '96.50', mandateReference: 'RELAIS-MDT-000032' }),
        item({
          itemId: 'd420',
          batchId: 'dec10',
          batchReference: 'PRLV-20261210-0003',
          endToEndId: 'F-2026-00420',
          customerName: 'SCI Les Acacias',
          mandateReference: 'RELAIS-MDT-000045',
          amount: '210.00',
          state: 'COLLECTED',
          settledOn: '2026-12-10',
        }),
        item({
          itemId: 'd377',
          batchId: 'nov03',
          batchReference: 'PRLV-20261103-0001',
          endToEndId: 'F-2026-00377',
          customerName: 'Jean Dupont',
          mandateReference: 'RELAIS-MDT-000009',
          amount: '144.00',
          state: 'COLLECTED',
          settledOn: '2026-11-03',
        }),
      ],
      today: '2026-12-17',
      ...over,
    });
  /** Matches the movements in order, as an import does: each sure match updates the index for the next ones. */
  const run = (movements: MovementToMatch[], index: MatchingIndex) =>
    movements.map((m) => {
      const result = matchMovement(m, index);
      if (result.decision === 'AUTO') applyProposal(index, result.proposals[0]!, m);
      return result;
    });

  it('matches the CAMT credit of the batch, the returns with their reason code, and leaves the fees', () => {
    const [credit, unpaid, refund, fees] = run(statement(), company());
    expect(credit).toEqual({
      decision: 'AUTO',
      proposals: [
        {
          kind: 'DIRECT_DEBIT_BATCH',
          allocations: [],
          batchId: 'dec16',
          score: 100,
          reason: 'Remise de prélèvements PRLV-20261216-0004 dans le libellé, montant exact',
        },
      ],
    });
    expect(unpaid).toEqual({
      decision: 'AUTO',
      proposals: [
        {
          kind: 'DIRECT_DEBIT_RETURN',
          allocations: [],
          batchId: 'dec10',
          itemId: 'd420',
          returnReasonCode: 'AM04',
          score: 100,
          reason:
            'Impayé du prélèvement F-2026-00420 (SCI Les Acacias, remise PRLV-20261210-0003) : référence dans le libellé, ' +
            'montant exact, motif AM04 (Provision insuffisante)',
        },
      ],
    });
    expect(refund).toMatchObject({ decision: 'AUTO', proposals: [{ itemId: 'd377', returnReasonCode: 'MD06' }] });
    expect(fees).toEqual({ decision: 'NONE', proposals: [] });
  });

  it('knows the batch from its transactions alone (a batch booking without our reference) and settles its invoices in the index', () => {
    const [credit] = statement();
    const index = company();
    const result = matchMovement({ ...credit!, batchReference: null }, index);
    expect(result).toMatchObject({
      decision: 'AUTO',
      proposals: [{ batchId: 'dec16', reason: 'Prélèvements de la remise PRLV-20261216-0004 dans le détail de l’écriture, montant exact' }],
    });
    applyProposal(index, result.proposals[0]!, credit!);
    // Its invoices are paid: a transfer citing one of them no longer matches it.
    expect(matchMovement(movement({ amount: '240.00', label: 'FACTURE F-2026-00431' }), index).decision).toBe('NONE');
    expect(matchMovement(credit!, index).decision).toBe('NONE');
  });

  it('only proposes the return of a collection whose batch was not credited yet, and matches it once the credit is', () => {
    const [credit] = statement();
    const index = company();
    const unpaid = { ...movement({ amount: '-180.00', bookingDate: '2026-12-17', label: 'IMPAYE PRLV F-2026-00433 MOTIF MS02' }) };
    expect(matchMovement(unpaid, index)).toEqual({
      decision: 'PROPOSED',
      proposals: [
        expect.objectContaining({
          itemId: 'd433',
          score: 60,
          reason:
            'Impayé du prélèvement F-2026-00433 (Client, remise PRLV-20261216-0004) : référence dans le libellé, montant exact, ' +
            'motif MS02 (Refus du débiteur), mais la remise PRLV-20261216-0004 n’est pas encore encaissée : rapprochez d’abord son crédit',
        }),
      ],
    });
    run([credit!], index);
    expect(matchMovement(unpaid, index)).toMatchObject({ decision: 'AUTO', proposals: [{ itemId: 'd433', returnReasonCode: 'MS02' }] });
  });

  it('proposes a return of another amount, or dated before the batch was credited', () => {
    const index = company();
    expect(matchMovement(movement({ amount: '-215.00', bookingDate: '2026-12-16', endToEndId: 'F-2026-00420' }), index)).toMatchObject({
      decision: 'PROPOSED',
      proposals: [{ itemId: 'd420', score: 70, reason: expect.stringContaining('montant différent (prélèvement de 210,00 €)') }],
    });
    expect(matchMovement(movement({ amount: '-210.00', bookingDate: '2026-12-09', endToEndId: 'F-2026-00420' }), index)).toMatchObject({
      decision: 'PROPOSED',
      proposals: [{ itemId: 'd420', reason: expect.stringContaining('hors de la période possible (remise encaissée le 10/12/2026)') }],
    });
  });

  it('knows a return by its mandate when one collection under it has the amount; otherwise proposes the latest first', () => {
    const monthly = (itemId: string, settledOn: string) =>
      item({
        itemId,
        batchId: itemId,
        endToEndId: `F-${itemId}`,
        mandateReference: 'RUM-42',
        amount: '75.00',
        state: 'COLLECTED',
        settledOn,
      });
    const debit = movement({ amount: '-75.00', bookingDate: '2026-12-16', label: 'IMPAYE PRLV', mandateId: 'RUM-42' });
    const one = company({ directDebitItems: [monthly('oct', '2026-10-05')] });
    expect(matchMovement(debit, one)).toMatchObject({ decision: 'AUTO', proposals: [{ itemId: 'oct', score: 95 }] });
    const three = company({ directDebitItems: [monthly('oct', '2026-10-05'), monthly('dec', '2026-12-05'), monthly('nov', '2026-11-05')] });
    const result = matchMovement(debit, three);
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals.map((p) => [p.itemId, p.score])).toEqual([
      ['dec', 70],
      ['nov', 69],
      ['oct', 68],
    ]);
  });

  it('links a return recorded by hand, and never returns one collection twice', () => {
    const index = company({
      directDebitItems: [
        item({ itemId: 'd420', endToEndId: 'F-2026-00420', amount: '210.00', state: 'RETURNED', settledOn: '2026-12-10' }),
      ],
    });
    const debit = movement({ amount: '-210.00', bookingDate: '2026-12-16', endToEndId: 'F-2026-00420' });
    const result = matchMovement(debit, index);
    expect(result).toMatchObject({
      decision: 'AUTO',
      proposals: [{ itemId: 'd420', reason: expect.stringContaining('rejet déjà enregistré à la main') }],
    });
    applyProposal(index, result.proposals[0]!, debit);
    expect(matchMovement(debit, index).decision).toBe('NONE');
  });

  it('matches a credit of one payment block of the file (FRST and RCUR credited apart), then the other', () => {
    const index = company({
      directDebitBatches: [
        {
          batchId: 'dec16',
          reference: 'PRLV-20261216-0004',
          amount: '516.50',
          settled: false,
          submittedOn: '2026-12-14',
          blocks: [
            { reference: 'PRLV-20261216-0004-FRST', amount: '96.50' },
            { reference: 'PRLV-20261216-0004-RCUR', amount: '420.00' },
          ],
        },
      ],
    });
    const frst = movement({ amount: '96.50', bookingDate: '2026-12-16', label: 'REMISE PRLV', batchReference: 'PRLV-20261216-0004-FRST' });
    const rcur = movement({ amount: '420.00', bookingDate: '2026-12-16', label: 'REMISE PRLV', batchReference: 'PRLV-20261216-0004-RCUR' });
    const [first, second] = run([frst, rcur], index);
    expect(first!.decision).toBe('AUTO');
    expect(first!.proposals[0]).toMatchObject({
      batchId: 'dec16',
      score: 95,
      reason: expect.stringContaining('montant exact du bloc PRLV-20261216-0004-FRST'),
    });
    expect(second).toMatchObject({
      decision: 'AUTO',
      proposals: [{ batchId: 'dec16', score: 100, reason: expect.stringContaining('déjà encaissée à la main') }],
    });
  });

  it('names a batch settled by hand, never guesses it from the amount, and refuses a credit sent before the file', () => {
    const settled = company({
      directDebitBatches: [
        { batchId: 'dec16', reference: 'PRLV-20261216-0004', amount: '516.50', settled: true, submittedOn: '2026-12-14', blocks: [] },
      ],
    });
    expect(
      matchMovement(movement({ amount: '516.50', bookingDate: '2026-12-16', label: 'REMISE PRLV-20261216-0004' }), settled).decision,
    ).toBe('AUTO');
    expect(matchMovement(movement({ amount: '516.50', bookingDate: '2026-12-16', label: 'REMISE PRLV SEPA' }), settled).decision).toBe(
      'NONE',
    );
    expect(
      matchMovement(movement({ amount: '516.50', bookingDate: '2026-12-13', label: 'REMISE PRLV-20261216-0004' }), company()),
    ).toMatchObject({
      decision: 'PROPOSED',
      proposals: [{ reason: expect.stringContaining('crédit antérieur à l’envoi du fichier (14/12/2026)') }],
    });
  });

  it('reads the return reason from the bank, or from the label when the bank only writes it there', () => {
    expect(returnReasonCodeOf({ returnReasonCode: 'am04', label: '', remittanceInfo: null })).toBe('AM04');
    expect(returnReasonCodeOf({ label: 'IMPAYE PRLV SEPA CABINET MEDICAL DES ECOLES MOTIF AM04', remittanceInfo: null })).toBe('AM04');
    expect(returnReasonCodeOf({ label: 'IMPAYE PRLV SEPA F-2026-00401', remittanceInfo: 'REF 2026' })).toBeNull();
  });
});

describe('weaker clues', () => {
  it('proposes the only open invoice of that amount, without reference', () => {
    expect(match({ amount: '777.77', label: 'VIREMENT' })).toEqual({
      decision: 'PROPOSED',
      proposals: [
        {
          kind: 'INVOICES',
          allocations: [{ invoiceId: 'i60', amount: '777.77' }],
          score: 50,
          reason: 'Montant exact de la facture F-2026-00060 (Martin Électricité), seule facture ouverte de ce montant, sans référence',
        },
      ],
    });
  });

  it('raises the score when the payer’s name resembles the customer’s (accents, legal forms and civilities ignored)', () => {
    expect(nameTokens('SARL Dupont & Fils')).toEqual(new Set(['DUPONT', 'FILS']));
    const result = match({ amount: '777.77', label: 'VIREMENT', counterpartyName: 'MARTIN ELECTRICITE' });
    expect(result.decision).toBe('PROPOSED');
    expect(result.proposals).toHaveLength(1);
    expect(result.proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i60', amount: '777.77' }],
      score: 70,
      reason: 'Nom du payeur « MARTIN ELECTRICITE » proche du client Martin Électricité, montant exact de la facture F-2026-00060',
    });
    expect(match({ amount: '89.90', counterpartyName: 'M. DUPONT JEAN' }).proposals[0]).toMatchObject({
      allocations: [{ invoiceId: 'i44', amount: '89.90' }],
      score: 70,
    });
  });

  it('picks, among invoices of the same amount, the one of the customer named like the payer', () => {
    const result = match({ amount: '1200.00', counterpartyName: 'SDC RESIDENCE LES PINS' });
    expect(result.proposals.map((p) => [p.allocations[0]!.invoiceId, p.score])).toEqual([
      ['i50', 70],
      ['i42', 30],
    ]);
  });

  it('proposes 2 or 3 invoices of the IBAN’s customer adding up to the amount', () => {
    const pair = match({ amount: '1550.40', label: 'VIREMENT', counterpartyIban: DUPONT_IBAN });
    expect(pair.decision).toBe('PROPOSED');
    expect(pair.proposals[0]).toEqual({
      kind: 'INVOICES',
      allocations: [
        { invoiceId: 'i42', amount: '1200.00' },
        { invoiceId: 'i43', amount: '350.40' },
      ],
      score: 65,
      reason: 'Somme de 2 factures de SARL Dupont Chauffage (F-2026-00042, F-2026-00043), IBAN du payeur connu',
    });
    const triple = match({ amount: '1640.30', label: 'VIREMENT', counterpartyIban: DUPONT_IBAN });
    expect(triple.proposals[0]).toMatchObject({
      allocations: [
        { invoiceId: 'i42', amount: '1200.00' },
        { invoiceId: 'i43', amount: '350.40' },
        { invoiceId: 'i44', amount: '89.90' },
      ],
      score: 60,
    });
  });

  it('proposes invoices adding up to the amount for a customer recognised by name only, with a lower score', () => {
    const result = match({ amount: '1840.00', counterpartyName: 'Résidence les Pins' });
    expect(result.proposals[0]).toMatchObject({
      allocations: [
        { invoiceId: 'i50', amount: '1200.00' },
        { invoiceId: 'i51', amount: '640.00' },
      ],
      score: 55,
      reason: 'Somme de 2 factures de Résidence Les Pins (F-2026-00050, F-2026-00051), nom du payeur proche',
    });
  });

  it('caps the proposals at 5, best first', () => {
    const many = candidates();
    const invoices: OpenInvoiceCandidate[] = Array.from({ length: 7 }, (_, i) =>
      inv(`m${i}`, `F-2026-0010${i}`, 'martin', 'Martin Électricité', '99.00', `2026-05-0${7 - i}`),
    );
    const result = match(
      { amount: '99.00', counterpartyIban: MARTIN_IBAN },
      buildMatchingIndex({ ...many, invoices: [...many.invoices, ...invoices] }),
    );
    expect(result.proposals).toHaveLength(5);
    expect(result.proposals.map((p) => p.allocations[0]!.invoiceId)).toEqual(['m6', 'm5', 'm4', 'm3', 'm2']);
  });

  it('makes no proposal on an amount alone shared by more than 5 invoices', () => {
    const many = candidates();
    const invoices = Array.from({ length: 6 }, (_, i) => inv(`s${i}`, `F-2026-0020${i}`, `c${i}`, `Client ${i}`, '45.00', '2026-05-01'));
    expect(match({ amount: '45.00' }, buildMatchingIndex({ ...many, invoices: [...many.invoices, ...invoices] })).decision).toBe('NONE');
  });
});

describe('what is never matched', () => {
  it('leaves debits and zero amounts alone, even with an invoice number in the label', () => {
    expect(match({ amount: '-1200.00', label: 'F-2026-00042', counterpartyIban: DUPONT_IBAN })).toEqual({
      decision: 'NONE',
      proposals: [],
    });
    expect(match({ amount: '0.00', label: 'F-2026-00042' })).toEqual({ decision: 'NONE', proposals: [] });
  });

  it('answers NONE when nothing fits', () => {
    expect(match({ amount: '12.34', label: 'VIR DIVERS', counterpartyName: 'Inconnu' })).toEqual({ decision: 'NONE', proposals: [] });
  });
});

describe('applyProposal: the index follows the run', () => {
  it('forgets a settled invoice and keeps a partly paid one with its new balance', () => {
    const index = buildMatchingIndex(candidates());
    const full = matchMovement(movement({ amount: '1200.00', label: 'F-2026-00042' }), index);
    applyProposal(index, full.proposals[0]!, movement({ amount: '1200.00' }));
    const again = matchMovement(movement({ amount: '1200.00', label: 'F-2026-00042' }), index);
    expect(again.proposals.map((p) => p.allocations[0]!.invoiceId)).toEqual(['i50']);

    const partial = matchMovement(movement({ amount: '100.40', label: 'F-2026-00043' }), index);
    applyProposal(index, partial.proposals[0]!, movement({ amount: '100.40' }));
    const rest = matchMovement(movement({ amount: '250.00', label: 'F-2026-00043' }), index);
    expect(rest.decision).toBe('AUTO');
    expect(rest.proposals[0]!.allocations).toEqual([{ invoiceId: 'i43', amount: '250.00' }]);
  });

  it('forgets a collected batch', () => {
    const index = buildMatchingIndex(candidates());
    applyProposal(index, match({ amount: '4321.00', label: 'PRLV-20260305-01' }, index).proposals[0]!, movement({ amount: '4321.00' }));
    expect(match({ amount: '4321.00', label: 'PRLV-20260305-01' }, index).decision).toBe('NONE');
  });
});

describe('at scale: 10,000 movements against 50,000 open invoices', () => {
  it('matches each movement as a person would, with one index built once', { timeout: 120_000 }, () => {
    const CUSTOMERS = 5_000;
    const SURNAMES = ['Dupont', 'Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Michel'];
    const TRADES = ['Chauffage', 'Électricité', 'Climatisation', 'Plomberie', 'Sécurité Incendie', 'Syndic'];
    const customerName = (c: number) =>
      `${SURNAMES[c % SURNAMES.length]} ${TRADES[c % TRADES.length]} ${String.fromCharCode(65 + (c % 26))}${c}`;
    const iban = (c: number) => `FR76${String(c).padStart(23, '0')}`;
    const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
    const dueDates = Array.from({ length: 180 }, (_, d) => shiftDate('2026-01-01', d));
    const invoices: OpenInvoiceCandidate[] = Array.from({ length: 50_000 }, (_, i) => {
      const c = Math.floor(i / 10);
      return inv(
        `inv-${i}`,
        `F-2026-${String(i + 1).padStart(5, '0')}`,
        `cust-${c}`,
        customerName(c),
        cents(1_000 + ((i * 7_919) % 1_000_000)),
        dueDates[i % 180]!,
      );
    });
    const index = buildMatchingIndex({
      invoices,
      bankAccounts: Array.from({ length: CUSTOMERS }, (_, c) => ({ customerId: `cust-${c}`, iban: iban(c) })),
      directDebitBatches: [],
      directDebitItems: [],
      today: '2026-12-31',
    });

    const sameBalanceInCustomer = new Map<string, number>();
    for (const i of invoices)
      sameBalanceInCustomer.set(
        `${i.customerId}/${i.openBalance}`,
        (sameBalanceInCustomer.get(`${i.customerId}/${i.openBalance}`) ?? 0) + 1,
      );
    const expected: { kind: string; decision: string; allocations?: { invoiceId: string; amount: string }[]; score?: number }[] = [];
    const movements: MovementToMatch[] = [];
    for (let k = 0; k < 10_000; k++) {
      const target = invoices[(k * 4_999) % invoices.length]!;
      const c = Number(target.customerId.slice(5));
      const balanceCents = Number(target.openBalance.replace('.', ''));
      switch (k % 4) {
        case 0: // the invoice number in the label, exact amount
          movements.push(
            movement({ amount: target.openBalance, label: `VIR SEPA ${customerName(c).toUpperCase()} FACT ${target.number}` }),
          );
          expected.push({
            kind: 'number',
            decision: 'AUTO',
            allocations: [{ invoiceId: target.invoiceId, amount: target.openBalance }],
            score: 100,
          });
          break;
        case 1: {
          // the customer's IBAN, exact amount, no reference: automatic when no other invoice of the customer has that balance
          movements.push(movement({ amount: target.openBalance, label: 'VIREMENT RECU', counterpartyIban: iban(c) }));
          const twins = sameBalanceInCustomer.get(`${target.customerId}/${target.openBalance}`);
          expected.push(
            twins === 1
              ? { kind: 'iban', decision: 'AUTO', allocations: [{ invoiceId: target.invoiceId, amount: target.openBalance }], score: 95 }
              : { kind: 'iban', decision: 'PROPOSED' },
          );
          break;
        }
        case 2: // a partial payment of half the balance, number written without dashes
          movements.push(movement({ amount: cents(Math.floor(balanceCents / 2)), remittanceInfo: target.number.replace(/-/g, '') }));
          expected.push({
            kind: 'partial',
            decision: 'PROPOSED',
            allocations: [{ invoiceId: target.invoiceId, amount: cents(Math.floor(balanceCents / 2)) }],
            score: 80,
          });
          break;
        default: // bank charges (debits) and a few cents nobody owes
          movements.push(movement({ amount: k % 8 === 3 ? '-12.50' : '0.07', label: 'FRAIS BANCAIRES' }));
          expected.push({ kind: 'noise', decision: 'NONE' });
      }
    }

    const results = movements.map((m) => matchMovement(m, index));

    const wrong = results.flatMap((result, k) => {
      const e = expected[k]!;
      const first = result.proposals[0];
      const ok =
        result.decision === e.decision &&
        (!e.allocations || JSON.stringify(first?.allocations) === JSON.stringify(e.allocations)) &&
        (e.score === undefined || first?.score === e.score);
      return ok ? [] : [{ k, expected: e, got: result }];
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(results.filter((r) => r.decision === 'AUTO').length).toBeGreaterThanOrEqual(4_900);
    expect(results.every((r) => r.proposals.length <= 5)).toBe(true);
    // A sample, in full.
    expect(results[0]).toEqual({
      decision: 'AUTO',
      proposals: [
        {
          kind: 'INVOICES',
          allocations: [{ invoiceId: 'inv-0', amount: '10.00' }],
          score: 100,
          reason: 'Numéro F-2026-00001 dans le libellé, montant exact',
        },
      ],
    });
    expect(results[2]!.proposals[0]!.reason).toBe(
      `Numéro ${invoices[(2 * 4_999) % 50_000]!.number} dans le libellé, paiement partiel de ${expected[2]!.allocations![0]!.amount.replace('.', ',')} € sur ${invoices[(2 * 4_999) % 50_000]!.openBalance.replace('.', ',')} €`,
    );
  });
});
