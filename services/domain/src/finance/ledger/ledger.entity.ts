import { defineEntity, p } from '@mikro-orm/core';

/** Sales (ventes), bank (banque) and miscellaneous (opérations diverses) journals. */
export const JOURNALS = ['VT', 'BQ', 'OD'] as const;
export type Journal = (typeof JOURNALS)[number];
export const LEDGER_SOURCE_TYPES = ['INVOICE', 'CREDIT_NOTE', 'PAYMENT', 'BANK_MOVEMENT', 'DEFERRED_REVENUE', 'WRITE_OFF'] as const;
export type LedgerSourceType = (typeof LEDGER_SOURCE_TYPES)[number];
/** When the VAT of a line is due: at issue (goods, or the tenant opted for debits) or when paid (services). */
export const VAT_DUE_ON = ['ISSUE', 'PAYMENT'] as const;
export type VatDueOn = (typeof VAT_DUE_ON)[number];

/**
 * A journal entry, derived from one business fact (its `sourceFactId`, unique: posting twice is
 * impossible) and linked to the document it books. Never updated; deleted only by the rebuild of
 * an open period.
 */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    journal: p.enum(JOURNALS),
    entryDate: p.string().columnType('date'),
    /** Given when the month is closed (FEC EcritureNum, per journal, in date order); null while it is open. */
    number: p.string().nullable(),
    /** The closing that numbered it (FEC ValidDate); null while its month is open. */
    validatedAt: p.datetime().nullable(),
    pieceRef: p.string(),
    pieceDate: p.string().columnType('date'),
    label: p.string(),
    sourceFactId: p.uuid(),
    sourceType: p.enum(LEDGER_SOURCE_TYPES),
    sourceId: p.uuid(),
    customerId: p.uuid().nullable(),
    postedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type LedgerEntry = InstanceType<typeof LedgerEntry.class>;

export const LedgerEntryLine = defineEntity({
  name: 'LedgerEntryLine',
  tableName: 'ledger_entry_lines',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    entryId: p.uuid(),
    position: p.integer(),
    account: p.string(),
    /** The customer's auxiliary account (FEC CompAuxNum) on receivable lines, and its name. */
    auxiliaryAccount: p.string().nullable(),
    auxiliaryLabel: p.string().nullable(),
    label: p.string(),
    debit: p.decimal('string').precision(14).scale(2),
    credit: p.decimal('string').precision(14).scale(2),
    /** On revenue and VAT lines: the VAT rate of the basis or of the tax. */
    vatRate: p.decimal('string').precision(5).scale(2).nullable(),
    /** On VAT lines only. */
    vatDueOn: p.enum(VAT_DUE_ON).nullable(),
  },
});
export type LedgerEntryLine = InstanceType<typeof LedgerEntryLine.class>;

export interface VatAccount {
  /** Percent, 2 decimals ("20.00"). */
  rate: string;
  account: string;
}

/** The tenant's accounts for each kind of amount the ledger posts; absent, the defaults apply. */
export const LedgerMapping = defineEntity({
  name: 'LedgerMapping',
  tableName: 'ledger_mappings',
  properties: {
    tenantId: p.uuid().primary(),
    labourAccount: p.string(),
    travelAccount: p.string(),
    partsAccount: p.string(),
    contractFeeAccount: p.string(),
    otherRevenueAccount: p.string(),
    allowanceAccount: p.string(),
    chargeAccount: p.string(),
    depositAccount: p.string(),
    receivableAccount: p.string(),
    retentionAccount: p.string(),
    bankAccount: p.string(),
    bankFeesAccount: p.string(),
    internalTransferAccount: p.string(),
    supplierAccount: p.string(),
    suspenseAccount: p.string(),
    deferredRevenueAccount: p.string(),
    writeOffAccount: p.string(),
    smallBalanceAccount: p.string(),
    vatAccounts: p.json<VatAccount[]>(),
    defaultVatAccount: p.string(),
    updatedBy: p.uuid().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type LedgerMapping = InstanceType<typeof LedgerMapping.class>;
