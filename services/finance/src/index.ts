import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { LedgerAccountResolver } from './ledger/ledger-account.resolver';
import { CustomerAccounting, CustomerAccountingResolver } from './customers/customer-accounting.resolver';

export const financeSubgraph: SubgraphDefinition = {
  name: 'finance',
  resolvers: [LedgerAccountResolver, CustomerAccountingResolver],
  orphanedTypes: [CustomerAccounting],
  references: { Customer: (reference) => reference },
};
