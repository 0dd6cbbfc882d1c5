import { describe, expect, it } from 'vitest';
import { corsOriginsFromEnv } from './cors';

describe('corsOriginsFromEnv', () => {
  it('reads CORS_ORIGINS, comma-separated', () => {
    expect(corsOriginsFromEnv({ CORS_ORIGINS: 'https://app.relais.fr, https://admin.relais.fr,' })).toEqual([
      'https://app.relais.fr',
      'https://admin.relais.fr',
    ]);
    expect(corsOriginsFromEnv({ CORS_ORIGINS: '' })).toEqual([]);
  });

  it('defaults to the back-office of pnpm start', () => {
    expect(corsOriginsFromEnv({})).toEqual(['http://localhost:5173', 'http://127.0.0.1:5173']);
    expect(corsOriginsFromEnv({ BACKOFFICE_PORT: '8080' })).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
  });
});
