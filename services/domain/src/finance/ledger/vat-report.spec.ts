import { describe, expect, it } from 'vitest';
import { vatPosition } from './vat-report';

describe('vatPosition', () => {
  it('declares a positive total as VAT to pay, with no credit', () => {
    expect(vatPosition('205.76')).toEqual({ payable: '205.76', credit: '0.00' });
    expect(vatPosition('0.00')).toEqual({ payable: '0.00', credit: '0.00' });
  });

  it('turns a negative total (VAT recovered on a write-off, nothing invoiced) into a VAT credit, positive to the cent', () => {
    expect(vatPosition('-50.00')).toEqual({ payable: '0.00', credit: '50.00' });
    expect(vatPosition('-0.01')).toEqual({ payable: '0.00', credit: '0.01' });
  });
});
