import { describe, expect, it } from 'vitest';
import { validateWriteOff, writeOffAmount } from './write-off.rules';
import { Money } from '../../billing/money';

const TODAY = '2026-12-10';
const invoice = { id: 'i1', number: 'F-2026-00042', openBalance: '3.40' };

describe('write-off rules', () => {
  it('refuses a missing reason, a date in the future or malformed, a non-positive amount, naming the fields', () => {
    const refusal = (() => {
      try {
        validateWriteOff({ kind: 'IRRECOVERABLE', amount: '0', reason: '  ', writtenOffOn: '2026-12-11' }, TODAY);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          { field: 'amount', reason: 'MUST_BE_POSITIVE' },
          { field: 'reason', reason: 'REQUIRED' },
          { field: 'writtenOffOn', reason: 'OUT_OF_RANGE' },
        ],
      },
    });
    expect(() => validateWriteOff({ kind: 'IRRECOVERABLE', reason: 'x', writtenOffOn: '10/12/2026' }, TODAY)).toThrow(/writtenOffOn/);
    expect(() => validateWriteOff({ kind: 'IRRECOVERABLE', amount: '1.234', reason: 'x', writtenOffOn: TODAY }, TODAY)).toThrow(/amount/);
  });

  it('takes the whole open balance unless an amount is given', () => {
    expect(writeOffAmount({ kind: 'IRRECOVERABLE', amount: null }, invoice, '5.00').toFixed(2)).toBe('3.40');
    expect(writeOffAmount({ kind: 'IRRECOVERABLE', amount: new Money('1.10') }, invoice, '5.00').toFixed(2)).toBe('1.10');
  });

  it('keeps small balances within the tenant’s limit, and refuses an invoice with nothing open', () => {
    expect(writeOffAmount({ kind: 'SMALL_BALANCE', amount: null }, invoice, '5.00').toFixed(2)).toBe('3.40');
    expect(() => writeOffAmount({ kind: 'SMALL_BALANCE', amount: null }, { ...invoice, openBalance: '5.01' }, '5.00')).toThrow(
      expect.objectContaining({ code: 'SMALL_BALANCE_OVER_THRESHOLD', details: expect.objectContaining({ threshold: '5.00' }) }),
    );
    expect(() => writeOffAmount({ kind: 'IRRECOVERABLE', amount: null }, { ...invoice, openBalance: '0.00' }, '5.00')).toThrow(
      expect.objectContaining({ code: 'NOT_PAYABLE' }),
    );
  });
});
