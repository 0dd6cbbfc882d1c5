import { runSubgraphProcess } from '@relais/subgraph-kit';
import { maintenanceSubgraph } from './index';

await runSubgraphProcess(maintenanceSubgraph, 4101);
