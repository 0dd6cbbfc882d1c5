import { PgBoss } from 'pg-boss';

/**
 * The PostgreSQL-backed queue (pg-boss, tables in schema `pgboss`, installed by migration) that
 * carries long work. What users see of a job is its JobRun row; the queue only delivers it.
 */
export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  static async start(databaseUrl: string, queues: readonly string[], onError: (error: Error) => void): Promise<JobQueue> {
    const boss = new PgBoss({ connectionString: databaseUrl, migrate: false, createSchema: false, schedule: false, max: 4 });
    boss.on('error', onError);
    await boss.start();
    for (const name of queues) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { retryLimit: 3, retryDelay: 2, retryBackoff: true });
    }
    return new JobQueue(boss);
  }

  /** `singletonKey`: a second job with the same key is not queued while the first one is (several replicas, one job). */
  async enqueue(queue: string, data: object, options: { singletonKey?: string } = {}): Promise<void> {
    await this.boss.send(queue, data, options);
  }

  async work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void> {
    await this.boss.work<T>(queue, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job) await handler(job.data);
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}
