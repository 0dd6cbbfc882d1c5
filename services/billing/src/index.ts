import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { VatRateResolver } from './vat/vat-rate.resolver';
import { InvoiceResolver } from './invoices/invoice.resolver';
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
import { PriceListResolver } from './price-lists/price-list.resolver';

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
  ],
  orphanedTypes: [CustomerRef, InterventionRef],
  references: { Intervention: (reference) => reference },
  onStart: startBillingMailWorker,
  httpRoutes: [invoiceDocumentsRoute, ...publicQuoteRoutes],
};
