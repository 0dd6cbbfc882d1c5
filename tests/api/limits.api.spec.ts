import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';

describe('gateway protections', () => {
  let token: string;
  beforeAll(async () => {
    token = await login('facturation@demo.relais.fr');
  });

  it('answers 400 BAD_REQUEST to malformed JSON, without echoing internals', async () => {
    const response = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);
  });

  it('refuses a query nested too deep with QUERY_TOO_DEEP', async () => {
    const deep =
      '{ customers(first: 1) { edges { node { sites { customer { sites { customer { sites { customer { sites { customer { name } } } } } } } } } } } }';
    const response = await gql(deep, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_DEEP']);
    expect(response.data).toBeUndefined();
  });

  it('refuses too many aliases with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { email }`).join(' ');
    expect(errorCodes(await gql(`{ ${aliases} }`, {}, token))).toContain('TOO_MANY_ALIASES');
  });

  it('refuses a too costly query with QUERY_TOO_COSTLY', async () => {
    const fields =
      'id code name siren siret vatNumber email phone notes version paymentTermsDays billingAddress { line1 line2 postalCode city country } contacts { id fullName email phone jobTitle } sites { id name accessNotes address { line1 postalCode city country } }';
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `c${i}: customers(first: 200) { edges { node { ${fields} } } }`).join(' ')} }`;
    expect(errorCodes(await gql(query, {}, token))).toContain('QUERY_TOO_COSTLY');
  });

  it('lets the back-office’s largest screens through: the interventions list with its relations', async () => {
    const response = await gql(
      `{ interventions(first: 50) { totalCount edges { node { id number status type priority requestedAt scheduledStart
        customer { name } site { name address { city } } equipment { name category } technicians { fullName } } } } }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
  });

  it('reports unknown fields as GRAPHQL_VALIDATION_FAILED, never as a server error', async () => {
    const response = await gql('{ customers { nope } }', {}, token);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('answers NOT_FOUND to an id that is not one of ours, never a server error', async () => {
    const admin = await login('admin@demo.relais.fr');
    const calls = [
      'mutation { reversePayment(paymentId: "nope", reason: "x", reversedOn: "2026-12-01") { id } }',
      'mutation { closePeriod(periodId: "nope", acknowledgeWarnings: false) { state } }',
      'mutation { reopenPeriod(periodId: "nope", reason: "erreur de saisie") { state } }',
      'mutation { matchBankMovementToDirectDebitBatch(movementId: "nope", batchId: "nope") { id } }',
      '{ directDebitBatch(id: "nope") { id } }',
    ];
    for (const query of calls) {
      const response = await gql(query, {}, admin);
      expect(response.status, query).toBeLessThan(500);
      expect(errorCodes(response), query).toEqual(['NOT_FOUND']);
    }
  });

  it('answers /health and echoes a request id', async () => {
    const health = await fetch(inject('gatewayUrl').replace('/graphql', '/health'));
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
    const response = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-from-partner-42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-from-partner-42');
  });
});
