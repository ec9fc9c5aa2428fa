/** `imbalance-lens evaluate --truth FILE --pred FILE`: per-class metrics identical to scikit-learn. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluatePredictions, thresholdsJson } from '../../core/analysis/evaluatePredictions.js';
import { writeNewFile } from '../../core/io/writeNewFile.js';
import { UsageError } from '../../core/errors.js';
import { evaluationDocument } from '../../core/report/evaluationDocument.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { renderText } from '../../core/report/renderText.js';
import type { ZeroDivision } from '../../core/metrics/types.js';
import { flag, numberOption, stringOption, type ParsedArgs } from '../args.js';
import { readerOptionSpecs, readerOptionsFrom, type CliCommand } from '../command.js';

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'per-class precision, recall, F1, AP and ROC-AUC of predictions against the ground truth',
  usage: 'imbalance-lens evaluate --truth FILE --pred FILE [--id COL] [--threshold T | --thresholds FILE] [--tune-thresholds] [--format table|markdown|json]',
  options: {
    truth: { type: 'string', valueName: 'FILE', description: 'the ground truth: any dataset file analyze reads' },
    pred: { type: 'string', valueName: 'FILE', description: 'the predictions: CSV/TSV or JSONL with a score column per label (or a label list), or a 2-D .npy' },
    id: { type: 'string', valueName: 'COL', description: 'join rows by this id column, present in both files (default: by position, or by a shared id column)' },
    scores: { type: 'string', choices: ['auto', 'probs', 'logits'], description: 'what the scores are (default auto: logits when any value is outside [0, 1])' },
    'pred-label-column': { type: 'string', valueName: 'NAME', description: 'predictions: the column or field holding a list of predicted labels' },
    threshold: { type: 'number', valueName: 'T', description: 'one threshold for every label, predicting score >= T (default 0.5)' },
    thresholds: { type: 'string', valueName: 'FILE', description: 'per-label thresholds: JSON {"thresholds": {label: t}} (as exported), {label: t}, [t, ...] or CSV label,threshold' },
    'tune-thresholds': { type: 'boolean', description: 'also find, per label, the threshold that maximises F1 on these rows, and report the metrics with it' },
    'save-thresholds': { type: 'string', valueName: 'FILE', description: 'write the tuned thresholds as JSON (implies --tune-thresholds), for --thresholds on another split' },
    force: { type: 'boolean', description: 'let --save-thresholds replace an existing file' },
    'head-min-support': { type: 'integer', valueName: 'N', description: 'frequency bands: labels with at least N positives are head (with --tail-max-support; default: thirds of the label ranking)' },
    'tail-max-support': { type: 'integer', valueName: 'N', description: 'frequency bands: labels with at most N positives are tail' },
    'zero-division': { type: 'string', choices: ['0', '1', 'exclude'], description: 'value of an undefined precision/recall/F1, or leave it out of the averages (default 0)' },
    format: { type: 'string', choices: ['table', 'markdown', 'json'], description: 'output format (default: table on a terminal, json otherwise)' },
    ...readerOptionSpecs,
  },
  async run(args, io, signal) {
    if (args.positionals.length > 0) {
      throw new UsageError(`evaluate takes its files as --truth FILE --pred FILE (got ${args.positionals.join(' ')})`);
    }
    const format = stringOption(args, 'format') ?? (io.isTTY ? 'table' : 'json');
    const saveTo = stringOption(args, 'save-thresholds');
    const readerOptions = readerOptionsFrom(args, signal);
    const report = await evaluatePredictions(required(args, 'truth'), required(args, 'pred'), {
      ...readerOptions,
      metricsWorkerScript: readerOptions.threads === 1 ? undefined : bundledMetricsWorker(),
      id: stringOption(args, 'id'),
      scores: stringOption(args, 'scores') as 'auto' | 'probs' | 'logits' | undefined,
      predLabelColumn: stringOption(args, 'pred-label-column'),
      ...thresholdOptions(args),
      tuneThresholds: flag(args, 'tune-thresholds') || saveTo !== undefined,
      zeroDivision: zeroDivisionOf(stringOption(args, 'zero-division')),
      bands: bandCutoffs(args),
    });
    if (saveTo !== undefined) {
      await writeNewFile(saveTo, thresholdsJson(report), { overwrite: flag(args, 'force') });
      io.stderr(`tuned thresholds written to ${saveTo}\n`);
    }
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'markdown') io.stdout(renderMarkdown(evaluationDocument(report)));
    else io.stdout(renderText(evaluationDocument(report)));
    return 0;
  },
};

/** The metrics worker bundled beside the CLI; absent when running from sources. */
function bundledMetricsWorker(): string | undefined {
  const candidate = path.join(__dirname, 'metricsWorker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function required(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined) throw new UsageError(`evaluate needs --${name} FILE`);
  return value;
}

function thresholdOptions(args: ParsedArgs): { threshold?: number; thresholdsFile?: string } {
  const threshold = numberOption(args, 'threshold');
  const thresholdsFile = stringOption(args, 'thresholds');
  if (threshold !== undefined && thresholdsFile !== undefined) throw new UsageError('give either --threshold or --thresholds, not both');
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be in [0, 1], got ${threshold}`);
  return { threshold, thresholdsFile };
}

function bandCutoffs(args: ParsedArgs): { headMinSupport: number; tailMaxSupport: number } | undefined {
  const headMinSupport = numberOption(args, 'head-min-support');
  const tailMaxSupport = numberOption(args, 'tail-max-support');
  if (headMinSupport === undefined && tailMaxSupport === undefined) return undefined;
  if (headMinSupport === undefined || tailMaxSupport === undefined) throw new UsageError('give both --head-min-support and --tail-max-support, or neither');
  if (!(tailMaxSupport < headMinSupport)) throw new UsageError(`--tail-max-support (${tailMaxSupport}) must be below --head-min-support (${headMinSupport})`);
  return { headMinSupport, tailMaxSupport };
}

function zeroDivisionOf(value: string | undefined): ZeroDivision | undefined {
  if (value === undefined) return undefined;
  return value === 'exclude' ? 'exclude' : value === '1' ? 1 : 0;
}
