import { createHash, randomBytes } from 'node:crypto';

/**
 * How a customer's contact signs in to the portal (docs/portal.md, "Who signs in"): a link valid
 * 30 minutes and once, whose random token is stored only as its SHA-256.
 */

export const PORTAL_LINK_TTL_MINUTES = 30;

/** A fresh sign-in token: 32 random bytes, URL-safe. */
export function newPortalToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token (hex SHA-256): a stolen table opens nothing. */
export function hashPortalToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as a link carries it (43 URL-safe characters); anything else names no link and is not looked up. */
export function isPortalTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function portalLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + PORTAL_LINK_TTL_MINUTES * 60_000);
}

/** The portal's sign-in page with the token in the fragment (never sent to a server, so never in a log). */
/** The tenant's customer portal, where its customers' contacts ask for a sign-in link. */
export function portalHomeUrl(publicBase: string, slug: string): string {
  return `${publicBase.replace(/\/+$/, '')}/portail/${encodeURIComponent(slug)}/`;
}

export function portalSignInUrl(publicBase: string, slug: string, token: string): string {
  return `${portalHomeUrl(publicBase, slug)}connexion#${token}`;
}

/** The address as compared and grouped: trimmed, lower case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface PortalLinkMail {
  subject: string;
  text: string;
}

/**
 * The one mail an address gets: one link per company (customer) it is a contact of, each named, so
 * that a contact of two customers chooses which one to open.
 */
export function portalLinkMail(tenantName: string, links: readonly { customerName: string; url: string }[]): PortalLinkMail {
  const intro =
    links.length === 1
      ? `Voici votre lien de connexion à l’espace client de ${tenantName} pour ${links[0]!.customerName} :`
      : `Voici vos liens de connexion à l’espace client de ${tenantName}, un par société :`;
  const body = links.length === 1 ? [links[0]!.url] : links.flatMap((l) => [`${l.customerName} :`, l.url, '']);
  return {
    subject: `Votre accès à l’espace client ${tenantName}`,
    text: [
      'Bonjour,',
      '',
      intro,
      '',
      ...body,
      ...(links.length === 1 ? [''] : []),
      `Ce lien est valable ${PORTAL_LINK_TTL_MINUTES} minutes et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans lui.`,
      '',
      tenantName,
    ].join('\n'),
  };
}
