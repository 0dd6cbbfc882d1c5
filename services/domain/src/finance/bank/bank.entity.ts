import { defineEntity, p } from '@mikro-orm/core';
import type { ParsedMovementDetail } from '../bank-files';
import type { Proposal } from './matching.rules';

export const MOVEMENT_STATUSES = ['UNMATCHED', 'PROPOSED', 'MATCHED', 'BOOKED'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const BOOKING_KINDS = ['BANK_FEES', 'INTERNAL_TRANSFER', 'SUPPLIER', 'OTHER'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

/** One of the tenant's bank accounts, keyed by IBAN (or the bank's account number when no IBAN is given). */
export const BankAccount = defineEntity({
  name: 'BankAccount',
  tableName: 'bank_accounts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    accountKey: p.string(),
    iban: p.string().nullable(),
    label: p.string(),
    currency: p.string().default('EUR'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type BankAccount = InstanceType<typeof BankAccount.class>;

/** One import of a statement file. */
export const BankStatement = defineEntity({
  name: 'BankStatement',
  tableName: 'bank_statements',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    bankAccountId: p.uuid(),
    format: p.enum(['CAMT053', 'OFX', 'CFONB120'] as const),
    fileName: p.string(),
    fileSha256: p.string(),
    bankStatementId: p.string().nullable(),
    fromDate: p.string().columnType('date'),
    toDate: p.string().columnType('date'),
    openingBalance: p.decimal('string').precision(14).scale(2).nullable(),
    closingBalance: p.decimal('string').precision(14).scale(2).nullable(),
    movementCount: p.integer(),
    newMovementCount: p.integer(),
    autoMatchedCount: p.integer().default(0),
    importedBy: p.uuid().nullable(),
    importedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type BankStatement = InstanceType<typeof BankStatement.class>;

export const BankMovement = defineEntity({
  name: 'BankMovement',
  tableName: 'bank_movements',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    bankAccountId: p.uuid(),
    statementId: p.uuid(),
    fingerprint: p.string(),
    bookingDate: p.string().columnType('date'),
    valueDate: p.string().columnType('date').nullable(),
    amount: p.decimal('string').precision(14).scale(2),
    currency: p.string(),
    label: p.string(),
    remittanceInfo: p.string().default(''),
    counterpartyName: p.string().nullable(),
    counterpartyIban: p.string().nullable(),
    bankReference: p.string().nullable(),
    endToEndId: p.string().nullable(),
    mandateId: p.string().nullable(),
    /** The batch's payment block or message id the bank echoes on a direct-debit credit. */
    batchReference: p.string().nullable(),
    /** The ISO 20022 reason the bank gives for a returned direct debit (AM04, MD06…). */
    returnReasonCode: p.string().nullable(),
    bankTransactionCode: p.string().nullable(),
    details: p.json<ParsedMovementDetail[]>().default([]),
    status: p.enum(MOVEMENT_STATUSES).default('UNMATCHED'),
    proposals: p.json<Proposal[]>().default([]),
    /** What a MATCHED movement reconciles, one of three: the payment recorded from it, the direct-debit batch it credits, or the item it returns. */
    paymentId: p.uuid().nullable(),
    directDebitBatchId: p.uuid().nullable(),
    directDebitItemId: p.uuid().nullable(),
    bookedAs: p.enum(BOOKING_KINDS).nullable(),
    bookedNote: p.text().nullable(),
    matchedBy: p.uuid().nullable(),
    matchedAt: p.datetime().nullable(),
    matchReason: p.text().nullable(),
    version: p.integer().version(),
  },
});
export type BankMovement = InstanceType<typeof BankMovement.class>;
