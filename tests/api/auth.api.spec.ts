import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { signSessionToken } from '@relais/domain';
import { errorCodes, gql, login } from '../support/graphql-client';

const ME = '{ me { email role tenant { name } } }';

describe('signing in', () => {
  it('returns a token, the user and the tenant, and the token opens the API', async () => {
    const response = await gql<{ login: { token: string; user: { fullName: string; role: string; tenant: { name: string } } } }>(
      'mutation { login(email: "facturation@demo.relais.fr", password: "relais-demo") { token user { fullName role tenant { name } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.login.user).toEqual({
      fullName: 'Françoise Méheut',
      role: 'BILLING',
      tenant: { name: 'Clim’Ouest Maintenance' },
    });
    const me = await gql(ME, {}, response.data!.login.token);
    expect(me.data).toEqual({ me: { email: 'facturation@demo.relais.fr', role: 'BILLING', tenant: { name: 'Clim’Ouest Maintenance' } } });
  });

  it('answers INVALID_CREDENTIALS alike for a wrong password and an unknown e-mail', async () => {
    for (const [email, password] of [
      ['facturation@demo.relais.fr', 'wrong'],
      ['nobody@demo.relais.fr', 'relais-demo'],
    ]) {
      const response = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: email,
        p: password,
      });
      expect(response.status).toBe(200);
      expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
      expect(response.errors![0]!.message).toBe('Adresse e-mail ou mot de passe incorrect');
      expect(response.data).toBeNull();
    }
  });

  it('accepts the e-mail in any case', async () => {
    expect(await login('Compta@Demo.Relais.FR')).toMatch(/^ey/);
  });
});

describe('refused credentials', () => {
  it('refuses a missing token on protected fields with UNAUTHENTICATED', async () => {
    expect(errorCodes(await gql(ME))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a forged token with 401 INVALID_TOKEN', async () => {
    const { token } = await signSessionToken(
      { id: 'x', tenantId: 'y', role: 'admin', email: 'x@y.fr' },
      'not-the-server-secret-0123456789abc',
    );
    const response = await gql(ME, {}, token);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['INVALID_TOKEN']);
  });

  it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
    const { token } = await signSessionToken({ id: 'x', tenantId: 'y', role: 'admin', email: 'x@y.fr' }, inject('sessionSecret'), -60);
    const response = await gql(ME, {}, token);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['TOKEN_EXPIRED']);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic Zm9vOmJhcg==' },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('INVALID_TOKEN');
  });
});

describe('partner API keys', () => {
  const CREATE = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id prefix scopes revokedAt } } }';

  it('are created by an admin, work with their scopes only, and stop working once revoked', async () => {
    const admin = await login('admin@demo.relais.fr');
    const created = await gql<{ createApiKey: { token: string; apiKey: { id: string; scopes: string[] } } }>(
      CREATE,
      { input: { name: 'ERP du client', scopes: ['maintenance:read'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiKey } = created.data!.createApiKey;
    expect(token).toMatch(/^rk_[a-z0-9]{12}_/);

    const list = await gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', {}, token);
    expect(list.data!.customers.totalCount).toBe(60);

    const write = await gql(
      'mutation { createSite(input: { customerId: "01a24c00-0000-7000-8000-000000000000", name: "n", addressLine1: "a", postalCode: "44000", city: "Nantes" }) { id } }',
      {},
      token,
    );
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('{ vatRates { code } }', {}, token))).toEqual(['FORBIDDEN']);

    const revoked = await gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, admin);
    expect(revoked.errors).toBeUndefined();
    const after = await gql('{ customers(first: 1) { totalCount } }', {}, token);
    expect(after.status).toBe(401);
    expect(errorCodes(after)).toEqual(['API_KEY_REVOKED']);
  });

  it('refuses an unknown key and unknown scopes', async () => {
    const unknown = await gql('{ customers(first: 1) { totalCount } }', {}, `rk_aaaaaaaaaaaa_${'A'.repeat(43)}`);
    expect(errorCodes(unknown)).toEqual(['INVALID_API_KEY']);
    const admin = await login('admin@demo.relais.fr');
    const bad = await gql(CREATE, { input: { name: 'x', scopes: ['everything'] } }, admin);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
  });

  it('can only be managed by an admin', async () => {
    const clerk = await login('facturation@demo.relais.fr');
    expect(errorCodes(await gql(CREATE, { input: { name: 'x', scopes: ['maintenance:read'] } }, clerk))).toEqual(['FORBIDDEN']);
  });
});
