import type { Path } from 'react-hook-form';
import type { CreateSiteInput } from '../../../gql/graphql';

/** A site as typed; the attestation's date empty when none was given. */
export interface SiteFormValues {
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  country: string;
  accessNotes: string;
  dwellingOverTwoYears: boolean;
  reducedVatAttestedOn: string;
}

interface SiteLike {
  name: string;
  accessNotes?: string | null;
  dwellingOverTwoYears: boolean;
  reducedVatAttestedOn?: string | null;
  address: { line1: string; postalCode: string; city: string; country: string };
}

/** An existing site, or a new one at the customer's billing address (the usual case of a private person's home). */
export function siteValuesFrom(site: SiteLike | null, billingAddress?: SiteLike['address']): SiteFormValues {
  const address = site?.address ?? billingAddress;
  return {
    name: site?.name ?? '',
    addressLine1: address?.line1 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: address?.country ?? 'FR',
    accessNotes: site?.accessNotes ?? '',
    dwellingOverTwoYears: site?.dwellingOverTwoYears ?? false,
    reducedVatAttestedOn: site?.reducedVatAttestedOn ?? '',
  };
}

/** The site for createSite / updateSite: no attestation date for a site that is not such a dwelling. */
export function siteInput(values: SiteFormValues): Omit<CreateSiteInput, 'customerId'> {
  return {
    name: values.name.trim(),
    addressLine1: values.addressLine1.trim(),
    postalCode: values.postalCode.trim(),
    city: values.city.trim(),
    country: values.country.trim().toUpperCase() || 'FR',
    accessNotes: values.accessNotes.trim() || null,
    dwellingOverTwoYears: values.dwellingOverTwoYears,
    reducedVatAttestedOn: values.dwellingOverTwoYears ? values.reducedVatAttestedOn || null : null,
  };
}

const siteFields = new Set<string>(Object.keys(siteValuesFrom(null)));

export function siteFormPath(field: string): Path<SiteFormValues> | null {
  return siteFields.has(field) ? (field as Path<SiteFormValues>) : null;
}
