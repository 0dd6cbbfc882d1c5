import { MAX_STATEMENT_BYTES } from '@relais/domain';
import { startMailPublisher, type SubgraphDefinition } from '@relais/subgraph-kit';
import { LedgerAccountResolver } from './ledger/ledger-account.resolver';
import { InvoiceJournalResolver, JournalEntryLineResolver, JournalEntryResolver, PaymentJournalResolver } from './ledger/journal.resolver';
import { LedgerMappingResolver } from './ledger/ledger-mapping.resolver';
import { DeferredRevenueResolver } from './ledger/deferred-revenue.resolver';
import { startLedgerPostingWorker } from './ledger/ledger-posting.worker';
import { CustomerAccounting, CustomerAccountingResolver } from './customers/customer-accounting.resolver';
import { CustomerBalanceResolver } from './customers/customer-balance.resolver';
import { PaymentAllocationResolver, PaymentResolver } from './payments/payment.resolver';
import { InvoiceSettlementResolver } from './invoices/invoice-settlement.resolver';
import { InvoiceRef } from './payments/payment.type';
import { PortalInvoicePaymentsResolver, PortalInvoiceRef } from './portal/portal-payments.resolver';
import { BankResolver, MatchProposalResolver } from './bank/bank.resolver';
import { PeriodsResolver } from './periods/periods.resolver';
import { DunningResolver, InvoiceDunningResolver } from './dunning/dunning.resolver';
import { startDunningWorker } from './dunning/dunning.worker';
import { CustomerMandatesResolver, SepaMandateResolver } from './direct-debit/mandate.resolver';
import {
  DirectDebitBatchResolver,
  DirectDebitCandidateResolver,
  DirectDebitItemResolver,
  InvoiceDirectDebitResolver,
} from './direct-debit/direct-debit-batch.resolver';
import { SepaCreditorResolver } from './direct-debit/sepa-creditor.resolver';
import { directDebitFileRoute } from './direct-debit/direct-debit-file.route';
import {
  CustomerStatementResolver,
  ReceivablesResolver,
  StatementMovementResolver,
  StatementOpenItemResolver,
} from './receivables/receivables.resolver';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { ProfitabilityResolver } from './dashboard/profitability.resolver';
import { AccountingExportResolver } from './exports/accounting-export.resolver';
import { WriteOffActorResolver, WriteOffResolver } from './write-offs/write-off.resolver';
import { accountingExportRoute } from './exports/accounting-export.route';

export const financeSubgraph: SubgraphDefinition = {
  name: 'finance',
  resolvers: [
    LedgerAccountResolver,
    LedgerMappingResolver,
    DeferredRevenueResolver,
    JournalEntryResolver,
    JournalEntryLineResolver,
    InvoiceJournalResolver,
    PaymentJournalResolver,
    CustomerAccountingResolver,
    CustomerBalanceResolver,
    PaymentResolver,
    PaymentAllocationResolver,
    InvoiceSettlementResolver,
    DunningResolver,
    InvoiceDunningResolver,
    BankResolver,
    MatchProposalResolver,
    PeriodsResolver,
    SepaMandateResolver,
    CustomerMandatesResolver,
    DirectDebitBatchResolver,
    DirectDebitItemResolver,
    DirectDebitCandidateResolver,
    InvoiceDirectDebitResolver,
    SepaCreditorResolver,
    ReceivablesResolver,
    CustomerStatementResolver,
    StatementMovementResolver,
    StatementOpenItemResolver,
    DashboardResolver,
    ProfitabilityResolver,
    AccountingExportResolver,
    WriteOffResolver,
    WriteOffActorResolver,
    PortalInvoicePaymentsResolver,
  ],
  httpRoutes: [directDebitFileRoute, accountingExportRoute],
  orphanedTypes: [CustomerAccounting, InvoiceRef, PortalInvoiceRef],
  references: { Customer: (reference) => reference, Invoice: (reference) => reference, PortalInvoice: (reference) => reference },
  // The statement file in base64: 4 characters per 3 bytes.
  inputLimits: { 'ImportBankStatementInput.contentBase64': Math.ceil(MAX_STATEMENT_BYTES / 3) * 4 },
  onStart: async (resources) => {
    const stops = [await startDunningWorker(resources), await startMailPublisher(resources), await startLedgerPostingWorker(resources)];
    return async () => {
      for (const stop of stops) await stop();
    };
  },
};
