import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Contract, ContractAmendment, ContractSite, MaintenancePlan } from './contract.entity';
import { validateRateCard, validateSla, type RateCard, type SlaTargets } from './contract.rules';
import { EQUIPMENT_CATEGORIES } from './equipment.entity';
import { Site } from './site.entity';
import { getCustomer } from './customer.service';
import { nextCounterValue } from '../platform/counters';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import { isLocalDate } from '../shared/time';
import { containsPattern } from '../shared/search';

export interface PlanInput {
  equipmentCategory: string;
  visitsPerYear: number;
  estimatedDurationMinutes?: number | null;
  requiredSkills?: string[] | null;
}

export interface ContractTermsInput {
  title: string;
  startsOn: string;
  endsOn: string;
  tacitRenewal: boolean;
  noticeDays: number;
  /** Months of each tacit renewal (1 to 60); a new contract defaults to 12, an amendment keeps the current length. */
  renewalTermMonths?: number | null;
  siteIds: string[];
  sla: SlaTargets;
  rateCard: RateCard;
  plans: PlanInput[];
}

function validateTerms(terms: ContractTermsInput): void {
  const v = new Validator()
    .check(terms.title.trim().length > 0, 'title', 'obligatoire', 'REQUIRED')
    .check(isLocalDate(terms.startsOn), 'startsOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(isLocalDate(terms.endsOn) && terms.endsOn > terms.startsOn, 'endsOn', 'date AAAA-MM-JJ après le début', 'DATE_EXPECTED')
    .check(Number.isInteger(terms.noticeDays) && terms.noticeDays >= 0 && terms.noticeDays <= 365, 'noticeDays', 'de 0 à 365 jours')
    .check(
      terms.renewalTermMonths == null ||
        (Number.isInteger(terms.renewalTermMonths) && terms.renewalTermMonths >= 1 && terms.renewalTermMonths <= 60),
      'renewalTermMonths',
      'de 1 à 60 mois',
    )
    .check(terms.siteIds.length > 0, 'siteIds', 'au moins un site couvert');
  validateSla(terms.sla, v);
  validateRateCard(terms.rateCard, v);
  terms.plans.forEach((plan, i) => {
    v.check(
      (EQUIPMENT_CATEGORIES as readonly string[]).includes(plan.equipmentCategory),
      `plans[${i}].equipmentCategory`,
      'catégorie inconnue',
    );
    v.check(
      Number.isInteger(plan.visitsPerYear) && plan.visitsPerYear >= 1 && plan.visitsPerYear <= 52,
      `plans[${i}].visitsPerYear`,
      'de 1 à 52 visites par an',
    );
  });
  v.check(new Set(terms.plans.map((p) => p.equipmentCategory)).size === terms.plans.length, 'plans', 'une seule ligne par catégorie');
  v.throwIfInvalid();
}

async function assertSitesOfCustomer(em: EntityManager, customerId: string, siteIds: string[]): Promise<void> {
  const sites = await em.find(Site, { id: { $in: siteIds }, customerId });
  new Validator().check(sites.length === new Set(siteIds).size, 'siteIds', 'site introuvable pour ce client').throwIfInvalid();
}

function writeSitesAndPlans(em: EntityManager, contract: Contract, terms: ContractTermsInput): void {
  for (const siteId of new Set(terms.siteIds)) em.create(ContractSite, { tenantId: contract.tenantId, contractId: contract.id, siteId });
  for (const plan of terms.plans) {
    em.create(MaintenancePlan, {
      id: newId(),
      tenantId: contract.tenantId,
      contractId: contract.id,
      equipmentCategory: plan.equipmentCategory,
      visitsPerYear: plan.visitsPerYear,
      estimatedDurationMinutes: plan.estimatedDurationMinutes ?? 120,
      requiredSkills: plan.requiredSkills ?? [],
    });
  }
}

export async function createContract(
  em: EntityManager,
  tenantId: string,
  input: ContractTermsInput & { customerId: string },
): Promise<Contract> {
  validateTerms(input);
  await getCustomer(em, input.customerId);
  await assertSitesOfCustomer(em, input.customerId, input.siteIds);
  const year = input.startsOn.slice(0, 4);
  const contract = em.create(Contract, {
    id: newId(),
    tenantId,
    reference: `CT-${year}-${String(await nextCounterValue(em, tenantId, `contract:${year}`)).padStart(4, '0')}`,
    title: input.title.trim(),
    customerId: input.customerId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    tacitRenewal: input.tacitRenewal,
    noticeDays: input.noticeDays,
    renewalTermMonths: input.renewalTermMonths ?? 12,
    sla: input.sla,
    rateCard: input.rateCard,
  });
  writeSitesAndPlans(em, contract, input);
  await em.flush();
  return contract;
}

/**
 * Changes a contract's terms as an amendment: the previous terms are kept, numbered, with the
 * date the new ones take effect and why.
 */
export async function amendContract(
  em: EntityManager,
  id: string,
  input: ContractTermsInput & { effectiveOn: string; reason: string; expectedVersion: number },
): Promise<Contract> {
  const contract = await getContract(em, id);
  assertExpectedVersion(contract, input.expectedVersion, `Le contrat ${contract.reference} a été modifié entre-temps ; rechargez-le`);
  validateTerms(input);
  new Validator()
    .check(isLocalDate(input.effectiveOn), 'effectiveOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(input.reason.trim().length > 0, 'reason', 'motif de l’avenant obligatoire', 'REQUIRED')
    .throwIfInvalid();
  await assertSitesOfCustomer(em, contract.customerId, input.siteIds);
  const [sites, plans] = await Promise.all([em.find(ContractSite, { contractId: id }), em.find(MaintenancePlan, { contractId: id })]);
  em.create(ContractAmendment, {
    id: newId(),
    tenantId: contract.tenantId,
    contractId: id,
    version: contract.version,
    effectiveOn: input.effectiveOn,
    reason: input.reason.trim(),
    previousTerms: {
      title: contract.title,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      tacitRenewal: contract.tacitRenewal,
      noticeDays: contract.noticeDays,
      renewalTermMonths: contract.renewalTermMonths,
      sla: contract.sla,
      rateCard: contract.rateCard,
      siteIds: sites.map((s) => s.siteId),
      plans: plans.map(({ equipmentCategory, visitsPerYear, estimatedDurationMinutes, requiredSkills }) => ({
        equipmentCategory,
        visitsPerYear,
        estimatedDurationMinutes,
        requiredSkills,
      })),
    },
  });
  sites.forEach((s) => em.remove(s));
  plans.forEach((p) => em.remove(p));
  await em.flush();
  em.assign(contract, {
    title: input.title.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    tacitRenewal: input.tacitRenewal,
    noticeDays: input.noticeDays,
    renewalTermMonths: input.renewalTermMonths ?? contract.renewalTermMonths,
    sla: input.sla,
    rateCard: input.rateCard,
  });
  writeSitesAndPlans(em, contract, input);
  await em.flush();
  return contract;
}

export interface TerminationInput {
  /** When the notice was received (or sent). */
  noticeReceivedOn: string;
  /** Last day the contract runs. */
  effectiveOn: string;
  reason: string;
}

/** Records a contract's termination (the contract must be locked by the caller). */
export function recordContractTermination(contract: Contract, input: TerminationInput): void {
  new Validator()
    .check(isLocalDate(input.noticeReceivedOn), 'noticeReceivedOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(isLocalDate(input.effectiveOn), 'effectiveOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(input.effectiveOn) || input.effectiveOn >= contract.startsOn, 'effectiveOn', 'au plus tôt le début du contrat')
    .check(
      !isLocalDate(input.effectiveOn) || !isLocalDate(input.noticeReceivedOn) || input.effectiveOn >= input.noticeReceivedOn,
      'effectiveOn',
      'au plus tôt à la réception du préavis',
    )
    .check(input.reason.trim().length > 0 && input.reason.length <= 500, 'reason', 'motif obligatoire, au plus 500 caractères')
    .throwIfInvalid();
  contract.terminatedOn = input.effectiveOn;
  contract.terminationNoticeOn = input.noticeReceivedOn;
  contract.terminationReason = input.reason.trim();
}

export async function getContract(em: EntityManager, id: string): Promise<Contract> {
  const contract = await em.findOne(Contract, { id });
  if (!contract) throw Errors.notFound('Contract', id);
  return contract;
}

export function listContracts(em: EntityManager, args: PageArgs & { customerId?: string | null; search?: string | null }) {
  const where: FilterQuery<Contract> = {};
  if (args.customerId) Object.assign(where, { customerId: args.customerId });
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    Object.assign(where, { $or: [{ reference: { $ilike: like } }, { title: { $ilike: like } }] });
  }
  return keysetPage(em, Contract, where, 'reference', args);
}

export const contractsByIds = (em: EntityManager, ids: readonly string[]) => em.find(Contract, { id: { $in: [...ids] } });
export const contractSitesByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(ContractSite, { contractId: { $in: [...ids] } });
export const plansByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(MaintenancePlan, { contractId: { $in: [...ids] } }, { orderBy: { equipmentCategory: 'asc' } });
export const amendmentsByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(ContractAmendment, { contractId: { $in: [...ids] } }, { orderBy: { version: 'desc' } });
