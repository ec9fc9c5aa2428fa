/**
 * Messages between the extension host and the dashboard webview: one discriminated union per
 * direction, a ready handshake (the webview says `ready`, the host answers with the view), and a
 * validator per direction that every receiver runs before trusting a message. Types and plain
 * checks only: no `vscode`, no DOM, so host, webview and tests all import this file.
 */
import type { AnalysisReport } from '../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../core/analysis/evaluatePredictions.js';
import type { MeasureSummary } from '../core/analysis/measureSummary.js';
import type { ResampleReport } from '../core/analysis/resampleDataset.js';
import type { SplitReport } from '../core/analysis/splitDataset.js';
import type { LabelCurves } from '../core/metrics/curves/types.js';
import { WEIGHT_SCHEMES, type WeightScheme } from '../core/weights/types.js';
import type { EpochRecord, HeadlineMetrics, RunSummary, StrategyResult } from './training.js';

/** Bumped when a message changes shape; a webview restored from an older state re-asks for its view. */
export const PROTOCOL_VERSION = 1;

/** How many labels' curves the host sends with an evaluation view; more are asked for by name. */
export const INITIAL_CURVE_LABELS = 8;

/** A dataset analysis as the dashboard draws it: the analysis report, which holds only aggregates. */
export interface DatasetView {
  kind: 'analysis';
  /** Absolute path of the dataset (the panel's identity). */
  file: string;
  report: AnalysisReport;
  /**
   * A section to open on arrival, e.g. 'weights' ("Show Weight Suggestions"), over the tab the
   * restored UI state names. Sent once: the views that follow (reloads, refreshes) leave it out.
   */
  focus?: string;
}

/**
 * An evaluation as the dashboard draws it: the report without its per-label curves (up to
 * thousands of labels times a few hundred points), plus the curves of the first labels by support;
 * the rest are sent on request (`requestCurves`).
 */
export interface EvaluationView {
  kind: 'evaluation';
  /** Absolute path of the predictions file (the panel's identity). */
  file: string;
  report: Omit<EvaluationReport, 'curves'>;
  curves: LabelCurves[];
}

/** Set on a resample or split view shown again from a panel's saved state after a window reload. */
export interface RestoredNote {
  /** Files the run wrote that are no longer there. */
  missing: string[];
}

/**
 * A finished resampling: the measures before and after and the per-label counts. The panel's
 * identity is the file written (`report.out`); a new run to the same file replaces the view.
 */
export interface ResampleView {
  kind: 'resample';
  file: string;
  report: ResampleReport;
  restored?: RestoredNote;
}

/** A finished stratified split: per part and per label. The panel's identity is the input dataset. */
export interface SplitView {
  kind: 'split';
  file: string;
  report: SplitReport;
  restored?: RestoredNote;
}

/** One strategy's epochs so far, in epoch order (metrics.jsonl of its folder). */
export interface StrategyHistory {
  strategy: string;
  records: EpochRecord[];
}

/**
 * A training run (Train Baseline or Compare): its summary so far and every strategy's epochs,
 * live while this window trains it (then `trainingProgress` messages follow, one per event), or
 * read back from its run folder. The panel's identity is the run folder.
 */
export interface TrainingView {
  kind: 'training';
  /** The run folder. */
  file: string;
  /** run.json without the evaluation (sent apart, as an evaluation view). */
  summary: Omit<RunSummary, 'evaluation'>;
  /** The strategies of the run, in training order (read back from disk: those that started). */
  strategies: string[];
  /** The most epochs a strategy trains (early stopping may end it sooner). */
  epochs: number;
  history: StrategyHistory[];
  /** True while this window trains the run: progress follows. */
  live: boolean;
  /** The strategy in training now (live), else null. */
  current: string | null;
  /** Live, after cross-validation: the current strategy's final model in training (they send no epochs). */
  finalModel?: FinalModelStage;
  /** The test-split evaluation of the recommended (or only) strategy, as the evaluation view draws it. */
  evaluation?: EvaluationView;
}

/** Final model `member` of `of`, trained `epochs` epochs on every training row. */
export interface FinalModelStage {
  member: number;
  of: number;
  epochs: number;
}

/** What happens in a live run, as `trainingProgress` carries it; applyTrainingEvent adds it to a view. */
export type TrainingEvent =
  | { kind: 'strategyStarted'; strategy: string; index: number }
  | { kind: 'epoch'; strategy: string; record: EpochRecord }
  | ({ kind: 'finalModel'; strategy: string } & FinalModelStage)
  | { kind: 'strategyDone'; result: StrategyResult };

/** One side of a run comparison: a run's headline and per-label test F1, at the thresholds in force. */
export interface RunDigest {
  runDir: string;
  name: string;
  /** The dataset trained on. */
  file: string;
  kind: RunSummary['kind'];
  status: RunSummary['status'];
  startedAt: string;
  /** The strategy evaluated on the test split (a comparison's recommended one), null when none finished. */
  strategy: string | null;
  fixed: HeadlineMetrics | null;
  tuned: HeadlineMetrics | null;
  /** How the thresholds in force were chosen (the evaluation's thresholdSource), null without an evaluation. */
  thresholdSource: string | null;
  /** Test split, thresholds in force (tuned on validation when the run had validation rows); empty without an evaluation. */
  perLabel: { name: string; f1: number | null; support: number }[];
}

/** Two runs side by side: the identity is the first run folder, with the second as `otherFile`. */
export interface RunComparisonView {
  kind: 'runComparison';
  file: string;
  otherFile: string;
  runs: [RunDigest, RunDigest];
}

export type DashboardView = DatasetView | EvaluationView | ResampleView | SplitView | TrainingView | RunComparisonView;

/** What the webview keeps across hiding and reloads (vscode.setState), and what the serializer reads back. */
export interface DashboardState {
  protocol: number;
  kind: DashboardView['kind'];
  /** The dataset (analysis) or predictions file (evaluation). */
  file: string;
  /** The ground truth of an evaluation, so that a reload can evaluate again. */
  truthFile?: string;
  /** A run comparison's second run folder. */
  otherFile?: string;
  /** UI choices: the open tab, sort keys, filters, toggles, selected labels. Free-form, owned by the webview. */
  ui: Record<string, string | number | boolean | string[]>;
  /**
   * Resample and split only: the report itself, kept in the webview's saved state (never sent in
   * `state` messages), because it cannot be made again without writing the files again. The
   * serializer shows it again after a reload.
   */
  report?: ResampleReport | SplitReport;
}

export type ExportFormat = 'pytorch' | 'json';

/** Host to webview. */
export type HostMessage =
  | { type: 'view'; view: DashboardView }
  /** Work in progress (a re-run after a reload, say): show `message` instead of stale content. */
  | { type: 'busy'; message: string }
  /** The view could not be made: what went wrong, in one user-facing sentence. */
  | { type: 'failed'; message: string }
  /** Answer to `requestCurves`: the curves of the labels asked for, in the order asked. */
  | { type: 'curves'; requestId: number; curves: LabelCurves[] }
  /** Outcome of an action the webview asked for (copied, inserted, saved), for a short status line. */
  | { type: 'done'; action: string; message: string }
  /** A live training view of run folder `file` gains an event (an epoch, a strategy started or done). */
  | { type: 'trainingProgress'; file: string; event: TrainingEvent };

/** Webview to host. */
export type WebviewMessage =
  /** The webview is listening; `state` is what it restored (null on a fresh panel). */
  | { type: 'ready'; state: DashboardState | null }
  /** The UI state changed (the host keeps it for the serializer's next restore). */
  | { type: 'state'; state: DashboardState }
  | { type: 'requestCurves'; requestId: number; labels: string[] }
  /** Weights of one scheme: copy to the clipboard, or insert at the cursor of the last active text editor. */
  | { type: 'copyWeights'; scheme: WeightScheme; format: ExportFormat }
  | { type: 'insertWeights'; scheme: WeightScheme; format: ExportFormat }
  /** Tuned thresholds: copy (PyTorch tensor or JSON), or save as a JSON file chosen in a save dialog. */
  | { type: 'copyThresholds'; format: ExportFormat }
  | { type: 'exportThresholds' }
  /** A chart image to save through a save dialog: SVG text, or a PNG as a data: URL. */
  | { type: 'saveImage'; format: 'svg' | 'png'; fileName: string; data: string }
  /** Open the analysed file, at a 1-based line when given. */
  | { type: 'openFile'; line?: number }
  /** Compute the view again from the files on disk. */
  | { type: 'refresh' };

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isInteger: Check = (v) => Number.isInteger(v);
const isPositiveLine: Check = (v) => v === undefined || (Number.isInteger(v) && (v as number) >= 1);
const isExportFormat: Check = (v) => v === 'pytorch' || v === 'json';
const isScheme: Check = (v) => typeof v === 'string' && (WEIGHT_SCHEMES as readonly string[]).includes(v);
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The fields each message type must have, with their checks (extra fields are ignored). */
function fieldsValid(message: Record<string, unknown>, fields: Record<string, Check>): boolean {
  return Object.entries(fields).every(([name, check]) => check(message[name]));
}

const isOptionalNumber: Check = (v) => v === undefined || isNumber(v);
const isNumberArray: Check = (v) => Array.isArray(v) && v.every(isNumber);
const isArrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const isObjectWith = (fields: Record<string, Check>): Check => (v) => isObject(v) && fieldsValid(v, fields);

const VIEW_KINDS: Record<DashboardView['kind'], true> = { analysis: true, evaluation: true, resample: true, split: true, training: true, runComparison: true };
const isViewKind: Check = (k) => typeof k === 'string' && Object.hasOwn(VIEW_KINDS, k);

export function isDashboardState(v: unknown): v is DashboardState {
  if (!isObject(v)) return false;
  if (!fieldsValid(v, { protocol: isInteger, kind: isViewKind, file: isString })) return false;
  if (v.truthFile !== undefined && !isString(v.truthFile)) return false;
  if (v.otherFile !== undefined && !isString(v.otherFile)) return false;
  if (v.report !== undefined && !(v.kind === 'resample' ? isResampleReport(v.report) : v.kind === 'split' && isSplitReport(v.report))) return false;
  if (!isObject(v.ui)) return false;
  return Object.values(v.ui).every((x) => isString(x) || isNumber(x) || typeof x === 'boolean' || isStringArray(x));
}

const WEBVIEW_MESSAGE_FIELDS: Record<WebviewMessage['type'], Record<string, Check>> = {
  ready: { state: (s) => s === null || isDashboardState(s) },
  state: { state: isDashboardState },
  requestCurves: { requestId: isInteger, labels: isStringArray },
  copyWeights: { scheme: isScheme, format: isExportFormat },
  insertWeights: { scheme: isScheme, format: isExportFormat },
  copyThresholds: { format: isExportFormat },
  exportThresholds: {},
  saveImage: { format: (f) => f === 'svg' || f === 'png', fileName: isString, data: isString },
  openFile: { line: isPositiveLine },
  refresh: {},
};

/** A message from the webview, checked field by field; anything else is not one. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObject(v) || typeof v.type !== 'string' || !Object.hasOwn(WEBVIEW_MESSAGE_FIELDS, v.type)) return false;
  return fieldsValid(v, WEBVIEW_MESSAGE_FIELDS[v.type as WebviewMessage['type']]);
}

const isRestoredNote: Check = (v) => v === undefined || (isObject(v) && isStringArray(v.missing));

const isView: Check = (v) => {
  if (!isObject(v) || !isString(v.file) || !isObject(v.report)) return false;
  if (v.kind === 'analysis') return Array.isArray(v.report.perLabel) && isNumber(v.report.instances);
  if (v.kind === 'evaluation') return Array.isArray(v.report.perLabel) && isNumber(v.report.rows) && Array.isArray(v.curves);
  if (v.kind === 'resample') return isResampleReport(v.report) && isRestoredNote(v.restored);
  if (v.kind === 'split') return isSplitReport(v.report) && isRestoredNote(v.restored);
  return false;
};

const isEpochRecord: Check = (r) => isObject(r) && isInteger(r.epoch) && isNumber(r.trainLoss);
const isStrategyResult: Check = (r) => isObject(r) && isString(r.strategy) && isObject(r.fixed) && isObject(r.tuned);

/** A training view: the summary's fields the view draws, each strategy's history, the evaluation as an evaluation view. */
export function isTrainingView(v: unknown): v is TrainingView {
  if (!isObject(v) || v.kind !== 'training' || !isString(v.file) || !isObject(v.summary)) return false;
  const s = v.summary;
  const summaryValid = fieldsValid(s, { name: isString, file: isString, status: isString, kind: isString, labelNames: isStringArray, split: isObject, strategies: isArrayOf(isStrategyResult) });
  return (
    summaryValid &&
    fieldsValid(v, {
      strategies: isStringArray,
      epochs: isNumber,
      history: isArrayOf(isObjectWith({ strategy: isString, records: isArrayOf(isEpochRecord) })),
      live: (l) => typeof l === 'boolean',
      current: (c) => c === null || isString(c),
    }) &&
    (v.finalModel === undefined || isFinalModelStage(v.finalModel)) &&
    (v.evaluation === undefined || (isObject(v.evaluation) && v.evaluation.kind === 'evaluation' && isView(v.evaluation)))
  );
}

const isHeadline: Check = (m) => m === null || isObjectWith({ macroF1: isNumber, microF1: isNumber, mAP: isNumber, tailF1: isNumber })(m);
const isRunDigest = isObjectWith({
  runDir: isString,
  name: isString,
  file: isString,
  status: isString,
  strategy: (s) => s === null || isString(s),
  fixed: isHeadline,
  tuned: isHeadline,
  perLabel: isArrayOf(isObjectWith({ name: isString, f1: (f) => f === null || isNumber(f), support: isNumber })),
});

export function isRunComparisonView(v: unknown): v is RunComparisonView {
  return isObject(v) && v.kind === 'runComparison' && isString(v.file) && isString(v.otherFile) && Array.isArray(v.runs) && v.runs.length === 2 && v.runs.every(isRunDigest);
}

const isFinalModelStage = isObjectWith({ member: isInteger, of: isInteger, epochs: isInteger });

const isTrainingEvent: Check = (e) => {
  if (!isObject(e)) return false;
  if (e.kind === 'strategyStarted') return isString(e.strategy) && isInteger(e.index);
  if (e.kind === 'epoch') return isString(e.strategy) && isEpochRecord(e.record);
  if (e.kind === 'finalModel') return isString(e.strategy) && isFinalModelStage(e);
  if (e.kind === 'strategyDone') return isStrategyResult(e.result);
  return false;
};

/**
 * Adds a live event to a training view (mutating it): the host's copy and the webview's apply
 * the same events, so a page shown again later gets the same view the open one has drawn.
 */
export function applyTrainingEvent(view: TrainingView, event: TrainingEvent): void {
  const historyOf = (strategy: string): StrategyHistory => {
    if (!view.strategies.includes(strategy)) view.strategies.push(strategy);
    let entry = view.history.find((h) => h.strategy === strategy);
    if (!entry) {
      entry = { strategy, records: [] };
      view.history.push(entry);
    }
    return entry;
  };
  switch (event.kind) {
    case 'strategyStarted':
      historyOf(event.strategy);
      view.current = event.strategy;
      delete view.finalModel;
      return;
    case 'finalModel':
      if (view.current === event.strategy) view.finalModel = { member: event.member, of: event.of, epochs: event.epochs };
      return;
    case 'epoch': {
      const records = historyOf(event.strategy).records;
      // An epoch arrives once, in order; one already there (a message repeated) is replaced.
      const at = records.findIndex((r) => r.epoch === event.record.epoch);
      if (at >= 0) records[at] = event.record;
      else records.push(event.record);
      return;
    }
    case 'strategyDone': {
      historyOf(event.result.strategy);
      const results = view.summary.strategies;
      const at = results.findIndex((r) => r.strategy === event.result.strategy);
      if (at >= 0) results[at] = event.result;
      else results.push(event.result);
      if (view.current === event.result.strategy) {
        view.current = null;
        delete view.finalModel;
      }
      return;
    }
  }
}

const isAnyView: Check = (v) => isView(v) || isTrainingView(v) || isRunComparisonView(v);

const HOST_MESSAGE_FIELDS: Record<HostMessage['type'], Record<string, Check>> = {
  view: { view: isAnyView },
  busy: { message: isString },
  failed: { message: isString },
  curves: { requestId: isInteger, curves: Array.isArray },
  done: { action: isString, message: isString },
  trainingProgress: { file: isString, event: isTrainingEvent },
};

/**
 * A message from the host, checked by type and top-level shape (the reports inside are the
 * engine's own JSON; their fields are checked where they are drawn).
 */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v) || typeof v.type !== 'string' || !Object.hasOwn(HOST_MESSAGE_FIELDS, v.type)) return false;
  return fieldsValid(v, HOST_MESSAGE_FIELDS[v.type as HostMessage['type']]);
}

/*
 * The resample and split reports are checked field by field, down to each label: they are small,
 * the views draw every field, and a restored panel reads them back from a saved state.
 */

const RESAMPLE_METHOD_NAMES: Record<ResampleReport['method'], true> = { mlros: true, mlrus: true, lpros: true, lprus: true, mlsmote: true, remedial: true };

const MEASURE_SUMMARY_FIELDS: Record<keyof MeasureSummary, Check> = {
  rows: isNumber,
  cardinality: isNumber,
  meanIR: isNumber,
  maxIR: isNumber,
  cvIR: isNumber,
  scumble: isNumber,
};
const isMeasureSummary = isObjectWith(MEASURE_SUMMARY_FIELDS);

const RESAMPLE_REPORT_FIELDS: Record<string, Check> = {
  file: isString,
  format: isString,
  method: (m) => typeof m === 'string' && Object.hasOwn(RESAMPLE_METHOD_NAMES, m),
  parameters: isObjectWith({ seed: isNumber, percent: isOptionalNumber, k: isOptionalNumber, labelset: (l) => l === undefined || isString(l) }),
  written: isStringArray,
  out: isString,
  rows: isObjectWith({ before: isNumber, after: isNumber, kept: isNumber, removed: isNumber, cloned: isNumber, edited: isNumber, synthetic: isNumber }),
  before: isMeasureSummary,
  after: isMeasureSummary,
  perLabel: isArrayOf(isObjectWith({ name: isString, minority: (m) => typeof m === 'boolean', before: isNumber, after: isNumber, irBefore: isNumber, irAfter: isNumber })),
  notes: isStringArray,
  elapsedMs: isNumber,
};

/** A ResampleReport as the resample view draws it. */
export function isResampleReport(v: unknown): v is ResampleReport {
  return isObject(v) && fieldsValid(v, RESAMPLE_REPORT_FIELDS);
}

/** A SplitReport as the split view draws it: every per-part array as long as the parts, every label id a label. */
export function isSplitReport(v: unknown): v is SplitReport {
  if (!isObject(v)) return false;
  const top = fieldsValid(v, {
    file: isString,
    format: isString,
    order: (o) => o === 1 || o === 2,
    seed: isNumber,
    parts: isArrayOf(isObjectWith({ name: isString, proportion: isNumber, summary: isMeasureSummary })),
    labelNames: isStringArray,
    stratification: isObject,
    absent: isStringArray,
    written: isStringArray,
    elapsedMs: isNumber,
  });
  if (!top) return false;
  const parts = (v.parts as unknown[]).length;
  const labels = (v.labelNames as unknown[]).length;
  const isPartArray: Check = (a) => isNumberArray(a) && (a as number[]).length === parts;
  const isLabelId: Check = (l) => Number.isInteger(l) && (l as number) >= 0 && (l as number) < labels;
  const isPartId: Check = (p) => Number.isInteger(p) && (p as number) >= 0 && (p as number) < parts;
  return fieldsValid(v.stratification as Record<string, unknown>, {
    partRows: isPartArray,
    labels: isArrayOf(isObjectWith({ label: isLabelId, total: isNumber, counts: isPartArray, ideal: isPartArray, maxDeviation: isNumber })),
    absent: isArrayOf(isObjectWith({ label: isLabelId, part: isPartId })),
    meanRelativeDeviation: isNumber,
  });
}
