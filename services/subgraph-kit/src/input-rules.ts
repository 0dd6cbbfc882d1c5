import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, Errors, isUuid, type FieldProblem } from '@relais/domain';

/** Longest string a caller may send where no field says otherwise (free text: notes, descriptions, mail bodies). */
export const DEFAULT_MAX_TEXT_LENGTH = 10_000;
/** Longest `search` argument: a search is a few words, and a long pattern only costs the database time. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Longer limits for the few inputs that carry files (a bank statement in base64, a photo, a
 * signature), by schema coordinate: `InputType.field` or `Type.field(argument:)`.
 */
export type InputLengthLimits = Record<string, number>;

interface Walk {
  limits: InputLengthLimits;
  problems: FieldProblem[];
  malformedIds: FieldProblem[];
}

function maxLength(walk: Walk, coordinate: string, name: string): number {
  return walk.limits[coordinate] ?? (name === 'search' ? MAX_SEARCH_LENGTH : DEFAULT_MAX_TEXT_LENGTH);
}

function checkValue(walk: Walk, value: unknown, type: GraphQLInputType, field: string, coordinate: string, name: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(walk, value, type.ofType, field, coordinate, name);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(walk, item, type.ofType, `${field}[${i}]`, coordinate, name));
    else checkValue(walk, value, type.ofType, field, coordinate, name);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = type.getFields();
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const definition = fields[key];
      if (definition) checkValue(walk, inner, definition.type, field ? `${field}.${key}` : key, `${type.name}.${key}`, key);
    }
    return;
  }
  if (!isScalarType(type) || (typeof value !== 'string' && typeof value !== 'number')) return;
  const text = String(value);
  if (type.name === 'ID') {
    if (!isUuid(text)) walk.malformedIds.push({ field, message: 'identifiant inconnu : un UUID est attendu', reason: 'INVALID' });
    return;
  }
  if (typeof value !== 'string') return;
  if (text.includes('\u0000')) walk.problems.push({ field, message: 'caractère nul (U+0000) refusé', reason: 'INVALID' });
  const limit = maxLength(walk, coordinate, name);
  if (text.length > limit) walk.problems.push({ field, message: `${limit} caractères au plus`, reason: 'TOO_LONG' });
}

/** An argument of the operation, where it sits in the schema. */
interface ArgumentSite {
  value: ValueNode;
  type: GraphQLInputType;
  /** How problems name it: the argument, or nothing for the fields of an `input` argument (`lines[0].notes`), as the services name them. */
  field: string;
  coordinate: string;
  name: string;
}

/** The arguments of a parsed document (Apollo keeps one per query text), found once: walking it with the schema's types each request cost more than checking the values. */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  const known = byDocument.get(document);
  if (known) return known;
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const definition = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!definition || !parent || !node.arguments?.length) return;
        for (const argument of node.arguments) {
          const declared = definition.args.find((a) => a.name === argument.name.value);
          if (!declared) continue;
          found.push({
            value: argument.value,
            type: declared.type,
            field: isInputObjectType(getNamedType(declared.type)) && declared.name === 'input' ? '' : declared.name,
            coordinate: `${parent.name}.${definition.name}(${declared.name}:)`,
            name: declared.name,
          });
        }
      },
    }),
  );
  byDocument.set(document, found);
  return found;
}

/**
 * What a caller controls, checked once for the whole operation before anything runs: every
 * argument (literal or variable, at any depth of the selection) and every input field, against
 * its type in the schema. An ID must be a UUID (anything else names nothing: NOT_FOUND with
 * reason MALFORMED_ID); a string never holds U+0000 (PostgreSQL cannot store it) and stays
 * within its length (VALIDATION_FAILED with each field).
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: InputLengthLimits = {},
): DomainError | null {
  const walk: Walk = { limits, problems: [], malformedIds: [] };
  for (const site of argumentSites(schema, document))
    checkValue(walk, valueFromASTUntyped(site.value, variables), site.type, site.field, site.coordinate, site.name);
  if (walk.problems.length) return Errors.validation(walk.problems);
  const [first] = walk.malformedIds;
  if (first)
    return new DomainError('NOT_FOUND', 'NOT_FOUND', 'Aucun enregistrement ne porte cet identifiant', {
      reason: 'MALFORMED_ID',
      field: first.field,
      fields: walk.malformedIds.map((p) => ({ field: p.field, message: p.message, reason: p.reason })),
    });
  return null;
}

/** Refuses an operation whose inputs break the rules above before it reaches a resolver (HTTP 200, like every typed error). */
export function inputRulesPlugin<TContext extends object>(limits: InputLengthLimits = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const refusal = checkOperationInputs(schema, document, request.variables ?? {}, limits);
          if (refusal) throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 200 } } });
        },
      };
    },
  };
}
