import { describe, expect, it } from 'vitest';
import { buildSchema, parse } from 'graphql';
import { checkOperationInputs, MAX_SEARCH_LENGTH } from './input-rules';

const schema = buildSchema(`
  input LineInput { interventionId: ID, notes: String, tags: [String!] }
  input DraftInput { notes: String, lines: [LineInput!], photo: String }
  type Customer { id: ID!, history(first: Int!, search: String): [String!]! }
  type Query { customer(id: ID!): Customer, customers(search: String, after: String): [Customer!]! }
  type Mutation { updateDraft(id: ID!, input: DraftInput!): Boolean, importValues(csv: String!): Boolean }
`);
const ID = '0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d';

function check(query: string, variables: Record<string, unknown> = {}, limits = {}) {
  return checkOperationInputs(schema, parse(query), variables, limits);
}

describe('operation input rules', () => {
  it('lets well-formed input through', () => {
    expect(check('{ customer(id: "0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d") { id } customers(search: "Dupont") { id } }')).toBeNull();
    expect(check('mutation($id: ID!, $i: DraftInput!) { updateDraft(id: $id, input: $i) }', { id: ID, i: { notes: 'ok' } })).toBeNull();
  });

  it('answers NOT_FOUND with reason MALFORMED_ID to an id that is not a UUID, in a literal, a variable or a list', () => {
    const literal = check('{ customer(id: "not-a-uuid") { id } }');
    expect(literal).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'MALFORMED_ID', field: 'id' } });
    const nested = check('mutation($id: ID!, $input: DraftInput!) { updateDraft(id: $id, input: $input) }', {
      id: ID,
      input: { lines: [{ interventionId: ID }, { interventionId: 42 }] },
    });
    expect(nested).toMatchObject({ code: 'NOT_FOUND', details: { field: 'lines[1].interventionId' } });
  });

  it('checks each request’s own variables when the same parsed document comes again', () => {
    const document = parse('mutation($id: ID!, $i: DraftInput!) { updateDraft(id: $id, input: $i) }');
    expect(checkOperationInputs(schema, document, { id: ID, i: { notes: 'ok' } })).toBeNull();
    expect(checkOperationInputs(schema, document, { id: 'nope', i: { notes: 'ok' } })).toMatchObject({ details: { field: 'id' } });
    expect(checkOperationInputs(schema, document, { id: ID, i: { notes: 'x'.repeat(10_001) } })).toMatchObject({
      details: { fields: [{ field: 'notes', reason: 'TOO_LONG' }] },
    });
    expect(checkOperationInputs(schema, document, { id: ID, i: { notes: 'ok' } })).toBeNull();
  });

  it('refuses NUL characters anywhere with VALIDATION_FAILED reason INVALID, naming the field', () => {
    const refused = check('mutation($input: DraftInput!) { updateDraft(id: "0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d", input: $input) }', {
      input: { notes: 'a\u0000b', lines: [{ tags: ['ok', '\u0000'] }] },
    });
    expect(refused).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          { field: 'notes', reason: 'INVALID' },
          { field: 'lines[0].tags[1]', reason: 'INVALID' },
        ],
      },
    });
    expect(check('{ customers(search: "\u0000") { id } }')).toMatchObject({ details: { fields: [{ field: 'search' }] } });
  });

  it('bounds strings: 200 characters for a search, 10,000 for free text, more where a coordinate says so', () => {
    const search = 'x'.repeat(MAX_SEARCH_LENGTH + 1);
    expect(check('query($s: String) { customers(search: $s) { id } }', { s: search })).toMatchObject({
      details: { fields: [{ field: 'search', reason: 'TOO_LONG' }] },
    });
    expect(
      check('query($s: String) { customer(id: "0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d") { history(first: 1, search: $s) } }', { s: search }),
    ).toMatchObject({
      details: { fields: [{ field: 'search', reason: 'TOO_LONG' }] },
    });
    const csv = 'x'.repeat(20_000);
    expect(check('mutation($c: String!) { importValues(csv: $c) }', { c: csv })).toMatchObject({
      details: { fields: [{ reason: 'TOO_LONG' }] },
    });
    expect(check('mutation($c: String!) { importValues(csv: $c) }', { c: csv }, { 'Mutation.importValues(csv:)': 50_000 })).toBeNull();
    expect(
      check(
        'mutation($i: DraftInput!) { updateDraft(id: "0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d", input: $i) }',
        { i: { photo: csv } },
        { 'DraftInput.photo': 50_000 },
      ),
    ).toBeNull();
  });
});
