import { describe, expect, it } from 'vitest';
import { selectsOnlyFileMutations } from './file-uploads';

const limits = { maxTokens: 2000, maxAliases: 20 };
const body = (payload: unknown) => Buffer.from(JSON.stringify(payload));

describe('selectsOnlyFileMutations', () => {
  it('accepts a mutation selecting only mutations that carry files', () => {
    expect(selectsOnlyFileMutations(body({ query: 'mutation { importBankStatement(input: $i) { movementCount } }' }), limits)).toBe(true);
    const two = 'query Q { me { email } } mutation Report { recordInterventionReport(id: "x", expectedVersion: 1, report: $r) { id } }';
    expect(selectsOnlyFileMutations(body({ query: two, operationName: 'Report' }), limits)).toBe(true);
  });

  it('refuses anything else', () => {
    expect(selectsOnlyFileMutations(body({ query: '{ __typename }' }), limits)).toBe(false);
    expect(
      selectsOnlyFileMutations(
        body({ query: 'mutation { importBankStatement(input: $i) { movementCount } createCustomer(input: $c) { id } }' }),
        limits,
      ),
    ).toBe(false);
    const two = 'query Q { me { email } } mutation Report { recordInterventionReport(id: "x", expectedVersion: 1, report: $r) { id } }';
    expect(selectsOnlyFileMutations(body({ query: two, operationName: 'Q' }), limits)).toBe(false);
    expect(selectsOnlyFileMutations(body({ query: two }), limits)).toBe(false);
    expect(selectsOnlyFileMutations(body([{ query: 'mutation { importBankStatement(input: $i) { movementCount } }' }]), limits)).toBe(
      false,
    );
    expect(selectsOnlyFileMutations(Buffer.from('{"query": '), limits)).toBe(false);
    expect(selectsOnlyFileMutations(body({ query: 'mutation { ...F }' }), limits)).toBe(false);
  });
});
