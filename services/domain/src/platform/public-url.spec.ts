import { describe, expect, it } from 'vitest';
import { backOfficeUrl, deploymentPublicUrl, isPublicUrl, publicBaseUrl } from './public-url';

describe('public URL of a tenant', () => {
  it('accepts absolute http(s) addresses, with a path prefix, and nothing else', () => {
    expect(isPublicUrl('https://relais.example.fr')).toBe(true);
    expect(isPublicUrl('http://127.0.0.1:4000')).toBe(true);
    expect(isPublicUrl('https://example.fr/relais')).toBe(true);
    expect(isPublicUrl('/public/quotes')).toBe(false);
    expect(isPublicUrl('relais.example.fr')).toBe(false);
    expect(isPublicUrl('ftp://example.fr')).toBe(false);
    expect(isPublicUrl('https://example.fr/?a=1')).toBe(false);
    expect(isPublicUrl('https://exa mple.fr')).toBe(false);
  });

  it('takes the tenant’s address, else PUBLIC_URL, else the local gateway', () => {
    expect(publicBaseUrl('https://devis.client.fr/', 'http://localhost:4000')).toBe('https://devis.client.fr');
    expect(publicBaseUrl(null, 'https://relais.example.fr')).toBe('https://relais.example.fr');
    expect(publicBaseUrl('  ', 'https://relais.example.fr')).toBe('https://relais.example.fr');
    expect(deploymentPublicUrl({ PUBLIC_URL: 'https://relais.example.fr/' })).toBe('https://relais.example.fr');
    expect(deploymentPublicUrl({ GATEWAY_PORT: '4500' })).toBe('http://localhost:4500');
    expect(deploymentPublicUrl({})).toBe('http://localhost:4000');
  });

  it('links to the back-office: BACKOFFICE_URL, else the local back-office', () => {
    expect(backOfficeUrl({ BACKOFFICE_URL: 'https://gestion.example.fr/' })).toBe('https://gestion.example.fr');
    expect(backOfficeUrl({ BACKOFFICE_PORT: '8080' })).toBe('http://localhost:8080');
    expect(backOfficeUrl({})).toBe('http://localhost:5173');
  });
});
