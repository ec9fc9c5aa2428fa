/**
 * What the dataset charts share: the Vega-Lite schema, the label status (rare, minority, other)
 * with its colours, the MeanIR threshold, and the per-label rows the bar charts draw.
 */
import type { AnalysisReport, PerLabelReport } from '../../../../src/core/analysis/analyzeDataset.js';
import type { ChartTheme } from '../../types.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Pixels per bar in the horizontal bar charts. */
export const BAR_STEP = 18;

export interface StatusNames {
  rare: string;
  minority: string;
  other: string;
}

/** The legend names of the three label statuses; the rare one names the report's threshold. */
export function statusNames(report: Pick<AnalysisReport, 'rareThreshold'>): StatusNames {
  return {
    rare: `Rare (fewer than ${report.rareThreshold} positives)`,
    minority: 'Minority (IRLbl > MeanIR)',
    other: 'Other labels',
  };
}

/** Rare wins over minority (a rare label is nearly always a minority label too). */
export function labelStatus(label: PerLabelReport, report: Pick<AnalysisReport, 'rareThreshold'>): string {
  const names = statusNames(report);
  if (label.count < report.rareThreshold) return names.rare;
  return label.minority ? names.minority : names.other;
}

/**
 * The colour scale of the status: error colour for rare, warning for minority, the first
 * categorical colour for the rest; only the statuses some row has (so the legend lists no empty
 * category), all three when there are no rows.
 */
export function statusScale(
  report: Pick<AnalysisReport, 'rareThreshold'>,
  theme: ChartTheme,
  rows: readonly { status: string }[] = [],
): { domain: string[]; range: string[] } {
  const names = statusNames(report);
  const all = [
    { name: names.rare, color: theme.error },
    { name: names.minority, color: theme.warning },
    { name: names.other, color: theme.categorical[0] },
  ];
  const present = new Set(rows.map((r) => r.status));
  const shown = present.size === 0 ? all : all.filter((s) => present.has(s.name));
  return { domain: shown.map((s) => s.name), range: shown.map((s) => s.color) };
}

/**
 * Where a rule's text label goes: right of the rule, unless the rule is in the right part of the
 * axis, where the text would run off the chart: then left of it.
 */
export function ruleLabelAlign(value: number, values: readonly number[], log: boolean): 'left' | 'right' {
  const max = Math.max(value, ...values);
  let fraction: number;
  if (log) {
    const min = Math.min(value, ...values.filter((v) => v > 0));
    fraction = max > min && min > 0 ? Math.log(value / min) / Math.log(max / min) : 0;
  } else {
    fraction = max > 0 ? value / max : 0;
  }
  return fraction > 0.7 ? 'right' : 'left';
}

/** A vertical dashed rule at `value` with a text label at its top, for a horizontal bar chart. */
export function ruleLayers(field: string, value: number, text: string, tooltipTitle: string, align: 'left' | 'right', theme: ChartTheme) {
  return [
    {
      data: { values: [{ [field]: value, text }] },
      mark: { type: 'rule' as const, strokeDash: [5, 3], strokeWidth: 1.5, color: theme.foreground },
      encoding: {
        x: { field, type: 'quantitative' as const },
        tooltip: [{ field, type: 'quantitative' as const, title: tooltipTitle, format: ',.3~f' }],
      },
    },
    {
      data: { values: [{ [field]: value, text }] },
      mark: {
        type: 'text' as const,
        align,
        baseline: 'bottom' as const,
        dx: align === 'left' ? 4 : -4,
        dy: -4,
        y: 0,
        color: theme.descriptionForeground,
      },
      encoding: { x: { field, type: 'quantitative' as const }, text: { field: 'text', type: 'nominal' as const } },
    },
  ];
}

/**
 * A log scale for bars whose domain starts below the smallest value (half of it, then rounded
 * down to a power of ten), so that the smallest bar (a count of 1, the IRLbl of 1 of the most
 * frequent label) still has a length instead of sitting on the axis.
 */
export function logScale(values: readonly number[]): { type: 'log'; domainMin?: number } {
  const positive = values.filter((v) => v > 0);
  return positive.length === 0 ? { type: 'log' } : { type: 'log', domainMin: Math.min(...positive) / 2 };
}

/** Charts as wide as their card; heights come from the bar step. */
export const FIT_WIDTH = { type: 'fit-x' as const, contains: 'padding' as const };

/**
 * The count at which a label's IRLbl equals MeanIR: IRLbl = maxCount / count, so count =
 * maxCount / MeanIR. Labels with fewer positives are minority labels. Undefined when no label occurs.
 */
export function meanIRThreshold(report: Pick<AnalysisReport, 'perLabel' | 'meanIR'>): number | undefined {
  const maxCount = report.perLabel.reduce((m, l) => Math.max(m, l.count), 0);
  return maxCount > 0 && report.meanIR > 0 ? maxCount / report.meanIR : undefined;
}

export interface LabelRow {
  [field: string]: string | number;
  label: string;
  count: number;
  frequency: number;
  irLbl: number;
  status: string;
}

export function labelRows(labels: readonly PerLabelReport[], report: Pick<AnalysisReport, 'rareThreshold'>): LabelRow[] {
  return labels.map((l) => ({ label: l.name, count: l.count, frequency: l.frequency, irLbl: l.irLbl, status: labelStatus(l, report) }));
}

/** The labelset as one line of text: "a + b + c", or "(no labels)" for the empty labelset. */
export function labelsetName(labels: readonly string[]): string {
  return labels.length === 0 ? '(no labels)' : labels.join(' + ');
}
