import type { FieldProblem } from '../shared/errors';
import { frenchDate, isLocalDate } from '../shared/time';

export interface SiteFields {
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country?: string | null;
  dwellingOverTwoYears?: boolean | null;
  reducedVatAttestedOn?: string | null;
}

/** What is wrong with a site; `today` (YYYY-MM-DD, Paris) bounds the attestation's date. */
export function siteProblems(site: SiteFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const country = site.country ?? 'FR';
  if (site.name.trim().length === 0) add('name', 'obligatoire');
  if (site.addressLine1.trim().length === 0) add('addressLine1', 'obligatoire');
  if (!(country === 'FR' ? /^\d{5}$/.test(site.postalCode.trim()) : site.postalCode.trim().length > 0))
    add('postalCode', 'code postal invalide (5 chiffres)');
  if (site.city.trim().length === 0) add('city', 'obligatoire');
  if (!/^[A-Z]{2}$/.test(country)) add('country', 'code pays ISO à 2 lettres');
  const attestedOn = site.reducedVatAttestedOn;
  if (attestedOn) {
    if (!isLocalDate(attestedOn)) add('reducedVatAttestedOn', 'date AAAA-MM-JJ');
    else if (attestedOn > today) add('reducedVatAttestedOn', 'ne peut pas être dans le futur');
    if (!site.dwellingOverTwoYears)
      add('reducedVatAttestedOn', 'l’attestation ne vaut que pour un logement achevé depuis plus de deux ans');
  }
  return problems;
}

/**
 * Reduced VAT on works in a dwelling (CGI art. 279-0 bis): 10 % instead of 20 % on improvement,
 * conversion, fitting-out and maintenance works in premises used as a dwelling and completed more
 * than two years ago, once the customer has attested it. The rate of the works' labour, travel and
 * the parts supplied with them; rates already lower (5,5 % energy renovation) stay as they are.
 */
export const REDUCED_WORKS_VAT_RATE_CODE = 'TVA10';
export const STANDARD_VAT_RATE_CODE = 'TVA20';

export interface SiteVatStatus {
  dwellingOverTwoYears: boolean;
  reducedVatAttestedOn?: string | null;
}

export function reducedVatApplies(site: SiteVatStatus): boolean {
  return site.dwellingOverTwoYears && Boolean(site.reducedVatAttestedOn);
}

/** The VAT rate code of works billed on the site: the standard rate becomes the reduced one under an attestation. */
export function worksVatRateCode(code: string, site: SiteVatStatus | null): string {
  return site && reducedVatApplies(site) && code === STANDARD_VAT_RATE_CODE ? REDUCED_WORKS_VAT_RATE_CODE : code;
}

/** The invoice note that justifies the reduced rate, or null. */
export function reducedVatNote(site: SiteVatStatus | null): string | null {
  if (!site || !reducedVatApplies(site)) return null;
  return `TVA à 10 % (art. 279-0 bis du CGI) : travaux dans un logement achevé depuis plus de deux ans, attestation du client du ${frenchDate(site.reducedVatAttestedOn!)}`;
}
