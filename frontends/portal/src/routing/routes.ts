/** Everything the portal serves lives under /portail/<tenant slug>/. */
export const portalBase = '/portail/';

/** The screens of the portal, read from the address bar. */
export type PortalRoute =
  | { name: 'home' }
  | { name: 'signInLink' }
  | { name: 'sites' }
  | { name: 'equipment'; id: string }
  | { name: 'requests' }
  /** « Signaler une panne », from an equipment's page with that equipment chosen. */
  | { name: 'newRequest'; equipmentId?: string }
  | { name: 'quotes' }
  | { name: 'quote'; id: string }
  | { name: 'invoices' }
  | { name: 'notFound' };

/** French paths, as the customer reads them in the address bar. */
const segments = {
  signInLink: 'connexion',
  sites: 'equipements',
  requests: 'demandes',
  newRequest: 'nouvelle',
  quotes: 'devis',
  invoices: 'factures',
} as const;

/** The query parameter naming the equipment of a new breakdown request. */
const equipmentParameter = 'equipement';

/** The tenant's slug and the screen an address names; null slug when the path is not under /portail/<slug>/. */
export function parsePortalPath(pathname: string, search = ''): { slug: string | null; route: PortalRoute } {
  if (!pathname.startsWith(portalBase)) return { slug: null, route: { name: 'notFound' } };
  const [slug, ...rest] = pathname.slice(portalBase.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (!slug) return { slug: null, route: { name: 'notFound' } };
  const route = routeOf(rest);
  const equipmentId = new URLSearchParams(search).get(equipmentParameter);
  return { slug, route: route.name === 'newRequest' && equipmentId ? { ...route, equipmentId } : route };
}

function routeOf([first, second, ...extra]: string[]): PortalRoute {
  if (extra.length > 0) return { name: 'notFound' };
  if (first === undefined) return { name: 'home' };
  if (first === segments.signInLink && second === undefined) return { name: 'signInLink' };
  if (first === segments.sites) return second === undefined ? { name: 'sites' } : { name: 'equipment', id: second };
  if (first === segments.requests) {
    if (second === undefined) return { name: 'requests' };
    return second === segments.newRequest ? { name: 'newRequest' } : { name: 'notFound' };
  }
  if (first === segments.quotes) return second === undefined ? { name: 'quotes' } : { name: 'quote', id: second };
  if (first === segments.invoices && second === undefined) return { name: 'invoices' };
  return { name: 'notFound' };
}

/** The path of a screen of the tenant's portal: `/portail/climouest/devis/<id>`. */
export function portalPath(slug: string, route: Exclude<PortalRoute, { name: 'notFound' }>): string {
  const base = `${portalBase}${encodeURIComponent(slug)}/`;
  switch (route.name) {
    case 'home':
      return base;
    case 'signInLink':
      return `${base}${segments.signInLink}`;
    case 'sites':
      return `${base}${segments.sites}`;
    case 'equipment':
      return `${base}${segments.sites}/${encodeURIComponent(route.id)}`;
    case 'requests':
      return `${base}${segments.requests}`;
    case 'newRequest': {
      const path = `${base}${segments.requests}/${segments.newRequest}`;
      return route.equipmentId ? `${path}?${new URLSearchParams({ [equipmentParameter]: route.equipmentId }).toString()}` : path;
    }
    case 'quotes':
      return `${base}${segments.quotes}`;
    case 'quote':
      return `${base}${segments.quotes}/${encodeURIComponent(route.id)}`;
    case 'invoices':
      return `${base}${segments.invoices}`;
  }
}
