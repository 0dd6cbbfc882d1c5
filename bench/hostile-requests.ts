/**
 * Hostile requests generated from the supergraph: every query and mutation gets, argument by
 * argument, each class of input a hostile caller controls (ids that are not UUIDs, NUL characters,
 * 100,000-character strings, tampered cursors, negative and huge numbers, unknown enum values,
 * another tenant's ids when given, and no credentials at all). The hostile sweep
 * (tests/api/hostile-sweep.api.spec.ts) sends them all and checks the answers; the bench's memory
 * section (memory.ts) sends them to see what they leave in the services' memory.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export const UNKNOWN_ID = '0193a4c2-7e1f-7c3a-9b2d-4f5e6a7b8c9d';
const LONG = 'x'.repeat(100_000);

export type Scalar = string | number | boolean | null | Scalar[] | { [key: string]: Scalar };

interface Poison {
  name: string;
  /** The value put in place of a leaf of this type and name, or undefined when the class does not apply to it. */
  at(type: GraphQLNamedType, field: string): Scalar | undefined;
  /** Refused for sure: the answer must carry an error. */
  refused: boolean;
  /** Sent inline in the document rather than as a variable. */
  literal?: boolean;
}

export interface Probe {
  field: string;
  poison: string;
  argument: string;
  query: string;
  variables: Record<string, Scalar>;
  refused: boolean;
  anonymous: boolean;
}

function filler(type: GraphQLNamedType): Scalar {
  if (isEnumType(type)) return type.getValues()[0]!.value as string;
  switch (type.name) {
    case 'ID':
      return UNKNOWN_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Decimal':
      return '1.00';
    case 'LocalDate':
      return '2026-11-16';
    case 'DateTime':
      return '2026-11-16T08:00:00.000Z';
    case 'JSONObject':
      return {};
    default:
      return 'x';
  }
}

/** Whether the poison can reach a leaf inside `type` (input objects followed a few levels deep). */
function reaches(type: GraphQLInputType, name: string, poison: Poison, depth = 0): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named))
    return depth < 4 && Object.values(named.getFields()).some((f) => reaches(f.type, f.name, poison, depth + 1));
  return poison.at(named, name) !== undefined;
}

/** A value of `type`: required parts filled with plausible values, every leaf the poison reaches poisoned. */
function build(type: GraphQLInputType, name: string, poison: Poison | null, depth = 0): Scalar {
  if (isNonNullType(type)) return build(type.ofType, name, poison, depth);
  if (isListType(type)) return [build(type.ofType as GraphQLInputType, name, poison, depth)];
  if (isInputObjectType(type)) {
    const value: Record<string, Scalar> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (poison && depth < 4 && reaches(field.type, field.name, poison, depth + 1)))
        value[field.name] = build(field.type, field.name, poison, depth + 1);
    }
    return value;
  }
  const poisoned = poison?.at(type, name);
  return poisoned === undefined ? filler(type) : poisoned;
}

function literal(value: Scalar, type: GraphQLInputType): string {
  if (value === null) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return `[${(value as Scalar[]).map((v) => literal(v, type.ofType as GraphQLInputType)).join(', ')}]`;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{ ${Object.entries(value as Record<string, Scalar>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')} }`;
  }
  if (isEnumType(type)) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

/** `__typename` and the scalar fields that need no argument, so field resolvers run too. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const scalars = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

export const ENTITY_NAMES = [
  'catalogItem',
  'priceList',
  'creditNote',
  'intervention',
  'equipment',
  'technician',
  'customer',
  'contract',
  'invoice',
  'payment',
  'quote',
  'site',
];

function entityOf(fieldName: string, argument: string): string {
  const named = argument.replace(/Ids?$/, '');
  if (ENTITY_NAMES.includes(named)) return named;
  const lower = fieldName.toLowerCase();
  return ENTITY_NAMES.find((e) => lower.includes(e.toLowerCase())) ?? 'customer';
}

const FOREIGN = 'another tenant’s id';

function poisons(): Poison[] {
  const strings = (name: string, value: string, literalToo = false): Poison[] =>
    [false, ...(literalToo ? [true] : [])].map((asLiteral) => ({
      name: asLiteral ? `${name} (literal)` : name,
      refused: true,
      literal: asLiteral,
      at: (type) => (type.name === 'String' ? value : undefined),
    }));
  const numbers = (name: string, int: number, decimal: string): Poison => ({
    name,
    refused: false,
    at: (type) =>
      type.name === 'Int' ? int : type.name === 'Float' ? Math.sign(int) * 1e300 : type.name === 'Decimal' ? decimal : undefined,
  });
  return [
    ...[false, true].map((asLiteral) => ({
      name: asLiteral ? 'non-UUID id (literal)' : 'non-UUID id',
      refused: true,
      literal: asLiteral,
      at: (type: GraphQLNamedType) => (type.name === 'ID' ? 'not-a-uuid' : undefined),
    })),
    ...strings('NUL in strings', 'Dupont\u0000; drop table customers', true),
    ...strings('100,000 characters', LONG),
    {
      name: 'tampered cursor (1e309)',
      refused: true,
      at: (type, field) => (field === 'after' ? Buffer.from(`[1e309, "${UNKNOWN_ID}"]`).toString('base64url') : undefined),
    },
    { name: 'tampered cursor (garbage)', refused: true, at: (type, field) => (field === 'after' ? 'zzz' : undefined) },
    numbers('negative numbers', -1, '-999999999999999.999999'),
    numbers('huge numbers', 2_147_483_647, '999999999999999.999999'),
    { name: 'unknown enum value', refused: true, at: (type) => (isEnumType(type) ? 'NOT_A_VALUE' : undefined) },
  ];
}

/**
 * Fields open to anyone by design (docs/portal.md): the portal's sign-in page reads the company's name
 * and colour, and asking for a link answers true whatever the address. They must still answer cleanly.
 */
const ANSWERS_ANONYMOUS_CALLERS = new Set(['portalCompany', 'requestPortalSignInLink']);

export function probesFor(schema: GraphQLSchema, foreign?: Record<string, string>): Probe[] {
  const probes: Probe[] = [];
  for (const rootType of [schema.getQueryType()!, schema.getMutationType()!]) {
    const keyword = rootType === schema.getMutationType() ? 'mutation' : 'query';
    for (const field of Object.values(rootType.getFields())) {
      if (field.name.startsWith('_')) continue;
      const select = selection(field);
      const render = (poison: Poison | null, target: string | null, anonymous: boolean): Probe => {
        const variables: Record<string, Scalar> = {};
        const declarations: string[] = [];
        const args: string[] = [];
        for (const arg of field.args) {
          const targeted = arg.name === target;
          const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
          if (!targeted && !required) continue;
          const value = build(arg.type, arg.name, targeted ? poison : null);
          if (targeted && poison?.literal) {
            args.push(`${arg.name}: ${literal(value, arg.type)}`);
          } else {
            variables[arg.name] = value;
            declarations.push(`$${arg.name}: ${String(arg.type)}`);
            args.push(`${arg.name}: $${arg.name}`);
          }
        }
        const head = declarations.length ? `${keyword} Sweep(${declarations.join(', ')})` : `${keyword} Sweep`;
        return {
          field: field.name,
          poison: poison?.name ?? 'anonymous',
          argument: target ?? '',
          query: `${head} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${select} }`,
          variables,
          refused: poison?.refused ?? true,
          anonymous,
        };
      };
      // The entity a bare `id` names comes from the field (`updateCustomer(id)`): another tenant's record of that kind.
      const theirs: Poison | null = foreign
        ? { name: FOREIGN, refused: false, at: (type, name) => (type.name === 'ID' ? foreign[entityOf(field.name, name)] : undefined) }
        : null;
      const anonymous = render(null, null, true);
      probes.push(ANSWERS_ANONYMOUS_CALLERS.has(field.name) ? { ...anonymous, refused: false } : anonymous);
      for (const poison of [...poisons(), ...(theirs ? [theirs] : [])])
        for (const arg of field.args) {
          // An exclusion list naming records that are not ours excludes nothing: the run itself would go ahead.
          if (poison === theirs && arg.name.startsWith('excluded')) continue;
          if (reaches(arg.type, arg.name, poison)) probes.push(render(poison, arg.name, false));
        }
    }
  }
  return probes;
}
