import { describe, expect, it } from 'vitest';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsPath } from './selection';

const schema = buildSchema(`
  type Site { id: ID! name: String! }
  type Customer { id: ID! name: String! sites: [Site!]! }
  type CustomerEdge { cursor: String! node: Customer! }
  type CustomerConnection { totalCount: Int! edges: [CustomerEdge!]! }
  type Query { customers: CustomerConnection! }
`);

/** Whether the `customers` resolver of `query` sees `edges.node.sites` asked. */
async function asksSites(query: string, variableValues?: Record<string, unknown>): Promise<boolean> {
  let seen: boolean | null = null;
  const rootValue = {
    customers: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = selectsPath(info, ['edges', 'node', 'sites']);
      return { totalCount: 0, edges: [] };
    },
  };
  const result = await graphql({ schema, source: query, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('selectsPath', () => {
  it('sees a field asked directly or under an alias', async () => {
    expect(await asksSites('{ customers { edges { node { sites { id } } } } }')).toBe(true);
    expect(await asksSites('{ customers { e: edges { n: node { s: sites { id } } } } }')).toBe(true);
  });

  it('sees a field asked through named and inline fragments', async () => {
    expect(await asksSites('{ customers { edges { node { ...F } } } } fragment F on Customer { sites { name } }')).toBe(true);
    expect(await asksSites('{ customers { edges { ... on CustomerEdge { node { ... { sites { id } } } } } } }')).toBe(true);
  });

  it('does not see a field not asked, or skipped', async () => {
    expect(await asksSites('{ customers { totalCount edges { node { id name } } } }')).toBe(false);
    expect(await asksSites('{ customers { totalCount } }')).toBe(false);
    expect(await asksSites('{ customers { edges { node { id sites @skip(if: true) { id } } } } }')).toBe(false);
    expect(
      await asksSites('query Q($with: Boolean!) { customers { edges { node { sites @include(if: $with) { id } } } } }', { with: false }),
    ).toBe(false);
  });
});
