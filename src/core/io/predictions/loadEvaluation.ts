/**
 * Ground truth + predictions -> EvaluationData. The predictions' header comes first (to see
 * whether both files carry the same id column), then the truth, then the predictions in full;
 * rows are joined by id or by position, and the values classified (hard, probabilities, logits).
 */
import { promises as fs } from 'node:fs';
import { DatasetError, UsageError } from '../../errors.js';
import { isIdName } from '../columnRoles.js';
import type { ReadOptions } from '../types.js';
import { evaluationData } from './assemble.js';
import { readCsvPredictions } from './csvPredictions.js';
import { checkSameRowCount, joinById } from './join.js';
import { readJsonlPredictions } from './jsonlPredictions.js';
import { listSome } from './listing.js';
import { readNpyPredictions } from './npyPredictions.js';
import { probePredictions, type PredictionProbe } from './predictionFormat.js';
import type { PredictionReadContext, PredictionTable } from './predictionTable.js';
import { ScoreChecker } from './scoreValues.js';
import { readTruth } from './truth.js';
import type { LoadedEvaluation, LoadEvaluationOptions, ScoreKind } from './types.js';

const SCORE_MODES = ['auto', 'probs', 'logits'];

export async function loadEvaluationData(truthFile: string, predFile: string, options: LoadEvaluationOptions): Promise<LoadedEvaluation> {
  const { id, scores: mode = 'auto', predLabelColumn, ...truthOptions } = options;
  if (!SCORE_MODES.includes(mode)) throw new UsageError(`--scores must be one of ${SCORE_MODES.join(', ')}, not "${mode}"`);
  const probe = await probePredictions(predFile, options.signal);
  if (id !== undefined) requireIdColumn(probe, predFile, id);
  const candidate = id ?? probe.names.find(isIdName);
  const progress = combinedProgress(options.onProgress, await fileSize(truthFile), probe.size);

  const truth = await readTruth(truthFile, { ...truthOptions, ...(progress ? { onProgress: progress.truth } : {}) } as ReadOptions, {
    ...(id !== undefined ? { required: id } : {}),
    ...(candidate !== undefined ? { candidate } : {}),
  });
  const notes: string[] = [];
  const idName = truth.idName;
  if (idName === undefined && candidate !== undefined) {
    notes.push(`the predictions have an id column "${candidate}" but the truth ${truth.schema.idColumn ? `has "${truth.schema.idColumn}"` : 'has none'}; rows joined by position`);
  }
  if (idName === undefined && truth.skippedCount > 0) {
    throw new DatasetError({ file: truthFile }, `${truth.skippedCount} malformed truth row${truth.skippedCount === 1 ? ' was' : 's were'} skipped, so joining the predictions by position would misalign them`, 'fix the truth file, or give both files an id column (--id NAME)');
  }

  const labelNames = truth.schema.labelNames;
  const ctx: PredictionReadContext = {
    file: predFile,
    labelNames,
    idName,
    checker: new ScoreChecker(mode),
    listColumn: predLabelColumn,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(progress ? { onBytes: progress.predBytes } : {}),
  };
  const pred = await readPredictions(probe, ctx, progress?.pred);
  notes.push(...pred.notes);

  let target: Int32Array | undefined;
  if (idName !== undefined && truth.ids && truth.lines && pred.ids && pred.lines) {
    target = joinById({ file: truthFile, ids: truth.ids, lines: truth.lines }, { file: predFile, ids: pred.ids, lines: pred.lines }, idName);
  } else checkSameRowCount(truthFile, truth.matrix.rows, predFile, pred.table.rows);

  const scoreKind: ScoreKind = pred.kind === 'label-list' ? 'label-list' : pred.checker.kind();
  const note = pred.kind === 'scores' ? pred.checker.note() : undefined;
  if (note) notes.push(note);
  if (truth.skippedCount > 0) notes.push(`${truth.skippedCount} malformed truth row${truth.skippedCount === 1 ? '' : 's'} skipped`);
  const data = evaluationData(labelNames, truth.matrix, pred.table, target, scoreKind === 'logits');
  return { data, scoreKind, joinedBy: target ? 'id' : 'position', notes, truthSchema: truth.schema };
}

function readPredictions(probe: PredictionProbe, ctx: PredictionReadContext, npyProgress?: (done: number, total: number) => void): Promise<PredictionTable> {
  switch (probe.format) {
    case 'csv':
    case 'tsv':
      return readCsvPredictions(ctx, probe.csvHead!);
    case 'jsonl':
      return readJsonlPredictions(ctx);
    case 'npy':
      return readNpyPredictions(ctx, npyProgress);
  }
}

function requireIdColumn(probe: PredictionProbe, file: string, id: string): void {
  if (probe.format === 'npy') throw new DatasetError({ file }, `a .npy file has no id column "${id}": its rows are joined by position`, 'leave out --id, and keep the rows in the truth file\'s order');
  if (!probe.names.includes(id)) {
    throw new DatasetError({ file, line: 1 }, `the id column "${id}" is not in the predictions`, `${probe.format === 'jsonl' ? 'fields in the first object' : 'columns'}: ${listSome(probe.names, 20)}`);
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    throw new DatasetError({ file }, 'file not found');
  }
}

/** One progress over both files: the truth's bytes, then the predictions'; never going backwards. */
function combinedProgress(onProgress: ((done: number, total: number) => void) | undefined, truthSize: number, predSize: number) {
  if (!onProgress) return undefined;
  const total = truthSize + predSize;
  let best = 0;
  let predDone = 0;
  const emit = (done: number): void => {
    const d = Math.min(total, done);
    if (d < best) return;
    best = d;
    onProgress(d, total);
  };
  return {
    truth: (done: number) => emit(Math.min(truthSize, done)),
    predBytes: (bytes: number) => emit(truthSize + (predDone += bytes)),
    pred: (done: number) => emit(truthSize + done),
  };
}
