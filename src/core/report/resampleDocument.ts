/** The human-readable forms of a resampling and of a stratified split: before/after measures, per label and per part. */
import type { MeasureSummary } from '../analysis/measureSummary.js';
import type { ResampleReport } from '../analysis/resampleDataset.js';
import type { SplitReport } from '../analysis/splitDataset.js';
import { formatCount, formatNumber, type ReportDocument, type TableBlock } from './document.js';

const METHOD_NAMES: Record<ResampleReport['method'], string> = {
  mlros: 'ML-ROS (random oversampling of minority labels)',
  mlrus: 'ML-RUS (random undersampling of majority labels)',
  lpros: 'LP-ROS (labelset oversampling)',
  lprus: 'LP-RUS (labelset undersampling)',
  mlsmote: 'MLSMOTE (synthetic rows for minority labels)',
  remedial: 'REMEDIAL (decoupling frequent and rare labels)',
};

function measuresTable(columns: string[], summaries: MeasureSummary[]): TableBlock {
  const row = (name: string, pick: (s: MeasureSummary) => string) => [name, ...summaries.map(pick)];
  return {
    kind: 'table',
    headers: ['measure', ...columns],
    align: ['left', ...columns.map(() => 'right' as const)],
    rows: [
      row('rows', (s) => formatCount(s.rows)),
      row('cardinality', (s) => formatNumber(s.cardinality, 4)),
      row('MeanIR', (s) => formatNumber(s.meanIR, 4)),
      row('MaxIR', (s) => formatNumber(s.maxIR, 4)),
      row('CVIR', (s) => formatNumber(s.cvIR, 4)),
      row('SCUMBLE', (s) => formatNumber(s.scumble, 4)),
    ],
  };
}

export function resampleDocument(report: ResampleReport): ReportDocument {
  const p = report.parameters;
  const parameters = [p.percent !== undefined ? `P = ${p.percent}%` : '', p.k !== undefined ? `k = ${p.k}` : '', p.labelset ? `labelset ${p.labelset}` : '', `seed ${p.seed}`].filter(Boolean).join(', ');
  const r = report.rows;
  const changes = [r.cloned ? `${formatCount(r.cloned)} cloned` : '', r.removed ? `${formatCount(r.removed)} removed` : '', r.edited ? `${formatCount(r.edited)} with changed labels` : '', r.synthetic ? `${formatCount(r.synthetic)} synthetic` : '']
    .filter(Boolean)
    .join(', ');
  return {
    title: `${METHOD_NAMES[report.method]}: ${report.file}`,
    sections: [
      {
        title: 'Result',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              { key: 'method', value: report.method, note: parameters },
              { key: 'rows', value: `${formatCount(r.before)} -> ${formatCount(r.after)}`, note: changes || 'no change' },
              { key: 'written', value: report.written.length ? report.written.join(', ') : `nothing (dry run; would write ${report.out})` },
            ],
          },
          measuresTable(['before', 'after'], [report.before, report.after]),
          ...report.notes.map((text) => ({ kind: 'paragraph' as const, text: `note: ${text}` })),
        ],
      },
      {
        title: 'Labels',
        blocks: [
          {
            kind: 'table',
            headers: ['label', 'minority', 'before', 'after', 'IRLbl before', 'IRLbl after'],
            align: ['left', 'left', 'right', 'right', 'right', 'right'],
            rows: report.perLabel.map((l) => [l.name, l.minority ? 'yes' : '', formatCount(l.before), formatCount(l.after), formatNumber(l.irBefore, 2), formatNumber(l.irAfter, 2)]),
          },
          { kind: 'paragraph', text: 'minority: IRLbl > MeanIR of the input (Charte et al. 2015). Synthetic and cloned rows are marked with is_synthetic and source_row unless --no-mark was given.' },
        ],
      },
    ],
  };
}

export function splitDocument(report: SplitReport): ReportDocument {
  const names = report.parts.map((p) => p.name);
  const labels = report.stratification.labels;
  return {
    title: `Iterative stratification${report.order === 2 ? ' (label pairs)' : ''}: ${report.file}`,
    sections: [
      {
        title: 'Parts',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              { key: 'parts', value: report.parts.map((p) => `${p.name} ${formatNumber(p.proportion, 3)}`).join(', '), note: `seed ${report.seed}` },
              { key: 'mean deviation', value: formatNumber(report.stratification.meanRelativeDeviation, 4), note: 'mean over labels and parts of |count - ideal| / ideal' },
              { key: 'written', value: report.written.length ? report.written.join(', ') : 'nothing (dry run)' },
            ],
          },
          measuresTable(names, report.parts.map((p) => p.summary)),
          ...(report.absent.length ? [{ kind: 'paragraph' as const, text: `absent (a label with positives that a part lacks): ${report.absent.join('; ')}` }] : []),
        ],
      },
      {
        title: 'Labels per part',
        blocks: [
          {
            kind: 'table',
            headers: ['label', 'total', ...names, 'max |count - ideal|'],
            align: ['left', 'right', ...names.map(() => 'right' as const), 'right'],
            rows: labels.map((l) => [report.labelNames[l.label], formatCount(l.total), ...l.counts.map(formatCount), formatNumber(l.maxDeviation, 2)]),
          },
        ],
      },
    ],
  };
}
