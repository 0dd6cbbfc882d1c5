import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import {
  PostgreSqlConnection,
  PostgreSqlDriver,
  type AnyEntity,
  type Configuration,
  type EntityData,
  type EntityManager,
  type QueryResult,
  type SessionContext,
} from '@mikro-orm/postgresql';
import pg from 'pg';
import { CommitWithWriteClient, runWithCommitInWrite } from './commit-with-write.client';
import { preparedName } from './prepared-statements';

/**
 * The transaction's session settings (`app.tenant_id`, the actor… see tenant-scope.ts) sent in the
 * same message as `begin`: one round trip where MikroORM sends two (`begin`, then
 * `select set_config(...)`) before a request's first query. PostgreSQL runs a parameterless message
 * as a simple query, which may hold several statements; the values are therefore written as
 * literals (`pg.escapeLiteral`). Both statements are still logged, so statement counts stay
 * statements (docs/benchmarks.md counts them so); the round trips are one fewer per transaction.
 */
const settingsForBegin = new AsyncLocalStorage<string>();

/**
 * The plain inserts of a flush run inside `flushInOneStatement`, held back instead of sent: the flush's next
 * write (an insert that returns values, an update or a delete) carries them as data-modifying CTEs
 * (`with w0 as (insert …), w1 as (insert …) update …`), and what is left when the flush ends goes as one
 * statement. The ORM still sees every statement answer as it expects (a plain insert answers nothing
 * it reads). All parts of one statement see the same snapshot: only for flushes whose updates and
 * deletes touch rows that existed before the flush (no update of a row the same flush inserts).
 */
const heldInserts = new AsyncLocalStorage<string[]>();

type BeginOptions = Parameters<PostgreSqlConnection['begin']>[0];

/**
 * The transaction's prepared statements (`prepared-statements.ts`) are planned once, for any values. Left
 * to choose, PostgreSQL planned them anew at every run: a list of ids as a value (`any($3::uuid[])`) makes
 * the plan for unknown values look costlier than one for the values given, however alike the two are. The
 * ORM's own statements carry their values in their text, so the setting reaches only these and the
 * statements of PL/pgSQL triggers and guards (key lookups by tenant, which then skip their planning too).
 * Set per transaction rather than per connection: a pooler in transaction mode (docs/scaling.md) keeps it.
 */
const PREPARED_STATEMENTS_PLAN = { plan_cache_mode: 'force_generic_plan' };

/** `select set_config(name, value, true), …` with its values as SQL literals. */
function sessionSettingsStatement(variables: Readonly<Record<string, string>>): string {
  const parts = Object.entries({ ...variables, ...PREPARED_STATEMENTS_PLAN }).map(
    ([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`,
  );
  return `select ${parts.join(', ')}`;
}

/** The Kysely driver's `begin`, followed in the same message by the settings of the transaction being opened, if any. */
function withSettingsInBegin(driver: Driver): Driver {
  const begin = driver.beginTransaction.bind(driver);
  driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
    const statement = settingsForBegin.getStore();
    if (statement === undefined || settings.isolationLevel || settings.accessMode) return begin(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`begin; ${statement}`));
  };
  return driver;
}

/** MikroORM's own inserts end with ` returning "col", …` when they read something back. */
const RETURNING = / returning "[^"]+"(?:, "[^"]+")*$/;

/** `with w0 as (…), w1 as (…) <last>`: the statements as one (each but the last a data-modifying CTE). */
function asOneStatement(statements: readonly string[]): string {
  const last = statements[statements.length - 1]!;
  if (statements.length === 1) return last;
  return `with ${statements
    .slice(0, -1)
    .map((sql, i) => `w${i} as (${sql})`)
    .join(', ')} ${last}`;
}

type ExecuteArgs = Parameters<PostgreSqlConnection['execute']>;

class SessionInBeginConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: Parameters<PostgreSqlConnection['createKyselyDialect']>[0]) {
    const dialect = super.createKyselyDialect({ ...overrides, Client: CommitWithWriteClient });
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => withSettingsInBegin(createDriver());
    return dialect;
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    ...[query, params = [], method = 'all', ctx, loggerContext]: ExecuteArgs
  ): Promise<T> {
    const held = heldInserts.getStore();
    if (typeof query === 'string' && Array.isArray(params) && preparedName(query) !== undefined) {
      if (held) await this.sendHeldInserts(held, ctx);
      return this.executeBound<T>(query, params, method, ctx, loggerContext);
    }
    if (!held) return super.execute<T>(query, params, method, ctx, loggerContext);
    if (typeof query === 'string' && Array.isArray(params)) {
      const sql = this.platform.formatQuery(query, params);
      if (/^insert /i.test(sql) && !RETURNING.test(sql)) {
        held.push(sql);
        return this.transformRawResult<T>({ rows: [] }, method);
      }
      if (/^(insert|update|delete) /i.test(sql))
        return super.execute<T>(asOneStatement([...held.splice(0), sql]), [], method, ctx, loggerContext);
    }
    // Anything else (a read, a statement of another shape) goes after what is held, as the flush ordered them.
    await this.sendHeldInserts(held, ctx);
    return super.execute<T>(query, params, method, ctx, loggerContext);
  }

  /**
   * A prepared statement (`prepared-statements.ts`) with its values bound, not written into its text:
   * MikroORM's own `execute` less the formatting. The client sends it under its name.
   */
  async executeBound<T>(
    query: string,
    params: readonly unknown[],
    method: ExecuteArgs[2],
    ctx: ExecuteArgs[3],
    loggerContext: ExecuteArgs[4],
  ) {
    await this.ensureConnection();
    return this.executeQuery<T>(
      query,
      async () => this.transformRawResult<T>(await (ctx ?? this.getClient()).executeQuery(CompiledQuery.raw(query, [...params])), method),
      { query, params: [...params], ...loggerContext },
    );
  }

  /** Sends what a flush held back (see `heldInserts`), as one statement. */
  async sendHeldInserts(held: string[], ctx: ExecuteArgs[3]): Promise<void> {
    const statements = held.splice(0);
    if (statements.length) await super.execute(asOneStatement(statements), [], 'run', ctx);
  }

  /** The statement that sets `context`'s variables for one transaction, or null when it has none. */
  settingsStatement(context: SessionContext | undefined): string | null {
    const variables = Object.entries(context?.variables ?? {});
    if (variables.length === 0) return null;
    return sessionSettingsStatement(Object.fromEntries(variables.map(([name, value]) => [name, this.stringifySessionVariable(value)])));
  }

  override async begin(options: BeginOptions = {}) {
    const context = options.sessionContext;
    const statement = this.settingsStatement(context);
    // Savepoints, roles, isolation levels and read-only transactions keep MikroORM's own path.
    if (options.ctx || !context || context.role || statement === null || options.isolationLevel || options.readOnly)
      return super.begin(options);
    const trx = await settingsForBegin.run(statement, () => super.begin({ ...options, sessionContext: undefined }));
    this.logQuery(statement, options.loggerContext);
    return trx;
  }
}

/**
 * A write outside the ORM's unit of work (an update whose answer nothing reads) that a flush carries
 * with its own writes: see `flushInOneStatement`.
 */
export interface CarriedStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * Flushes `em` with its writes in as few statements as the ORM allows: its plain inserts travel with the
 * next statement whose answer the ORM reads (an insert returning generated columns, an update, a delete)
 * or, at the end, together as one, and so do the `carried` statements. A conversion's flush (links, VAT
 * rows, lines, then the invoice, which returns its generated columns) carries the interventions' move to
 * INVOICED: one statement instead of five. See `heldInserts` for when a flush may use it.
 */
export async function flushInOneStatement(em: EntityManager, carried: readonly CarriedStatement[] = []): Promise<void> {
  const platform = em.getPlatform();
  const held = carried.map(({ sql, params }) => platform.formatQuery(sql, [...params]));
  await heldInserts.run(held, () => em.flush());
  const connection = em.getConnection('write');
  if (connection instanceof SessionInBeginConnection) await connection.sendHeldInserts(held, em.getTransactionContext());
}

/**
 * Runs `work`, whose one statement also commits the transaction (`…; commit`, one message: see
 * `commit-with-write.client.ts`), so that the locks it holds are let go the moment the write is done:
 * a `flushInOneStatement`, or an `em.execute` of one write. The scope goes on in a new transaction
 * with the same settings, opened by its next statement if there is one: the write and what the scope
 * did before it stay committed whatever the scope does next; what it does after is committed or
 * rolled back at its end as usual. For work of one statement, in the scope's own transaction (not a
 * savepoint of it, which the commit would end): a statement other than the write is refused before it
 * is sent. Without a transaction scoped by session settings, `work` as it is.
 */
export async function inOneStatementAndCommit<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const connection = em.getConnection('write');
  const settings = connection instanceof SessionInBeginConnection ? connection.settingsStatement(em.getSessionContext()) : null;
  if (settings === null || !em.isInTransaction()) return work();
  return runWithCommitInWrite(settings, work);
}

/** MikroORM's PostgreSQL driver with `begin` and the transaction's session settings in one round trip. */
export class RelaisPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // MikroORM's PostgreSQL driver takes no connection class; the one it made has not connected yet (it connects lazily).
    (this as unknown as { connection: PostgreSqlConnection }).connection = new SessionInBeginConnection(this.config);
  }
}
