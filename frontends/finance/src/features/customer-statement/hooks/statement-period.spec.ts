import { describe, expect, it } from 'vitest';
import { defaultRecipients, periodProblem, statementRequest, typedRecipients } from './statement-period';

describe('the statement page', () => {
  it('covers the start of the year to today unless the address says otherwise', () => {
    expect(statementRequest(new URLSearchParams(), '2026-12-07')).toEqual({ customerId: null, from: '2026-01-01', to: '2026-12-07' });
    expect(statementRequest(new URLSearchParams('customer=c1&to=2025-06-30'), '2026-12-07')).toEqual({
      customerId: 'c1',
      from: '2025-01-01',
      to: '2025-06-30',
    });
  });

  it('refuses a period that ends before it starts, or a date that is not one', () => {
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodProblem('2026-02-01', '2026-01-31')).toEqual({ field: 'to', problem: 'reversed' });
    expect(periodProblem('', '2026-01-31')).toEqual({ field: 'from', problem: 'invalidDate' });
  });

  it('is sent to the billing contacts, else to the customer’s address', () => {
    const contacts = [
      { email: 'compta@tilleuls.example', isBillingContact: true },
      { email: 'gardien@tilleuls.example', isBillingContact: false },
      { email: null, isBillingContact: true },
    ];
    expect(defaultRecipients({ email: 'accueil@tilleuls.example', contacts })).toEqual(['compta@tilleuls.example']);
    expect(defaultRecipients({ email: 'accueil@tilleuls.example', contacts: [] })).toEqual(['accueil@tilleuls.example']);
    expect(defaultRecipients({ email: null, contacts: [] })).toEqual([]);
    expect(typedRecipients(' a@x.fr, b@y.fr;c@z.fr ')).toEqual(['a@x.fr', 'b@y.fr', 'c@z.fr']);
  });
});
