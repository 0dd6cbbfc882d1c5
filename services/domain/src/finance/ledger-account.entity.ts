import { defineEntity, p } from '@mikro-orm/core';

export const LEDGER_ACCOUNT_KINDS = ['receivable', 'revenue', 'vat_collected', 'bank', 'other'] as const;

export const LedgerAccount = defineEntity({
  name: 'LedgerAccount',
  tableName: 'ledger_accounts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    number: p.string(),
    label: p.string(),
    kind: p.enum(LEDGER_ACCOUNT_KINDS),
  },
});
export type LedgerAccount = InstanceType<typeof LedgerAccount.class>;
