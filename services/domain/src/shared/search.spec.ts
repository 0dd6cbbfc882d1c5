import { describe, expect, it } from 'vitest';
import { containsPattern, startsWithPattern } from './search';

describe('LIKE patterns from what a user typed', () => {
  it('takes %, _ and \\ literally', () => {
    expect(containsPattern('100%_x\\')).toBe('%100\\%\\_x\\\\%');
    expect(startsWithPattern('44_')).toBe('44\\_%');
  });
});
