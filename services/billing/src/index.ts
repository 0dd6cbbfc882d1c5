import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { VatRateResolver } from './vat/vat-rate.resolver';
import { InterventionInvoiceResolver, InvoiceResolver } from './invoices/invoice.resolver';
import { CustomerRef, InterventionRef } from './invoices/invoice.type';

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  resolvers: [VatRateResolver, InvoiceResolver, InterventionInvoiceResolver],
  orphanedTypes: [CustomerRef, InterventionRef],
  references: { Intervention: (reference) => reference },
};
