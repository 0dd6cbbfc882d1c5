import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isLocalDate } from '@relais/domain';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'VALIDATION_FAILED' } });
}

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) throw invalid('Decimal attendu : une chaîne comme "12.50"');
  return text.trim();
}

/** Money and quantities travel as strings ("12.50"), never as floats. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "12.50"; computed without floating point.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) return parseDecimal(ast.value);
    throw invalid('Decimal attendu');
  },
});

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value)) throw invalid('Date attendue au format AAAA-MM-JJ');
  return value;
}

/** A business date in the tenant's time zone, without time: "2026-11-23". */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date in the tenant’s time zone (YYYY-MM-DD).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseLocalDate,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.STRING) return parseLocalDate(ast.value);
    throw invalid('Date attendue au format AAAA-MM-JJ');
  },
});
