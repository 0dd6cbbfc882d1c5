import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { LedgerAccountResolver } from './ledger/ledger-account.resolver';
import { CustomerAccounting, CustomerAccountingResolver } from './customers/customer-accounting.resolver';
import { CustomerBalanceResolver } from './customers/customer-balance.resolver';
import { PaymentAllocationResolver, PaymentResolver } from './payments/payment.resolver';
import { InvoiceSettlementResolver } from './invoices/invoice-settlement.resolver';
import { InvoiceRef } from './payments/payment.type';
import { BankResolver } from './bank/bank.resolver';
import { DunningResolver, InvoiceDunningResolver } from './dunning/dunning.resolver';
import { startDunningWorker } from './dunning/dunning.worker';

export const financeSubgraph: SubgraphDefinition = {
  name: 'finance',
  resolvers: [
    LedgerAccountResolver,
    CustomerAccountingResolver,
    CustomerBalanceResolver,
    PaymentResolver,
    PaymentAllocationResolver,
    InvoiceSettlementResolver,
    DunningResolver,
    InvoiceDunningResolver,
    BankResolver,
  ],
  orphanedTypes: [CustomerAccounting, InvoiceRef],
  references: { Customer: (reference) => reference, Invoice: (reference) => reference },
  onStart: startDunningWorker,
};
