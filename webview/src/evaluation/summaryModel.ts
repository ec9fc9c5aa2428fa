/**
 * The summary tiles of an evaluation as plain data: what each tile shows, the numbers behind its
 * hover text, and a one-line explanation of the metric (scikit-learn's definitions, which the
 * engine follows). The DOM side (summaryTiles.ts) only lays them out.
 */
import type { EvaluationView } from '../../../src/protocol/dashboard.js';
import { formatChange, formatMetric } from './format.js';

type Report = EvaluationView['report'];

export interface SummaryTile {
  id: string;
  title: string;
  /** The headline value, formatted. */
  value: string;
  /** The raw value, for tests and sorting. */
  raw: number | null;
  /** A short second line under the value (e.g. "P 0.83 · R 0.65"), or ''. */
  detail: string;
  /** What the metric is, in one line (the tile's hover text, with `hoverNumbers`). */
  explanation: string;
  /** Extra numbers for the hover text (precision and recall of an F1, other averages). */
  hoverNumbers: string;
  lowerIsBetter: boolean;
}

export const F1_EXPLANATIONS = {
  micro: 'F1 of the true/false positive counts summed over all labels: dominated by the frequent labels.',
  macro: 'Mean of the per-label F1: every label counts the same, so rare labels weigh as much as common ones.',
  weighted: 'Mean of the per-label F1 weighted by support (positives per label): close to micro when frequent labels dominate.',
  samples: 'F1 of each row’s predicted label set against its true set, averaged over rows.',
} as const;

/** Hover text of a tile: the numbers, then the explanation. */
export function tileHoverText(tile: SummaryTile): string {
  return tile.hoverNumbers ? `${tile.hoverNumbers}\n${tile.explanation}` : tile.explanation;
}

export function summaryTiles(report: Report): SummaryTile[] {
  const tiles: SummaryTile[] = [];
  const tuned = report.tuning?.after.averages;
  for (const average of ['micro', 'macro', 'weighted', 'samples'] as const) {
    const prf = report.averages[average];
    const after = tuned?.[average].f1;
    const change = after === undefined || after === null || prf.f1 === null ? null : after - prf.f1;
    tiles.push({
      id: `f1-${average}`,
      title: `${average[0].toUpperCase()}${average.slice(1)} F1`,
      value: formatMetric(prf.f1),
      raw: prf.f1,
      detail: after === undefined ? `P ${formatMetric(prf.precision)} · R ${formatMetric(prf.recall)}` : `tuned ${formatMetric(after)} (${formatChange(change)})`,
      explanation: F1_EXPLANATIONS[average],
      hoverNumbers: `Precision ${formatMetric(prf.precision)}, recall ${formatMetric(prf.recall)}${after === undefined ? '' : `; with tuned thresholds F1 ${formatMetric(after)}`}.`,
      lowerIsBetter: false,
    });
  }
  const m = report.mAP;
  tiles.push(
    {
      id: 'map-macro',
      title: 'mAP (macro)',
      value: formatMetric(m.macro),
      raw: m.macro,
      detail: 'threshold-free',
      explanation: 'Mean of the per-label average precision (area under each PR curve): independent of the thresholds; labels without positives count as 0.',
      hoverNumbers: `Weighted by support: ${formatMetric(m.weighted)}.`,
      lowerIsBetter: false,
    },
    {
      id: 'map-micro',
      title: 'mAP (micro)',
      value: formatMetric(m.micro),
      raw: m.micro,
      detail: 'threshold-free',
      explanation: 'Average precision of all (row, label) scores pooled into one ranking: dominated by the frequent labels.',
      hoverNumbers: '',
      lowerIsBetter: false,
    },
    {
      id: 'hamming',
      title: 'Hamming loss',
      value: formatMetric(report.hammingLoss, 4),
      raw: report.hammingLoss,
      detail: 'lower is better',
      explanation: 'Share of (row, label) cells predicted wrongly. Small whenever labels are sparse, even for a model that predicts nothing.',
      hoverNumbers: '',
      lowerIsBetter: true,
    },
    {
      id: 'subset-accuracy',
      title: 'Subset accuracy',
      value: formatMetric(report.subsetAccuracy),
      raw: report.subsetAccuracy,
      detail: 'exact match',
      explanation: 'Share of rows whose predicted label set is exactly the true set: strict, and falls quickly as labels per row grow.',
      hoverNumbers: '',
      lowerIsBetter: false,
    },
    {
      id: 'jaccard',
      title: 'Jaccard (samples)',
      value: formatMetric(report.jaccard.samples),
      raw: report.jaccard.samples,
      detail: `macro ${formatMetric(report.jaccard.macro)} · micro ${formatMetric(report.jaccard.micro)}`,
      explanation: 'Intersection over union of the predicted and true label sets, averaged over rows.',
      hoverNumbers: `Per-label mean (macro) ${formatMetric(report.jaccard.macro)}, from summed counts (micro) ${formatMetric(report.jaccard.micro)}.`,
      lowerIsBetter: false,
    },
    {
      id: 'lrap',
      title: 'LRAP',
      value: formatMetric(report.lrap),
      raw: report.lrap,
      detail: 'ranking',
      explanation: 'Label ranking average precision: for each true label of a row, the share of labels scored at least as high that are true; averaged. Threshold-free.',
      hoverNumbers: '',
      lowerIsBetter: false,
    },
    {
      id: 'coverage',
      title: 'Coverage error',
      value: formatMetric(report.coverageError, 2),
      raw: report.coverageError,
      detail: 'lower is better',
      explanation: 'How many top-scored labels must be taken, on average, to include every true label of a row (best possible: the mean labels per row).',
      hoverNumbers: '',
      lowerIsBetter: true,
    },
    {
      id: 'ranking-loss',
      title: 'Ranking loss',
      value: formatMetric(report.rankingLoss, 4),
      raw: report.rankingLoss,
      detail: 'lower is better',
      explanation: 'Share of (true label, false label) pairs of a row where the false label is scored at least as high; averaged over rows.',
      hoverNumbers: '',
      lowerIsBetter: true,
    },
  );
  return tiles;
}

/** The lines describing how the evaluation was read: score kind, join, thresholds, then the loader's notes. */
export function provenanceLines(report: Report): { label: string; value: string }[] {
  const scoreKinds: Record<Report['scoreKind'], string> = {
    probabilities: 'probabilities',
    logits: 'logits (passed through a sigmoid)',
    hard: 'hard 0/1 predictions (curves and AP are coarse)',
    'label-list': 'predicted label lists (hard predictions)',
  };
  return [
    { label: 'Scores', value: scoreKinds[report.scoreKind] },
    { label: 'Rows joined', value: report.joinedBy === 'id' ? 'by id' : 'by position (no shared id column)' },
    { label: 'Thresholds', value: report.thresholdSource },
  ];
}
