import { describe, expect, it } from 'vitest';
import { proposedFiscalYear } from './fiscal-year-proposal';

describe('the fiscal year the form proposes', () => {
  it('is this calendar year for the first one', () => {
    expect(proposedFiscalYear(null, '2026-12-06')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });

  it('is the twelve months after the latest year, whatever month it ends', () => {
    expect(proposedFiscalYear('2026-12-31', '2026-12-06')).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(proposedFiscalYear('2027-06-30', '2026-12-06')).toEqual({ startsOn: '2027-07-01', endsOn: '2028-06-30' });
    expect(proposedFiscalYear('2028-01-31', '2026-12-06')).toEqual({ startsOn: '2028-02-01', endsOn: '2029-01-31' });
  });
});
