/**
 * The Vega-Lite config of the Evaluation charts: the dashboard's shared config for the theme
 * (fonts, text and grid colours, categorical range), so a chart never carries a colour of its own,
 * plus the series colours the evaluation charts share.
 */
import type { Config } from 'vega-lite';
import { luminance, mixColors } from '../../color.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';

export function chartConfig(theme: ChartTheme): Config {
  return vegaConfig(theme);
}

/** The three series colours, in the order precision, recall, F1. */
export function prfRange(theme: ChartTheme): string[] {
  return [theme.precision, theme.recall, theme.f1];
}

/** A colour of the categorical range, cycling when there are more series than colours. */
export function categoricalColour(theme: ChartTheme, index: number): string {
  return theme.categorical[index % theme.categorical.length];
}

/** WCAG contrast ratio of two colours (1 to 21); 1 when either cannot be read. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return 1;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Where text on the heatmap ramp should switch from the foreground colour to heatLow: the first
 * position t (0..1, in steps of 0.05) of the ramp heatLow -> heatHigh from which heatLow reads
 * better on the cell than the foreground does; above 1 when it never does.
 */
export function rampTextSwitch(theme: Pick<ChartTheme, 'foreground' | 'heatLow' | 'heatHigh'>): number {
  for (let i = 0; i <= 20; i++) {
    const t = i / 20;
    const cell = mixColors(theme.heatLow, theme.heatHigh, t);
    if (contrastRatio(theme.heatLow, cell) > contrastRatio(theme.foreground, cell)) return t;
  }
  return 1.01;
}
