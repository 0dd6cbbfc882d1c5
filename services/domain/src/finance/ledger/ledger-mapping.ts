import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { LedgerMapping, type VatAccount } from './ledger.entity';
import { LedgerAccount } from '../ledger-account.entity';
import type { InvoiceLine } from '../../billing/invoice.entity';
import { Money, parseDecimal } from '../../billing/money';
import { DomainError, Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';

/** Which account the ledger posts each kind of amount to (the tenant's, or the defaults). */
export interface LedgerAccounts {
  labourAccount: string;
  travelAccount: string;
  partsAccount: string;
  contractFeeAccount: string;
  otherRevenueAccount: string;
  /** Document-level allowances (remises en pied de facture) and charges. */
  allowanceAccount: string;
  chargeAccount: string;
  /** Deposits invoiced (avances et acomptes reçus), deducted by the final invoice. */
  depositAccount: string;
  receivableAccount: string;
  /** Retention held back (retenue de garantie) until the end of the guarantee. */
  retentionAccount: string;
  bankAccount: string;
  bankFeesAccount: string;
  internalTransferAccount: string;
  supplierAccount: string;
  /** Bank movements booked as "other" wait here (compte d’attente) for the accountant. */
  suspenseAccount: string;
  /** Revenue billed for days after a closing date waits here (produits constatés d’avance) until the reversal. */
  deferredRevenueAccount: string;
  /** Irrecoverable debts written off (pertes sur créances irrécouvrables). */
  writeOffAccount: string;
  /** Small balances written off (charges diverses de gestion courante). */
  smallBalanceAccount: string;
  /** Collected VAT per rate; a rate not listed goes to `defaultVatAccount`. */
  vatAccounts: VatAccount[];
  defaultVatAccount: string;
}

export interface LedgerMappingConfig extends LedgerAccounts {
  /** 0 while the defaults apply; pass it back as expectedVersion. */
  version: number;
}

/**
 * Plan comptable général defaults: services 706, goods 707, billed incidental costs 7085, the
 * contracts' fees on their own 706 sub-account (as the demo's contracts already name it), collected
 * VAT one 44571 sub-account per French rate.
 */
export const DEFAULT_LEDGER_ACCOUNTS: LedgerAccounts = {
  labourAccount: '706000',
  travelAccount: '708500',
  partsAccount: '707000',
  contractFeeAccount: '706100',
  otherRevenueAccount: '706000',
  allowanceAccount: '709000',
  chargeAccount: '708500',
  depositAccount: '419100',
  receivableAccount: '411000',
  retentionAccount: '411700',
  bankAccount: '512000',
  bankFeesAccount: '627000',
  internalTransferAccount: '580000',
  supplierAccount: '401000',
  suspenseAccount: '471000',
  deferredRevenueAccount: '487000',
  writeOffAccount: '654000',
  smallBalanceAccount: '658000',
  vatAccounts: [
    { rate: '20.00', account: '445711' },
    { rate: '10.00', account: '445712' },
    { rate: '5.50', account: '445713' },
    { rate: '2.10', account: '445714' },
  ],
  defaultVatAccount: '445710',
};

type AccountField = Exclude<keyof LedgerAccounts, 'vatAccounts'>;

/** The class (or account) each field must belong to in the plan comptable général. */
const ACCOUNT_PREFIX: Record<AccountField, string> = {
  labourAccount: '7',
  travelAccount: '7',
  partsAccount: '7',
  contractFeeAccount: '7',
  otherRevenueAccount: '7',
  allowanceAccount: '7',
  chargeAccount: '7',
  depositAccount: '4191',
  receivableAccount: '411',
  retentionAccount: '411',
  bankAccount: '512',
  bankFeesAccount: '6',
  internalTransferAccount: '58',
  supplierAccount: '401',
  suspenseAccount: '47',
  deferredRevenueAccount: '487',
  writeOffAccount: '654',
  smallBalanceAccount: '658',
  defaultVatAccount: '44571',
};
const ACCOUNT_FIELDS = Object.keys(ACCOUNT_PREFIX) as AccountField[];
const VAT_PREFIX = '44571';

/** The revenue account of an invoice line: its own (a contract fee line may name one), else the tenant's for its kind. */
export function revenueAccountFor(accounts: LedgerAccounts, line: { kind: InvoiceLine['kind']; revenueAccount?: string | null }): string {
  if (line.revenueAccount) return line.revenueAccount;
  switch (line.kind) {
    case 'LABOUR':
      return accounts.labourAccount;
    case 'TRAVEL':
      return accounts.travelAccount;
    case 'PART':
      return accounts.partsAccount;
    case 'FEE':
      return accounts.contractFeeAccount;
    default:
      return accounts.otherRevenueAccount;
  }
}

/** The collected-VAT account of a rate ("20.00"). */
export function vatAccountFor(accounts: LedgerAccounts, rate: string): string {
  const wanted = new Money(rate);
  return accounts.vatAccounts.find((v) => new Money(v.rate).eq(wanted))?.account ?? accounts.defaultVatAccount;
}

export async function ledgerMapping(em: EntityManager, tenantId: string): Promise<LedgerMappingConfig> {
  const row = await em.findOne(LedgerMapping, { tenantId });
  if (!row) return { ...DEFAULT_LEDGER_ACCOUNTS, vatAccounts: DEFAULT_LEDGER_ACCOUNTS.vatAccounts.map((v) => ({ ...v })), version: 0 };
  const accounts = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, row[f]])) as Omit<LedgerAccounts, 'vatAccounts'>;
  return { ...accounts, vatAccounts: row.vatAccounts, version: row.version };
}

function checkAccounts(input: LedgerAccounts, chart: ReadonlySet<string>): LedgerAccounts {
  const v = new Validator();
  const account = (value: string | undefined, field: string, prefix: string): string => {
    const number = (value ?? '').trim();
    if (!chart.has(number)) v.check(false, field, `compte ${number || '(vide)'} absent du plan comptable`);
    else v.check(number.startsWith(prefix), field, `compte ${prefix}… attendu`);
    return number;
  };
  const mapped = Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, account(input[f], f, ACCOUNT_PREFIX[f])])) as Omit<
    LedgerAccounts,
    'vatAccounts'
  >;
  const seen = new Set<string>();
  const vatAccounts = input.vatAccounts.map((vat, i) => {
    let rate = '';
    try {
      const parsed = parseDecimal(vat.rate, `vatAccounts[${i}].rate`, 2);
      v.check(parsed.greaterThan(0) && parsed.lessThan(100), `vatAccounts[${i}].rate`, 'taux de 0 à 100 %');
      rate = parsed.toFixed(2);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      v.check(false, `vatAccounts[${i}].rate`, 'taux décimal attendu (ex. 20.00)');
    }
    v.check(!rate || !seen.has(rate), `vatAccounts[${i}].rate`, 'taux en double');
    seen.add(rate);
    return { rate, account: account(vat.account, `vatAccounts[${i}].account`, VAT_PREFIX) };
  });
  v.throwIfInvalid();
  return { ...mapped, vatAccounts };
}

/**
 * Replaces the tenant's mapping as a whole. Every account must be in the chart of accounts and in
 * the class its use requires (VALIDATION_FAILED naming the field); STALE_VERSION after another change.
 * It applies to entries posted from then on; entries already posted keep their accounts. A mapping
 * sent without the deferred revenue or write-off accounts (as written before they existed) keeps the current ones.
 */
export async function updateLedgerMapping(
  em: EntityManager,
  identity: Identity,
  input: Omit<LedgerAccounts, 'deferredRevenueAccount' | 'writeOffAccount' | 'smallBalanceAccount'> & {
    deferredRevenueAccount?: string | null;
    writeOffAccount?: string | null;
    smallBalanceAccount?: string | null;
    expectedVersion?: number | null;
  },
): Promise<LedgerMappingConfig> {
  const chart = new Set((await em.find(LedgerAccount, {}, { fields: ['number'] })).map((a) => a.number));
  const { expectedVersion, deferredRevenueAccount, writeOffAccount, smallBalanceAccount, ...given } = input;
  const stale = 'Le paramétrage comptable a été modifié entre-temps ; rechargez-le';
  const row = await em.findOne(LedgerMapping, { tenantId: identity.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const accounts: LedgerAccounts = {
    ...given,
    deferredRevenueAccount: deferredRevenueAccount ?? row?.deferredRevenueAccount ?? DEFAULT_LEDGER_ACCOUNTS.deferredRevenueAccount,
    writeOffAccount: writeOffAccount ?? row?.writeOffAccount ?? DEFAULT_LEDGER_ACCOUNTS.writeOffAccount,
    smallBalanceAccount: smallBalanceAccount ?? row?.smallBalanceAccount ?? DEFAULT_LEDGER_ACCOUNTS.smallBalanceAccount,
  };
  const values = { ...checkAccounts(accounts, chart), updatedBy: actorId(identity) };
  if (row) {
    assertExpectedVersion(row, expectedVersion, stale);
    Object.assign(row, values);
  } else {
    if (expectedVersion) throw Errors.staleVersion(stale, 0, expectedVersion);
    em.create(LedgerMapping, { tenantId: identity.tenantId, ...values });
  }
  await em.flush();
  return ledgerMapping(em, identity.tenantId);
}
