import { describe, expect, it } from 'vitest';
import { lastMonth } from './export-defaults';

describe('the journal export’s default range', () => {
  it('is the whole month before, across a year end too', () => {
    expect(lastMonth('2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonth('2027-01-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
