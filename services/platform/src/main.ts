import { runSubgraphProcess } from '@relais/subgraph-kit';
import { platformSubgraph } from './index';

await runSubgraphProcess(platformSubgraph, 4100);
