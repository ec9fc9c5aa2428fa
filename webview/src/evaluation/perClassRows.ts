/**
 * The per-class table's rows and the metric tint, as pure functions: one row per label with its
 * band, counts, metrics and a note (why ROC-AUC is undefined, why tuning kept the default).
 */
import type { EvaluationView } from '../../../src/protocol/dashboard.js';
import { bandByLabel, isRare } from './labelSelection.js';

type Report = EvaluationView['report'];

export type PerClassRow = Record<string, string | number | null> & {
  label: string;
  band: string;
  support: number;
  rare: number;
};

export function perClassRows(report: Report): PerClassRow[] {
  const bands = bandByLabel(report.bands);
  const tuning = new Map((report.tuning?.thresholds ?? []).map((t) => [t.name, t]));
  return report.perLabel.map((l) => {
    const notes: string[] = [];
    if (l.rocAucNote) notes.push(`ROC-AUC ${l.rocAucNote}`);
    const tuned = tuning.get(l.name);
    if (tuned?.note) notes.push(tuned.note);
    return {
      label: l.name,
      band: bands.get(l.name) ?? '',
      support: l.support,
      prevalence: l.prevalence,
      tp: l.tp,
      fp: l.fp,
      fn: l.fn,
      tn: l.tn,
      precision: l.precision,
      recall: l.recall,
      f1: l.f1,
      ap: l.ap,
      rocAuc: l.rocAuc,
      threshold: l.threshold,
      tunedThreshold: tuned?.threshold ?? null,
      tunedF1: tuned?.f1After ?? null,
      rare: isRare(l) ? 1 : 0,
      note: notes.join(' '),
    };
  });
}

/** How far towards the heatmap colour the tint of a perfect 1.0 goes, in percent. */
export const TINT_REACH = 45;

/** The heatmap's high colour (ChartTheme.heatHigh is read from the same variable). */
const HEAT_HIGH_VAR = 'var(--vscode-charts-blue, #3794ff)';

/**
 * A background tint for a metric in [0, 1]: the heatmap colour mixed into the cell's own
 * background, up to TINT_REACH percent, so the text stays readable. A CSS colour over a --vscode-*
 * variable, so the table follows a theme change without being built again. Undefined for a
 * missing value.
 */
export function metricTint(value: string | number | null): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const pct = Math.round(TINT_REACH * Math.min(1, Math.max(0, value)));
  return `color-mix(in srgb, ${HEAT_HIGH_VAR} ${pct}%, transparent)`;
}
