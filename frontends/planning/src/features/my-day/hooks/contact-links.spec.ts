import { describe, expect, it } from 'vitest';
import { mapHref, telHref } from './contact-links';

describe('the technician’s tappable links', () => {
  it('dials the number as written in France or in international form', () => {
    expect(telHref('01 23 45 67 89')).toBe('tel:0123456789');
    expect(telHref('+33 6.12.34.56.78')).toBe('tel:+33612345678');
  });

  it('opens the site’s postal address in OpenStreetMap', () => {
    expect(mapHref({ line1: '12 rue de la Paix', postalCode: '35000', city: 'Rennes', country: 'FR' })).toBe(
      'https://www.openstreetmap.org/search?query=12%20rue%20de%20la%20Paix%2C%2035000%20Rennes%2C%20France',
    );
  });
});
