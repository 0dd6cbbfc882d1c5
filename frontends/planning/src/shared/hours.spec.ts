import { describe, expect, it } from 'vitest';
import { decimalForInput, hoursLabel } from './hours';

describe('hours as people write them', () => {
  it('shows durations in hours with a French decimal comma', () => {
    expect(hoursLabel(90, 'fr-FR')).toBe('1,5 h');
    expect(hoursLabel(120, 'fr-FR')).toBe('2 h');
    expect(hoursLabel(45, 'fr-FR')).toBe('0,75 h');
    expect(hoursLabel(90, 'en-GB')).toBe('1.5 h');
  });

  it('gives the API’s decimals back to the keyboard without trailing zeros', () => {
    expect(decimalForInput('1.50', 'fr-FR')).toBe('1,5');
    expect(decimalForInput('2.00', 'fr-FR')).toBe('2');
    expect(decimalForInput('1250.25', 'fr-FR')).toBe('1250,25');
  });
});
