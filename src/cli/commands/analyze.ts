/** `imbalance-lens analyze FILE`: the imbalance measures of a dataset, as a table, Markdown or JSON. */
import { analyzeDataset } from '../../core/analysis/analyzeDataset.js';
import { UsageError } from '../../core/errors.js';
import { analysisDocument } from '../../core/report/analysisDocument.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { renderText } from '../../core/report/renderText.js';
import { numberOption, stringOption } from '../args.js';
import { datasetArgument, maxRowsFrom, readerOptionSpecs, readerOptionsFrom, rowLimitOptionSpecs, type CliCommand } from '../command.js';

/** The weight flags analyze and weights share (read by weightOptionsFrom). */
export const weightOptionSpecs = {
  beta: { type: 'number', valueName: 'B', description: 'beta of the class-balanced (effective) weights, in [0, 1) (default 0.999)' },
  'max-pos-weight': { type: 'number', valueName: 'W', description: 'clamp pos_weight at W (default 1000)' },
} as const;

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'measure the label imbalance of a dataset (mldr measures, co-occurrence, labelsets)',
  usage: 'imbalance-lens analyze FILE [--format table|markdown|json] [options]',
  options: {
    format: { type: 'string', choices: ['table', 'markdown', 'json'], description: 'output format (default: table on a terminal, json otherwise)' },
    'rare-threshold': { type: 'integer', valueName: 'K', description: 'flag labels with fewer than K positives (default 10)' },
    'top-labelsets': { type: 'integer', valueName: 'N', description: 'list the N most frequent labelsets (default 20)' },
    ...weightOptionSpecs,
    ...readerOptionSpecs,
    ...rowLimitOptionSpecs,
  },
  async run(args, io, signal) {
    const file = datasetArgument(args, 'analyze');
    const format = stringOption(args, 'format') ?? (io.isTTY ? 'table' : 'json');
    const rareThreshold = numberOption(args, 'rare-threshold');
    if (rareThreshold !== undefined && rareThreshold < 0) throw new UsageError('--rare-threshold must be 0 or more');
    const report = await analyzeDataset(file, {
      ...readerOptionsFrom(args, signal),
      maxRows: maxRowsFrom(args),
      rareThreshold,
      topLabelsets: numberOption(args, 'top-labelsets'),
      ...weightOptionsFrom(args),
    });
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'markdown') io.stdout(renderMarkdown(analysisDocument(report)));
    else io.stdout(renderText(analysisDocument(report)));
    return 0;
  },
};

export function weightOptionsFrom(args: Parameters<CliCommand['run']>[0]): { beta?: number; maxPosWeight?: number } {
  const beta = numberOption(args, 'beta');
  if (beta !== undefined && !(beta >= 0 && beta < 1)) throw new UsageError(`--beta must be in [0, 1), got ${beta}`);
  const maxPosWeight = numberOption(args, 'max-pos-weight');
  if (maxPosWeight !== undefined && !(maxPosWeight > 0)) throw new UsageError(`--max-pos-weight must be positive, got ${maxPosWeight}`);
  return { beta, maxPosWeight };
}
