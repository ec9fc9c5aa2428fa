/** Lays out an EvaluationReport for people: averages, per-class table by frequency, bands, confusions, tuning. */
import type { EvaluationReport } from '../analysis/evaluatePredictions.js';
import { formatCount, formatNumber, type ReportDocument, type Section } from './document.js';

/** A metric that may be undefined (null under zero_division 'exclude', or ROC-AUC with one class). */
function metric(x: number | null | undefined, decimals = 4): string {
  return x === null || x === undefined ? 'n/a' : formatNumber(x, decimals);
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

export function evaluationDocument(report: EvaluationReport): ReportDocument {
  return {
    title: `Evaluation: ${baseName(report.predFile)} against ${baseName(report.truthFile)}`,
    sections: [
      summarySection(report),
      perLabelSection(report),
      bandsSection(report),
      ...confusionSections(report),
      ...tuningSections(report),
      ...notesSections(report),
    ],
  };
}

function summarySection(r: EvaluationReport): Section {
  const averages = (['micro', 'macro', 'weighted', 'samples'] as const).map((a) => [
    a,
    metric(r.averages[a].precision),
    metric(r.averages[a].recall),
    metric(r.averages[a].f1),
  ]);
  return {
    title: 'Summary',
    blocks: [
      {
        kind: 'paragraph',
        text: `${formatCount(r.rows)} rows, ${r.labels} labels; scores read as ${r.scoreKind}; rows joined by ${r.joinedBy}; threshold: ${r.thresholdSource}; zero_division ${r.zeroDivision}.`,
      },
      { kind: 'table', headers: ['average', 'precision', 'recall', 'F1'], align: ['left', 'right', 'right', 'right'], rows: averages },
      {
        kind: 'keyValues',
        items: [
          { key: 'mAP (macro)', value: metric(r.mAP.macro), note: `micro ${metric(r.mAP.micro)}, weighted ${metric(r.mAP.weighted)}` },
          { key: 'Hamming loss', value: metric(r.hammingLoss), note: 'share of wrong label decisions' },
          { key: 'subset accuracy', value: metric(r.subsetAccuracy), note: 'rows with every label right' },
          { key: 'Jaccard (samples)', value: metric(r.jaccard.samples), note: `macro ${metric(r.jaccard.macro)}, micro ${metric(r.jaccard.micro)}` },
          { key: 'LRAP', value: metric(r.lrap), note: 'label ranking average precision' },
          { key: 'coverage error', value: metric(r.coverageError), note: 'labels to go down the ranking to cover the truth' },
          { key: 'ranking loss', value: metric(r.rankingLoss), note: 'mis-ordered (true, false) label pairs' },
        ],
      },
    ],
  };
}

function perLabelSection(r: EvaluationReport): Section {
  const rows = [...r.perLabel]
    .sort((a, b) => b.support - a.support || a.name.localeCompare(b.name))
    .map((l) => [
      l.name,
      formatCount(l.support),
      metric(l.precision, 3),
      metric(l.recall, 3),
      metric(l.f1, 3),
      metric(l.ap, 3),
      metric(l.rocAuc, 3),
      formatCount(l.tp),
      formatCount(l.fp),
      formatCount(l.fn),
      formatNumber(l.threshold, 3),
    ]);
  return {
    title: 'Per class (most frequent first)',
    blocks: [
      {
        kind: 'table',
        headers: ['label', 'support', 'P', 'R', 'F1', 'AP', 'ROC-AUC', 'TP', 'FP', 'FN', 'threshold'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows,
      },
    ],
  };
}

function bandsSection(r: EvaluationReport): Section {
  return {
    title: 'By label frequency',
    blocks: [
      {
        kind: 'table',
        headers: ['band', 'labels', 'support', 'macro P', 'macro R', 'macro F1', 'micro F1', 'mean AP'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: r.bands.map((b) => [
          b.band,
          formatCount(b.labelCount),
          formatCount(b.totalSupport),
          metric(b.macro?.precision, 3),
          metric(b.macro?.recall, 3),
          metric(b.macro?.f1, 3),
          metric(b.micro?.f1, 3),
          metric(b.meanAp, 3),
        ]),
      },
    ],
  };
}

function confusionSections(r: EvaluationReport): Section[] {
  const top = r.confusedPairs.slice(0, 15);
  if (!top.length) return [];
  return [
    {
      title: 'Most confused: predicted b instead of a',
      blocks: [
        {
          kind: 'table',
          headers: ['true a (missed)', 'predicted b (wrong)', 'rows', 'share of a'],
          align: ['left', 'left', 'right', 'right'],
          rows: top.map((p) => [p.trueLabel, p.predictedLabel, formatCount(p.count), formatNumber(p.rateOfTrue, 3)]),
        },
      ],
    },
  ];
}

function tuningSections(r: EvaluationReport): Section[] {
  const t = r.tuning;
  if (!t) return [];
  const change = t.macroF1Change === null ? 'n/a' : `${t.macroF1Change >= 0 ? '+' : ''}${formatNumber(t.macroF1Change)}`;
  return [
    {
      title: 'Per-label thresholds tuned for F1',
      blocks: [
        {
          kind: 'paragraph',
          text: `macro-F1 ${metric(t.macroF1Before)} -> ${metric(t.macroF1After)} (${change}); micro-F1 ${metric(t.microF1Before)} -> ${metric(t.microF1After)}. ${t.caveat}`,
        },
        {
          kind: 'table',
          headers: ['label', 'threshold', 'F1 before', 'F1 after'],
          align: ['left', 'right', 'right', 'right'],
          rows: t.thresholds.map((x) => [x.name, formatNumber(x.threshold, 4), metric(x.f1Before, 3), metric(x.f1After, 3)]),
        },
      ],
    },
  ];
}

function notesSections(r: EvaluationReport): Section[] {
  const notes = [...r.notes, ...r.perLabel.filter((l) => l.rocAucNote).map((l) => `${l.name}: ${l.rocAucNote}`)];
  return notes.length ? [{ title: 'Notes', blocks: notes.map((text) => ({ kind: 'paragraph' as const, text })) }] : [];
}
