import { DEFAULT_THEME, isLightColor, luminance, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { relaisTheme } from './theme';

/** WCAG 2.1 contrast ratio between two colours. */
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

const theme = mergeMantineTheme(DEFAULT_THEME, relaisTheme);
const shade = (color: string, index: number) => theme.colors[color]![index]!;
/** The hues the screens use for text, badges and alerts. */
const hues = ['red', 'orange', 'green', 'teal', 'cyan', 'lime', 'blue', 'indigo', 'grape', 'violet', 'pink'];
const white = '#ffffff';
const black = '#000000';
/** A table's striped row and hovered row. */
const rowBackgrounds = [shade('gray', 0), shade('gray', 1)];

describe('relaisTheme contrast (WCAG AA, 4.5:1)', () => {
  it('a filled colour takes the text, white or black, that reads on it', () => {
    for (const hue of [...hues, 'yellow', 'gray']) {
      const background = shade(hue, theme.primaryShade as number);
      const text = isLightColor(background, theme.luminanceThreshold) ? black : white;
      expect({ hue, ratio: contrast(text, background) >= 4.5 }).toEqual({ hue, ratio: true });
    }
  });

  it("a colour's text reads on white and on striped or hovered rows", () => {
    for (const hue of hues) {
      for (const background of [white, ...rowBackgrounds]) {
        expect({ hue, background, ratio: contrast(shade(hue, 8), background) >= 4.5 }).toEqual({ hue, background, ratio: true });
      }
    }
  });

  it('a light badge or alert reads: shade 9 on shade 1', () => {
    for (const hue of [...hues, 'yellow']) {
      expect({ hue, ratio: contrast(shade(hue, 9), shade(hue, 1)) >= 4.5 }).toEqual({ hue, ratio: true });
    }
  });

  it('dimmed text reads on white, on rows and on a selected item', () => {
    for (const background of [white, ...rowBackgrounds, shade('indigo', 1)]) {
      expect(contrast(shade('gray', 6), background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
