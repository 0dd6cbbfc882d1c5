/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment CustomerAddress on Address {\n  line1\n  line2\n  postalCode\n  city\n  country\n}\n\nquery CustomerDetail($id: ID!) {\n  customer(id: $id) {\n    id\n    code\n    name\n    siren\n    siret\n    vatNumber\n    email\n    phone\n    billingAddress {\n      ...CustomerAddress\n    }\n    paymentTermsDays\n    paymentTermsKind\n    notes\n    accountingAuxiliaryCode\n    createdAt\n    contacts {\n      id\n      fullName\n      jobTitle\n      email\n      phone\n      isBillingContact\n    }\n    sites {\n      id\n      name\n      accessNotes\n      address {\n        ...CustomerAddress\n      }\n    }\n  }\n}": typeof types.CustomerAddressFragmentDoc,
    "query CustomerList($first: Int, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        code\n        name\n        siret\n        billingAddress {\n          city\n        }\n        paymentTermsDays\n        paymentTermsKind\n        sites {\n          id\n        }\n      }\n    }\n  }\n}": typeof types.CustomerListDocument,
};
const documents: Documents = {
    "fragment CustomerAddress on Address {\n  line1\n  line2\n  postalCode\n  city\n  country\n}\n\nquery CustomerDetail($id: ID!) {\n  customer(id: $id) {\n    id\n    code\n    name\n    siren\n    siret\n    vatNumber\n    email\n    phone\n    billingAddress {\n      ...CustomerAddress\n    }\n    paymentTermsDays\n    paymentTermsKind\n    notes\n    accountingAuxiliaryCode\n    createdAt\n    contacts {\n      id\n      fullName\n      jobTitle\n      email\n      phone\n      isBillingContact\n    }\n    sites {\n      id\n      name\n      accessNotes\n      address {\n        ...CustomerAddress\n      }\n    }\n  }\n}": types.CustomerAddressFragmentDoc,
    "query CustomerList($first: Int, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        code\n        name\n        siret\n        billingAddress {\n          city\n        }\n        paymentTermsDays\n        paymentTermsKind\n        sites {\n          id\n        }\n      }\n    }\n  }\n}": types.CustomerListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CustomerAddress on Address {\n  line1\n  line2\n  postalCode\n  city\n  country\n}\n\nquery CustomerDetail($id: ID!) {\n  customer(id: $id) {\n    id\n    code\n    name\n    siren\n    siret\n    vatNumber\n    email\n    phone\n    billingAddress {\n      ...CustomerAddress\n    }\n    paymentTermsDays\n    paymentTermsKind\n    notes\n    accountingAuxiliaryCode\n    createdAt\n    contacts {\n      id\n      fullName\n      jobTitle\n      email\n      phone\n      isBillingContact\n    }\n    sites {\n      id\n      name\n      accessNotes\n      address {\n        ...CustomerAddress\n      }\n    }\n  }\n}"): (typeof documents)["fragment CustomerAddress on Address {\n  line1\n  line2\n  postalCode\n  city\n  country\n}\n\nquery CustomerDetail($id: ID!) {\n  customer(id: $id) {\n    id\n    code\n    name\n    siren\n    siret\n    vatNumber\n    email\n    phone\n    billingAddress {\n      ...CustomerAddress\n    }\n    paymentTermsDays\n    paymentTermsKind\n    notes\n    accountingAuxiliaryCode\n    createdAt\n    contacts {\n      id\n      fullName\n      jobTitle\n      email\n      phone\n      isBillingContact\n    }\n    sites {\n      id\n      name\n      accessNotes\n      address {\n        ...CustomerAddress\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerList($first: Int, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        code\n        name\n        siret\n        billingAddress {\n          city\n        }\n        paymentTermsDays\n        paymentTermsKind\n        sites {\n          id\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CustomerList($first: Int, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        code\n        name\n        siret\n        billingAddress {\n          city\n        }\n        paymentTermsDays\n        paymentTermsKind\n        sites {\n          id\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;