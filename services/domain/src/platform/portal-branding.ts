import type { EntityManager } from '@mikro-orm/postgresql';

/** What the customer portal shows of the company before and after sign-in (docs/portal.md). */
export interface PortalCompany {
  name: string;
  /** The tenant's logo, served without a session (`/public/branding/<slug>/logo`); null without one. */
  logoUrl: string | null;
  /** #rrggbb */
  primaryColor: string;
}

export const PORTAL_LOGO_PATH_PREFIX = '/public/branding/';
export const DEFAULT_PORTAL_PRIMARY_COLOR = '#1c7ed6';

export const portalLogoPath = (slug: string): string => `${PORTAL_LOGO_PATH_PREFIX}${encodeURIComponent(slug)}/logo`;

/** The tenant's slug named by a logo path (`/public/branding/<slug>/logo`), or null. */
export function slugOfPortalLogoPath(pathname: string): string | null {
  const match = /^\/public\/branding\/([A-Za-z0-9_-]{1,100})\/logo\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

/** A colour the portal can use: #rrggbb. */
export const isPortalColor = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value);

interface BrandingRow {
  name: string;
  primary_color: string;
  has_logo: boolean;
}

/**
 * The branding of the tenant with this slug, null when none has it. Read through the definer
 * function `portal_branding`, so it works before anyone signs in (`em` may be outside any scope).
 */
export async function portalBranding(em: EntityManager, slug: string): Promise<PortalCompany | null> {
  const [row] = await em
    .getConnection()
    .execute<BrandingRow[]>('select * from portal_branding(?)', [slug], 'all', em.getTransactionContext());
  if (!row) return null;
  return { name: row.name, logoUrl: row.has_logo ? portalLogoPath(slug) : null, primaryColor: row.primary_color };
}

/** The tenant's logo bytes for the public route; null without a tenant or a logo. */
export async function portalLogo(em: EntityManager, slug: string): Promise<Buffer | null> {
  const [row] = await em.getConnection().execute<{ logo: Buffer | null }[]>('select portal_logo(?) as logo', [slug]);
  return row?.logo ?? null;
}
