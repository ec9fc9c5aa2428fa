/**
 * The protocol validator checks a view's top-level shape only; the fields the Evaluation view
 * draws are checked here, so that a report of another version fails with one clear sentence
 * instead of a TypeError halfway through the page.
 */
import type { EvaluationView } from '../../../src/protocol/dashboard.js';

const NUMBERS = ['rows', 'labels', 'hammingLoss', 'subsetAccuracy', 'lrap', 'coverageError', 'rankingLoss'] as const;
const STRINGS = ['truthFile', 'predFile', 'scoreKind', 'joinedBy', 'thresholdSource'] as const;
const ARRAYS = ['perLabel', 'bands', 'confusedPairs', 'notes'] as const;
const LABEL_NUMBERS = ['tp', 'fp', 'fn', 'tn', 'support', 'prevalence', 'ap', 'threshold'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The names of missing or mistyped fields; empty when the view can be drawn. */
export function evaluationProblems(view: EvaluationView): string[] {
  const r = view.report as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of NUMBERS) if (typeof r[key] !== 'number') problems.push(key);
  for (const key of STRINGS) if (typeof r[key] !== 'string') problems.push(key);
  for (const key of ARRAYS) if (!Array.isArray(r[key])) problems.push(key);
  if (!Array.isArray(view.curves)) problems.push('curves');
  const averages = r.averages;
  if (!isObject(averages) || !['micro', 'macro', 'weighted', 'samples'].every((a) => isObject(averages[a]))) problems.push('averages');
  const mAP = r.mAP;
  if (!isObject(mAP) || !['macro', 'micro', 'weighted'].every((a) => typeof mAP[a] === 'number')) problems.push('mAP');
  if (!isObject(r.jaccard)) problems.push('jaccard');
  const sweep = r.sweep;
  if (
    !isObject(sweep) ||
    !Array.isArray(sweep.threshold) ||
    !Array.isArray(sweep.macroF1) ||
    !Array.isArray(sweep.microF1) ||
    sweep.macroF1.length !== sweep.threshold.length ||
    sweep.microF1.length !== sweep.threshold.length
  ) {
    problems.push('sweep');
  }
  if (r.confusedMatrix !== null && !Array.isArray(r.confusedMatrix)) problems.push('confusedMatrix');
  const tuning = r.tuning;
  if (tuning !== null && (!isObject(tuning) || !Array.isArray(tuning.thresholds) || !isObject(tuning.after) || typeof tuning.caveat !== 'string')) problems.push('tuning');
  if (Array.isArray(r.perLabel)) {
    const bad = (r.perLabel as unknown[]).findIndex((l) => !isObject(l) || typeof l.name !== 'string' || LABEL_NUMBERS.some((k) => typeof l[k] !== 'number'));
    if (bad >= 0) problems.push(`perLabel[${bad}]`);
    else if (r.perLabel.length !== r.labels) problems.push('perLabel (not one per label)');
  }
  return problems;
}

export function assertDrawableEvaluation(view: EvaluationView): void {
  const problems = evaluationProblems(view);
  if (problems.length > 0) throw new Error(`the evaluation report lacks or mistypes ${problems.join(', ')} (was it made by another version of Imbalance Lens?)`);
}
