/**
 * Two runs label by label: the test F1 of run B minus run A at the thresholds each run has in
 * force, a bar per label going right where B is higher and left where A is, sorted from B's
 * largest gain to its largest loss. Labels are matched by name; one that only a run has is listed
 * apart, not drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunDigest } from '../../../../src/protocol/dashboard.js';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';

export interface DifferenceRow {
  [field: string]: string | number;
  label: string;
  a: number;
  b: number;
  /** b − a. */
  difference: number;
  support: number;
  /** Which run is higher: 'A', 'B', or 'equal'. */
  higher: string;
}

export interface Differences {
  rows: DifferenceRow[];
  /** Labels with an F1 in one run only (absent from the other, or undefined there). */
  onlyA: string[];
  onlyB: string[];
}

/** Pixels per label. */
export const DIFF_STEP = 18;

export function differenceRows(a: Pick<RunDigest, 'perLabel'>, b: Pick<RunDigest, 'perLabel'>): Differences {
  const inB = new Map(b.perLabel.map((l) => [l.name, l]));
  const rows: DifferenceRow[] = [];
  const onlyA: string[] = [];
  for (const la of a.perLabel) {
    const lb = inB.get(la.name);
    if (!lb || la.f1 === null || lb.f1 === null) {
      if (la.f1 !== null) onlyA.push(la.name);
      continue;
    }
    const difference = lb.f1 - la.f1;
    rows.push({ label: la.name, a: la.f1, b: lb.f1, difference, support: lb.support, higher: difference > 0 ? 'B' : difference < 0 ? 'A' : 'equal' });
  }
  const matched = new Set(rows.map((r) => r.label));
  const onlyB = b.perLabel.filter((l) => l.f1 !== null && !matched.has(l.name)).map((l) => l.name);
  // B's largest gain first; equal differences keep run A's label order (a stable sort).
  rows.sort((x, y) => y.difference - x.difference);
  return { rows, onlyA, onlyB };
}

export function f1DifferenceSpec(a: RunDigest, b: RunDigest, theme: ChartTheme): TopLevelSpec {
  const { rows } = differenceRows(a, b);
  const extent = Math.max(0.05, ...rows.map((r) => Math.abs(r.difference)));
  // Only the cases present, so the legend lists no empty category.
  const present = new Set(rows.map((r) => r.higher));
  const cases = [
    { value: 'B', colour: theme.categorical[0] },
    { value: 'A', colour: theme.categorical[1] },
    { value: 'equal', colour: theme.descriptionForeground },
  ].filter((c) => present.size === 0 || present.has(c.value));
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'Per-label test F1 of run B minus run A.',
    config: vegaConfig(theme),
    width: 'container',
    height: { step: DIFF_STEP },
    autosize: FIT_WIDTH,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), axis: { title: null, labelLimit: 200 } },
          x: { field: 'difference', type: 'quantitative', scale: { domain: [-extent, extent] }, axis: { title: 'Test F1 of B − test F1 of A', format: '+.2f', grid: true, tickCount: 8 } },
          color: {
            field: 'higher',
            type: 'nominal',
            scale: { domain: cases.map((c) => c.value), range: cases.map((c) => c.colour) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal', labelExpr: "datum.value === 'B' ? 'B higher' : datum.value === 'A' ? 'A higher' : 'equal'" },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'a', type: 'quantitative', title: 'F1 in A', format: '.3f' },
            { field: 'b', type: 'quantitative', title: 'F1 in B', format: '.3f' },
            { field: 'difference', type: 'quantitative', title: 'B − A', format: '+.3f' },
            { field: 'support', type: 'quantitative', title: 'Test positives (B)', format: ',d' },
          ],
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: theme.foreground, strokeWidth: 1 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}
