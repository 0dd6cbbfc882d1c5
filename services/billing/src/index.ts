import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { VatRateResolver } from './vat/vat-rate.resolver';

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  resolvers: [VatRateResolver],
};
