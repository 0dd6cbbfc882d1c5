import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Customer } from '../../maintenance/customer.entity';
import { nextCounterValue } from '../../platform/counters';
import { Tenant } from '../../platform/tenant.entity';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId, uuidArrayLiteral } from '../../shared/ids';
import { keysetPage } from '../../shared/keyset';
import type { Page, PageArgs } from '../../shared/pagination';
import { isLocalDate, localDate } from '../../shared/time';
import { normalizeBic, normalizeIban } from '../sepa/bank-account';
import { generateMandateReference, mandateInputProblems, type MandateType } from '../sepa/mandate.rules';
import { SepaMandate, type MandateStatus } from './direct-debit.entity';

/**
 * SEPA mandates: signed by the customer (on paper or electronically), recorded here with their
 * RUM, the debtor's account and the signature date. A customer has one active recurrent mandate
 * at a time: a new one (new bank account) replaces the old one once it is revoked.
 */

export interface CreateMandateInput {
  customerId: string;
  /** RUM; generated as <TENANT>-<CUSTOMER CODE>-<n> when not given. */
  reference?: string | null;
  kind?: MandateType | null;
  signedOn: string;
  /** Account holder; the customer's name when not given. */
  debtorName?: string | null;
  iban: string;
  bic?: string | null;
}

/** The mandate rules' field names, as this input names them. */
const INPUT_FIELDS: Record<string, string> = { type: 'kind', debtorIban: 'iban', debtorBic: 'bic' };

const stale = 'Le mandat a été modifié entre-temps ; rechargez-le';

const activeMandateExists = (existing: SepaMandate) =>
  Errors.conflict(
    'ACTIVE_MANDATE_EXISTS',
    `Ce client a déjà un mandat récurrent actif (${existing.reference}) : révoquez-le avant d’en enregistrer un nouveau`,
    { mandateId: existing.id, reference: existing.reference },
  );

const referenceTaken = (reference: string, mandateId?: string) =>
  Errors.conflict('MANDATE_REFERENCE_TAKEN', `La référence de mandat ${reference} est déjà utilisée : une RUM ne sert qu’une fois`, {
    reference,
    ...(mandateId ? { mandateId } : {}),
  });

async function newReference(em: EntityManager, tenantId: string, customer: Customer): Promise<string> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  // The counter is per customer: ACME-C0042-0001, then -0002 for the customer's next mandate.
  const sequence = await nextCounterValue(em, tenantId, `sepa-mandate:${customer.id}`);
  return generateMandateReference({ tenantPrefix: tenant.slug, customerCode: customer.code, sequence });
}

/** Records a signed mandate. VALIDATION_FAILED naming the fields, ACTIVE_MANDATE_EXISTS, MANDATE_REFERENCE_TAKEN. */
export async function createMandate(em: EntityManager, identity: Identity, input: CreateMandateInput): Promise<SepaMandate> {
  const customer = await em.findOne(Customer, { id: input.customerId });
  if (!customer) throw Errors.notFound('Customer', input.customerId);
  const kind = input.kind ?? 'RECURRENT';
  const debtorName = input.debtorName?.trim() || customer.name;
  const given = input.reference?.trim() || null;
  const problems = mandateInputProblems(
    {
      // A generated reference is valid by construction; check the rest with a placeholder.
      reference: given ?? 'GENERATED',
      type: kind,
      signedOn: input.signedOn,
      debtorName,
      debtorIban: input.iban,
      debtorBic: input.bic,
    },
    localDate(new Date()),
  );
  if (problems.length) throw Errors.validation(problems.map((p) => ({ ...p, field: INPUT_FIELDS[p.field] ?? p.field })));
  if (kind === 'RECURRENT') {
    const existing = await em.findOne(SepaMandate, { customerId: customer.id, kind: 'RECURRENT', status: 'ACTIVE' });
    if (existing) throw activeMandateExists(existing);
  }
  if (given) {
    const taken = await em.findOne(SepaMandate, { reference: given });
    if (taken) throw referenceTaken(given, taken.id);
  }
  const mandate = em.create(SepaMandate, {
    id: newId(),
    tenantId: identity.tenantId,
    customerId: customer.id,
    reference: given ?? (await newReference(em, identity.tenantId, customer)),
    kind,
    signedOn: input.signedOn,
    debtorName,
    iban: normalizeIban(input.iban),
    bic: input.bic?.trim() ? normalizeBic(input.bic) : null,
    status: 'ACTIVE',
    createdBy: actorId(identity),
  });
  try {
    await em.flush();
  } catch (error) {
    // Two recordings at once: the database's unique indexes decide, with the same codes.
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = (error as { constraint?: string }).constraint ?? '';
      if (constraint.includes('one_active_recurrent'))
        throw Errors.conflict('ACTIVE_MANDATE_EXISTS', 'Ce client a déjà un mandat récurrent actif', { customerId: customer.id });
      throw referenceTaken(mandate.reference);
    }
    throw error;
  }
  return mandate;
}

/** The customer ended the mandate, or the company did. MANDATE_ALREADY_REVOKED, VALIDATION_FAILED, STALE_VERSION. */
export async function revokeMandate(
  em: EntityManager,
  identity: Identity,
  mandateId: string,
  input: { revokedOn: string; reason: string; expectedVersion?: number | null },
): Promise<SepaMandate> {
  const reason = input.reason?.trim() ?? '';
  new Validator()
    .check(isLocalDate(input.revokedOn), 'revokedOn', 'date invalide (AAAA-MM-JJ)', 'DATE_EXPECTED')
    .check(!isLocalDate(input.revokedOn) || input.revokedOn <= localDate(new Date()), 'revokedOn', 'pas dans le futur')
    .check(reason.length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check(reason.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const mandate = await em.findOne(SepaMandate, { id: mandateId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!mandate) throw Errors.notFound('SepaMandate', mandateId);
  assertExpectedVersion(mandate, input.expectedVersion, stale);
  if (mandate.status === 'REVOKED')
    throw Errors.conflict('MANDATE_ALREADY_REVOKED', `Le mandat ${mandate.reference} est déjà révoqué (le ${mandate.revokedOn})`, {
      mandateId,
      revokedOn: mandate.revokedOn,
    });
  new Validator().check(input.revokedOn >= mandate.signedOn, 'revokedOn', `pas avant la signature (${mandate.signedOn})`).throwIfInvalid();
  mandate.status = 'REVOKED';
  mandate.revokedOn = input.revokedOn;
  mandate.revocationReason = reason;
  await em.flush();
  return mandate;
}

export interface MandateFilter {
  customerId?: string | null;
  status?: MandateStatus | null;
}

/** Mandates, most recently signed first. */
export function listMandates(em: EntityManager, args: PageArgs & MandateFilter): Promise<Page<SepaMandate>> {
  const where: FilterQuery<SepaMandate> = {};
  if (args.customerId) where.customerId = args.customerId;
  if (args.status) where.status = args.status;
  return keysetPage(em, SepaMandate, where, 'createdAt', args, 'desc');
}

export const mandatesByIds = (em: EntityManager, ids: readonly string[]) => em.find(SepaMandate, { id: { $in: [...ids] } });

/** Every mandate of these customers, the active ones first, then most recently signed. */
export const mandatesByCustomerIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(SepaMandate, { customerId: { $in: [...ids] } }, { orderBy: { status: 'asc', signedOn: 'desc', createdAt: 'desc' } });

/** A mandate in force on `date` (signed by then, not yet revoked), as far as the invoice documents care. */
export interface MandateInForce {
  customerId: string;
  reference: string;
  iban: string;
}

/**
 * The mandate each customer had in force on each date (one statement): signed on or before it and
 * not revoked by then; a recurrent mandate before a one-off one, the latest signed first.
 */
export async function mandatesInForce(
  em: EntityManager,
  requests: readonly { customerId: string; on: string }[],
): Promise<Map<string, MandateInForce>> {
  const key = (customerId: string, on: string) => `${customerId}|${on}`;
  if (requests.length === 0) return new Map();
  const rows = await em.execute<(MandateInForce & { on: string })[]>(
    `select q.customer_id as "customerId", q.on_date::text as "on", m.reference, m.iban
       from unnest(?::uuid[], ?::date[]) as q (customer_id, on_date)
       join lateral (
         select reference, iban from sepa_mandates m
          where m.customer_id = q.customer_id and m.signed_on <= q.on_date and (m.revoked_on is null or m.revoked_on > q.on_date)
          order by (m.kind = 'RECURRENT') desc, m.signed_on desc, m.created_at desc limit 1) m on true`,
    [uuidArrayLiteral(requests.map((r) => r.customerId)), `{${requests.map((r) => r.on).join(',')}}`],
  );
  return new Map(rows.map((r) => [key(r.customerId, r.on), { customerId: r.customerId, reference: r.reference, iban: r.iban }]));
}

/** The mandate the customer had in force on `date`, or null. */
export async function mandateInForce(em: EntityManager, customerId: string, on: string): Promise<MandateInForce | null> {
  if (!isLocalDate(on)) return null;
  return (await mandatesInForce(em, [{ customerId, on }])).get(`${customerId}|${on}`) ?? null;
}
