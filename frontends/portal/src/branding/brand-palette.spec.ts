import { describe, expect, it } from 'vitest';
import { brandPalette } from './brand-palette';

describe('brand palette', () => {
  it('puts the company colour at the filled shade, tints before, a darker shade after', () => {
    const palette = brandPalette('#1C7ED6')!;
    expect(palette).toHaveLength(10);
    expect(palette[8]).toBe('#1c7ed6');
    expect(palette[0]).toBe('#edf5fc');
    expect(palette[9]).toBe('#1665ab');
  });

  it('reads the short form', () => {
    expect(brandPalette('#f00')![8]).toBe('#ff0000');
  });

  it('keeps the default theme for anything that is not a colour', () => {
    expect(brandPalette(null)).toBeNull();
    expect(brandPalette('')).toBeNull();
    expect(brandPalette('red')).toBeNull();
    expect(brandPalette('#12345g')).toBeNull();
  });
});
