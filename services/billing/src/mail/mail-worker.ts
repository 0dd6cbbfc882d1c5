import { startMailWorker } from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

/**
 * The billing subgraph delivers the outbox (invoices and reminders are its mails); any replica may
 * take a job. Without SMTP_URL mails stay QUEUED, visible as such, until a configured worker runs.
 */
export const startBillingMailWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, databaseUrl, log }) => {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    log.warn('SMTP_URL is not set: outgoing mails stay queued');
    return async () => {};
  }
  const worker = await startMailWorker({
    orm,
    databaseUrl,
    smtpUrl,
    from: process.env.MAIL_FROM ?? 'no-reply@relais.localhost',
    onError: (error, context) => log.error({ err: error }, `mail worker: ${context}`),
  });
  return () => worker.stop();
};
