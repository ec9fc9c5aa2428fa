/**
 * The headline measures of a dataset as tiles: name, formatted value, the raw number, and a
 * one-line explanation (shown on hover and read as the tile's description). A tile is flagged when
 * the value crosses the threshold the literature uses (Charte et al.: MeanIR above 1.5 is
 * imbalanced; SCUMBLE above 0.1 means rare and frequent labels appear together a lot).
 */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { formatDecimal, formatInteger, formatRatio } from '../format.js';

export interface MeasureTile {
  key: string;
  label: string;
  value: string;
  raw: number;
  explanation: string;
  /** Why the value deserves attention, when it does. */
  flag?: string;
}

export function measureTiles(r: AnalysisReport): MeasureTile[] {
  return [
    { key: 'instances', label: 'Instances', raw: r.instances, value: formatInteger(r.instances), explanation: 'rows read from the file (skipped rows not counted)' },
    { key: 'labels', label: 'Labels', raw: r.labels, value: formatInteger(r.labels), explanation: 'labels in the label space, including any that never occur' },
    { key: 'cardinality', label: 'Cardinality', raw: r.cardinality, value: formatDecimal(r.cardinality, 3), explanation: 'mean number of labels per row' },
    { key: 'density', label: 'Density', raw: r.density, value: formatDecimal(r.density, 4), explanation: 'cardinality divided by the number of labels: the share of the label space a row carries' },
    {
      key: 'meanIR', label: 'MeanIR', raw: r.meanIR, value: formatRatio(r.meanIR),
      explanation: 'mean imbalance ratio per label (mldr): 1 is balanced; above 1.5 is imbalanced',
      flag: r.meanIR > 1.5 ? 'imbalanced' : undefined,
    },
    { key: 'maxIR', label: 'MaxIR', raw: r.maxIR, value: formatRatio(r.maxIR), explanation: 'largest IRLbl: the most frequent label’s count over the rarest present label’s count' },
    { key: 'cvIR', label: 'CVIR', raw: r.cvIR, value: formatDecimal(r.cvIR, 4), explanation: 'coefficient of variation of IRLbl: how much the imbalance differs from label to label' },
    {
      key: 'scumble', label: 'SCUMBLE', raw: r.scumble, value: formatDecimal(r.scumble, 4),
      explanation: 'concurrence of rare and frequent labels in the same rows (0 to 1); above 0.1 makes resampling less effective',
      flag: r.scumble > 0.1 ? 'high' : undefined,
    },
    { key: 'tcs', label: 'TCS', raw: r.tcs, value: formatDecimal(r.tcs, 3), explanation: 'theoretical complexity score: ln(features × labels × labelsets); higher is harder to learn' },
    {
      key: 'emptyRows', label: 'Empty rows', raw: r.emptyRows, value: formatInteger(r.emptyRows),
      explanation: 'rows with no label at all',
      flag: r.emptyRows > 0 ? 'unlabelled' : undefined,
    },
  ];
}
