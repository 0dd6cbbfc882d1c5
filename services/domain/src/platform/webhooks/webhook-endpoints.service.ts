import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWebhookDestinationAllowed } from './webhook-address';
import { generateWebhookSecret } from './webhook-signing';
import { validateWebhookEndpoint, WEBHOOK_SECRET_OVERLAP_HOURS } from './webhook.rules';
import { assertExpectedVersion, Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId, uuidArrayLiteral } from '../../shared/ids';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../shared/pagination';

/**
 * Partners' webhook endpoints (admins, or a key with `webhooks:write`): registered with their
 * events, their secret shown once; the delivery log and redelivery. Raw SQL on the tenant's
 * transaction (row-level security applies) with the tenant named in every statement.
 */

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: 'MANUAL' | 'FAILING' | null;
  disabledAt: Date | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  lastSuccessAt: Date | null;
  secretRotatedAt: Date | null;
  /** Until when the secret replaced by the latest rotation still signs (null: none does). */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface WebhookAttemptView {
  id: string;
  attemptedAt: Date;
  manual: boolean;
  succeeded: boolean;
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventType: string;
  body: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  attempts: WebhookAttemptView[];
}

/** Timestamps come back from raw SQL as text. */
const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

const endpointOf = (row: WebhookEndpointView): WebhookEndpointView => ({
  ...row,
  disabledAt: date(row.disabledAt),
  failingSince: date(row.failingSince),
  lastSuccessAt: date(row.lastSuccessAt),
  secretRotatedAt: date(row.secretRotatedAt),
  previousSecretExpiresAt: date(row.previousSecretExpiresAt),
  createdAt: date(row.createdAt)!,
  updatedAt: date(row.updatedAt)!,
});

const ENDPOINT_COLUMNS = `e.id, e.url, e.description, e.event_types as "eventTypes", e.enabled, e.disabled_reason as "disabledReason",
  e.disabled_at as "disabledAt", e.consecutive_failures as "consecutiveFailures", e.failing_since as "failingSince",
  e.last_success_at as "lastSuccessAt", e.secret_rotated_at as "secretRotatedAt",
  (select max(s.expires_at) from webhook_secrets s
    where s.tenant_id = e.tenant_id and s.endpoint_id = e.id and s.expires_at > now()) as "previousSecretExpiresAt",
  e.created_at as "createdAt", e.updated_at as "updatedAt", e.version`;

export async function listWebhookEndpoints(em: EntityManager, tenantId: string): Promise<WebhookEndpointView[]> {
  const rows = await em.execute<WebhookEndpointView[]>(
    `select ${ENDPOINT_COLUMNS} from webhook_endpoints e where e.tenant_id = ? order by e.created_at, e.id`,
    [tenantId],
  );
  return rows.map(endpointOf);
}

export async function getWebhookEndpoint(em: EntityManager, tenantId: string, id: string, lock = false): Promise<WebhookEndpointView> {
  const [endpoint] = await em.execute<WebhookEndpointView[]>(
    `select ${ENDPOINT_COLUMNS} from webhook_endpoints e where e.tenant_id = ? and e.id = ?${lock ? ' for update' : ''}`,
    [tenantId, id],
  );
  if (!endpoint) throw Errors.notFound('WebhookEndpoint', id);
  return endpointOf(endpoint);
}

export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointView;
  /** `whsec_…`: shown once, here. */
  secret: string;
}

async function insertSecret(em: EntityManager, tenantId: string, endpointId: string): Promise<string> {
  const secret = generateWebhookSecret();
  await em.execute('insert into webhook_secrets (tenant_id, id, endpoint_id, secret) values (?, ?, ?, ?)', [
    tenantId,
    newId(),
    endpointId,
    secret,
  ]);
  return secret;
}

export async function createWebhookEndpoint(
  em: EntityManager,
  identity: Identity,
  input: { url: string; description?: string | null; eventTypes: readonly string[]; enabled?: boolean | null },
): Promise<WebhookEndpointWithSecret> {
  validateWebhookEndpoint({ url: input.url, description: input.description ?? '', eventTypes: input.eventTypes });
  await assertWebhookDestinationAllowed(input.url.trim());
  const id = newId();
  const enabled = input.enabled ?? true;
  await em.execute(
    `insert into webhook_endpoints (tenant_id, id, url, description, event_types, enabled, disabled_reason, disabled_at, created_by)
     values (?, ?, ?, ?, ?::text[], ?, ?, ${enabled ? 'null' : 'now()'}, ?)`,
    [
      identity.tenantId,
      id,
      input.url.trim(),
      input.description?.trim() ?? '',
      textArray([...new Set(input.eventTypes)]),
      enabled,
      enabled ? null : 'MANUAL',
      actorId(identity),
    ],
  );
  const secret = await insertSecret(em, identity.tenantId, id);
  return { endpoint: await getWebhookEndpoint(em, identity.tenantId, id), secret };
}

/** A PostgreSQL text[] literal (the values are checked event types: no quotes or commas). */
const textArray = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Changes what was given; enabling an endpoint (again) forgets its failures, disabling it by hand
 * says so (`disabledReason: MANUAL`). `expectedVersion`: STALE_VERSION when it changed meanwhile.
 */
export async function updateWebhookEndpoint(
  em: EntityManager,
  tenantId: string,
  id: string,
  expectedVersion: number | null | undefined,
  patch: { url?: string | null; description?: string | null; eventTypes?: readonly string[] | null; enabled?: boolean | null },
): Promise<WebhookEndpointView> {
  validateWebhookEndpoint(patch);
  if (patch.url != null) await assertWebhookDestinationAllowed(patch.url.trim());
  const endpoint = await getWebhookEndpoint(em, tenantId, id, true);
  assertExpectedVersion(endpoint, expectedVersion, 'Ce point de terminaison a été modifié entre-temps');
  const enabled = patch.enabled ?? endpoint.enabled;
  const enabling = enabled && !endpoint.enabled;
  const disabling = !enabled && endpoint.enabled;
  await em.execute(
    `update webhook_endpoints set url = ?, description = ?, event_types = ?::text[], enabled = ?,
            disabled_reason = ${disabling ? `'MANUAL'` : enabling ? 'null' : 'disabled_reason'},
            disabled_at = ${disabling ? 'now()' : enabling ? 'null' : 'disabled_at'},
            consecutive_failures = ${enabling ? '0' : 'consecutive_failures'},
            failing_since = ${enabling ? 'null' : 'failing_since'},
            updated_at = now(), version = version + 1
      where tenant_id = ? and id = ?`,
    [
      patch.url?.trim() ?? endpoint.url,
      patch.description?.trim() ?? endpoint.description,
      textArray(patch.eventTypes ? [...new Set(patch.eventTypes)] : endpoint.eventTypes),
      enabled,
      tenantId,
      id,
    ],
  );
  return getWebhookEndpoint(em, tenantId, id);
}

/**
 * A new secret, shown once; the one it replaces still signs for 24 hours (both signatures are
 * sent), so the partner can switch without missing a message. Secrets already expired are dropped.
 */
export async function rotateWebhookSecret(em: EntityManager, tenantId: string, id: string): Promise<WebhookEndpointWithSecret> {
  await getWebhookEndpoint(em, tenantId, id, true);
  await em.execute('delete from webhook_secrets where tenant_id = ? and endpoint_id = ? and expires_at <= now()', [tenantId, id]);
  await em.execute(
    `update webhook_secrets set expires_at = now() + make_interval(hours => ?) where tenant_id = ? and endpoint_id = ? and expires_at is null`,
    [WEBHOOK_SECRET_OVERLAP_HOURS, tenantId, id],
  );
  const secret = await insertSecret(em, tenantId, id);
  await em.execute(
    'update webhook_endpoints set secret_rotated_at = now(), updated_at = now(), version = version + 1 where tenant_id = ? and id = ?',
    [tenantId, id],
  );
  return { endpoint: await getWebhookEndpoint(em, tenantId, id), secret };
}

/** Deletes the endpoint with its secrets and its delivery log. Returns its id. */
export async function deleteWebhookEndpoint(em: EntityManager, tenantId: string, id: string): Promise<string> {
  await getWebhookEndpoint(em, tenantId, id, true);
  await em.execute('delete from webhook_endpoints where tenant_id = ? and id = ?', [tenantId, id]);
  return id;
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id as "endpointId", d.event_type as "eventType", d.body, d.status, d.attempt_count as "attemptCount",
  case when d.status = 'PENDING' then d.next_attempt_at end as "nextAttemptAt", d.last_attempt_at as "lastAttemptAt",
  d.delivered_at as "deliveredAt", d.created_at as "createdAt"`;

async function withAttempts(em: EntityManager, tenantId: string, deliveries: Omit<WebhookDeliveryView, 'attempts'>[]) {
  const attempts = deliveries.length
    ? await em.execute<(WebhookAttemptView & { deliveryId: string })[]>(
        `select a.id, a.delivery_id as "deliveryId", a.attempted_at as "attemptedAt", a.manual, a.succeeded, a.http_status as "httpStatus",
                a.duration_ms as "durationMs", a.error, a.response_body as "responseBody"
           from webhook_attempts a where a.tenant_id = ? and a.delivery_id = any(?::uuid[]) order by a.attempted_at, a.id`,
        [tenantId, uuidArrayLiteral(deliveries.map((d) => d.id))],
      )
    : [];
  return deliveries.map((d): WebhookDeliveryView => ({
    ...d,
    nextAttemptAt: date(d.nextAttemptAt),
    lastAttemptAt: date(d.lastAttemptAt),
    deliveredAt: date(d.deliveredAt),
    createdAt: date(d.createdAt)!,
    attempts: attempts.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _, ...a }) => ({ ...a, attemptedAt: date(a.attemptedAt)! })),
  }));
}

/** The endpoint's deliveries, latest first (ids are time-ordered), each with its attempts. */
export async function listWebhookDeliveries(
  em: EntityManager,
  tenantId: string,
  endpointId: string,
  args: PageArgs,
): Promise<Page<WebhookDeliveryView>> {
  const first = pageSize(args.first);
  await getWebhookEndpoint(em, tenantId, endpointId);
  const before = args.after ? String(decodeCursor(args.after, 1)[0]) : null;
  new Validator().check(before === null || /^[0-9a-f-]{36}$/.test(before), 'after', 'curseur invalide').throwIfInvalid();
  const [rows, [count]] = await Promise.all([
    em.execute<Omit<WebhookDeliveryView, 'attempts'>[]>(
      `select ${DELIVERY_COLUMNS} from webhook_deliveries d
        where d.tenant_id = ? and d.endpoint_id = ?${before ? ' and d.id < ?' : ''}
        order by d.id desc limit ?`,
      [tenantId, endpointId, ...(before ? [before] : []), first + 1],
    ),
    em.execute<{ n: number }[]>('select count(*)::int as n from webhook_deliveries where tenant_id = ? and endpoint_id = ?', [
      tenantId,
      endpointId,
    ]),
  ]);
  const nodes = await withAttempts(em, tenantId, rows.slice(0, first));
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.id])),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(before),
    totalCount: count!.n,
  };
}

export async function getWebhookDelivery(em: EntityManager, tenantId: string, id: string): Promise<WebhookDeliveryView> {
  const [row] = await em.execute<Omit<WebhookDeliveryView, 'attempts'>[]>(
    `select ${DELIVERY_COLUMNS} from webhook_deliveries d where d.tenant_id = ? and d.id = ?`,
    [tenantId, id],
  );
  if (!row) throw Errors.notFound('WebhookDelivery', id);
  return (await withAttempts(em, tenantId, [row]))[0]!;
}

/**
 * Sends a delivery again, now, with the same id and body (whatever became of it): its retry
 * schedule starts over. A disabled endpoint must be enabled first (WEBHOOK_ENDPOINT_DISABLED).
 */
export async function redeliverWebhook(em: EntityManager, tenantId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  const delivery = await getWebhookDelivery(em, tenantId, deliveryId);
  const endpoint = await getWebhookEndpoint(em, tenantId, delivery.endpointId);
  if (!endpoint.enabled)
    throw Errors.conflict('WEBHOOK_ENDPOINT_DISABLED', 'Ce point de terminaison est désactivé : réactivez-le avant de renvoyer', {
      endpointId: endpoint.id,
      disabledReason: endpoint.disabledReason,
    });
  await em.execute(
    `update webhook_deliveries set status = 'PENDING', retry_step = 0, next_attempt_at = now(), manual_pending = true
      where tenant_id = ? and id = ?`,
    [tenantId, deliveryId],
  );
  return getWebhookDelivery(em, tenantId, deliveryId);
}
