import type { EntityManager } from '@mikro-orm/postgresql';
import { Site } from './site.entity';
import { siteProblems, type SiteFields } from './site.rules';
import { getCustomer } from './customer.service';
import { Errors, assertExpectedVersion } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, startsWithPattern } from '../shared/search';
import { definedOnly } from '../shared/objects';
import { localDate } from '../shared/time';

export interface SiteInput {
  customerId: string;
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country?: string | null;
  accessNotes?: string | null;
  dwellingOverTwoYears?: boolean | null;
  reducedVatAttestedOn?: string | null;
}

function validateSite(site: SiteFields): void {
  const problems = siteProblems(site, localDate(new Date()));
  if (problems.length) throw Errors.validation(problems);
}

const trimmed = (value: string | null | undefined) => (value == null ? value : value.trim());

function normalise<T extends Partial<SiteInput>>(input: T): T {
  const out = { ...input };
  // A required field sent as null reads as empty, so that validation names it.
  for (const key of ['name', 'addressLine1', 'postalCode', 'city'] as const) if (out[key] !== undefined) out[key] = (out[key] ?? '').trim();
  if (out.country !== undefined) out.country = (out.country ?? 'FR').trim().toUpperCase();
  if (out.accessNotes !== undefined) out.accessNotes = trimmed(out.accessNotes) || null;
  if (out.reducedVatAttestedOn !== undefined) out.reducedVatAttestedOn = trimmed(out.reducedVatAttestedOn) || null;
  return out;
}

export async function createSite(em: EntityManager, tenantId: string, raw: SiteInput): Promise<Site> {
  const input = normalise(raw);
  validateSite(input);
  await getCustomer(em, input.customerId);
  const site = em.create(Site, {
    id: newId(),
    tenantId,
    customerId: input.customerId,
    name: input.name,
    addressLine1: input.addressLine1,
    postalCode: input.postalCode,
    city: input.city,
    country: input.country ?? 'FR',
    accessNotes: input.accessNotes ?? null,
    dwellingOverTwoYears: input.dwellingOverTwoYears ?? false,
    reducedVatAttestedOn: input.reducedVatAttestedOn ?? null,
  });
  await em.flush();
  return site;
}

export function listSites(em: EntityManager, args: PageArgs & { customerId?: string | null; search?: string | null }) {
  const where: FilterQuery<Site>[] = [];
  if (args.customerId) where.push({ customerId: args.customerId });
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    where.push({ $or: [{ name: { $ilike: like } }, { city: { $ilike: like } }, { postalCode: { $like: startsWithPattern(search) } }] });
  }
  return keysetPage(em, Site, where.length ? { $and: where } : {}, 'name', args);
}

/** Updates the fields given; `expectedVersion` refuses the change if someone saved the site in between. */
export async function updateSite(
  em: EntityManager,
  id: string,
  raw: Partial<Omit<SiteInput, 'customerId'>>,
  expectedVersion?: number | null,
): Promise<Site> {
  const site = await em.findOne(Site, { id });
  if (!site) throw Errors.notFound('Site', id);
  assertExpectedVersion(site, expectedVersion, 'Ce site a été modifié entre-temps ; rechargez la fiche');
  const changes = definedOnly(normalise(raw));
  validateSite({ ...site, ...changes } as SiteFields);
  em.assign(site, changes);
  await em.flush();
  return site;
}
