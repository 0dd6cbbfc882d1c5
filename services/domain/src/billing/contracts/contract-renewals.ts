import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractRenewalNotice, type BillingRhythm } from './contract-billing.entity';
import { contractTerminated, lockContract } from './billing-terms.service';
import { loadBillingBasis, pricePeriod, type BillingBasis } from './contract-bills';
import {
  contractSchedule,
  dayAfter,
  nextTermEnd,
  renewalDecision,
  renewalNoticeWindow,
  renewalState,
  type RenewalState,
} from './contract-billing.rules';
import { renderRenewalLetter, type RenewalLetter } from './renewal-letter';
import { sumAmounts } from '../money';
import { enqueueMail } from '../../mail/outbox.service';
import { Contract } from '../../maintenance/contract.entity';
import { Customer } from '../../maintenance/customer.entity';
import type { Orm } from '../../db/orm';
import { inTenantScope } from '../../db/tenant-scope';
import { Tenant } from '../../platform/tenant.entity';
import { DomainError, Errors, Validator } from '../../shared/errors';
import { actorId, systemIdentity, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { frenchDate, localDate } from '../../shared/time';

/**
 * Renewals of tacitly renewed contracts: where each stands (à renouveler, préavis envoyé, résilié),
 * and the notice letter mailed to the customer before the notice deadline, by hand or by the
 * daily job when the tenant's setting says so. One notice per contract term (unique in the database).
 */

export const RENEWAL_QUEUE = 'contract-renewals';

export interface RenewalView {
  state: RenewalState;
  termEnd: string | null;
  noticeDeadline: string | null;
  /** When the customer should be told (consumers: 3 to 1 months before the deadline). */
  noticeWindow: { from: string; until: string } | null;
  notices: ContractRenewalNotice[];
}

export function renewalView(
  contract: Contract,
  isConsumer: boolean,
  notices: ContractRenewalNotice[],
  leadDays: number,
  today: string,
): RenewalView {
  const c = { ...contract, terminatedOn: contract.terminatedOn ?? null, isConsumer };
  const { state, termEnd, deadline } = renewalState(
    c,
    notices.map((n) => n.termEnd),
    today,
    leadDays,
  );
  return {
    state,
    termEnd,
    noticeDeadline: deadline,
    noticeWindow: deadline ? renewalNoticeWindow(deadline, isConsumer, leadDays) : null,
    notices,
  };
}

export const renewalNoticesByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(ContractRenewalNotice, { contractId: { $in: [...ids] } }, { orderBy: { sentAt: 'desc' } });

const RHYTHM_LABELS: Record<BillingRhythm, string> = {
  MONTHLY: 'par mois',
  QUARTERLY: 'par trimestre',
  HALF_YEARLY: 'par semestre',
  YEARLY: 'par an',
};

/** The fee of the full period running on `date` (revised), or why it is not known yet. */
function feeOn(
  basis: BillingBasis,
  contract: Contract,
  date: string,
): { amount: string | null; rhythm: BillingRhythm | null; note: string | null } {
  const versions = basis.termsByContract.get(contract.id) ?? [];
  const schedule = contractSchedule({ ...contract, terminatedOn: null, tacitRenewal: true }, versions, date);
  const period = schedule.find((p) => p.start <= date && date <= p.end) ?? schedule.at(-1);
  if (!period) return { amount: null, rhythm: null, note: null };
  const terms = versions[period.termsIndex]!;
  const priced = pricePeriod(basis, contract.id, terms, { ...period, start: period.fullStart, end: period.fullEnd, days: period.fullDays });
  if (priced.blocked)
    return {
      amount: null,
      rhythm: terms.rhythm,
      note: `révisée selon l’indice dès sa publication — ${priced.blocked.message.split(' : ')[0]}`,
    };
  const revision = priced.lines.find((l) => l.revision)?.revision;
  return {
    amount: sumAmounts(priced.lines.map((l) => l.revisedAmount)).toFixed(2),
    rhythm: terms.rhythm,
    note: revision ? `révision ${revision.seriesCode}, coefficient ${revision.coefficient.replace('.', ',')}` : null,
  };
}

export async function sendRenewalNotice(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  today = localDate(new Date()),
): Promise<ContractRenewalNotice> {
  const contract = await lockContract(em, contractId);
  if (contract.terminatedOn) contractTerminated(contract);
  if (!contract.tacitRenewal)
    throw Errors.conflict('NOT_TACITLY_RENEWED', `Le contrat ${contract.reference} ne se reconduit pas tacitement`, { contractId });
  const { termEnd, deadline } = renewalDecision({ ...contract, terminatedOn: null }, today)!;
  const existing = await em.findOne(ContractRenewalNotice, { contractId, termEnd });
  if (existing)
    throw Errors.conflict(
      'RENEWAL_NOTICE_ALREADY_SENT',
      `L’avis de reconduction du contrat ${contract.reference} pour l’échéance du ${frenchDate(termEnd)} a déjà été envoyé`,
      { contractId, termEnd, sentAt: existing.sentAt.toISOString() },
    );
  const [customer, tenant, basis] = await Promise.all([
    em.findOneOrFail(Customer, { id: contract.customerId }),
    em.findOneOrFail(Tenant, { id: contract.tenantId }),
    loadBillingBasis(em, [contractId]),
  ]);
  new Validator().check(Boolean(customer.email), 'to', `le client ${customer.name} n’a pas d’adresse e-mail`).throwIfInvalid();
  const renewedUntil = nextTermEnd(termEnd, contract.renewalTermMonths);
  const current = feeOn(basis, contract, today);
  const next = feeOn(basis, contract, dayAfter(termEnd));
  const letter: RenewalLetter = {
    seller: {
      name: tenant.legalName,
      address: [tenant.addressLine1 ?? '', `${tenant.postalCode ?? ''} ${tenant.city ?? ''}`.trim()].filter(Boolean),
      email: tenant.billingEmail ?? null,
      phone: tenant.phone ?? null,
    },
    buyer: {
      name: customer.name,
      address: [
        customer.billingAddressLine1,
        customer.billingAddressLine2 ?? '',
        `${customer.billingPostalCode} ${customer.billingCity}`,
      ].filter(Boolean),
    },
    contract: { reference: contract.reference, title: contract.title, startsOn: contract.startsOn },
    sentOn: today,
    termEnd,
    nextTermEnd: renewedUntil,
    noticeDeadline: deadline,
    noticeDays: contract.noticeDays,
    rhythmLabel: RHYTHM_LABELS[current.rhythm ?? next.rhythm ?? 'YEARLY'],
    currentFee: current.amount ?? '0.00',
    nextFee: next.amount,
    nextFeeNote: next.note,
    isConsumer: customer.isConsumer,
  };
  const pdf = await renderRenewalLetter(letter);
  const message = await enqueueMail(em, identity, {
    to: [customer.email!],
    ...(tenant.billingEmail ? { replyTo: tenant.billingEmail } : {}),
    subject: `Reconduction de votre contrat ${contract.reference} — ${tenant.name}`,
    text: [
      'Bonjour,',
      '',
      `Votre contrat ${contract.reference} arrive à échéance le ${frenchDate(termEnd)} et sera reconduit tacitement, sauf refus de votre part avant le ${frenchDate(deadline)}.`,
      'Vous trouverez le détail dans le courrier joint.',
      '',
      'Cordialement,',
      tenant.legalName,
    ].join('\n'),
    attachments: [{ filename: `reconduction-${contract.reference}.pdf`, contentType: 'application/pdf', content: pdf }],
    related: { type: 'contract', id: contract.id },
  });
  const notice = em.create(ContractRenewalNotice, {
    id: newId(),
    tenantId: contract.tenantId,
    contractId,
    termEnd,
    noticeDeadline: deadline,
    sentTo: [customer.email!],
    currentFee: letter.currentFee,
    nextFee: letter.nextFee,
    outboxMessageId: message.id,
    sentBy: actorId(identity),
  });
  await em.flush();
  return notice;
}

/** Contracts whose customer must be told now of the coming renewal (and has not been). */
export async function contractsToNotify(em: EntityManager, today: string): Promise<Contract[]> {
  const contracts = await em.find(Contract, { tacitRenewal: true, terminatedOn: null }, { orderBy: { reference: 'asc' } });
  if (contracts.length === 0) return [];
  const [notices, customers, tenant] = await Promise.all([
    renewalNoticesByContractIds(
      em,
      contracts.map((c) => c.id),
    ),
    em.find(Customer, { id: { $in: [...new Set(contracts.map((c) => c.customerId))] } }, { fields: ['id', 'isConsumer'] }),
    em.findOneOrFail(Tenant, { id: contracts[0]!.tenantId }),
  ]);
  const consumer = new Map(customers.map((c) => [c.id, c.isConsumer]));
  const noticesOf = Map.groupBy(notices, (n) => n.contractId);
  return contracts.filter((c) => {
    const view = renewalView(c, consumer.get(c.customerId) ?? false, noticesOf.get(c.id) ?? [], tenant.renewalNoticeLeadDays, today);
    return view.state === 'TO_RENEW' && view.noticeDeadline !== null && today <= view.noticeDeadline;
  });
}

export interface RenewalRunOutcome {
  sent: string[];
  failed: { contractReference: string; code: string; message: string }[];
}

/** The daily job for one tenant: one transaction per notice, so one customer's missing address stops no other. */
export async function runRenewalNotices(orm: Orm, tenantId: string, today = localDate(new Date())): Promise<RenewalRunOutcome> {
  const identity = systemIdentity(tenantId, RENEWAL_QUEUE);
  const scope = { requestId: `job:${RENEWAL_QUEUE}:${today}`, operation: 'renewal-notices' };
  // Their ids only: the entities would keep the whole listing scope (every contract of the tenant) alive for the loop.
  const contracts = await inTenantScope(orm, identity, scope, async (em) =>
    (await contractsToNotify(em, today)).map(({ id, reference }) => ({ id, reference })),
  );
  const outcome: RenewalRunOutcome = { sent: [], failed: [] };
  for (const contract of contracts) {
    try {
      await inTenantScope(orm, identity, scope, (em) => sendRenewalNotice(em, identity, contract.id, today));
      outcome.sent.push(contract.reference);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcome.failed.push({ contractReference: contract.reference, code: error.code, message: error.message });
    }
  }
  return outcome;
}

/** Tenants whose renewal notices go out by themselves (read across tenants by an owner function). */
export async function tenantsWithAutomaticRenewalNotices(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>('select id from renewal_notice_tenants()');
  return rows.map((r) => r.id);
}
