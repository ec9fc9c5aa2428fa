/**
 * vega-embed with the options the page's CSP needs: `ast: true` and vega-interpreter instead of
 * compiling expressions with `new Function` (no 'unsafe-eval'), no injected <style> elements
 * (defaultStyle false, and vega-tooltip's default style off: dashboard.css styles
 * #vg-tooltip-element), no actions menu (the card has its own Save buttons), SVG rendering.
 */
import { logger as vegaLogger, Warn, type LoggerInterface } from 'vega';
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

export type EmbeddedChart = Result;

/** The CSS class vega-tooltip gives its element with our theme name; dashboard.css styles it. */
export const TOOLTIP_THEME = 'vscode';

/**
 * Vega-Lite warns "Dropping fit-y" for every chart whose width follows its container while its
 * height comes from a step per bar: that is how our bar charts are meant to be, so this warning is
 * not passed on. Every other message goes to the console as Vega's own logger would.
 */
function chartLogger(): LoggerInterface {
  const base = vegaLogger(Warn);
  const expected = (args: readonly unknown[]): boolean => typeof args[0] === 'string' && args[0].startsWith('Dropping "fit-');
  const quiet: LoggerInterface = {
    level: ((...args: [number?]) => (args.length === 0 ? base.level() : (base.level(args[0] as number), quiet))) as LoggerInterface['level'],
    error: (...args: readonly unknown[]) => (base.error(...args), quiet),
    warn: (...args: readonly unknown[]) => (expected(args) ? quiet : (base.warn(...args), quiet)),
    info: (...args: readonly unknown[]) => (base.info(...args), quiet),
    debug: (...args: readonly unknown[]) => (base.debug(...args), quiet),
  };
  return quiet;
}

const logger = chartLogger();

export function embedChart(el: HTMLElement, spec: TopLevelSpec): Promise<EmbeddedChart> {
  return embed(el, spec, {
    mode: 'vega-lite',
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    renderer: 'svg',
    defaultStyle: false,
    logger,
    tooltip: { disableDefaultStyle: true, theme: TOOLTIP_THEME },
  });
}
