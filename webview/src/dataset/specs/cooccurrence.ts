/**
 * The co-occurrence heatmap: for the top N labels matching a filter (most frequent first, or in
 * clustered order so labels that occur together sit together), one cell per pair that shares rows,
 * shaded by the number of rows with both. The diagonal (each label's own count) is left out: the
 * frequency chart shows it, and it would drown the scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisReport } from '../../../../src/core/analysis/analyzeDataset.js';
import { contrastRatio, mixColors } from '../../color.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { byCountDescending, clampTopN, DEFAULT_HEATMAP_TOP_N, matchesFilter } from '../labelSelection.js';
import { seriate } from '../seriation.js';
import { VEGA_LITE_SCHEMA } from './common.js';

export type CooccurrenceOrder = 'frequency' | 'clustered';

export interface CooccurrenceOptions {
  order: CooccurrenceOrder;
  topN: number;
  filter: string;
  /** Pixels the cells may take across (default 720); the cells shrink to fit, down to 6 px. */
  plotWidth?: number;
}

type Cooccurrence = AnalysisReport['cooccurrence'];

export interface CooccurrenceSelection {
  /** Indices into cooccurrence.labels, in display order. */
  indices: number[];
  labels: string[];
  /** Labels matching the filter, before the top N cut. */
  matched: number;
  total: number;
}

/** The labels the heatmap shows, in display order. */
export function selectCooccurrence(cooccurrence: Cooccurrence, options: CooccurrenceOptions): CooccurrenceSelection {
  const { labels, counts } = cooccurrence;
  const matching = labels
    .map((name, index) => ({ name, index, count: counts[index][index] }))
    .filter((l) => matchesFilter(l.name, options.filter))
    .sort(byCountDescending);
  const topN = clampTopN(options.topN, labels.length, DEFAULT_HEATMAP_TOP_N);
  let indices = matching.slice(0, topN).map((l) => l.index);
  if (options.order === 'clustered') {
    const sub = indices.map((a) => indices.map((b) => counts[a][b]));
    indices = seriate(sub).map((i) => indices[i]);
  }
  return { indices, labels: indices.map((i) => labels[i]), matched: matching.length, total: labels.length };
}

export interface PairRow {
  [field: string]: string | number;
  a: string;
  b: string;
  count: number;
  /** count / rows with a: how often a comes with b. */
  shareOfA: number;
}

/** The pairs (both directions, no diagonal) among the selected labels that share at least one row. */
export function cooccurrencePairs(cooccurrence: Cooccurrence, indices: readonly number[]): PairRow[] {
  const { labels, counts } = cooccurrence;
  const rows: PairRow[] = [];
  for (const a of indices) {
    for (const b of indices) {
      const c = counts[a][b];
      if (a === b || c <= 0) continue;
      rows.push({ a: labels[a], b: labels[b], count: c, shareOfA: counts[a][a] > 0 ? c / counts[a][a] : 0 });
    }
  }
  return rows;
}

/** Pixels per cell: large for a few labels, small for many, so the map stays about `plotWidth` wide (6 to 44 px). */
export function cellSize(labelCount: number, plotWidth = 720): number {
  return Math.max(6, Math.min(44, Math.floor(plotWidth / Math.max(1, labelCount))));
}

/** Counts spanning more than this ratio get a log colour scale, so that pairs seen a few times stay visible next to the common ones. */
const LOG_COLOR_RATIO = 20;

export function cooccurrenceSpec(report: Pick<AnalysisReport, 'cooccurrence'>, theme: ChartTheme, options: CooccurrenceOptions): TopLevelSpec {
  const selection = selectCooccurrence(report.cooccurrence, options);
  const pairs = cooccurrencePairs(report.cooccurrence, selection.indices);
  const step = cellSize(selection.labels.length, options.plotWidth);
  const showLabels = step >= 9;
  const counts = pairs.map((p) => p.count);
  const max = Math.max(1, ...counts);
  const min = Math.max(1, Math.min(max, ...counts));
  const log = max / min >= LOG_COLOR_RATIO;
  // each number is written in whichever of the text and background colours contrasts more with its cell
  const position = (c: number): number => (log ? (max > min ? Math.log(c / min) / Math.log(max / min) : 1) : c / max);
  const values = pairs.map((p) => ({ ...p, textColor: readableOn(mixColors(theme.heatLow, theme.heatHigh, position(p.count)), theme) }));
  const axis = (title: string) => ({
    title: showLabels ? null : `${title} (hover a cell for the names)`,
    labels: showLabels,
    ticks: showLabels,
    labelLimit: 160,
    labelFontSize: Math.min(theme.fontSize - 2, Math.max(8, step - 3)),
  });
  const x = {
    field: 'b',
    type: 'nominal' as const,
    sort: null,
    scale: { domain: selection.labels },
    axis: { ...axis('Labels'), orient: 'top' as const, labelAngle: selection.labels.length > 8 ? -90 : -40, labelAlign: 'left' as const },
  };
  const y = { field: 'a', type: 'nominal' as const, sort: null, scale: { domain: selection.labels }, axis: axis('Labels') };
  const cells = {
    mark: { type: 'rect' as const, stroke: theme.background, strokeWidth: step >= 12 ? 1 : 0 },
    encoding: {
      x,
      y,
      color: {
        field: 'count',
        type: 'quantitative' as const,
        title: log ? 'Rows with both (log scale)' : 'Rows with both',
        scale: log ? { type: 'log' as const, range: [theme.heatLow, theme.heatHigh] } : { type: 'linear' as const, zero: true, range: [theme.heatLow, theme.heatHigh] },
        legend: { orient: 'right' as const, gradientLength: Math.max(80, Math.min(240, step * selection.labels.length)), format: ',~r' },
      },
      tooltip: [
        { field: 'a', type: 'nominal' as const, title: 'Label' },
        { field: 'b', type: 'nominal' as const, title: 'With' },
        { field: 'count', type: 'quantitative' as const, title: 'Rows with both', format: ',' },
        { field: 'shareOfA', type: 'quantitative' as const, title: 'Share of the label’s rows', format: '.1%' },
      ],
    },
  };
  // the numbers themselves, when the cells are big enough to hold them
  const numbers =
    step >= 30
      ? [
          {
            mark: { type: 'text' as const, fontSize: Math.max(9, theme.fontSize - 3) },
            encoding: {
              x,
              y,
              text: { field: 'count', type: 'quantitative' as const, format: '~s' },
              fill: { field: 'textColor', type: 'nominal' as const, scale: null, legend: null },
            },
          },
        ]
      : [];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    width: { step },
    height: { step },
    data: { values },
    layer: [cells, ...numbers],
  };
}

/** The theme's foreground or background, whichever reads better on `fill` (the cell colour, approximated by mixing the ramp's ends). */
function readableOn(fill: string, theme: ChartTheme): string {
  return contrastRatio(theme.foreground, fill) >= contrastRatio(theme.background, fill) ? theme.foreground : theme.background;
}
