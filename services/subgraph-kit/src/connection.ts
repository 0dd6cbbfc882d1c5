import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '@relais/domain';

// simpleResolvers: plain data, read by graphql-js's default resolver rather than through type-graphql's wrapper around each field.
@ObjectType({ description: 'Relay page information.', simpleResolvers: true })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` / `XEdge` pair of Relay types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionClass;
}

export function toConnection<S, T>(page: Page<S>, map: (node: S) => T): Connection<T> {
  return {
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node: map(node) })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}
