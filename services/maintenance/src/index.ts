import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { CustomerResolver, resolveCustomerReference } from './customers/customer.resolver';
import { SiteResolver } from './sites/site.resolver';

export const maintenanceSubgraph: SubgraphDefinition = {
  name: 'maintenance',
  resolvers: [CustomerResolver, SiteResolver],
  references: { Customer: resolveCustomerReference },
};
