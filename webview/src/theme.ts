/**
 * The chart theme: colours and fonts read from VS Code's `--vscode-*` CSS variables (with the
 * default themes' values as fallbacks), and the Vega-Lite `config` made from it. Pure functions:
 * the caller passes a computed style and the body's class list, so node tests can call them.
 */
import type { Config } from 'vega-lite';
import { flatten, formatColor, mixColors, parseColor } from './color.js';
import type { ChartTheme } from './types.js';

/** What `getComputedStyle(document.documentElement)` offers, reduced to what is read here. */
export interface CssVariableSource {
  getPropertyValue(name: string): string;
}

type Kind = ChartTheme['kind'];

/** VS Code marks the webview body with the theme kind; high-contrast-light also carries vscode-high-contrast. */
export function themeKind(bodyClasses: Iterable<string>): Kind {
  const classes = new Set(bodyClasses);
  if (classes.has('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.has('vscode-high-contrast')) return 'high-contrast';
  if (classes.has('vscode-light')) return 'light';
  return 'dark';
}

interface Fallbacks {
  foreground: string;
  description: string;
  background: string;
  lines: string;
  red: string;
  blue: string;
  yellow: string;
  orange: string;
  green: string;
  purple: string;
  warning: string;
  error: string;
}

/** The values of the default themes (Dark Modern, Light Modern, Dark and Light High Contrast) when a variable is missing. */
const FALLBACKS: Record<Kind, Fallbacks> = {
  dark: {
    foreground: '#cccccc', description: '#9d9d9d', background: '#1f1f1f', lines: '#cccccc80',
    red: '#f14c4c', blue: '#3794ff', yellow: '#cca700', orange: '#d18616', green: '#89d185', purple: '#b180d7',
    warning: '#cca700', error: '#f14c4c',
  },
  light: {
    foreground: '#3b3b3b', description: '#717171', background: '#ffffff', lines: '#3b3b3b80',
    red: '#e51400', blue: '#1a85ff', yellow: '#bf8803', orange: '#d18616', green: '#388a34', purple: '#652d90',
    warning: '#bf8803', error: '#e51400',
  },
  'high-contrast': {
    foreground: '#ffffff', description: '#ffffff', background: '#000000', lines: '#ffffff80',
    red: '#f48771', blue: '#3794ff', yellow: '#ffd370', orange: '#d18616', green: '#89d185', purple: '#b180d7',
    warning: '#ffd370', error: '#f48771',
  },
  'high-contrast-light': {
    foreground: '#292929', description: '#292929', background: '#ffffff', lines: '#29292980',
    red: '#b5200d', blue: '#0f4a85', yellow: '#895503', orange: '#b35000', green: '#374e06', purple: '#652d90',
    warning: '#895503', error: '#b5200d',
  },
};

const DEFAULT_FONT = "system-ui, -apple-system, BlinkMacSystemFont, 'Segoe WPC', 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif";

/** Read the chart theme from the page's CSS variables and the body's theme class. */
export function readChartTheme(vars: CssVariableSource, bodyClasses: Iterable<string>): ChartTheme {
  const kind = themeKind(bodyClasses);
  const fb = FALLBACKS[kind];
  const raw = (name: string): string => vars.getPropertyValue(name).trim();
  const background = opaque(raw('--vscode-editor-background') || fb.background, fb.background);
  // A colour variable, made opaque over the background (Vega and exported images need no alpha).
  const color = (name: string, fallback: string): string => opaque(raw(name) || fallback, background);

  const foreground = color('--vscode-editor-foreground', raw('--vscode-foreground') || fb.foreground);
  const blue = color('--vscode-charts-blue', fb.blue);
  const orange = color('--vscode-charts-orange', fb.orange);
  const green = color('--vscode-charts-green', fb.green);
  const purple = color('--vscode-charts-purple', fb.purple);
  const red = color('--vscode-charts-red', fb.red);
  const yellow = color('--vscode-charts-yellow', fb.yellow);
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';

  return {
    kind,
    foreground,
    descriptionForeground: color('--vscode-descriptionForeground', fb.description),
    background,
    gridColor: color('--vscode-charts-lines', fb.lines),
    fontFamily: raw('--vscode-font-family') || DEFAULT_FONT,
    fontSize: fontSize(raw('--vscode-font-size')),
    categorical: [blue, orange, green, purple, red, yellow],
    precision: blue,
    recall: orange,
    f1: green,
    warning: color('--vscode-editorWarning-foreground', fb.warning),
    error: color('--vscode-editorError-foreground', fb.error),
    heatLow: mixColors(background, blue, highContrast ? 0.3 : kind === 'dark' ? 0.22 : 0.14),
    heatHigh: blue,
  };
}

/** `13px` -> 13; anything unreadable or implausible -> 13 (VS Code's default). */
function fontSize(text: string): number {
  const px = parseFloat(text);
  return Number.isFinite(px) && px >= 8 && px <= 40 ? px : 13;
}

/** A parseable colour with alpha becomes opaque over `background`; other strings (names) pass through. */
function opaque(color: string, background: string): string {
  const c = parseColor(color);
  if (!c) return color;
  return c.a < 1 ? flatten(color, background) : formatColor(c);
}

/**
 * The Vega-Lite config for a theme: transparent background (the card shows through), the theme's
 * fonts and text colours on axes, legends and titles, faint grid lines, the categorical range and
 * the heatmap ramp. ARIA marks are off: each chart's SVG is one role=img with a data table beside it.
 */
export function vegaConfig(theme: ChartTheme): Config {
  const small = Math.max(9, theme.fontSize - 2);
  const normal = Math.max(10, theme.fontSize - 1);
  const font = theme.fontFamily;
  return {
    background: 'transparent',
    font,
    padding: 4,
    aria: false,
    view: { stroke: null },
    axis: {
      labelColor: theme.foreground,
      titleColor: theme.descriptionForeground,
      labelFont: font,
      titleFont: font,
      labelFontSize: small,
      titleFontSize: normal,
      titleFontWeight: 'normal',
      domainColor: theme.gridColor,
      tickColor: theme.gridColor,
      gridColor: theme.gridColor,
      gridOpacity: 0.35,
      labelLimit: 220,
    },
    legend: {
      labelColor: theme.foreground,
      titleColor: theme.descriptionForeground,
      labelFont: font,
      titleFont: font,
      labelFontSize: small,
      titleFontSize: small,
      titleFontWeight: 'normal',
      labelLimit: 260,
      gradientStrokeColor: theme.gridColor,
    },
    title: {
      color: theme.foreground,
      subtitleColor: theme.descriptionForeground,
      font,
      subtitleFont: font,
      fontSize: theme.fontSize,
      fontWeight: 'normal',
      anchor: 'start',
    },
    header: { labelColor: theme.foreground, titleColor: theme.foreground, labelFont: font, titleFont: font },
    mark: { color: theme.categorical[0] },
    bar: { color: theme.categorical[0] },
    rule: { color: theme.foreground },
    text: { color: theme.foreground, font, fontSize: small },
    range: {
      category: theme.categorical,
      heatmap: [theme.heatLow, theme.heatHigh],
      ramp: [theme.heatLow, theme.heatHigh],
    },
  };
}
