import { defineEntity, p } from '@mikro-orm/core';

export const ACCOUNTING_EXPORT_KINDS = ['FEC', 'JOURNAL', 'CUSTOMER_ACCOUNTS'] as const;
export type AccountingExportKind = (typeof ACCOUNTING_EXPORT_KINDS)[number];

/** One export downloaded in full: who took which range, in which layout, and what it held. Never changed. */
export const AccountingExport = defineEntity({
  name: 'AccountingExport',
  tableName: 'accounting_exports',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    kind: p.enum(ACCOUNTING_EXPORT_KINDS),
    /** FEC, or the CSV layout's code. */
    layout: p.string(),
    fileName: p.string(),
    fromDate: p.string().columnType('date').nullable(),
    toDate: p.string().columnType('date').nullable(),
    fiscalYearId: p.uuid().nullable(),
    lineCount: p.integer(),
    totalDebit: p.decimal('string').precision(16).scale(2),
    totalCredit: p.decimal('string').precision(16).scale(2),
    /** Some entries were in open months: their numbers were provisional. */
    provisional: p.boolean(),
    exportedBy: p.uuid().nullable(),
    exportedByName: p.string(),
    exportedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AccountingExport = InstanceType<typeof AccountingExport.class>;
