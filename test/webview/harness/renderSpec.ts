/**
 * Compile a Vega-Lite spec the way the dashboard does (vega-lite compile, then vega parse with
 * `ast: true` and run with vega-interpreter, no `new Function`) and render it headless to an SVG
 * string, in node. Collects Vega-Lite's and Vega's warnings and errors. The packages are ES
 * modules (vega-canvas uses top-level await), hence the dynamic imports.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface RenderedSpec {
  /** The compiled Vega spec. */
  vega: Record<string, unknown>;
  svg: string;
  warnings: string[];
  errors: string[];
}

/** Expected messages: a container width with a per-bar height; in node, no window to listen to for resizes. */
const EXPECTED = [/^Dropping "fit-/, /^Can not resolve event source: window/];

export async function renderSpec(spec: TopLevelSpec): Promise<RenderedSpec> {
  const vl = await import('vega-lite');
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const warnings: string[] = [];
  const errors: string[] = [];
  const text = (args: unknown[]): string => args.map(String).join(' ');
  let level = vega.Warn;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...a: unknown[]) => (errors.push(text(a)), logger),
    warn: (...a: unknown[]) => {
      if (!EXPECTED.some((re) => re.test(text(a)))) warnings.push(text(a));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const runtime = vega.parse(compiled, undefined, { ast: true });
  const view = new vega.View(runtime, { renderer: 'none', logger: logger as never, expr: expressionInterpreter } as never);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return { vega: compiled as unknown as Record<string, unknown>, svg, warnings, errors };
}

/** How many SVG elements of a Vega mark type (rect for bars and heatmap cells, line for rules...) the string holds. */
export function countMarks(svg: string, markClass: string): number {
  const group = new RegExp(`<g class="mark-${markClass} role-mark[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g');
  let total = 0;
  for (const match of svg.matchAll(group)) total += (match[1].match(/<(path|line|text|rect)\b/g) ?? []).length;
  return total;
}
