import { describe, expect, it } from 'vitest';
import { parsePortalPath, portalPath } from './routes';

describe('portal paths', () => {
  it('reads the tenant and the screen from the address', () => {
    expect(parsePortalPath('/portail/climouest/')).toEqual({ slug: 'climouest', route: { name: 'home' } });
    expect(parsePortalPath('/portail/climouest')).toEqual({ slug: 'climouest', route: { name: 'home' } });
    expect(parsePortalPath('/portail/climouest/connexion')).toEqual({ slug: 'climouest', route: { name: 'signInLink' } });
    expect(parsePortalPath('/portail/climouest/equipements/abc-1')).toEqual({
      slug: 'climouest',
      route: { name: 'equipment', id: 'abc-1' },
    });
    expect(parsePortalPath('/portail/climouest/demandes/nouvelle').route).toEqual({ name: 'newRequest' });
    expect(parsePortalPath('/portail/climouest/demandes/nouvelle', '?equipement=e1').route).toEqual({
      name: 'newRequest',
      equipmentId: 'e1',
    });
    expect(parsePortalPath('/portail/climouest/devis/q1').route).toEqual({ name: 'quote', id: 'q1' });
    expect(parsePortalPath('/portail/climouest/factures').route).toEqual({ name: 'invoices' });
  });

  it('answers notFound for unknown screens and no tenant outside /portail/<slug>/', () => {
    expect(parsePortalPath('/portail/climouest/factures/x').route).toEqual({ name: 'notFound' });
    expect(parsePortalPath('/portail/climouest/autre').route).toEqual({ name: 'notFound' });
    expect(parsePortalPath('/portail/').slug).toBeNull();
    expect(parsePortalPath('/terrain/').slug).toBeNull();
  });

  it('writes the paths it reads', () => {
    const routes = [
      { name: 'home' },
      { name: 'signInLink' },
      { name: 'sites' },
      { name: 'equipment', id: 'e/1' },
      { name: 'requests' },
      { name: 'newRequest' },
      { name: 'newRequest', equipmentId: 'eq 7' },
      { name: 'quotes' },
      { name: 'quote', id: 'q 1' },
      { name: 'invoices' },
    ] as const;
    for (const route of routes) {
      const url = new URL(portalPath('clim ouest', route), 'http://portal');
      expect(parsePortalPath(url.pathname, url.search)).toEqual({ slug: 'clim ouest', route });
    }
  });
});
