/**
 * The resample view's numbers without the DOM: the before/after tiles (MeanIR, MaxIR, CVIR and
 * SCUMBLE as mldr defines them; lower is better for each, so a rise is flagged), what happened to
 * the rows, and the per-label rows of the table. Pure, for node tests.
 */
import type { MeasureSummary } from '../../../src/core/analysis/measureSummary.js';
import type { ResampleReport } from '../../../src/core/analysis/resampleDataset.js';
import { formatDecimal, formatInteger, formatPercent, formatRatio } from '../format.js';

export interface ChangeTile {
  key: keyof MeasureSummary;
  label: string;
  /** The value after resampling, formatted. */
  value: string;
  before: number;
  after: number;
  /** "before 2.110" */
  detail: string;
  /** "−25.3%", "no change" */
  change: string;
  explanation: string;
  /** Set when a lower-is-better measure went up. */
  flag?: string;
}

interface TileSpec {
  key: keyof MeasureSummary;
  label: string;
  format: (n: number) => string;
  lowerIsBetter: boolean;
  explanation: string;
}

const TILE_SPECS: TileSpec[] = [
  { key: 'rows', label: 'Rows', format: formatInteger, lowerIsBetter: false, explanation: 'rows in the dataset' },
  { key: 'meanIR', label: 'MeanIR', format: formatRatio, lowerIsBetter: true, explanation: 'mean imbalance ratio per label (mldr): 1 is balanced' },
  { key: 'maxIR', label: 'MaxIR', format: formatRatio, lowerIsBetter: true, explanation: 'largest IRLbl: the most frequent label’s count over the rarest present label’s count' },
  { key: 'cvIR', label: 'CVIR', format: (n) => formatDecimal(n, 4), lowerIsBetter: true, explanation: 'coefficient of variation of IRLbl: how much the imbalance differs from label to label' },
  {
    key: 'scumble', label: 'SCUMBLE', format: (n) => formatDecimal(n, 4), lowerIsBetter: true,
    explanation: 'concurrence of rare and frequent labels in the same rows (0 to 1); high values make resampling less effective',
  },
  { key: 'cardinality', label: 'Cardinality', format: (n) => formatDecimal(n, 3), lowerIsBetter: false, explanation: 'mean number of labels per row' },
];

/** The relative change from `before` to `after`: "+25.0%", "−12.3%", "no change", or "new" from 0. */
export function relativeChange(before: number, after: number): string {
  if (after === before) return 'no change';
  if (before === 0) return 'from 0';
  const change = (after - before) / Math.abs(before);
  const text = formatPercent(Math.abs(change), 1);
  return change > 0 ? `+${text}` : `−${text}`;
}

export function changeTiles(report: Pick<ResampleReport, 'before' | 'after'>): ChangeTile[] {
  return TILE_SPECS.map((spec) => {
    const before = report.before[spec.key];
    const after = report.after[spec.key];
    // a relative rise of at most 1e-9 is floating-point noise, not a worse dataset
    const rose = after - before > 1e-9 * Math.max(1, Math.abs(before));
    return {
      key: spec.key,
      label: spec.label,
      value: spec.format(after),
      before,
      after,
      detail: `before ${spec.format(before)}`,
      change: relativeChange(before, after),
      explanation: spec.explanation,
      flag: spec.lowerIsBetter && rose ? 'higher than before' : undefined,
    };
  });
}

/** What happened to the rows, in one line: "+604 cloned · 12 with changed labels"; "no row changed" when nothing did. */
export function rowChanges(rows: ResampleReport['rows']): string {
  const parts = [
    rows.cloned ? `+${formatInteger(rows.cloned)} cloned` : '',
    rows.synthetic ? `+${formatInteger(rows.synthetic)} synthetic` : '',
    rows.removed ? `−${formatInteger(rows.removed)} removed` : '',
    rows.edited ? `${formatInteger(rows.edited)} with changed labels` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'no row changed' : parts.join(' · ');
}

/** One row per label for the sortable table: counts and IRLbl before and after, and the change. */
export function resampleLabelRows(report: Pick<ResampleReport, 'perLabel'>): Record<string, string | number | null>[] {
  return report.perLabel.map((l) => ({
    name: l.name,
    minority: l.minority ? 'minority' : '',
    before: l.before,
    after: l.after,
    change: l.after - l.before,
    changeShare: l.before === 0 ? null : (l.after - l.before) / l.before,
    irBefore: l.irBefore,
    irAfter: l.irAfter,
  }));
}
