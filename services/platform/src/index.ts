import type { SubgraphDefinition } from '@relais/subgraph-kit';
import { AuthResolver } from './auth/auth.resolver';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { AuditResolver } from './audit/audit.resolver';

export const platformSubgraph: SubgraphDefinition = {
  name: 'platform',
  resolvers: [AuthResolver, ApiKeyResolver, AuditResolver],
  requiredEnv: ['SESSION_SECRET'],
};
