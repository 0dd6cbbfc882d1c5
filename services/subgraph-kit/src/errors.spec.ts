import { describe, expect, it } from 'vitest';
import { CheckConstraintViolationException, DriverException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { toDomainError } from './errors';

/** A driver error as node-postgres raises it: SQLSTATE, wording with SQL names and values. */
function pgError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR', ...extra });
}

describe('database refusals as typed errors', () => {
  it('answers REFERENCE_NOT_FOUND naming the field of a foreign-key violation, without SQL or values', () => {
    const raw = pgError(
      '23503',
      'insert or update on table "invoice_lines" violates foreign key constraint "invoice_lines_intervention_fk"',
      {
        detail: 'Key (tenant_id, intervention_id)=(0193a4c2-…, 0193a4c3-…) is not present in table "interventions".',
      },
    );
    for (const error of [new ForeignKeyConstraintViolationException(raw), raw]) {
      const domain = toDomainError(error)!;
      expect(domain).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { field: 'interventionId' } });
      expect(JSON.stringify({ message: domain.message, details: domain.details })).not.toMatch(/violates|invoice_lines|0193a4c2/);
    }
    // Under row-level security PostgreSQL gives no detail: the constraint's default name tells the column.
    const hidden = pgError('23503', 'insert or update on table "invoice_lines" violates foreign key constraint', {
      table: 'invoice_lines',
      constraint: 'invoice_lines_tenant_id_intervention_id_fkey',
    });
    expect(toDomainError(new ForeignKeyConstraintViolationException(hidden))!.details).toEqual({ field: 'interventionId' });
    const unnamed = pgError('23503', 'violates foreign key constraint', { table: 'invoice_lines', constraint: 'lines_fk' });
    expect(toDomainError(unnamed)!.details).toEqual({});
  });

  it('answers VALIDATION_FAILED to values the database refuses', () => {
    const cases: [Error, string][] = [
      [new CheckConstraintViolationException(pgError('23514', 'new row violates check constraint "amount_positive"')), 'INVALID'],
      [new DriverException(pgError('23502', 'null value in column "label" violates not-null constraint', { column: 'label' })), 'REQUIRED'],
      [new DriverException(pgError('22001', 'value too long for type character varying(140)')), 'TOO_LONG'],
      [new DriverException(pgError('22003', 'numeric field overflow')), 'OUT_OF_RANGE'],
      [new DriverException(pgError('22P02', 'invalid input syntax for type numeric: "abc"')), 'INVALID'],
      [new DriverException(pgError('08P01', 'invalid message format')), 'INVALID'],
    ];
    for (const [error, reason] of cases) {
      const domain = toDomainError(error)!;
      expect(domain.code, error.message).toBe('VALIDATION_FAILED');
      expect(domain.details).toMatchObject({ fields: [{ reason }] });
      expect(domain.message).not.toMatch(/violates|constraint|numeric|varying/);
    }
    expect(toDomainError(new DriverException(pgError('23502', 'null value', { column: 'unit_price' })))!.details).toMatchObject({
      fields: [{ field: 'unitPrice', reason: 'REQUIRED' }],
    });
    const check = pgError('23514', 'new row violates check constraint', { table: 'payments', constraint: 'payments_amount_check' });
    expect(toDomainError(check)!.details).toMatchObject({ fields: [{ field: 'amount', reason: 'INVALID' }] });
  });

  it('keeps NOT_FOUND for a malformed uuid and leaves other failures to the internal-error path', () => {
    expect(toDomainError(new DriverException(pgError('22P02', 'invalid input syntax for type uuid: "nope"')))).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'MALFORMED_ID' },
    });
    expect(toDomainError(new DriverException(pgError('42P01', 'relation "nope" does not exist')))).toBeNull();
    expect(toDomainError(new Error('boom'))).toBeNull();
  });
});
