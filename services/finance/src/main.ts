import { runSubgraphProcess } from '@relais/subgraph-kit';
import { financeSubgraph } from './index';

await runSubgraphProcess(financeSubgraph, 4103);
