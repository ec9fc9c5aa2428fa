/**
 * One colour per strategy, the same in every training chart: the theme's categorical colours in
 * the run's strategy order, and past them the same colours mixed well towards the text colour, so
 * a seventh strategy does not repeat the first one's colour.
 */
import { mixColors } from '../../color.js';
import type { ChartTheme } from '../../types.js';

export function strategyColors(strategies: readonly string[], theme: ChartTheme): string[] {
  const base = theme.categorical;
  return strategies.map((_, i) => {
    const colour = base[i % base.length];
    const round = Math.floor(i / base.length);
    return round === 0 ? colour : mixColors(colour, theme.foreground, Math.min(0.8, 0.55 * round));
  });
}

/** The colour scale of the strategies, for `color` encodings. */
export function strategyScale(strategies: readonly string[], theme: ChartTheme): { domain: string[]; range: string[] } {
  return { domain: [...strategies], range: strategyColors(strategies, theme) };
}
