import { MAX_IMPORT_ROWS, MAX_QUOTE_SIGNATURE_LENGTH } from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { VatRateResolver } from './vat/vat-rate.resolver';
import { InvoiceResolver, resolveInvoiceReference } from './invoices/invoice.resolver';
import { InvoiceMutationResolver } from './invoices/invoice-mutations.resolver';
import { InvoiceSendingResolver } from './invoices/invoice-sending.resolver';
import { BillableResolver, InterventionInvoiceResolver } from './invoices/billable.resolver';
import { CustomerRef, InterventionRef } from './invoices/invoice.type';
import { InvoiceDocumentsResolver } from './invoices/invoice-documents.resolver';
import { invoiceDocumentsRoute } from './invoices/invoice-documents.route';
import { MailDeliveryResolver } from './mail/mail-delivery.resolver';
import { startBillingMailWorker } from './mail/mail-worker';
import { QuoteResolver } from './quotes/quote.resolver';
import { InvoiceQuoteResolver } from './quotes/invoice-quote.resolver';
import { publicQuoteRoutes } from './quotes/public-quote.routes';
import { quoteDocumentRoute } from './quotes/quote-document.route';
import { PortalQuoteResolver } from './portal/portal-quote.resolver';
import { PortalInvoiceResolver, resolvePortalInvoiceReference } from './portal/portal-invoice.resolver';
import { PriceListResolver } from './price-lists/price-list.resolver';
import { CatalogAdminResolver, resolveCatalogItemReference } from './catalog/catalog.resolver';
import {
  ContractBillingMutationResolver,
  ContractBillingResolver,
  ContractBillingSettingsResolver,
  TerminationResolver,
} from './contracts/contract-billing.resolver';
import {
  ContractBillingFieldsResolver,
  ContractBillingTermsResolver,
  ContractIndexationResolver,
  SchedulePeriodResolver,
} from './contracts/contract-ref.resolver';
import { IndexSeriesResolver } from './contracts/index-series.resolver';
import { ContractMutationResolver } from './contracts/contract-mutations.resolver';
import { ContractRef } from './contracts/contract-billing.type';
import { startContractBillingWorker } from './contracts/contract-billing.worker';
import { BatchResultResolver, BulkInvoicingResolver, InvoicingSettingsResolver } from './bulk-invoicing/bulk-invoicing.resolver';
import { startBillingBatchWorker } from './bulk-invoicing/billing-batch.worker';

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  resolvers: [
    VatRateResolver,
    InvoiceResolver,
    InvoiceMutationResolver,
    InvoiceSendingResolver,
    BillableResolver,
    InterventionInvoiceResolver,
    MailDeliveryResolver,
    InvoiceDocumentsResolver,
    QuoteResolver,
    InvoiceQuoteResolver,
    PriceListResolver,
    CatalogAdminResolver,
    ContractBillingResolver,
    ContractBillingMutationResolver,
    ContractMutationResolver,
    TerminationResolver,
    ContractBillingSettingsResolver,
    ContractBillingFieldsResolver,
    SchedulePeriodResolver,
    ContractBillingTermsResolver,
    ContractIndexationResolver,
    IndexSeriesResolver,
    BulkInvoicingResolver,
    BatchResultResolver,
    InvoicingSettingsResolver,
    PortalQuoteResolver,
    PortalInvoiceResolver,
  ],
  orphanedTypes: [CustomerRef, InterventionRef, ContractRef],
  inputLimits: {
    // One line per month ("2026-10;296,1"), with room for comments and spaces.
    'Mutation.importIndexValues(csv:)': MAX_IMPORT_ROWS * 100,
    // The drawn signature of a portal acceptance (a PNG data URL), checked by the quote's rules.
    'Mutation.portalAcceptQuote(signature:)': MAX_QUOTE_SIGNATURE_LENGTH,
  },
  references: {
    Intervention: (reference) => reference,
    Contract: (reference) => reference,
    Invoice: resolveInvoiceReference,
    CatalogItem: resolveCatalogItemReference,
    PortalInvoice: resolvePortalInvoiceReference,
  },
  onStart: async (resources) => {
    const stops = [await startBillingMailWorker(resources), await startContractBillingWorker(resources)];
    stops.push(await startBillingBatchWorker(resources));
    return async () => {
      for (const stop of stops) await stop();
    };
  },
  httpRoutes: [invoiceDocumentsRoute, quoteDocumentRoute, ...publicQuoteRoutes],
};
