/**
 * `imbalance-lens train FILE`: one imbalance-aware baseline (a loss, optionally on a resampled
 * training split), saved in a run folder. The options, the job and the run itself are shared with
 * `compare`. The run goes to the bundled training worker (dist/trainWorker.js beside dist/cli.js)
 * when it exists, else runs on this thread (from sources: tests, `npm start`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { crossValidated, splitRowsText, STRATEGY_LOSSES, thresholdsInForce, thresholdsName, type FromTrainingWorker, type RunSummary, type StrategyResampling, type TrainJob, type TrainReadOptions } from '../../protocol/training.js';
import { STRATEGY_RESAMPLINGS } from '../../core/train/run/strategies.js';
import { AUTO_FOLDS, AUTO_FOLDS_MAX_ROWS, checkTrainJob, DEFAULT_ENSEMBLE, DEFAULT_JOB_SETTINGS, DEFAULT_RATIOS, VALIDATION_CARVE } from '../../core/train/run/trainJob.js';
import { startTrainingRun, TrainingRunError } from '../../core/train/run/workerClient.js';
import { listOption, numberOption, stringOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import { datasetArgument, readerOptionSpecs, type CliCommand, type CliIO } from '../command.js';

/** Where runs go when --out is not given, relative to the current folder. */
export const DEFAULT_RUNS_DIR = path.join('.imbalance-lens', 'runs');

/** The options train and compare share (compare replaces --loss/--resampling with lists). */
export const trainingOptionSpecs: OptionSpecs = {
  hidden: { type: 'string', valueName: 'W[,W]', description: `hidden layer widths (default ${DEFAULT_JOB_SETTINGS.hidden.join(',')}); 0 or '' for a linear model, 256,128 for two layers` },
  dropout: { type: 'number', valueName: 'P', description: 'dropout after each hidden layer while training (default 0)' },
  epochs: { type: 'integer', valueName: 'N', description: `most epochs (default ${DEFAULT_JOB_SETTINGS.epochs})` },
  patience: { type: 'integer', valueName: 'N', description: `stop after N epochs without a better validation macro-F1, keeping the best epoch after the first N (default ${DEFAULT_JOB_SETTINGS.patience}); 0: exactly --epochs, on every training row when the test rows come from --test` },
  folds: { type: 'string', valueName: 'K|auto', description: `k-fold cross-validation of the training rows instead of a carved validation part, when no validation rows are given (default auto: ${AUTO_FOLDS} folds below ${AUTO_FOLDS_MAX_ROWS} rows; 0: carve ${Math.round(VALIDATION_CARVE * 100)}%)` },
  ensemble: { type: 'integer', valueName: 'N', description: `after cross-validation, the final model is the mean of N models with their own seeds (default ${DEFAULT_ENSEMBLE}; 1: one model)` },
  'batch-size': { type: 'integer', valueName: 'N', description: `rows per step (default ${DEFAULT_JOB_SETTINGS.batchSize})` },
  lr: { type: 'number', valueName: 'X', description: `Adam learning rate (default ${DEFAULT_JOB_SETTINGS.learningRate})` },
  seed: { type: 'integer', valueName: 'N', description: 'random seed of the split, the initial weights, the batches and resampling (default 0)' },
  test: { type: 'string', valueName: 'FILE', description: 'a separate test file with the same labels (e.g. MULAN train/test pairs); validation is then carved from FILE' },
  ratios: { type: 'list', valueName: 'a,b,c', description: `train,validation,test proportions when FILE has no split column and no --test (default ${DEFAULT_RATIOS.join(',')})` },
  out: { type: 'string', valueName: 'DIR', description: `the runs folder (default ${DEFAULT_RUNS_DIR}); each run gets DIR/<YYYYMMDD-HHMMSS>-<name>/` },
  name: { type: 'string', valueName: 'NAME', description: "the run's name in its folder name (default: the dataset's base name)" },
  format: { type: 'string', choices: ['table', 'json'], description: 'result on stdout (default: table on a terminal, json otherwise); progress goes to stderr' },
  labels: readerOptionSpecs.labels,
  'labels-from': readerOptionSpecs['labels-from'],
  'label-column': readerOptionSpecs['label-column'],
  'input-format': readerOptionSpecs['input-format'],
};

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train one imbalance-aware baseline (MLP) with a validation-tuned threshold per label, saved in a run folder',
  usage: 'imbalance-lens train FILE [--loss bce|wbce|focal|asl|cb] [--resampling none|mlros|mlsmote] [--hidden 128] [--epochs 60] [--patience N] [--seed 0] [--test FILE] [--out DIR] [--format json|table]',
  options: {
    loss: { type: 'string', choices: STRATEGY_LOSSES, description: 'bce, wbce (BCE with pos_weight), focal, asl (asymmetric) or cb (class-balanced BCE); default wbce' },
    resampling: { type: 'string', choices: STRATEGY_RESAMPLINGS, description: 'resample the training split first: mlros or mlsmote (default none)' },
    ...trainingOptionSpecs,
  },
  async run(args, io, signal) {
    const job = trainingJobFrom(args, 'train');
    const loss = (stringOption(args, 'loss') ?? 'wbce') as TrainJob['strategies'][number]['loss'];
    const resampling = (stringOption(args, 'resampling') ?? 'none') as StrategyResampling;
    return runFromCli({ ...job, strategies: [{ loss, resampling }] }, args, io, signal);
  },
};

/** Everything of a job but its strategies, from the shared options. */
export function trainingJobFrom(args: ParsedArgs, kind: TrainJob['kind']): Omit<TrainJob, 'strategies'> {
  const file = path.resolve(datasetArgument(args, kind));
  const test = stringOption(args, 'test');
  const name = stringOption(args, 'name');
  const read: TrainReadOptions = {};
  const labels = listOption(args, 'labels');
  const labelsFrom = numberOption(args, 'labels-from');
  const labelColumn = stringOption(args, 'label-column');
  const format = stringOption(args, 'input-format') as TrainReadOptions['format'];
  if (labels) read.labels = labels;
  if (labelsFrom !== undefined) read.labelsFrom = labelsFrom;
  if (labelColumn !== undefined) read.labelColumn = labelColumn;
  if (format !== undefined) read.format = format;
  return {
    kind,
    file,
    ...(test !== undefined ? { testFile: path.resolve(test) } : {}),
    runsDir: path.resolve(stringOption(args, 'out') ?? DEFAULT_RUNS_DIR),
    ...(name !== undefined ? { name } : {}),
    hidden: hiddenFrom(stringOption(args, 'hidden')),
    dropout: numberOption(args, 'dropout') ?? DEFAULT_JOB_SETTINGS.dropout,
    epochs: numberOption(args, 'epochs') ?? DEFAULT_JOB_SETTINGS.epochs,
    patience: numberOption(args, 'patience') ?? DEFAULT_JOB_SETTINGS.patience,
    batchSize: numberOption(args, 'batch-size') ?? DEFAULT_JOB_SETTINGS.batchSize,
    learningRate: numberOption(args, 'lr') ?? DEFAULT_JOB_SETTINGS.learningRate,
    seed: numberOption(args, 'seed') ?? DEFAULT_JOB_SETTINGS.seed,
    ratios: ratiosFrom(listOption(args, 'ratios')),
    folds: foldsFrom(stringOption(args, 'folds')),
    ...(numberOption(args, 'ensemble') !== undefined ? { ensemble: numberOption(args, 'ensemble') } : {}),
    ...(Object.keys(read).length > 0 ? { read } : {}),
  };
}

/** `--folds auto` (the default) or a whole number (checkTrainJob checks it). */
function foldsFrom(text: string | undefined): number | 'auto' {
  if (text === undefined || text.trim().toLowerCase() === 'auto') return DEFAULT_JOB_SETTINGS.folds;
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** `--hidden 128` -> [128]; `256,128` -> two layers; `0` or `''` -> [] (a linear model). */
export function hiddenFrom(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_JOB_SETTINGS.hidden];
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0 || (items.length === 1 && Number(items[0]) === 0)) return [];
  return items.map((item) => {
    const width = Number(item);
    if (!Number.isInteger(width) || width < 1) throw new UsageError(`--hidden expects layer widths such as 128 or 256,128 (0 or '' for a linear model); got "${text}"`);
    return width;
  });
}

function ratiosFrom(items: string[] | undefined): [number, number, number] {
  if (items === undefined) return [...DEFAULT_RATIOS];
  const values = items.map(Number);
  if (values.length !== 3 || values.some((v) => !Number.isFinite(v))) throw new UsageError(`--ratios expects three proportions train,validation,test such as 0.7,0.15,0.15; got "${items.join(',')}"`);
  return [values[0], values[1], values[2]];
}

/** The bundled training worker beside the CLI; absent when running from sources. */
function bundledTrainWorker(): string | undefined {
  const candidate = path.join(__dirname, 'trainWorker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** Runs the job (worker or this thread), progress on stderr, the result on stdout; returns the exit code. */
export async function runFromCli(job: TrainJob, args: ParsedArgs, io: CliIO, signal: AbortSignal): Promise<number> {
  const format = stringOption(args, 'format') ?? (io.isTTY ? 'table' : 'json');
  checkTrainJob(job); // a usage error here, the same from the worker or this thread
  const progress = progressPrinter(io);
  const workerScript = bundledTrainWorker();
  let summary: RunSummary;
  try {
    summary = workerScript ? await startTrainingRun(job, { workerScript, onMessage: progress, signal }) : await runOnThisThread(job, progress, signal);
  } catch (e) {
    if (!(e instanceof TrainingRunError) || signal.aborted) throw e;
    io.stderr(`error: ${e.message}\n`);
    return e.userError ? 1 : 70;
  }
  io.stdout(format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : summaryTable(summary));
  if (summary.status === 'cancelled') {
    io.stderr(`cancelled: the run folder is kept, marked cancelled: ${summary.runDir}\n`);
    return 130;
  }
  if (summary.status === 'failed') {
    io.stderr(`error: the run failed: ${summary.error ?? 'unknown error'} (run folder ${summary.runDir})\n`);
    return 1;
  }
  io.stderr(`run saved in ${summary.runDir}\n`);
  return 0;
}

/**
 * From sources the training runs here. The module path in a variable keeps esbuild from bundling
 * TensorFlow.js into dist/cli.js, which always has the worker bundle beside it.
 */
async function runOnThisThread(job: TrainJob, onMessage: (m: FromTrainingWorker) => void, signal: AbortSignal): Promise<RunSummary> {
  const modulePath = '../../core/train/run/runTraining.js';
  const { runTraining } = (await import(modulePath)) as typeof import('../../core/train/run/runTraining.js');
  return runTraining(job, onMessage, { signal });
}

/** One stderr line per epoch (`[wbce] epoch 12/60  loss 0.183  val macro-F1 0.512`), and the run's milestones. */
function progressPrinter(io: CliIO): (m: FromTrainingWorker) => void {
  let epochs = 0;
  let scoredOn = 'val';
  return (m) => {
    switch (m.type) {
      case 'prepared':
        epochs = m.epochs;
        // a cross-validated run's epochs are the fold models' side by side, scored out of fold
        scoredOn = crossValidated(m.summary.split) ? 'out-of-fold' : 'val';
        io.stderr(`run folder ${m.summary.runDir}; training ${m.strategies.join(', ')} on ${m.summary.backend}\n`);
        break;
      case 'log':
        io.stderr(`${m.message}\n`);
        break;
      case 'epoch': {
        const r = m.record;
        const val = r.macroF1 === null ? '' : `  ${scoredOn} macro-F1 ${r.macroF1.toFixed(3)}`;
        io.stderr(`[${m.strategy}] epoch ${r.epoch}/${epochs}  loss ${r.trainLoss.toFixed(3)}${val}\n`);
        break;
      }
      case 'strategyDone': {
        const r = m.result;
        io.stderr(`[${r.strategy}] done after ${r.epochsRun} epochs (best ${r.bestEpoch}): test macro-F1 ${r.fixed.macroF1.toFixed(3)} at 0.5, ${r.tuned.macroF1.toFixed(3)} tuned\n`);
        break;
      }
      default:
        break;
    }
  };
}

/** The result as a small table: one row per strategy, then the recommendation. */
export function summaryTable(summary: RunSummary): string {
  // Validation figures (what the recommendation is chosen on; tuned = thresholds tuned out of fold), then test figures.
  // The test macro-F1 column at the thresholds in force is starred (a footnote says so).
  const inForce = thresholdsInForce(summary);
  const star = (side: 'fixed' | 'tuned') => (inForce === side ? '*' : '');
  const head = ['strategy', 'epochs', 'best', 'val F1@0.5', 'val F1 tuned', `test F1@0.5${star('fixed')}`, `test F1 tuned${star('tuned')}`, 'micro-F1 tuned', 'mAP', 'tail-F1 tuned'];
  const rows = summary.strategies.map((r) => [
    r.strategy,
    String(r.epochsRun),
    String(r.bestEpoch),
    r.validation ? r.validation.fixed.macroF1.toFixed(4) : '-',
    r.validation ? r.validation.tuned.macroF1.toFixed(4) : '-',
    r.fixed.macroF1.toFixed(4),
    r.tuned.macroF1.toFixed(4),
    r.tuned.microF1.toFixed(4),
    r.tuned.mAP.toFixed(4),
    r.tuned.tailF1.toFixed(4),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]): string => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [
    `${summary.kind} ${summary.name}: ${summary.status}${summary.error ? ` (${summary.error})` : ''}`,
    `run folder: ${summary.runDir}`,
    `split: ${summary.split.source}; ${splitRowsText(summary.split)}`,
    ...(summary.split.absent.length > 0 ? [`absent labels: ${summary.split.absent.join(', ')}`] : []),
    '',
    line(head),
    ...rows.map(line),
    ...(inForce && rows.length > 0 ? [`* thresholds in force: ${thresholdsName(inForce === 'tuned')}${summary.thresholdsReason !== undefined ? ` (${summary.thresholdsReason})` : ''}`] : []),
  ];
  if (summary.recommendation) {
    const { strategy, tuned, chosenOn, reason } = summary.recommendation;
    const on = chosenOn === 'validation' && crossValidated(summary.split) ? 'the out-of-fold scores of the training rows' : `the ${chosenOn} rows`;
    out.push('', `recommended (chosen on ${on}): ${strategy}${tuned ? ' with tuned thresholds' : ' at 0.5'}`, reason);
  }
  return out.join('\n') + '\n';
}
