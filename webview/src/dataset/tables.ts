/** The numbers behind each dataset chart, as tables (the charts' text alternatives), and the per-label rows. */
import type { AnalysisReport, PerLabelReport } from '../../../src/core/analysis/analyzeDataset.js';
import { WEIGHT_SCHEMES } from '../../../src/core/weights/types.js';
import { formatPercent } from '../format.js';
import type { TableData } from '../types.js';
import { labelStatus } from './specs/common.js';
import type { PairRow } from './specs/cooccurrence.js';
import type { LabelsetRow } from './specs/topLabelsets.js';

export function labelFrequencyTable(labels: readonly PerLabelReport[], report: Pick<AnalysisReport, 'rareThreshold'>): TableData {
  return {
    columns: [
      { key: 'label', title: 'Label' },
      { key: 'count', title: 'Rows', numeric: true },
      { key: 'frequency', title: 'Share of rows', numeric: true },
      { key: 'irLbl', title: 'IRLbl', numeric: true },
      { key: 'status', title: 'Status' },
    ],
    rows: labels.map((l) => ({ label: l.name, count: l.count, frequency: formatPercent(l.frequency, 2), irLbl: l.irLbl, status: labelStatus(l, report) })),
  };
}

export function cooccurrenceTable(pairs: readonly PairRow[]): TableData {
  return {
    columns: [
      { key: 'a', title: 'Label' },
      { key: 'b', title: 'With' },
      { key: 'count', title: 'Rows with both', numeric: true },
      { key: 'share', title: 'Share of the label’s rows', numeric: true },
    ],
    rows: [...pairs].sort((x, y) => y.count - x.count).map((p) => ({ a: p.a, b: p.b, count: p.count, share: formatPercent(p.shareOfA, 1) })),
  };
}

export function labelsetTable(rows: readonly LabelsetRow[]): TableData {
  return {
    columns: [
      { key: 'labelset', title: 'Labelset' },
      { key: 'count', title: 'Rows', numeric: true },
      { key: 'share', title: 'Share of rows', numeric: true },
    ],
    rows: rows.map((r) => ({ labelset: r.labelset, count: r.count, share: formatPercent(r.share, 2) })),
  };
}

/** One row per label for the sortable label table. */
export function perLabelRows(report: AnalysisReport): Record<string, string | number | null>[] {
  return report.perLabel.map((l) => ({
    name: l.name,
    count: l.count,
    frequency: l.frequency,
    irLbl: l.irLbl,
    scumble: l.scumble,
    posWeight: l.posWeight,
    status: labelStatus(l, report),
  }));
}

/** One row per label with the weight of every scheme (null for a label with no positives). */
export function weightRows(report: AnalysisReport): Record<string, string | number | null>[] {
  const { weights } = report;
  return weights.labels.map((name, i) => {
    const row: Record<string, string | number | null> = { name, count: weights.counts[i] };
    for (const scheme of WEIGHT_SCHEMES) row[scheme] = weights.schemes[scheme][i] ?? null;
    return row;
  });
}
