import { BlockList, isIP } from 'node:net';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import pg from 'pg';
import type { Logger } from 'pino';
import { checkDocumentSize, type QueryLimits } from './limits';
import { refuseRequest } from './request-guards';

/**
 * Failed sign-ins allowed per e-mail and per client address within a window. The window starts at
 * the first failure; once a limit is reached every sign-in of that e-mail (or from that address) is
 * refused, the right password included, until the window ends: a guesser learns nothing during it.
 */
export interface LoginLimits {
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
  /** Peers whose X-Forwarded-For is believed (the back-office server, a reverse proxy); loopback by default. */
  trustedProxies: string[];
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perEmail: 5,
  perAddress: 50,
  windowSeconds: 900,
  trustedProxies: ['127.0.0.1', '::1'],
};

/**
 * Portal sign-in links asked for (docs/portal.md): each request may send a mail, so every one counts,
 * per e-mail and per client address, within the window.
 */
export const DEFAULT_PORTAL_LINK_LIMITS: LoginLimits = {
  perEmail: 5,
  perAddress: 30,
  windowSeconds: 900,
  trustedProxies: DEFAULT_LOGIN_LIMITS.trustedProxies,
};

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
};

/** PORTAL_LINK_MAX_PER_EMAIL, PORTAL_LINK_MAX_PER_ADDRESS, PORTAL_LINK_WINDOW_SECONDS (TRUSTED_PROXIES as for sign-in); else the defaults. */
export function portalLinkLimitsFromEnv(env: NodeJS.ProcessEnv): LoginLimits {
  return {
    perEmail: positive(env.PORTAL_LINK_MAX_PER_EMAIL, DEFAULT_PORTAL_LINK_LIMITS.perEmail),
    perAddress: positive(env.PORTAL_LINK_MAX_PER_ADDRESS, DEFAULT_PORTAL_LINK_LIMITS.perAddress),
    windowSeconds: positive(env.PORTAL_LINK_WINDOW_SECONDS, DEFAULT_PORTAL_LINK_LIMITS.windowSeconds),
    trustedProxies: loginLimitsFromEnv(env).trustedProxies,
  };
}

/** LOGIN_MAX_FAILURES_PER_EMAIL, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_FAILURE_WINDOW_SECONDS, TRUSTED_PROXIES; else the defaults. */
export function loginLimitsFromEnv(env: NodeJS.ProcessEnv): LoginLimits {
  return {
    perEmail: positive(env.LOGIN_MAX_FAILURES_PER_EMAIL, DEFAULT_LOGIN_LIMITS.perEmail),
    perAddress: positive(env.LOGIN_MAX_FAILURES_PER_ADDRESS, DEFAULT_LOGIN_LIMITS.perAddress),
    windowSeconds: positive(env.LOGIN_FAILURE_WINDOW_SECONDS, DEFAULT_LOGIN_LIMITS.windowSeconds),
    trustedProxies:
      env.TRUSTED_PROXIES === undefined
        ? DEFAULT_LOGIN_LIMITS.trustedProxies
        : env.TRUSTED_PROXIES.split(',')
            .map((entry) => entry.trim())
            .filter(Boolean),
  };
}

/** `10.0.0.0/8`, `::1` or `192.168.1.4` entries as a BlockList; malformed entries are ignored. */
export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (!family) continue;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else if (/^\d+$/.test(prefix)) list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const contains = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The client's address: the peer's, or, when the peer is a trusted proxy, the last address of
 * X-Forwarded-For that is not itself a trusted proxy (what a client writes further left is not believed).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let address = peer ?? 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (contains(trusted, address) && hops.length > 0) {
    const next = hops.pop()!;
    if (!isIP(next)) break;
    address = next;
  }
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

interface GraphqlBody {
  query?: unknown;
  documentId?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

function selectedOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string' && operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * The e-mails the request's mutation signs in with: each root `login` field (or `field`, e.g.
 * `requestPortalSignInLink`), through fragments too, its `email` given literally, by a variable,
 * or by a variable's default. An e-mail that is not a string is the runtime's to refuse; null when
 * the request signs nobody in.
 */
export function loginEmails(
  body: unknown,
  limits: QueryLimits,
  persistedDocument?: (id: string) => string | undefined,
  field = 'login',
): string[] | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, documentId, operationName, variables } = body as GraphqlBody;
  const vars = variables !== null && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
  let text = typeof query === 'string' ? query : undefined;
  if (text === undefined && typeof documentId === 'string') {
    text = persistedDocument?.(documentId);
    // A stored document the guard cannot read: an `email` variable is taken as a sign-in's (a false
    // alarm only charges an attempt that is given back when no credentials were refused).
    if (text === undefined) return typeof vars.email === 'string' ? [vars.email] : null;
  }
  if (text === undefined || !text.includes(field)) return null;
  let document: DocumentNode;
  try {
    checkDocumentSize(text, limits);
    document = parse(text, { noLocation: true });
  } catch {
    return null;
  }
  const operation = selectedOperation(document, operationName);
  if (!operation || operation.operation !== 'mutation') return null;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const defaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
  const valueOf = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.STRING) return node.value;
    if (node.kind === Kind.VARIABLE) return node.name.value in vars ? vars[node.name.value] : valueOf(defaults.get(node.name.value));
    return undefined;
  };
  const emails: string[] = [];
  const seen = new Set<string>();
  const visit = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== field) continue;
        const email = valueOf(selection.arguments?.find((a) => a.name.value === 'email')?.value);
        emails.push(typeof email === 'string' ? email : '');
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return emails.length > 0 ? emails : null;
}

/** The counter an e-mail is charged to: its SHA-256 (trimmed, lower case), so that no address is stored. */
export function emailSubject(email: string): string {
  return `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/** How a sign-in ended: refused credentials count as a failure; any other refusal is given back. */
export function loginOutcome(responseBody: string): 'success' | 'failure' | 'other' {
  let body: { data?: { login?: unknown } | null; errors?: { extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(responseBody) as typeof body;
  } catch {
    return 'other';
  }
  if (body.errors?.some((e) => e.extensions?.code === 'INVALID_CREDENTIALS')) return 'failure';
  return body.data?.login ? 'success' : 'other';
}

export interface LoginGuard {
  /** True when the runtime should run the request; false when it was answered here. */
  admit(req: IncomingMessage & { body?: Buffer }, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): false {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return false;
}

/**
 * What a guard watches: the sign-in (`login`, where only refused credentials count) by default; the
 * portal's link requests (`requestPortalSignInLink`, where every request counts, since each may
 * send a mail) with PORTAL_LINK_GUARD. Their counters are apart (`subjectPrefix`).
 */
export interface GuardedField {
  field: string;
  subjectPrefix: string;
  outcome: (responseBody: string) => 'success' | 'failure' | 'other';
  refusal: (minutes: number) => string;
}

const LOGIN_GUARD: GuardedField = {
  field: 'login',
  subjectPrefix: '',
  outcome: loginOutcome,
  refusal: (minutes) => `Trop de tentatives de connexion échouées ; réessayez dans ${minutes} min.`,
};

export const PORTAL_LINK_GUARD: GuardedField = {
  field: 'requestPortalSignInLink',
  subjectPrefix: 'portal-',
  outcome: () => 'failure',
  refusal: (minutes) => `Trop de demandes de lien de connexion ; réessayez dans ${minutes} min.`,
};

/**
 * Counts failed sign-ins per e-mail and per client address in PostgreSQL (`login_attempt_begin` /
 * `login_attempt_end`, shared by every gateway replica). Each attempt is charged before it runs, so
 * that concurrent guesses cannot pass the limit together, and given back unless its credentials
 * were refused. Beyond a limit: 429 RATE_LIMITED with Retry-After, and the sign-in does not run.
 * With `guarded: PORTAL_LINK_GUARD`, the same for the portal's link requests, every one counting.
 */
export function createLoginGuard(options: {
  databaseUrl: string;
  limits: LoginLimits;
  queryLimits: QueryLimits;
  log: Logger;
  persistedDocument?: (id: string) => string | undefined;
  guarded?: GuardedField;
}): LoginGuard {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3 });
  const trusted = proxyList(options.limits.trustedProxies);
  const guarded = options.guarded ?? LOGIN_GUARD;
  return {
    async admit(req, res) {
      if (req.method !== 'POST' || !req.body || !req.body.includes(guarded.field)) return true;
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        return true;
      }
      const emails = loginEmails(body, options.queryLimits, options.persistedDocument, guarded.field);
      if (!emails) return true;
      if (emails.length > 1) {
        refuseRequest(req, res, 400, 'BAD_REQUEST', `Une seule demande (${guarded.field}) par requête.`);
        return false;
      }
      const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
      const subjects = [`${guarded.subjectPrefix}${emailSubject(emails[0]!)}`, `${guarded.subjectPrefix}address:${address}`];
      try {
        const { rows } = await pool.query<{ allowed: boolean; retry_after_seconds: number }>(
          'select * from login_attempt_begin($1, $2, $3)',
          [subjects, [options.limits.perEmail, options.limits.perAddress], options.limits.windowSeconds],
        );
        const decision = rows[0]!;
        if (!decision.allowed) {
          const seconds = decision.retry_after_seconds;
          return answer(
            res,
            429,
            {
              errors: [
                {
                  message: guarded.refusal(Math.ceil(seconds / 60)),
                  extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
                },
              ],
            },
            { 'retry-after': String(seconds) },
          );
        }
      } catch (error) {
        options.log.error({ err: error, requestId: req.headers['x-request-id'] }, 'login attempts unavailable');
        return answer(res, 503, {
          errors: [
            {
              message: 'Service momentanément injoignable, réessayez dans quelques instants.',
              extensions: { code: 'GATEWAY_UNAVAILABLE' },
            },
          ],
        });
      }
      settleAfterAnswer(res, (responseBody) =>
        pool
          .query('select login_attempt_end($1, $2)', [subjects, guarded.outcome(responseBody)])
          .catch((error: unknown) =>
            options.log.error({ err: error, requestId: req.headers['x-request-id'] }, 'login attempt not settled'),
          ),
      );
      return true;
    },
    close: () => pool.end(),
  };
}

/**
 * Calls `settle` with the answer's body once the runtime has written it, and lets the answer go to
 * the client only when `settle` is done: a retry after a failure, or an attempt after a success,
 * sees it counted. The runtime writes the body (with its Content-Length) before it ends the answer,
 * so the writes are held too, not only the end: the client has the whole answer as soon as its
 * bytes arrive.
 */
export function settleAfterAnswer(res: ServerResponse, settle: (body: string) => Promise<unknown>): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const end = res.end.bind(res);
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const written = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (written) process.nextTick(written);
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (args[0] !== undefined && typeof args[0] !== 'function') keep(args[0], args[1]);
    const ended = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    const body = Buffer.concat(chunks);
    void settle(body.toString('utf8')).finally(() => (ended ? end(body, ended) : end(body)));
    return res;
  }) as typeof res.end;
}
