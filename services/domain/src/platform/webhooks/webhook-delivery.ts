import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isPrivateAddress, publicOnlyLookup, webhookPrivateHostsAllowed } from './webhook-address';
import { signWebhook } from './webhook-signing';
import { deliveryAfterAttempt, endpointHealthAfter, webhookBody, webhookEventOf } from './webhook.rules';
import type { Orm } from '../../db/orm';
import { inTenantScope } from '../../db/tenant-scope';
import { systemIdentity } from '../../shared/identity';
import { newId } from '../../shared/ids';

/**
 * The webhooks' two workers. The consumer of business facts reads each tenant's facts after its
 * cursor, in the order of the transactions that wrote them and only from committed ones (the
 * ledger's horizon, `ledger_posting_horizon()`), and writes one delivery per fact and subscribed
 * endpoint (unique: a replay writes nothing twice), moving the cursor in the same transaction.
 * The sender takes due deliveries, claims each for a while (another worker passes it by), POSTs
 * it signed outside any transaction, then records the attempt, the next one, and the endpoint's health.
 */

export const WEBHOOK_DISPATCH_JOB = 'webhook-dispatch';
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';
/** Facts read per transaction. */
export const WEBHOOK_DISPATCH_BATCH = 500;
/** Outgoing requests give up after this long. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A claimed delivery is left alone this long by other workers (well beyond the timeout). */
const CLAIM_SECONDS = 120;
/** What is kept of a receiver's answer. */
export const WEBHOOK_RESPONSE_KEPT = 1024;

interface FactRow {
  id: string;
  xact_id: string;
  seq: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  occurred_on: string;
  payload: Record<string, unknown>;
  recorded_at: Date;
}

/** Tenants with an enabled endpoint and facts not yet read (an owner function: the worker looks across tenants). */
export async function webhookTenantsToDispatch(em: EntityManager): Promise<string[]> {
  return (await em.execute<{ id: string }[]>('select id from webhook_tenants_to_dispatch()')).map((r) => r.id);
}

async function lockCursor(em: EntityManager, tenantId: string): Promise<{ xactId: string; seq: string }> {
  await em.execute('insert into webhook_cursors (tenant_id) values (?) on conflict do nothing', [tenantId]);
  const [cursor] = await em.execute<{ xact_id: string; seq: string }[]>(
    'select last_xact_id::text as xact_id, last_seq::text as seq from webhook_cursors where tenant_id = ? for update',
    [tenantId],
  );
  return { xactId: cursor!.xact_id, seq: cursor!.seq };
}

/**
 * Turns the tenant's next facts (at most `limit`) into deliveries in the caller's transaction and
 * moves the cursor past them. An endpoint gets the facts recorded after it was created.
 */
export async function dispatchPendingFacts(
  em: EntityManager,
  tenantId: string,
  limit = WEBHOOK_DISPATCH_BATCH,
): Promise<{ facts: number; deliveries: number; more: boolean }> {
  const [{ horizon, own }] = (await em.execute<{ horizon: string; own: string | null }[]>(
    'select ledger_posting_horizon()::text as horizon, pg_current_xact_id_if_assigned()::text as own',
  )) as [{ horizon: string; own: string | null }];
  const upTo = own === horizon ? '<=' : '<';
  const cursor = await lockCursor(em, tenantId);
  const facts = await em.execute<FactRow[]>(
    `select f.id, f.xact_id::text, f.seq::text, f.kind, f.subject_type, f.subject_id, f.occurred_on::text, f.payload, f.recorded_at
       from business_facts f
      where f.tenant_id = ? and (f.xact_id, f.seq) > (?::xid8, ?::bigint) and f.xact_id ${upTo} ?::xid8
      order by f.xact_id, f.seq limit ?`,
    [tenantId, cursor.xactId, cursor.seq, horizon, limit],
  );
  if (facts.length === 0) return { facts: 0, deliveries: 0, more: false };
  const endpoints = await em.execute<{ id: string; event_types: string[]; created_at: Date }[]>(
    'select id, event_types, created_at from webhook_endpoints where tenant_id = ? and enabled',
    [tenantId],
  );
  const rows: { id: string; endpoint_id: string; fact_id: string; event_type: string; body: string }[] = [];
  for (const fact of facts) {
    const event = webhookEventOf({
      kind: fact.kind,
      subjectType: fact.subject_type,
      subjectId: fact.subject_id,
      occurredOn: fact.occurred_on,
      payload: fact.payload,
      recordedAt: new Date(fact.recorded_at),
    });
    if (!event) continue;
    for (const endpoint of endpoints) {
      if (!endpoint.event_types.includes(event.type) || new Date(endpoint.created_at) > new Date(fact.recorded_at)) continue;
      const id = newId();
      rows.push({ id, endpoint_id: endpoint.id, fact_id: fact.id, event_type: event.type, body: webhookBody(id, event) });
    }
  }
  const inserted = rows.length
    ? await em.execute<{ id: string }[]>(
        `insert into webhook_deliveries (tenant_id, id, endpoint_id, fact_id, event_type, body)
         select ?, r.id, r.endpoint_id, r.fact_id, r.event_type, r.body
           from jsonb_to_recordset(?::jsonb) as r(id uuid, endpoint_id uuid, fact_id uuid, event_type text, body text)
         on conflict (tenant_id, fact_id, endpoint_id) do nothing
         returning id`,
        [tenantId, JSON.stringify(rows)],
      )
    : [];
  const last = facts.at(-1)!;
  await em.execute('update webhook_cursors set last_xact_id = ?::xid8, last_seq = ?, updated_at = now() where tenant_id = ?', [
    last.xact_id,
    last.seq,
    tenantId,
  ]);
  return { facts: facts.length, deliveries: inserted.length, more: facts.length === limit };
}

/** Dispatches everything the tenant has waiting, one transaction per batch, as the system. Returns the deliveries written. */
export async function dispatchTenantFacts(orm: Orm, tenantId: string): Promise<number> {
  const identity = systemIdentity(tenantId, WEBHOOK_DISPATCH_JOB);
  let written = 0;
  for (;;) {
    const outcome = await inTenantScope(orm, identity, { requestId: WEBHOOK_DISPATCH_JOB, operation: WEBHOOK_DISPATCH_JOB }, (em) =>
      dispatchPendingFacts(em, tenantId),
    );
    written += outcome.deliveries;
    if (!outcome.more) return written;
  }
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}
/** Sends one request; rejects on a network failure or the timeout. */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number; body: string }>;

/**
 * POST with a 10-second timeout; a redirect is not followed (it is an answer like any other, and not
 * a 2xx). The address connected to must not be private (webhook-address.ts) unless the URL's host is
 * in `allowedHosts` (WEBHOOK_ALLOW_PRIVATE_HOSTS): else the attempt fails with WEBHOOK_URL_NOT_ALLOWED.
 */
export function webhookSender(allowedHosts: readonly string[] = webhookPrivateHostsAllowed()): WebhookSender {
  return ({ url, headers, body }) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const allowPrivate = allowedHosts.includes(target.hostname.toLowerCase());
      const literal = target.hostname.replace(/^\[(.*)\]$/, '$1');
      // An address written in the URL is connected to without any lookup: checked here.
      if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
        reject(new Error(`WEBHOOK_URL_NOT_ALLOWED: ${literal}, adresse privée`));
        return;
      }
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        target,
        {
          method: 'POST',
          agent: false,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Relais-Webhooks/1.0',
          },
          ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        },
        (response) => {
          const decoder = new TextDecoder();
          let text = '';
          const done = () => resolve({ status: response.statusCode ?? 0, body: text.slice(0, WEBHOOK_RESPONSE_KEPT) });
          response.on('data', (chunk: Buffer) => {
            text += decoder.decode(chunk, { stream: true });
            // Enough is kept: the rest of the answer is not read.
            if (text.length >= WEBHOOK_RESPONSE_KEPT) {
              response.destroy();
              done();
            }
          });
          response.once('end', done);
          response.once('error', done);
        },
      );
      request.once('error', reject);
      request.end(body);
    });
}

/** The sender the workers use: the allowed hosts read from the environment at each send. */
export const defaultWebhookSender: WebhookSender = (request) => webhookSender()(request);

/** Deliveries due now, across tenants, oldest first (an owner function). */
export async function webhookDeliveriesDue(em: EntityManager, limit: number): Promise<{ tenant_id: string; id: string }[]> {
  return em.execute<{ tenant_id: string; id: string }[]>('select tenant_id, id from webhook_deliveries_due(?)', [limit]);
}

interface Claimed {
  id: string;
  body: string;
  retryStep: number;
  manual: boolean;
  endpointId: string;
  url: string;
  secrets: string[];
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `délai dépassé (${WEBHOOK_TIMEOUT_MS / 1000} s)`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.slice(0, 500);
}

/**
 * One attempt at one delivery, if it is still due and its endpoint enabled (else 'SKIPPED'):
 * claimed in a first transaction, sent, recorded in a second one. Returns the delivery's state after it.
 */
export async function attemptWebhookDelivery(
  orm: Orm,
  tenantId: string,
  deliveryId: string,
  send: WebhookSender = defaultWebhookSender,
): Promise<'DELIVERED' | 'PENDING' | 'FAILED' | 'SKIPPED'> {
  const identity = systemIdentity(tenantId, WEBHOOK_DELIVERY_JOB);
  const meta = { requestId: WEBHOOK_DELIVERY_JOB, operation: WEBHOOK_DELIVERY_JOB };
  const claimed = await inTenantScope(orm, identity, meta, async (em): Promise<Claimed | null> => {
    const [row] = await em.execute<Omit<Claimed, 'secrets'>[]>(
      `update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ?)
         from webhook_endpoints e
        where d.tenant_id = ? and d.id = ? and d.status = 'PENDING' and d.next_attempt_at <= now()
          and e.tenant_id = d.tenant_id and e.id = d.endpoint_id and e.enabled
        returning d.id, d.body, d.retry_step as "retryStep", d.manual_pending as manual, e.id as "endpointId", e.url`,
      [CLAIM_SECONDS, tenantId, deliveryId],
    );
    if (!row) return null;
    const secrets = await em.execute<{ secret: string }[]>(
      `select secret from webhook_secrets where tenant_id = ? and endpoint_id = ? and (expires_at is null or expires_at > now())
        order by expires_at desc nulls first, created_at desc`,
      [tenantId, row.endpointId],
    );
    return { ...row, secrets: secrets.map((s) => s.secret) };
  });
  if (!claimed) return 'SKIPPED';

  const attemptedAt = new Date();
  const started = performance.now();
  let outcome: { status: number | null; body: string | null; error: string | null };
  try {
    const headers = signWebhook(claimed.secrets, claimed.id, Math.floor(attemptedAt.getTime() / 1000), claimed.body);
    const response = await send({ url: claimed.url, headers: { ...headers }, body: claimed.body });
    const ok = response.status >= 200 && response.status < 300;
    outcome = { status: response.status, body: response.body, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    outcome = { status: null, body: null, error: describeFailure(error) };
  }
  const durationMs = Math.round(performance.now() - started);
  const succeeded = outcome.error === null;

  return inTenantScope(orm, identity, meta, async (em) => {
    const now = new Date();
    // Deleted with its endpoint meanwhile: nothing left to record.
    const [delivery] = await em.execute('select id from webhook_deliveries where tenant_id = ? and id = ? for update', [
      tenantId,
      claimed.id,
    ]);
    if (!delivery) return 'SKIPPED';
    await em.execute(
      `insert into webhook_attempts (tenant_id, id, delivery_id, attempted_at, manual, succeeded, http_status, duration_ms, error, response_body)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        tenantId,
        newId(),
        claimed.id,
        attemptedAt,
        claimed.manual,
        succeeded,
        outcome.status,
        durationMs,
        outcome.error,
        // PostgreSQL text holds no U+0000, which a receiver may well answer.
        outcome.body?.replaceAll('\u0000', '').slice(0, WEBHOOK_RESPONSE_KEPT) ?? null,
      ],
    );
    const next = deliveryAfterAttempt(claimed.retryStep, succeeded, now);
    await em.execute(
      `update webhook_deliveries set status = ?, retry_step = ?, next_attempt_at = ?, attempt_count = attempt_count + 1,
              last_attempt_at = ?, delivered_at = ${succeeded ? '?' : 'delivered_at'}, manual_pending = false
        where tenant_id = ? and id = ?`,
      [next.status, next.retryStep, next.nextAttemptAt, attemptedAt, ...(succeeded ? [now] : []), tenantId, claimed.id],
    );
    const [endpoint] = await em.execute<{ consecutive_failures: number; failing_since: Date | null; enabled: boolean }[]>(
      'select consecutive_failures, failing_since, enabled from webhook_endpoints where tenant_id = ? and id = ? for update',
      [tenantId, claimed.endpointId],
    );
    if (endpoint) {
      const health = endpointHealthAfter(
        { consecutiveFailures: endpoint.consecutive_failures, failingSince: endpoint.failing_since && new Date(endpoint.failing_since) },
        succeeded,
        now,
      );
      const disable = health.disable && endpoint.enabled;
      await em.execute(
        `update webhook_endpoints set consecutive_failures = ?, failing_since = ?,
                last_success_at = ${succeeded ? '?' : 'last_success_at'}
                ${disable ? `, enabled = false, disabled_reason = 'FAILING', disabled_at = ?, updated_at = now(), version = version + 1` : ''}
          where tenant_id = ? and id = ?`,
        [
          health.consecutiveFailures,
          health.failingSince,
          ...(succeeded ? [now] : []),
          ...(disable ? [now] : []),
          tenantId,
          claimed.endpointId,
        ],
      );
    }
    return next.status;
  });
}

/**
 * One pass of the sender: the deliveries due now (at most `limit`), sent side by side (a slow
 * receiver holds up no other). Returns how many were attempted.
 */
export async function deliverDueWebhooks(orm: Orm, options: { limit?: number; send?: WebhookSender } = {}): Promise<number> {
  const due = await webhookDeliveriesDue(orm.em.fork(), options.limit ?? 20);
  const states = await Promise.all(due.map((d) => attemptWebhookDelivery(orm, d.tenant_id, d.id, options.send)));
  return states.filter((state) => state !== 'SKIPPED').length;
}
