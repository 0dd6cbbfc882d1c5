import { runSubgraphProcess } from '@relais/subgraph-kit';
import { billingSubgraph } from './index';

await runSubgraphProcess(billingSubgraph, 4102);
