/**
 * Finds, in an analysed dataset file, where its findings belong: the header row and each label's
 * column (CSV/TSV), the `@data` line and each label's `@attribute` line (ARFF), the label field on
 * the first line (JSONL). Reads only the head of the file; whatever cannot be found falls back to
 * the start of the file, so a layout is always returned.
 */
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { chooseDelimiter } from '../../core/io/csv/sniff.js';
import { readLines } from '../../core/io/lineReader.js';
import { findArffDeclarations } from './arffDeclarations.js';
import { headerFieldSpans, readHeaderLine, type HeaderField } from './csvHeader.js';
import type { DatasetLayout, Span } from './findings.js';

export type LayoutReport = Pick<AnalysisReport, 'file' | 'format' | 'labelSource' | 'perLabel'>;

const FILE_START: DatasetLayout = { header: { line: 1, start: 0, end: 0 }, labels: new Map() };

export async function readDatasetLayout(report: LayoutReport, signal?: AbortSignal): Promise<DatasetLayout> {
  const labelNames = report.perLabel.map((l) => l.name);
  try {
    switch (report.format) {
      case 'csv':
      case 'tsv':
        return await csvLayout(report, labelNames);
      case 'arff':
        return await arffLayout(report.file, labelNames, signal);
      case 'jsonl':
        return await jsonlLayout(report, labelNames, signal);
    }
  } catch {
    // the file went away or cannot be read since the analysis: findings go to its start
    return FILE_START;
  }
}

/**
 * One-hot labels: each label at its column name, dataset-wide findings across the label columns.
 * A label-list column: everything at that column's name. Else the whole header line.
 */
async function csvLayout(report: LayoutReport, labelNames: string[]): Promise<DatasetLayout> {
  const header = await readHeaderLine(report.file);
  if (!header) return FILE_START;
  const bytes = Buffer.from(header.text, 'utf8');
  // the delimiter the reader used: the format's, unless the header holds only the other one
  const { delimiter } = chooseDelimiter(report.file, report.format === 'tsv' ? '\t' : ',', bytes, 0, bytes.length);
  const fields = headerFieldSpans(header.text, delimiter);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const whole: Span = { line: header.line, start: 0, end: header.text.length };
  const labelFields = labelNames.map((name) => byName.get(name)).filter((f): f is HeaderField => f !== undefined);
  if (labelNames.length > 0 && labelFields.length === labelNames.length) {
    const labels = new Map(labelFields.map((f) => [f.name, { line: header.line, start: f.start, end: f.end }]));
    const start = Math.min(...labelFields.map((f) => f.start));
    const end = Math.max(...labelFields.map((f) => f.end));
    return { header: { line: header.line, start, end }, labels };
  }
  // the reader names the list column in labelSource (csv/labelLayout.ts describeLayout)
  const listName = /^label list column "(.*?)" /.exec(report.labelSource)?.[1];
  const list = listName === undefined ? undefined : byName.get(listName);
  if (!list) return { header: whole, labels: new Map() };
  const span: Span = { line: header.line, start: list.start, end: list.end };
  return { header: span, labels: new Map(labelNames.map((name) => [name, span])) };
}

/** Each label at its name on its `@attribute` line; dataset-wide findings on the `@data` line. */
async function arffLayout(file: string, labelNames: string[], signal?: AbortSignal): Promise<DatasetLayout> {
  const { attributes, data } = await findArffDeclarations(file, signal);
  const labels = new Map<string, Span>();
  for (const name of labelNames) {
    const span = attributes.get(name);
    if (span) labels.set(name, span);
  }
  return { header: data ?? FILE_START.header, labels };
}

/** The label field's key on the first non-blank line, for everything (JSONL has no header). */
async function jsonlLayout(report: LayoutReport, labelNames: string[], signal?: AbortSignal): Promise<DatasetLayout> {
  // the reader names the label field in labelSource (jsonl/reader.ts)
  const field = /from the "(.*?)" field/.exec(report.labelSource)?.[1];
  for await (const { text, line } of readLines(report.file, signal ? { signal } : {})) {
    if (text.trim() === '') continue;
    const key = field === undefined ? null : new RegExp(`${escapeRegExp(JSON.stringify(field))}\\s*:`).exec(text);
    const span: Span = key ? { line, start: key.index, end: key.index + JSON.stringify(field).length } : { line, start: 0, end: 0 };
    return { header: span, labels: new Map(labelNames.map((name) => [name, span])) };
  }
  return FILE_START;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
