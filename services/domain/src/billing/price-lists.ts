import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { CatalogItem } from './catalog-item.entity';
import { CustomerPriceList, PriceList, PriceListItem } from './price-list.entity';
import type { AppliedPriceList } from './list-prices';
import { Money, parseDecimal } from './money';
import { Customer } from '../maintenance/customer.entity';
import { DomainError, Errors, Validator, assertExpectedVersion, type FieldProblem } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { newId } from '../shared/ids';

/**
 * Customer price lists (tarifs): named unit prices for catalog items, at most one list per
 * customer. Pricing uses an assigned, active list's prices instead of the catalog sale prices
 * (list-prices.ts). Every function runs in the caller's transaction and checks everything first.
 */

export interface PriceListItemInput {
  catalogItemId: string;
  /** HT, up to 4 decimals, >= 0. */
  unitPrice: string;
}

export interface PriceListInput {
  name: string;
  notes?: string | null;
  active?: boolean;
  items: PriceListItemInput[];
}

/** Fields left out are kept; `items`, when given, replaces all the list's prices. */
export type PriceListPatch = Partial<PriceListInput>;

const STALE = 'Le tarif a été modifié entre-temps ; rechargez-le';

const nameTaken = () => Errors.validation([{ field: 'name', message: 'un tarif porte déjà ce nom' }]);

function checkHeader(v: Validator, name: string | undefined, notes: string | null | undefined): void {
  if (name !== undefined)
    v.check(name.trim().length > 0, 'name', 'nom obligatoire', 'REQUIRED').check(
      name.trim().length <= 120,
      'name',
      'au plus 120 caractères',
      'TOO_LONG',
    );
  if (notes != null) v.check(notes.length <= 2000, 'notes', 'au plus 2000 caractères', 'TOO_LONG');
}

/** Field problems of the items (prices, duplicates, unknown or inactive catalog items). */
async function itemProblems(em: EntityManager, items: readonly PriceListItemInput[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const ids = [...new Set(items.map((i) => i.catalogItemId))];
  const known = ids.length ? await em.find(CatalogItem, { id: { $in: ids } }) : [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!known.some((k) => k.id === item.catalogItemId))
      problems.push({ field: `items[${i}].catalogItemId`, message: 'article du catalogue inconnu' });
    else if (seen.has(item.catalogItemId))
      problems.push({ field: `items[${i}].catalogItemId`, message: 'article en double dans le tarif' });
    seen.add(item.catalogItemId);
    try {
      if (parseDecimal(item.unitPrice, `items[${i}].unitPrice`).isNegative())
        problems.push({ field: `items[${i}].unitPrice`, message: 'prix positif ou nul attendu' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...(error.details.fields as FieldProblem[]));
    }
  });
  return problems;
}

async function validate(em: EntityManager, patch: PriceListPatch, self: string | null): Promise<void> {
  const v = new Validator();
  checkHeader(v, patch.name, patch.notes);
  const problems = patch.items ? await itemProblems(em, patch.items) : [];
  for (const p of problems) v.check(false, p.field, p.message);
  v.throwIfInvalid();
  if (patch.name !== undefined) {
    const same = await em.findOne(PriceList, { name: patch.name.trim(), ...(self ? { id: { $ne: self } } : {}) });
    if (same) throw nameTaken();
  }
}

function writeItems(em: EntityManager, list: PriceList, items: readonly PriceListItemInput[]): void {
  for (const item of items)
    em.create(PriceListItem, {
      id: newId(),
      tenantId: list.tenantId,
      priceListId: list.id,
      catalogItemId: item.catalogItemId,
      unitPrice: new Money(item.unitPrice).toFixed(4),
    });
}

async function flushList(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    // Another transaction took the name between our check and our write.
    if (error instanceof UniqueConstraintViolationException) throw nameTaken();
    throw error;
  }
}

export async function getPriceList(em: EntityManager, id: string): Promise<PriceList> {
  const list = await em.findOne(PriceList, { id });
  if (!list) throw Errors.notFound('PriceList', id);
  return list;
}

/** A new price list. VALIDATION_FAILED naming the fields (name taken, unknown catalog item, bad price). */
export async function createPriceList(em: EntityManager, identity: Identity, input: PriceListInput): Promise<PriceList> {
  await validate(em, input, null);
  const list = em.create(PriceList, {
    id: newId(),
    tenantId: identity.tenantId,
    name: input.name.trim(),
    notes: input.notes?.trim() || null,
    active: input.active ?? true,
  });
  writeItems(em, list, input.items);
  await flushList(em);
  return list;
}

/** Edits a price list (items replaced as a whole); STALE_VERSION if someone saved it since `expectedVersion`. */
export async function updatePriceList(em: EntityManager, id: string, expectedVersion: number, patch: PriceListPatch): Promise<PriceList> {
  const list = await em.findOne(PriceList, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!list) throw Errors.notFound('PriceList', id);
  assertExpectedVersion(list, expectedVersion, STALE);
  await validate(em, patch, id);
  const header = {
    name: patch.name === undefined ? list.name : patch.name.trim(),
    notes: patch.notes === undefined ? (list.notes ?? null) : patch.notes?.trim() || null,
    active: patch.active ?? list.active,
  };
  const headerChanged = header.name !== list.name || header.notes !== (list.notes ?? null) || header.active !== list.active;
  Object.assign(list, header);
  if (patch.items) {
    await em.nativeDelete(PriceListItem, { priceListId: id });
    writeItems(em, list, patch.items);
  }
  await flushList(em);
  if (patch.items && !headerChanged) {
    // Only the prices changed: the list is still a new version for whoever edits it next.
    await em.execute('update price_lists set version = version + 1 where id = ?', [id]);
    return em.findOneOrFail(PriceList, { id }, { refresh: true });
  }
  return list;
}

/** Gives a customer a price list, or takes it away (null). NOT_FOUND for a customer or list not of this tenant. */
export async function assignPriceList(
  em: EntityManager,
  identity: Identity,
  customerId: string,
  priceListId: string | null,
): Promise<PriceList | null> {
  const [customer, list] = await Promise.all([
    em.findOne(Customer, { id: customerId }),
    priceListId ? em.findOne(PriceList, { id: priceListId }) : Promise.resolve(null),
  ]);
  if (!customer) throw Errors.notFound('Customer', customerId);
  if (priceListId && !list) throw Errors.notFound('PriceList', priceListId);
  const current = await em.findOne(CustomerPriceList, { customerId });
  if (!list) {
    if (current) em.remove(current);
  } else if (current) current.priceListId = list.id;
  else em.create(CustomerPriceList, { tenantId: identity.tenantId, customerId, priceListId: list.id });
  await em.flush();
  return list;
}

/** Price lists by name (only the active ones when `active` is true). */
export function listPriceLists(em: EntityManager, options: { active?: boolean | null } = {}): Promise<PriceList[]> {
  return em.find(PriceList, options.active == null ? {} : { active: options.active }, { orderBy: { name: 'asc', id: 'asc' } });
}

export const priceListsByIds = (em: EntityManager, ids: readonly string[]) => em.find(PriceList, { id: { $in: [...ids] } });

export const priceListItemsByListIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(PriceListItem, { priceListId: { $in: [...ids] } }, { orderBy: { priceListId: 'asc', id: 'asc' } });

/** The price list assigned to each of the customers that have one (for loaders keyed by customer). */
export async function priceListOfCustomers(
  em: EntityManager,
  customerIds: readonly string[],
): Promise<{ customerId: string; priceList: PriceList }[]> {
  const assigned = await em.find(CustomerPriceList, { customerId: { $in: [...customerIds] } });
  if (!assigned.length) return [];
  const lists = await priceListsByIds(em, [...new Set(assigned.map((a) => a.priceListId))]);
  return assigned.map((a) => ({ customerId: a.customerId, priceList: lists.find((l) => l.id === a.priceListId)! }));
}

/** The active price list of each customer that has one, with its prices, as pricing uses it. */
export async function appliedPriceLists(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, AppliedPriceList>> {
  const assigned = (await priceListOfCustomers(em, customerIds)).filter((a) => a.priceList.active);
  if (!assigned.length) return new Map();
  const items = await priceListItemsByListIds(em, [...new Set(assigned.map((a) => a.priceList.id))]);
  return new Map(
    assigned.map(({ customerId, priceList }) => [
      customerId,
      {
        name: priceList.name,
        prices: new Map(items.filter((i) => i.priceListId === priceList.id).map((i) => [i.catalogItemId, i.unitPrice])),
      },
    ]),
  );
}
