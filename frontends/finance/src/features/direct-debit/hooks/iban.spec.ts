import { describe, expect, it } from 'vitest';
import { formatIban, maskIban } from './iban';

describe('IBANs as the accountant reads them', () => {
  it('prints the company’s IBAN in groups of four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('fr14 2004 1010 0505 0001 3m02 606')).toBe('FR14 2004 1010 0505 0001 3M02 606');
  });

  it('masks a debtor’s IBAN but its country and last four characters', () => {
    expect(maskIban('FR1420041010050500013M02606')).toBe('FR •••• 2606');
    expect(maskIban('DE89 3704 0044 0532 0130 00')).toBe('DE •••• 3000');
  });
});
