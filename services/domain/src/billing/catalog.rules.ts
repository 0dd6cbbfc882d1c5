import { CATALOG_ITEM_KINDS } from './catalog-item.entity';
import { parseDecimal } from './money';
import { DomainError, Errors, type FieldProblem } from '../shared/errors';

/** A catalog item as typed: prices HT as decimal strings with at most 2 decimals. */
export interface CatalogItemInput {
  code: string;
  label: string;
  kind: string;
  unit: string;
  /** What the item costs the company, HT; null when unknown. */
  purchaseCost?: string | null;
  salePrice: string;
  vatRateCode: string;
}

/** Fields left out are kept. */
export type CatalogItemPatch = Partial<CatalogItemInput>;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

function priceProblems(value: string, field: string): FieldProblem[] {
  try {
    return parseDecimal(value, field, 2).isNegative()
      ? [{ field, message: 'prix positif ou nul attendu', reason: 'MUST_BE_POSITIVE' }]
      : [];
  } catch (error) {
    if (error instanceof DomainError) return error.details.fields as FieldProblem[];
    throw error;
  }
}

/**
 * Why a catalog item (or the fields of a patch that are given) cannot be saved: code and label
 * required, a known kind, prices zero or more with cents at most, a VAT rate among `vatRateCodes`
 * (the tenant's active rates). Throws VALIDATION_FAILED naming every refused field.
 */
export function validateCatalogItem(patch: CatalogItemPatch, vatRateCodes: readonly string[]): void {
  const problems: FieldProblem[] = [];
  const text = (value: string | undefined, field: string, max: number) => {
    if (value === undefined) return;
    if (value.trim().length === 0) problems.push({ field, message: 'obligatoire', reason: 'REQUIRED' });
    else if (value.trim().length > max) problems.push({ field, message: `au plus ${max} caractères`, reason: 'TOO_LONG' });
  };
  text(patch.code, 'code', 40);
  if (patch.code?.trim() && patch.code.trim().length <= 40 && !CODE.test(patch.code.trim()))
    problems.push({ field: 'code', message: 'lettres, chiffres, « . », « _ », « / » ou « - », sans espace' });
  text(patch.label, 'label', 200);
  text(patch.unit, 'unit', 20);
  if (patch.kind !== undefined && !(CATALOG_ITEM_KINDS as readonly string[]).includes(patch.kind))
    problems.push({ field: 'kind', message: 'PART (pièce) ou SERVICE (prestation)', reason: 'UNKNOWN_VALUE' });
  if (patch.purchaseCost != null) problems.push(...priceProblems(patch.purchaseCost, 'purchaseCost'));
  if (patch.salePrice !== undefined) problems.push(...priceProblems(patch.salePrice, 'salePrice'));
  if (patch.vatRateCode !== undefined && !vatRateCodes.includes(patch.vatRateCode))
    problems.push({ field: 'vatRateCode', message: 'taux de TVA inconnu', reason: 'UNKNOWN_VALUE' });
  if (problems.length > 0) throw Errors.validation(problems);
}

/** The catalog already has an item with this code (archived ones included): codes are never reused. */
export const catalogCodeTaken = (code: string) =>
  Errors.conflict('CATALOG_CODE_TAKEN', `Le code ${code} est déjà utilisé par un article du catalogue`, {
    field: 'code',
    catalogCode: code,
  });
