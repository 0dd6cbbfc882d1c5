import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { CatalogItem } from './catalog-item.entity';
import { catalogCodeTaken, validateCatalogItem, type CatalogItemInput, type CatalogItemPatch } from './catalog.rules';
import { VatRate } from './vat-rate.entity';
import { Money } from './money';
import { Errors } from '../shared/errors';
import { newId } from '../shared/ids';
import { containsPattern } from '../shared/search';

export function searchCatalog(
  em: EntityManager,
  args: { kind?: string | null; search?: string | null; includeArchived?: boolean | null },
): Promise<CatalogItem[]> {
  const where: FilterQuery<CatalogItem>[] = args.includeArchived ? [] : [{ active: true }];
  if (args.kind) where.push({ kind: args.kind as CatalogItem['kind'] });
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    where.push({ $or: [{ code: { $ilike: like } }, { label: { $ilike: like } }] });
  }
  return em.find(CatalogItem, { $and: where }, { orderBy: { label: 'asc', id: 'asc' }, limit: 100 });
}

export const catalogItemsByIds = (em: EntityManager, ids: readonly string[]) => em.find(CatalogItem, { id: { $in: [...ids] } });

async function activeVatRateCodes(em: EntityManager): Promise<string[]> {
  return (await em.find(VatRate, { active: true })).map((rate) => rate.code);
}

async function assertCodeFree(em: EntityManager, code: string, self: string | null): Promise<void> {
  const same = await em.findOne(CatalogItem, { code, ...(self ? { id: { $ne: self } } : {}) });
  if (same) throw catalogCodeTaken(code);
}

async function flushItem(em: EntityManager, code: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    // Another transaction took the code between our check and our write.
    if (error instanceof UniqueConstraintViolationException) throw catalogCodeTaken(code);
    throw error;
  }
}

const amount = (value: string) => new Money(value).toFixed(2);

/** A new catalog item. VALIDATION_FAILED naming the fields; CATALOG_CODE_TAKEN when the code is used. */
export async function createCatalogItem(em: EntityManager, tenantId: string, input: CatalogItemInput): Promise<CatalogItem> {
  validateCatalogItem(input, await activeVatRateCodes(em));
  const code = input.code.trim();
  await assertCodeFree(em, code, null);
  const item = em.create(CatalogItem, {
    id: newId(),
    tenantId,
    code,
    label: input.label.trim(),
    kind: input.kind as CatalogItem['kind'],
    unit: input.unit.trim(),
    purchaseCost: input.purchaseCost == null ? null : amount(input.purchaseCost),
    salePrice: amount(input.salePrice),
    vatRateCode: input.vatRateCode,
  });
  await flushItem(em, code);
  return item;
}

export async function getCatalogItem(em: EntityManager, id: string): Promise<CatalogItem> {
  const item = await em.findOne(CatalogItem, { id });
  if (!item) throw Errors.notFound('CatalogItem', id);
  return item;
}

/**
 * Edits a catalog item (archived ones too). Lines already invoiced keep their own copy of the
 * label and price; only what is priced from now on changes.
 */
export async function updateCatalogItem(em: EntityManager, id: string, patch: CatalogItemPatch): Promise<CatalogItem> {
  const item = await getCatalogItem(em, id);
  validateCatalogItem(patch, await activeVatRateCodes(em));
  const code = patch.code?.trim() ?? item.code;
  if (code !== item.code) await assertCodeFree(em, code, id);
  em.assign(item, {
    code,
    label: patch.label?.trim() ?? item.label,
    kind: (patch.kind as CatalogItem['kind'] | undefined) ?? item.kind,
    unit: patch.unit?.trim() ?? item.unit,
    purchaseCost: patch.purchaseCost === undefined ? item.purchaseCost : patch.purchaseCost && amount(patch.purchaseCost),
    salePrice: patch.salePrice === undefined ? item.salePrice : amount(patch.salePrice),
    vatRateCode: patch.vatRateCode ?? item.vatRateCode,
  });
  await flushItem(em, code);
  return item;
}

/**
 * Archives a catalog item (`active` false) or brings it back: an archived item is offered nowhere
 * (report parts, document lines) but stays on what already uses it, price lists included.
 */
export async function setCatalogItemActive(em: EntityManager, id: string, active: boolean): Promise<CatalogItem> {
  const item = await getCatalogItem(em, id);
  item.active = active;
  await em.flush();
  return item;
}
