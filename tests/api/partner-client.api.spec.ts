import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { CodegenConfig } from '@graphql-codegen/cli';
import ts from 'typescript';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

/**
 * The partner quick-start of docs/api.md holds: docs/examples/partner-client generates its typed
 * documents from the committed supergraph with its own codegen.ts (no network), its code
 * type-checks (and a wrong variable does not), and its typed call creates a customer through the
 * gateway with an API key, once however often it is retried with the same Idempotency-Key.
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'docs/examples/partner-client');

/** The example as a partner compiles it: strict, browser or Node 18+ globals (fetch, crypto), no @types. */
function typeErrors(files: string[]): string[] {
  const requireFromApp = createRequire(path.join(root, 'frontends/shell/package.json'));
  const typedDocumentNode = path.dirname(requireFromApp.resolve('@graphql-typed-document-node/core/package.json'));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    paths: { '@graphql-typed-document-node/core': [typedDocumentNode] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(example, d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the partner quick-start (docs/examples/partner-client)', () => {
  beforeAll(async () => {
    delete process.env.RELAIS_GRAPHQL_URL;
    const { default: config } = (await import(pathToFileURL(path.join(example, 'codegen.ts')).href)) as { default: CodegenConfig };
    await generate({ ...config, cwd: example, silent: true }, true);
  }, 60_000);

  it('generates typed documents from the committed schema that its code compiles against, and a wrong call does not', async () => {
    expect(typeErrors([path.join(example, 'src/example.ts')])).toEqual([]);

    const wrong = path.join(example, 'src/gql/wrong-call.ts');
    await writeFile(
      wrong,
      [
        "import { CustomersByNameDocument } from './graphql';",
        "import { execute } from '../relais-client';",
        "const options = { endpoint: 'https://api.relais.example/graphql', apiKey: 'rk_x' };",
        "export const a = execute(options, CustomersByNameDocument, { search: 'Dupont', first: 'ten' });",
        'export const b = execute(options, CustomersByNameDocument, {}).then((r) => r.customers.edges[0]?.node.siret);',
      ].join('\n'),
    );
    const errors = typeErrors([wrong]);
    expect(errors).toEqual([
      expect.stringMatching(/'string' is not assignable to type 'number'/),
      expect.stringMatching(/Property 'siret' does not exist/),
    ]);
  }, 60_000);

  it('creates a customer with an API key through the gateway, once for one Idempotency-Key', async () => {
    const tenant = await createTestTenant('partner-client');
    const admin = await login(tenant.adminEmail);
    const apiKey = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'ERP du partenaire', scopes: ['maintenance:read', 'maintenance:write'] } },
        admin,
      ),
    ).createApiKey.token;
    // Loaded as the partner's code runs (its generated src/gql/ exists only once generated, so the checker does not follow it).
    type Customer = { id: string; name: string; billingAddress: { city: string } };
    type Execute = (
      options: object,
      document: unknown,
      variables: object,
      idempotencyKey?: string,
    ) => Promise<{ createCustomer: Customer }>;
    const load = (file: string) =>
      import(/* @vite-ignore */ pathToFileURL(path.join(example, file)).href) as Promise<Record<string, unknown>>;
    const createThenFind = (await load('src/example.ts')).createThenFind as (
      options: object,
      name: string,
    ) => Promise<{ created: Customer; found: Customer[]; idempotencyKey: string }>;
    const client = await load('src/relais-client.ts');
    const execute = client.execute as Execute;
    const RelaisError = client.RelaisError as new (...args: never[]) => Error & { code: string };
    const { CreateCustomerDocument } = await load('src/gql/graphql.ts');
    const options = { endpoint: inject('gatewayUrl'), apiKey };

    const outcome = await createThenFind(options, 'Boulangerie Partenaire');
    expect(outcome.created).toEqual({ id: expect.any(String), name: 'Boulangerie Partenaire', billingAddress: { city: 'Lyon' } });
    expect(outcome.found).toEqual([outcome.created]);

    // The same key again (a retry after a timeout): the first answer, no second customer.
    const input = {
      name: 'Boulangerie Partenaire',
      billingAddressLine1: '12 rue des Lilas',
      billingPostalCode: '69003',
      billingCity: 'Lyon',
    };
    const retried = await execute(options, CreateCustomerDocument, { input }, outcome.idempotencyKey);
    expect(retried.createCustomer.id).toBe(outcome.created.id);
    expect(
      must(await gql<{ customers: { totalCount: number } }>('{ customers(search: "Boulangerie Partenaire") { totalCount } }', {}, admin))
        .customers.totalCount,
    ).toBe(1);

    // A refusal is a typed error with its code.
    const refused = await execute(options, CreateCustomerDocument, { input: { ...input, billingPostalCode: '' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RelaisError);
    expect((refused as { code: string }).code).toBe('VALIDATION_FAILED');
  });
});
