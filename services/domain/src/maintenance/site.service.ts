import type { EntityManager } from '@mikro-orm/postgresql';
import { Site } from './site.entity';
import { getCustomer } from './customer.service';
import { Errors, Validator } from '../shared/errors';
import { newId } from '../shared/ids';
import { keysetPage } from '../shared/keyset';
import type { PageArgs } from '../shared/pagination';
import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern } from '../shared/search';
import { definedOnly } from '../shared/objects';

export interface SiteInput {
  customerId: string;
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country?: string | null;
  accessNotes?: string | null;
}

function validateSite(input: Omit<SiteInput, 'customerId'>): void {
  const country = input.country ?? 'FR';
  new Validator()
    .check(input.name.trim().length > 0, 'name', 'obligatoire')
    .check(input.addressLine1.trim().length > 0, 'addressLine1', 'obligatoire')
    .check(country === 'FR' ? /^\d{5}$/.test(input.postalCode) : input.postalCode.trim().length > 0, 'postalCode', 'code postal invalide')
    .check(input.city.trim().length > 0, 'city', 'obligatoire')
    .throwIfInvalid();
}

export async function createSite(em: EntityManager, tenantId: string, input: SiteInput): Promise<Site> {
  validateSite(input);
  await getCustomer(em, input.customerId);
  const site = em.create(Site, {
    id: newId(),
    tenantId,
    customerId: input.customerId,
    name: input.name.trim(),
    addressLine1: input.addressLine1.trim(),
    postalCode: input.postalCode.trim(),
    city: input.city.trim(),
    country: input.country ?? 'FR',
    accessNotes: input.accessNotes ?? null,
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
    where.push({ $or: [{ name: { $ilike: like } }, { city: { $ilike: like } }, { postalCode: { $like: `${search}%` } }] });
  }
  return keysetPage(em, Site, where.length ? { $and: where } : {}, 'name', args);
}

export async function updateSite(em: EntityManager, id: string, input: Partial<Omit<SiteInput, 'customerId'>>): Promise<Site> {
  const site = await em.findOne(Site, { id });
  if (!site) throw Errors.notFound('Site', id);
  const changes = definedOnly(input);
  validateSite({ ...site, ...changes } as SiteInput);
  em.assign(site, changes);
  await em.flush();
  return site;
}
