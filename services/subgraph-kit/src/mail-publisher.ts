import { JobQueue, MAIL_QUEUE, setMailPublisher } from '@relais/domain';
import type { SubgraphDefinition } from './schema';

/**
 * Mails a subgraph other than billing queues (platform's invitations, finance's statements and
 * reminders) are delivered by billing's mail worker. Publishing their job as soon as the transaction
 * commits gets them sent at once, instead of at the worker's next sweep of forgotten mails (up to
 * two minutes later). The queue is billing's: while no worker has created it, the job is not
 * published and the sweep still delivers the mail.
 */
export const startMailPublisher: NonNullable<SubgraphDefinition['onStart']> = async ({ databaseUrl, log }) => {
  const queue = await JobQueue.start(databaseUrl, [], (error) => log.error({ err: error }, 'mail publisher error'));
  setMailPublisher((job) =>
    queue.enqueue(MAIL_QUEUE, job).catch((error: unknown) => log.warn({ err: error, messageId: job.messageId }, 'mail job not published')),
  );
  return async () => {
    setMailPublisher(null);
    await queue.stop();
  };
};
