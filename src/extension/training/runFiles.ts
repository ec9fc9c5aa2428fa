/**
 * Runs as they are on disk: run.json read and checked (a run folder moved since it was written is
 * read where it is now), the runs under a runs folder newest first, each strategy's epochs from
 * its metrics.jsonl, and deleting a run folder, only strictly inside a runs folder and only a
 * folder that holds a run.json.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { StrategyHistory } from '../../protocol/dashboard.js';
import type { EpochRecord, RunSummary, StrategyResult } from '../../protocol/training.js';

export const RUN_JSON = 'run.json';

/** True when `child` is strictly inside `parent` (not the folder itself, not beside it through `..`). */
export function isStrictlyInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

const STATUSES = new Set(['running', 'completed', 'cancelled', 'failed']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHeadline = (m: unknown): boolean => isObject(m) && ['macroF1', 'microF1', 'mAP', 'tailF1'].every((k) => typeof m[k] === 'number');
const isResult = (r: unknown): r is StrategyResult =>
  isObject(r) && typeof r.strategy === 'string' && typeof r.runDir === 'string' && isHeadline(r.fixed) && isHeadline(r.tuned);

/** A run.json with the fields the Runs view and the dashboard read. */
export function isRunSummary(v: unknown): v is RunSummary {
  return (
    isObject(v) &&
    (v.kind === 'train' || v.kind === 'compare') &&
    typeof v.name === 'string' &&
    typeof v.runDir === 'string' &&
    typeof v.file === 'string' &&
    typeof v.status === 'string' &&
    STATUSES.has(v.status) &&
    typeof v.startedAt === 'string' &&
    Array.isArray(v.labelNames) &&
    isObject(v.split) &&
    Array.isArray(v.strategies) &&
    v.strategies.every(isResult)
  );
}

/** The run.json of `runDir`, with its paths moved to where the folder is now; undefined when absent or not a run summary. */
export async function readRunSummary(runDir: string): Promise<RunSummary | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path.join(runDir, RUN_JSON), 'utf8'));
  } catch {
    return undefined;
  }
  return isRunSummary(parsed) ? relocated(parsed, runDir) : undefined;
}

/** A summary whose folder was written elsewhere (the workspace moved): its run and strategy folders where they are now. */
function relocated(summary: RunSummary, runDir: string): RunSummary {
  const written = summary.runDir;
  if (path.resolve(written) === path.resolve(runDir)) return summary;
  const move = (dir: string) => (dir === written || isStrictlyInside(dir, written) ? path.join(runDir, path.relative(written, dir)) : dir);
  return { ...summary, runDir, strategies: summary.strategies.map((s) => ({ ...s, runDir: move(s.runDir) })) };
}

export interface RunOnDisk {
  runDir: string;
  summary: RunSummary;
}

/** The runs directly under `runsDir` (folders with a valid run.json), newest first; none when the folder is absent. */
export async function listRuns(runsDir: string): Promise<RunOnDisk[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(runsDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(runsDir, e.name));
  const runs = await Promise.all(dirs.map(async (runDir) => ({ runDir, summary: await readRunSummary(runDir) })));
  return runs
    .filter((r): r is RunOnDisk => r.summary !== undefined)
    .sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt) || path.basename(b.runDir).localeCompare(path.basename(a.runDir)));
}

/** One strategy's folder: its name and epoch cap (config.json) and its epochs so far (metrics.jsonl). */
async function readStrategyFolder(dir: string): Promise<{ strategy: string; epochs: number; records: EpochRecord[]; started: number } | undefined> {
  let config: unknown;
  let started: number;
  try {
    const file = path.join(dir, 'config.json');
    config = JSON.parse(await fs.readFile(file, 'utf8'));
    started = (await fs.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
  if (!isObject(config) || typeof config.strategy !== 'string') return undefined;
  // cross-validated: metrics.jsonl is the fold models' curve, capped by their settings (`train` is the final model's fixed epochs)
  const cv = isObject(config.crossValidation) && isObject(config.crossValidation.foldTrain) ? config.crossValidation.foldTrain : undefined;
  const train = cv ?? (isObject(config.train) ? config.train : {});
  const epochs = typeof train.epochs === 'number' ? train.epochs : 0;
  return { strategy: config.strategy, epochs, records: await readMetrics(path.join(dir, 'metrics.jsonl')), started };
}

/** metrics.jsonl: one EpochRecord a line; a line that is not one (a file being replaced) is skipped. */
export async function readMetrics(file: string): Promise<EpochRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  const records: EpochRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r: unknown = JSON.parse(line);
      if (isObject(r) && typeof r.epoch === 'number' && typeof r.trainLoss === 'number') records.push(r as unknown as EpochRecord);
    } catch {
      // a torn line: the writer replaces the file atomically, so only a hand-edited file has one
    }
  }
  return records;
}

export interface RunHistory {
  /** The strategies that started, in training order. */
  strategies: string[];
  /** The epoch cap of the run (its config.json), 0 when no strategy started. */
  epochs: number;
  history: StrategyHistory[];
}

/**
 * Each started strategy's epochs: a Train Baseline run keeps them in its own folder, a comparison
 * in a subfolder per strategy. Finished strategies come in the summary's order, then any that
 * started but did not finish (a cancelled or failed run), by when they started.
 */
export async function readRunHistory(summary: RunSummary): Promise<RunHistory> {
  let dirs: string[];
  if (summary.kind === 'train') dirs = [summary.runDir];
  else {
    const entries = await fs.readdir(summary.runDir, { withFileTypes: true }).catch(() => []);
    dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(summary.runDir, e.name));
  }
  const found = (await Promise.all(dirs.map(readStrategyFolder))).filter((f) => f !== undefined);
  const finished = summary.strategies.map((s) => s.strategy);
  const rank = (name: string) => {
    const i = finished.indexOf(name);
    return i < 0 ? finished.length : i;
  };
  found.sort((a, b) => rank(a.strategy) - rank(b.strategy) || a.started - b.started);
  return {
    strategies: found.map((f) => f.strategy),
    epochs: found.reduce((m, f) => Math.max(m, f.epochs), 0),
    history: found.map((f) => ({ strategy: f.strategy, records: f.records })),
  };
}

/**
 * Deletes the run folder `runDir`: only when it is strictly inside one of `runsDirs` (after
 * resolving symbolic links) and holds a run.json; anything else is refused with a UsageError.
 */
export async function deleteRunFolder(runDir: string, runsDirs: readonly string[]): Promise<void> {
  const real = await fs.realpath(runDir).catch(() => undefined);
  if (real === undefined) throw new UsageError(`the run folder ${runDir} is no longer there`);
  const parents = await Promise.all(runsDirs.map((d) => fs.realpath(d).catch(() => path.resolve(d))));
  if (!parents.some((parent) => isStrictlyInside(real, parent))) {
    throw new UsageError(`${runDir} is not inside a runs folder (${runsDirs.join(', ') || 'none is set'}), so it is not deleted`);
  }
  const isRun = await fs.stat(path.join(real, RUN_JSON)).then((s) => s.isFile(), () => false);
  if (!isRun) throw new UsageError(`${runDir} holds no run.json, so it is not a run folder and is not deleted`);
  await fs.rm(real, { recursive: true, force: true });
}
