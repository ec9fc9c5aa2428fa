/**
 * What a dashboard shows (DashboardSource), the files around it that its buttons use, and how a
 * failure reads in the page: plain functions of the source and the report, without the session.
 */
import * as path from 'node:path';
import { DatasetError, isUserError } from '../../core/errors.js';

/**
 * What a dashboard shows: a dataset's analysis, a predictions file evaluated against its truth, a
 * finished resampling (identified by the file written) or split (by the dataset split), a training
 * run (by its folder), or two runs side by side (by both folders).
 */
export type DashboardSource =
  | { kind: 'analysis'; file: string }
  | { kind: 'evaluation'; file: string; truthFile: string }
  | { kind: 'resample'; file: string }
  | { kind: 'split'; file: string }
  | { kind: 'training'; file: string }
  | { kind: 'runComparison'; file: string; otherFile: string };

/** The files this dashboard reads (or, for a resampling, wrote: `resampledFrom` is its input): never a target for "Insert". */
export function inputFilesOf(source: DashboardSource, resampledFrom?: string): string[] {
  if (source.kind === 'evaluation') return [source.file, source.truthFile];
  if (resampledFrom !== undefined) return [resampledFrom, source.file];
  return [source.file];
}

/** Where a chart image is saved by default: beside the file, or in the run folder. */
export function imageFolderOf(source: DashboardSource): string {
  return source.kind === 'training' || source.kind === 'runComparison' ? source.file : path.dirname(source.file);
}

/**
 * The file "open" shows: the dataset, or the predictions (the truth when the predictions are a
 * binary .npy); for a run, the test predictions of its evaluation (`runPredictions`), else its run.json.
 */
export function textFileOf(source: DashboardSource, runPredictions?: string): string {
  if (source.kind === 'training' || source.kind === 'runComparison') return runPredictions ?? path.join(source.file, 'run.json');
  if (source.kind === 'evaluation' && path.extname(source.file).toLowerCase() === '.npy') return source.truthFile;
  return source.file;
}

/** A failure as one sentence a user can act on (the log has the details). */
export function failureSentence(e: unknown): string {
  if (e instanceof DatasetError) {
    const where = e.line !== undefined ? ` (line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''})` : '';
    const subject = e.message.includes(e.file) ? '' : `${path.basename(e.file)}: `;
    return `${subject}${e.message}${where}.${e.hint ? ` Hint: ${e.hint}.` : ''}`;
  }
  if (isUserError(e)) return `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`;
  const message = e instanceof Error ? e.message : String(e);
  return `Unexpected failure: ${message}. The Imbalance Lens log has the details.`;
}
