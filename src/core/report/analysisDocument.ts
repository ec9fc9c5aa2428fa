/** Lays out an AnalysisReport for people: headline measures, per-label table, labelsets, warnings. */
import type { AnalysisReport } from '../analysis/analyzeDataset.js';
import { formatCount, formatNumber, type ReportDocument, type Section } from './document.js';

export function analysisDocument(report: AnalysisReport): ReportDocument {
  return {
    title: `Label imbalance: ${baseName(report.file)}`,
    sections: [summarySection(report), perLabelSection(report), ...pairSections(report), labelsetSection(report), ...warningSections(report)],
  };
}

/** The file name without its folder (no node:path, so the report can also render in a browser). */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

function summarySection(r: AnalysisReport): Section {
  const n = (x: number) => formatNumber(x);
  return {
    title: 'Summary',
    blocks: [
      { kind: 'paragraph', text: `${r.file} (${r.format}); labels: ${r.labelSource}.` },
      {
        kind: 'keyValues',
        items: [
          { key: 'instances', value: formatCount(r.instances) },
          { key: 'labels', value: formatCount(r.labels) },
          { key: 'inputs', value: formatCount(r.inputs), note: 'feature columns' },
          { key: 'cardinality', value: n(r.cardinality), note: 'mean labels per row' },
          { key: 'density', value: n(r.density), note: 'cardinality / labels' },
          { key: 'labelsets', value: formatCount(r.labelsets), note: 'distinct label combinations' },
          { key: 'single labelsets', value: formatCount(r.singleLabelsets), note: 'labelsets seen once' },
          { key: 'max labelset freq', value: formatCount(r.maxLabelsetFrequency) },
          { key: 'MeanIR', value: n(r.meanIR), note: 'mean imbalance ratio per label' },
          { key: 'MaxIR', value: n(r.maxIR), note: 'most frequent / rarest label' },
          { key: 'CVIR', value: n(r.cvIR), note: 'coefficient of variation of IRLbl' },
          { key: 'SCUMBLE', value: n(r.scumble), note: 'rare and frequent labels in the same rows' },
          { key: 'SCUMBLE.CV', value: n(r.scumbleCV) },
          { key: 'TCS', value: n(r.tcs), note: 'ln(inputs x labels x labelsets)' },
          { key: 'rows with no label', value: formatCount(r.emptyRows) },
        ],
      },
    ],
  };
}

function perLabelSection(r: AnalysisReport): Section {
  const rows = [...r.perLabel]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((l) => [
      l.name,
      formatCount(l.count),
      formatNumber(l.frequency),
      formatNumber(l.irLbl, 2),
      formatNumber(l.scumble),
      l.posWeight === null ? 'n/a' : formatNumber(l.posWeight, 2),
      labelFlags(l, r.rareThreshold),
    ]);
  return {
    title: 'Labels (most frequent first)',
    blocks: [
      {
        kind: 'table',
        headers: ['label', 'count', 'freq', 'IRLbl', 'SCUMBLE', 'pos_weight', 'flags'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
        rows,
      },
      {
        kind: 'paragraph',
        text: `minority: IRLbl > MeanIR (${formatNumber(r.meanIR, 2)}); rare: fewer than ${r.rareThreshold} positives. pos_weight = (N - n) / n, for torch.nn.BCEWithLogitsLoss on raw logits.`,
      },
    ],
  };
}

function labelFlags(label: AnalysisReport['perLabel'][number], rareThreshold: number): string {
  if (label.count === 0) return 'absent';
  const flags = label.minority ? ['minority'] : [];
  if (label.count < rareThreshold) flags.push('rare');
  return flags.join(', ');
}

/** The label pairs that most often occur together, with how often the rarer one comes with the other. */
function pairSections(r: AnalysisReport): Section[] {
  const { labels, counts } = r.cooccurrence;
  const pairs: { a: number; b: number; count: number }[] = [];
  for (let a = 0; a < labels.length; a++) {
    for (let b = a + 1; b < labels.length; b++) if (counts[a][b] > 0) pairs.push({ a, b, count: counts[a][b] });
  }
  if (!pairs.length) return [];
  pairs.sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
  const rows = pairs.slice(0, 10).map(({ a, b, count }) => {
    const [rare, common] = counts[a][a] <= counts[b][b] ? [a, b] : [b, a];
    return [labels[a], labels[b], formatCount(count), `${formatNumber(count / counts[rare][rare], 3)} of ${labels[rare]} rows carry ${labels[common]}`];
  });
  return [
    {
      title: 'Labels that occur together most',
      blocks: [{ kind: 'table', headers: ['label', 'with label', 'rows', 'share'], align: ['left', 'left', 'right', 'left'], rows }],
    },
  ];
}

function labelsetSection(r: AnalysisReport): Section {
  return {
    title: `Most frequent labelsets (top ${r.topLabelsets.length} of ${formatCount(r.labelsets)})`,
    blocks: [
      {
        kind: 'table',
        headers: ['count', 'share', 'labels'],
        align: ['right', 'right', 'left'],
        rows: r.topLabelsets.map((s) => [
          formatCount(s.count),
          formatNumber(r.instances ? s.count / r.instances : 0, 3),
          s.labels.length ? s.labels.join(', ') : '(no label)',
        ]),
      },
    ],
  };
}

function warningSections(r: AnalysisReport): Section[] {
  const lines: string[] = [];
  if (r.absentLabels.length) lines.push(`Labels that never occur: ${r.absentLabels.join(', ')}.`);
  const rare = r.rareLabels.filter((l) => l.count > 0);
  if (rare.length) {
    lines.push(
      `Labels with fewer than ${r.rareThreshold} positives: ${rare.map((l) => `${l.name} (${l.count})`).join(', ')}.`,
    );
  }
  if (r.emptyRows) lines.push(`${formatCount(r.emptyRows)} rows carry no label.`);
  if (r.skippedCount) {
    const shown = r.skippedRows.slice(0, 10).map((s) => `line ${s.line}: ${s.reason}`);
    lines.push(`${formatCount(r.skippedCount)} malformed rows skipped: ${shown.join('; ')}${r.skippedCount > shown.length ? '; ...' : ''}`);
  }
  lines.push(...r.notes, ...r.weights.warnings);
  return lines.length ? [{ title: 'Warnings and notes', blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })) }] : [];
}
