// Loupe's look: calm ivory surfaces, a deep emerald accent and a serif for headings — the
// quiet of a jewelry house's back office rather than a startup dashboard.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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
  cursorType: 'pointer',
});

/**
 * Mantine's "dimmed" text is gray.6 (#868e96): 3.3:1 on white, below WCAG AA's 4.5:1 for the
 * small secondary text it is used for everywhere (captions, hints, timestamps). gray.7 is 7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7]! },
  dark: {},
});
