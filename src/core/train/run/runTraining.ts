/**
 * A whole training job (Train Baseline or Compare): split once, then each strategy in turn on the
 * same split, seed and feature recipe, the run folder kept current as it goes, and progress as
 * FromTrainingWorker messages. Before the run folder exists a problem is thrown (nothing was
 * written); after, the run ends as completed, cancelled (the AbortSignal; finished strategies
 * kept) or failed (the message in run.json), and the summary is returned either way.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { evaluateScores } from '../../analysis/evaluateScores.js';
import { DatasetError } from '../../errors.js';
import { labelCounts } from '../../stats/index.js';
import type { FromTrainingWorker, RunSummary, StrategyResult, TrainJob } from '../../../protocol/training.js';
import { initTfBackend, type TfBackendOptions } from '../backend.js';
import { tailLabels } from './headline.js';
import { validationHalves } from './validationEstimate.js';
import { prepareSplit, type PreparedSplit } from './prepareSplit.js';
import { recommend } from './recommend.js';
import { createRunFolder, safeName, writeRunSummary } from './runFolder.js';
import { runStrategy, type StrategyOutcome } from './runStrategy.js';
import { strategyName } from './strategies.js';
import { checkTrainJob } from './trainJob.js';

export interface RunTrainingOptions {
  signal?: AbortSignal;
  /** Where the tfjs wasm binaries are, and which backend to prefer. */
  backend?: TfBackendOptions;
  /** The clock (the run folder's timestamp, startedAt / finishedAt). */
  now?: () => Date;
}

export async function runTraining(job: TrainJob, emit: (message: FromTrainingWorker) => void, options: RunTrainingOptions = {}): Promise<RunSummary> {
  const { signal } = options;
  const now = options.now ?? (() => new Date());
  checkTrainJob(job);
  signal?.throwIfAborted();
  const split = await prepareSplit(job, signal);
  const backend = await backendName(options.backend);
  signal?.throwIfAborted();
  const name = job.name ?? path.basename(job.file, path.extname(job.file));
  const started = now();
  const runDir = await createRunFolder(job.runsDir, name, started);
  const summary: RunSummary = {
    kind: job.kind,
    name,
    runDir,
    file: job.file,
    status: 'running',
    startedAt: started.toISOString(),
    backend,
    labelNames: split.labelNames,
    split: split.info,
    strategies: [],
  };
  try {
    await writeRunSummary(summary);
    const names = job.strategies.map(strategyName);
    emit({ type: 'prepared', summary: structuredClone(summary), strategies: names, epochs: job.epochs });
    const validated = split.folds ? `scored out of fold (${split.folds.k} folds)` : `${split.info.validation} validation`;
    emit({ type: 'log', message: `split: ${split.info.source}; ${split.info.train} training, ${validated}, ${split.info.test} test rows` });
    if (split.info.absent.length > 0) emit({ type: 'log', message: `labels absent from a part: ${split.info.absent.join(', ')}` });
    for (const note of split.notes) emit({ type: 'log', message: note });
    if (!split.folds && (job.ensemble ?? 1) > 1) emit({ type: 'log', message: `ensemble ${job.ensemble}: only a cross-validated run averages models (its final models train a fixed number of epochs); this run early-stops one model per strategy on its validation rows` });
    const tail = tailLabels(labelCounts(split.train.labels));
    const halves = !split.folds && split.validation ? validationHalves(split.validation.labels, job.seed) : undefined;
    const outcomes: StrategyOutcome[] = [];
    for (const [index, strategy] of job.strategies.entries()) {
      signal?.throwIfAborted();
      emit({ type: 'strategyStarted', strategy: names[index], index, of: names.length });
      const dir = job.kind === 'train' ? runDir : path.join(runDir, safeName(names[index]));
      await fs.mkdir(dir, { recursive: true });
      const outcome = await runStrategy(strategy, dir, { job, split, tail, ...(halves ? { validationHalves: halves } : {}), backend: options.backend, signal, emit });
      outcomes.push(outcome);
      summary.backend = backendOfEngine(outcome.engine, summary.backend);
      summary.strategies.push(outcome.result);
      await writeRunSummary(summary);
      emit({ type: 'strategyDone', result: structuredClone(outcome.result) });
    }
    // A single strategy keeps its tuned thresholds by the comparison's rule too: only when they beat 0.5 on held-out rows.
    const chosen = recommend(summary.strategies);
    if (job.kind === 'compare' && chosen) summary.recommendation = chosen;
    const shown = outcomes.find((o) => o.result.strategy === chosen?.strategy) ?? outcomes[0];
    const tuned = shown.tuned && (chosen?.tuned ?? false);
    if (job.kind === 'train' && shown.tuned) {
      summary.thresholdsTuned = tuned;
      summary.thresholdsReason = thresholdsReason(shown.result, tuned, split);
    }
    summary.evaluation = await testEvaluation(shown, split, job, tuned);
    summary.status = 'completed';
  } catch (e) {
    if (signal?.aborted) summary.status = 'cancelled';
    else {
      summary.status = 'failed';
      summary.error = e instanceof DatasetError ? e.describe() : e instanceof Error ? e.message : String(e);
    }
  }
  summary.finishedAt = now().toISOString();
  await writeRunSummary(summary);
  emit({ type: 'finished', summary });
  return summary;
}

/**
 * Why a single strategy's tuned thresholds are in force or not, with the held-out figures:
 * `tuned thresholds beat 0.5 out of fold: macro-F1 0.671 tuned vs 0.668 at 0.5`.
 */
function thresholdsReason(result: StrategyResult, tuned: boolean, split: PreparedSplit): string {
  const where = split.folds ? 'out of fold' : 'on the validation rows, each half scored at the thresholds tuned on the other';
  const v = result.validation;
  const figures = v ? `: macro-F1 ${v.tuned.macroF1.toFixed(3)} tuned vs ${v.fixed.macroF1.toFixed(3)} at 0.5` : '';
  return tuned ? `tuned thresholds beat 0.5 ${where}${figures}` : `tuned thresholds did not beat 0.5 ${where}${figures}`;
}

/** The evaluation engine's full report on the test rows, at the tuned thresholds (when there are any and they are in force) or 0.5. */
function testEvaluation(outcome: StrategyOutcome, split: PreparedSplit, job: TrainJob, tuned: boolean) {
  const validationRows = split.validation?.rows ?? 0;
  const useTuned = tuned && outcome.tuned;
  const heldOut = split.folds ? 'out of fold' : 'on the validation rows';
  return evaluateScores(outcome.test, {
    thresholds: useTuned ? outcome.thresholds : outcome.thresholds.map(() => 0.5),
    thresholdSource: useTuned
      ? split.folds
        ? `per label, tuned for F1 on the out-of-fold scores of the ${split.info.train} training rows (${split.folds.k}-fold cross-validation)`
        : `per label, tuned for F1 on the ${validationRows} validation rows`
      : outcome.tuned
        ? job.kind === 'compare'
          ? `0.5 for every label (tuning did not raise the median strategy's macro-F1 ${heldOut})`
          : `0.5 for every label (the tuned thresholds did not beat it ${heldOut})`
        : '0.5 for every label (no validation split to tune on)',
    origin: {
      truthFile: split.testFile ?? `${job.file} (test split)`,
      predFile: path.join(outcome.result.runDir, 'predictions.csv'),
      scoreKind: 'probabilities',
      joinedBy: 'position',
      notes: [`${outcome.result.strategy}: test-split scores of the model trained on ${split.info.train} rows (${split.info.source})`, ...split.notes],
    },
  });
}

/** The TensorFlow.js backend as the run summary names it; 'js' when none loads (the step then runs in plain JS). */
async function backendName(options: TfBackendOptions | undefined): Promise<string> {
  try {
    const name = await initTfBackend(options);
    return name === 'tensorflow' ? 'tensorflow (tfjs-node)' : name === 'cpu' ? 'js' : name;
  } catch {
    return 'js';
  }
}

/** What actually ran the steps (TrainResult.engine: 'js', 'js+wasm', 'js+tensorflow', 'tfjs-wasm', ...). */
function backendOfEngine(engine: string, fallback: string): string {
  if (engine === 'js') return 'js';
  if (engine.endsWith('tensorflow')) return 'tensorflow (tfjs-node)';
  if (engine.endsWith('wasm')) return 'wasm';
  if (engine.endsWith('cpu')) return 'cpu';
  return fallback;
}
