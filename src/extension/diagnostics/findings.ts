/**
 * What an analysis found that belongs at a place in the dataset file: rare and absent labels (on
 * the header, or on the label's own column or `@attribute` line), rows with no label, and rows
 * skipped as malformed. Plain data, no `vscode`: the diagnostics layer turns these into markers.
 */
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import type { DatasetFormat } from '../../core/io/types.js';

export type FindingSeverity = 'error' | 'warning' | 'information';

export type FindingCode = 'rare-label' | 'rare-labels' | 'absent-label' | 'absent-labels' | 'empty-rows' | 'skipped-row' | 'skipped-rows';

/** A place in the file: 1-based line; 0-based UTF-16 columns, `end` undefined meaning the end of the line. */
export interface Span {
  line: number;
  start: number;
  end?: number;
}

/** Where things are declared in a dataset file, as far as they could be found. */
export interface DatasetLayout {
  /** Where dataset-wide findings go: the CSV/TSV header row, the ARFF `@data` line, JSONL line 1. */
  header: Span;
  /** A label's own place (a CSV/TSV column name, an ARFF `@attribute` name), by label name. */
  labels: ReadonlyMap<string, Span>;
}

export interface Finding extends Span {
  message: string;
  severity: FindingSeverity;
  code: FindingCode;
  /** The labels the finding is about. */
  labels?: string[];
  /** A page explaining the finding, for the diagnostic's code link. */
  docs?: string;
}

export interface FindingLimits {
  /** More rare (or absent) labels than this become one grouped finding. Default 20. */
  groupAbove?: number;
  /** At most this many skipped rows get a finding of their own. Default 100. */
  maxSkippedRows?: number;
  /** A grouped finding names at most this many labels. Default 10. */
  namesInGroup?: number;
}

export type FindingsReport = Pick<
  AnalysisReport,
  'format' | 'instances' | 'rareLabels' | 'absentLabels' | 'emptyRows' | 'skippedRows' | 'skippedCount' | 'rareThreshold'
> &
  Partial<Pick<AnalysisReport, 'rowLimit'>>;

// Where the measures are defined (the report follows mldr's conventions, see README "The measures").
const MEASURES_DOCS = 'https://cran.r-project.org/package=mldr';
// Why an absent label gets no weight: pos_weight is (N - n) / n, undefined for n = 0.
const POS_WEIGHT_DOCS = 'https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html';
const FORMAT_DOCS: Record<DatasetFormat, string> = {
  csv: 'https://www.rfc-editor.org/rfc/rfc4180',
  tsv: 'https://www.rfc-editor.org/rfc/rfc4180',
  jsonl: 'https://jsonlines.org/',
  arff: 'https://waikato.github.io/weka-wiki/formats_and_processing/arff_stable/',
};

/** The findings of one analysis, in file order (line, then column). */
export function datasetFindings(report: FindingsReport, layout: DatasetLayout, limits: FindingLimits = {}): Finding[] {
  const groupAbove = limits.groupAbove ?? 20;
  const names = limits.namesInGroup ?? 10;
  const findings = [
    ...rareLabelFindings(report, layout, groupAbove, names),
    ...absentLabelFindings(report, layout, groupAbove, names),
    ...emptyRowFindings(report, layout),
    ...skippedRowFindings(report, layout, limits.maxSkippedRows ?? 100),
  ];
  // A partial analysis (imbalanceLens.maxRows) says so: a label "never occurs" only in the rows read.
  const limit = report.rowLimit ?? null;
  const scoped = limit === null ? findings : findings.map((f) => (f.code === 'skipped-row' || f.code === 'skipped-rows' ? f : { ...f, message: `In the first ${limit.toLocaleString('en-US')} rows read (imbalanceLens.maxRows): ${f.message}` }));
  return scoped.sort((a, b) => a.line - b.line || a.start - b.start);
}

function rareLabelFindings(report: FindingsReport, layout: DatasetLayout, groupAbove: number, names: number): Finding[] {
  const rare = report.rareLabels.filter((l) => l.count > 0); // absent labels get their own finding
  const k = report.rareThreshold;
  if (rare.length === 0) return [];
  if (rare.length > groupAbove) {
    const listed = rare.slice(0, names).map((l) => `${quote(l.name)} (${l.count})`);
    return [{
      ...layout.header,
      severity: 'warning',
      code: 'rare-labels',
      message: `${rare.length} labels are rare, with fewer than ${k} positive rows each: ${listed.join(', ')}${more(rare.length, names)}. Their metrics will be noisy (imbalanceLens.minPositives).`,
      labels: rare.map((l) => l.name),
      docs: MEASURES_DOCS,
    }];
  }
  return rare.map((l) => ({
    ...(layout.labels.get(l.name) ?? layout.header),
    severity: 'warning',
    code: 'rare-label',
    message: `Label ${quote(l.name)} is rare: ${count(l.count, 'positive row')} of ${report.instances.toLocaleString('en-US')} (${percent(l.count, report.instances)}), fewer than ${k} (imbalanceLens.minPositives). Its metrics will be noisy.`,
    labels: [l.name],
    docs: MEASURES_DOCS,
  }));
}

function absentLabelFindings(report: FindingsReport, layout: DatasetLayout, groupAbove: number, names: number): Finding[] {
  const absent = report.absentLabels;
  if (absent.length === 0) return [];
  if (absent.length > groupAbove) {
    return [{
      ...layout.header,
      severity: 'warning',
      code: 'absent-labels',
      message: `${absent.length} labels never occur: ${absent.slice(0, names).map(quote).join(', ')}${more(absent.length, names)}. No row has them, so they get no loss weight and no recall or AP.`,
      labels: [...absent],
      docs: POS_WEIGHT_DOCS,
    }];
  }
  return absent.map((name) => ({
    ...(layout.labels.get(name) ?? layout.header),
    severity: 'warning',
    code: 'absent-label',
    message: `Label ${quote(name)} never occurs: no row has it, so it gets no loss weight and no recall or AP.`,
    labels: [name],
    docs: POS_WEIGHT_DOCS,
  }));
}

function emptyRowFindings(report: FindingsReport, layout: DatasetLayout): Finding[] {
  if (report.emptyRows === 0) return [];
  const one = report.emptyRows === 1;
  const rows = one ? '1 row has' : `${report.emptyRows.toLocaleString('en-US')} rows have`;
  return [{
    ...layout.header,
    severity: 'information',
    code: 'empty-rows',
    message: `${rows} no label (${percent(report.emptyRows, report.instances)} of ${report.instances.toLocaleString('en-US')}). ${one ? 'It counts' : 'They count'} in the measures as the empty labelset.`,
  }];
}

function skippedRowFindings(report: FindingsReport, layout: DatasetLayout, cap: number): Finding[] {
  if (report.skippedCount === 0) return [];
  const docs = FORMAT_DOCS[report.format];
  const marked = report.skippedRows.slice(0, cap);
  const rows: Finding[] = marked.map((row) => ({
    ...skippedRowSpan(row.line, row.reason, report.format),
    severity: 'error',
    code: 'skipped-row',
    message: `Malformed row, skipped: ${row.reason}.`,
    docs,
  }));
  const n = report.skippedCount;
  const notMarked = n - marked.length;
  const summary: Finding = {
    ...layout.header,
    severity: 'warning',
    code: 'skipped-rows',
    message:
      `${n === 1 ? '1 malformed row was' : `${n.toLocaleString('en-US')} malformed rows were`} skipped (imbalanceLens.skipBadRows is on); the measures leave ${n === 1 ? 'it' : 'them'} out.` +
      (notMarked > 0 ? ` The first ${marked.length} are marked; ${notMarked.toLocaleString('en-US')} more are not.` : ''),
    docs,
  };
  return [summary, ...rows];
}

/**
 * The span of a skipped row. Its reason starts with `column N: ` when the reader knew where: a
 * character position for JSONL and ARFF (marked from there), a field number for CSV/TSV (the whole
 * line is marked, since the field's characters are not known without reading the line).
 */
function skippedRowSpan(line: number, reason: string, format: DatasetFormat): Span {
  const column = /^column (\d+): /.exec(reason);
  if (column && (format === 'jsonl' || format === 'arff')) return { line, start: Math.max(0, Number(column[1]) - 1) };
  return { line, start: 0 };
}

function quote(name: string): string {
  return `"${name}"`;
}

function more(total: number, shown: number): string {
  return total > shown ? ` and ${total - shown} more` : '';
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p < 0.1 ? p.toFixed(2) : p.toFixed(1)}%`;
}
