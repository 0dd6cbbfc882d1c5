import { startMailPublisher, type SubgraphDefinition } from '@relais/subgraph-kit';
import { AuthResolver, resolveUserReference } from './auth/auth.resolver';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { WebhookResolver } from './webhooks/webhook.resolver';
import { UserAdminResolver } from './users/user-admin.resolver';
import { startWebhookWorker } from './webhooks/webhook.worker';
import { PortalCompanyResolver } from './portal/portal-company.resolver';
import { portalLogoRoute } from './portal/portal-logo.route';

export const platformSubgraph: SubgraphDefinition = {
  name: 'platform',
  resolvers: [AuthResolver, ApiKeyResolver, AuditResolver, WebhookResolver, UserAdminResolver, PortalCompanyResolver],
  requiredEnv: ['SESSION_SECRET'],
  onStart: async (resources) => {
    // Invitation mails leave at once (billing's worker delivers them), not at its next sweep.
    const stops = [await startWebhookWorker(resources), await startMailPublisher(resources)];
    return async () => {
      for (const stop of stops) await stop();
    };
  },
  references: { User: resolveUserReference },
  httpRoutes: [portalLogoRoute],
};
