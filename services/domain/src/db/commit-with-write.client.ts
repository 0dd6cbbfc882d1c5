import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { preparedName } from './prepared-statements';

/**
 * A write that commits its transaction in its own message (`update …; commit`), for work that must
 * let go of a lock the moment it is written: an issue holds its series' lock until its transaction
 * ends, and every other issue of the series waits for it. Committed in the request's last message,
 * the lock would be held while the service answers its caller and across the event loop's turns of
 * every other request in the process; committed with the write, it is released by the database as
 * soon as the write is done.
 *
 * The caller's scope goes on: the connection is then between transactions, and its next statement
 * is preceded by the opening of the next one, with the same session settings (`begin; select
 * set_config(…)`, a message of its own, not seen by the ORM's statement counter). The scope's own
 * `commit` or `rollback` ends that next transaction, or, when nothing ran after the write, is not
 * sent at all: the write's message already ended the transaction.
 */
interface CommitWithWrite {
  /** `select set_config(…)`: the session settings of the transaction that follows. */
  settings: string;
  /** Whether the write has been sent: one statement per commit. */
  sent: boolean;
}

const commitWithWrite = new AsyncLocalStorage<CommitWithWrite>();

const WRITE = /^(with |insert |update |delete )/i;
const END = /^(commit|rollback)$/i;

/**
 * Runs `work`, whose first write (sent without parameters, as `flushInOneStatement` sends its
 * statements) commits the transaction in the same message. A second statement sent by `work` is a
 * programming error, refused before it is sent: what the first committed cannot be rolled back with it.
 */
export function runWithCommitInWrite<T>(settings: string, work: () => Promise<T>): Promise<T> {
  return commitWithWrite.run({ settings, sent: false }, work);
}

/** Our own code using this client wrongly: never something a user can cause. */
function misuse(message: string): Error {
  return new Error(message);
}

/** The answer pg gives to `commit` or `rollback`, for one that was not sent. */
function endAnswer(command: string): pg.QueryResult {
  return { command: command.toUpperCase(), rowCount: null, oid: 0, rows: [], fields: [] };
}

/**
 * pg's client, with writes that commit (see above). Outside such work, and when no transaction is due
 * to be opened, every call goes to pg unchanged; around it, only the promise form that Kysely (MikroORM's
 * connection layer) uses, `query(text, values)`, is accepted.
 */
export class CommitWithWriteClient extends pg.Client {
  /** After a write that committed: the settings of the next transaction, opened with the next statement. */
  #reopenWith: string | null = null;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg's `query` has a dozen overloads: the instance's own is wrapped rather than overridden (and pg's
    // is looked up at each call, as a test's spy on the prototype expects).
    // A prepared statement's text (`prepared-statements.ts`) goes under its name: pg prepares it on this connection once.
    const query = (...args: unknown[]): unknown => {
      const [text, values] = args;
      const name = typeof text === 'string' && args.length === 2 && Array.isArray(values) ? preparedName(text) : undefined;
      return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, name ? [{ name, text, values }] : args);
    };
    this.query = ((...args: unknown[]) => {
      if (this.#reopenWith === null && !commitWithWrite.getStore()) return query(...args);
      const [text, values] = args;
      if (typeof text !== 'string' || args.length > 2 || (values !== undefined && !Array.isArray(values)))
        throw misuse('Around a write that commits, only query(text, values) is supported');
      return this.#query(query as (text: string, values?: unknown[]) => Promise<pg.QueryResult>, text, values ?? []);
    }) as pg.Client['query'];
  }

  async #query(
    query: (text: string, values?: unknown[]) => Promise<pg.QueryResult>,
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult> {
    const pending = commitWithWrite.getStore();
    if (pending && (pending.sent || values.length > 0 || !WRITE.test(text)))
      throw misuse('A write that commits its transaction must be the only statement of its work, sent without parameters');
    if (this.#reopenWith !== null) {
      const settings = this.#reopenWith;
      this.#reopenWith = null;
      if (END.test(text.trim())) return endAnswer(text.trim());
      await query(`begin; ${settings}`);
    }
    if (!pending) return query(text, values);
    pending.sent = true;
    const answers = (await query(`${text};\ncommit`)) as unknown as pg.QueryResult[];
    this.#reopenWith = pending.settings;
    return answers[0]!;
  }
}
