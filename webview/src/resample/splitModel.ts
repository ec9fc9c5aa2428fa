/**
 * The split view's numbers without the DOM: the summary tiles, the per-label rows (counts per
 * part, the largest distance from the ideal count, the parts a label is missing from), the
 * per-part measures and the absent labels in words. Pure, for node tests.
 */
import type { SplitReport } from '../../../src/core/analysis/splitDataset.js';
import type { TableData } from '../types.js';
import { formatDecimal, formatInteger, formatPercent, formatRatio } from '../format.js';
import { splitLabels } from './specs/partShares.js';

export interface SplitTile {
  key: string;
  label: string;
  value: string;
  raw: number;
  detail: string;
  explanation: string;
  flag?: string;
}

/** "5 folds", "train/val/test 70/15/15". */
export function partsText(parts: SplitReport['parts']): string {
  const folds = parts.every((p) => /^fold\d+$/.test(p.name));
  if (folds) return `${parts.length} folds`;
  return `${parts.map((p) => p.name).join('/')} ${parts.map((p) => String(Math.round(p.proportion * 1000) / 10)).join('/')}`;
}

export function splitTiles(report: SplitReport): SplitTile[] {
  const s = report.stratification;
  const rows = s.partRows.reduce((a, b) => a + b, 0);
  const worst = splitLabels(report).reduce<{ name: string; deviation: number } | undefined>(
    (w, l) => (w === undefined || l.maxDeviation > w.deviation ? { name: l.name, deviation: l.maxDeviation } : w),
    undefined,
  );
  const absentLabels = new Set(s.absent.map((a) => a.label)).size;
  return [
    { key: 'parts', label: 'Parts', value: formatInteger(report.parts.length), raw: report.parts.length, detail: partsText(report.parts), explanation: 'the parts the rows were split into, with their sizes' },
    {
      key: 'rows', label: 'Rows', value: formatInteger(rows), raw: rows,
      detail: s.partRows.length <= 4 ? s.partRows.map(formatInteger).join(' · ') : `${formatInteger(Math.min(...s.partRows))}–${formatInteger(Math.max(...s.partRows))} per part`,
      explanation: `rows in the dataset, and in each part: ${s.partRows.map(formatInteger).join(', ')}`,
    },
    {
      key: 'deviation', label: 'Mean deviation', value: formatPercent(s.meanRelativeDeviation, 2), raw: s.meanRelativeDeviation,
      detail: report.order === 2 ? 'balancing label pairs' : 'balancing labels',
      explanation: 'mean over labels and parts of |count − ideal| / ideal, where ideal = part size × the label’s positives (0 is a perfect split; Sechidis et al. 2011)',
    },
    {
      key: 'maxDeviation', label: 'Largest miss', value: worst ? formatDecimal(worst.deviation, 1) : '—', raw: worst?.deviation ?? 0,
      detail: worst ? worst.name : 'no labels',
      explanation: 'the largest |count − ideal| of any label in any part, in rows, and its label',
    },
    {
      key: 'absent', label: 'Missing labels', value: formatInteger(absentLabels), raw: absentLabels,
      detail: s.absent.length === 0 ? 'every label in every part' : `${formatInteger(s.absent.length)} label–part pair${s.absent.length === 1 ? '' : 's'}`,
      explanation: 'labels with positives that some part has none of: a model trained or tested on that part never sees them',
      flag: absentLabels > 0 ? 'missing from a part' : undefined,
    },
  ];
}

/** The part names each label with positives is missing from, by label id. */
function missingParts(report: Pick<SplitReport, 'stratification' | 'parts'>): Map<number, string[]> {
  const missing = new Map<number, string[]>();
  for (const { label, part } of report.stratification.absent) {
    const list = missing.get(label) ?? [];
    list.push(report.parts[part].name);
    missing.set(label, list);
  }
  return missing;
}

/** The key of part j's column in the label table. */
export const partKey = (j: number): string => `part${j}`;

/** One row per label: positives in all and per part, the largest |count − ideal|, and the parts it is missing from. */
export function splitLabelRows(report: SplitReport): Record<string, string | number | null>[] {
  const missing = missingParts(report);
  return splitLabels(report).map((l) => {
    const row: Record<string, string | number | null> = { name: l.name, total: l.total };
    l.counts.forEach((c, j) => (row[partKey(j)] = c));
    row.maxDeviation = l.maxDeviation;
    row.missing = (missing.get(l.label) ?? []).join(', ');
    return row;
  });
}

/** The measures of each part as a table (rows, cardinality, MeanIR, MaxIR, CVIR, SCUMBLE). */
export function partMeasuresTable(report: Pick<SplitReport, 'parts'>): TableData {
  return {
    columns: [
      { key: 'part', title: 'Part' },
      { key: 'size', title: 'Size', numeric: true },
      { key: 'rows', title: 'Rows', numeric: true },
      { key: 'cardinality', title: 'Cardinality', numeric: true },
      { key: 'meanIR', title: 'MeanIR', numeric: true },
      { key: 'maxIR', title: 'MaxIR', numeric: true },
      { key: 'cvIR', title: 'CVIR', numeric: true },
      { key: 'scumble', title: 'SCUMBLE', numeric: true },
    ],
    rows: report.parts.map((p) => ({
      part: p.name,
      size: formatPercent(p.proportion, 1),
      rows: p.summary.rows,
      cardinality: formatDecimal(p.summary.cardinality, 3),
      meanIR: formatRatio(p.summary.meanIR),
      maxIR: formatRatio(p.summary.maxIR),
      cvIR: formatDecimal(p.summary.cvIR, 4),
      scumble: formatDecimal(p.summary.scumble, 4),
    })),
  };
}

/** The absent labels in one sentence, the first `listed` of them by name ("Class14 in test; …, and 3 more"). */
export function absentSentence(absent: readonly string[], listed = 8): string {
  if (absent.length === 0) return '';
  const shown = absent.slice(0, listed).join('; ');
  const more = absent.length > listed ? `; and ${formatInteger(absent.length - listed)} more` : '';
  const n = absent.length;
  return `${formatInteger(n)} label–part pair${n === 1 ? '' : 's'} without a single positive: ${shown}${more}. Models trained or evaluated on such a part never see the label; use fewer parts or check the label table.`;
}
