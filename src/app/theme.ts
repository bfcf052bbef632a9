// Loupe's look: calm ivory surfaces, a deep emerald accent and a serif for headings — the
// quiet of a jewelry house's back office rather than a startup dashboard.
import {
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

const loupe: MantineColorsTuple = [
  '#eaf6f2',
  '#d6ebe4',
  '#a9d6c7',
  '#79c0a8',
  '#52ad8e',
  '#3aa17e',
  '#2c9b76',
  '#1e8764',
  '#127858',
  '#00684a',
];

const champagne: MantineColorsTuple = [
  '#fbf7ef',
  '#f3ecdc',
  '#e6d6b4',
  '#d9bf89',
  '#ceab65',
  '#c79f4e',
  '#c49941',
  '#ad8433',
  '#9a752b',
  '#85641f',
];

export const theme = createTheme({
  primaryColor: 'loupe',
  // Shade 8 keeps white button text above WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  colors: { loupe, champagne },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif',
    fontWeight: '600',
  },
  focusRing: 'auto',
  // Filled badges and buttons in light colours (yellow, lime…) get dark text, not white.
  autoContrast: true,
  cursorType: 'pointer',
});

/**
 * Mantine's "dimmed" text is gray.6 (#868e96): 3.3:1 on white, below WCAG AA's 4.5:1 for the
 * small secondary text it is used for everywhere (captions, hints, timestamps). gray.7 is 7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7]!, ...readableVariantText(t.colors) },
  dark: {},
});

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Light and outline variants (badges, alerts, active nav links) draw text in shade 6 of their
 * colour on a pale tint of it, under 4.5:1 for most colours; filled ones draw white on shade 8,
 * under 4.5:1 for cyan, teal, green and others. Each colour's variant text is darkened just
 * enough to read at AA on its palest background (shade 1), and each filled background that
 * carries white text (autoContrast gives the light ones dark text) just enough for white.
 */
function readableVariantText(colors: Record<string, MantineColorsTuple>): Record<string, string> {
  const AA = 4.6;
  const out: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    if (name === 'dark') continue;
    let text = shades[7];
    for (let i = 0; i < 12 && contrast(text, shades[1]) < AA; i++) text = darken(text, 0.1);
    out[`--mantine-color-${name}-light-color`] = text;
    out[`--mantine-color-${name}-outline`] = text;
    let filled = shades[8];
    if (contrast(filled, '#ffffff') >= 3) {
      for (let i = 0; i < 12 && contrast(filled, '#ffffff') < AA; i++) filled = darken(filled, 0.1);
      out[`--mantine-color-${name}-filled`] = filled;
    }
  }
  return out;
}
