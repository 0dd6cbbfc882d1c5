import { describe, expect, it } from 'vitest';
import { formatPercent } from './formatters';

describe('formatPercent', () => {
  it('writes a rate given in percent with a no-break space before % in French and none in English', () => {
    expect(formatPercent('20.00', 'fr')).toMatch(/^20[\u00a0\u202f]%$/);
    expect(formatPercent('5.5', 'fr')).toMatch(/^5,5[\u00a0\u202f]%$/);
    expect(formatPercent('20.00', 'en')).toBe('20%');
    expect(formatPercent('12.3456', 'en')).toBe('12.3456%');
  });
});
