/**
 * The extension's settings (package.json `contributes.configuration`), read into engine options.
 * Every `imbalanceLens.*` key is read here and only here; values of the wrong type (settings.json
 * is hand-edited) fall back to the declared default instead of reaching the engine.
 */
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analysis/analyzeDataset.js';
import type { EvaluateOptions } from '../core/analysis/evaluatePredictions.js';
import type { ResampleOptions } from '../core/analysis/resampleDataset.js';
import { formatOf } from '../core/io/open.js';
import type { DatasetFormat } from '../core/io/types.js';
import type { ZeroDivision } from '../core/metrics/index.js';
import { isWeightScheme, type WeightScheme } from '../core/weights/index.js';

export const SETTINGS_SECTION = 'imbalanceLens';

/** The settings shared by Analyze Dataset and the truth side of Evaluate Predictions. */
type DatasetReadSettings = Pick<AnalyzeOptions, 'labels' | 'labelColumn' | 'skipBadRows' | 'format' | 'threads'>;

/** Options for `analyzeDataset` on `resource`, from the settings in force for that file. */
export function analyzeOptionsFromSettings(resource: vscode.Uri): AnalyzeOptions {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const maxRows = integer(config, 'maxRows', 0, 0);
  return {
    ...datasetReadSettings(config, resource),
    // analysis only: an evaluation joins every truth row with its prediction
    ...(maxRows > 0 ? { maxRows } : {}),
    rareThreshold: minPositives(config),
    topLabelsets: integer(config, 'topLabelsets', 20, 1),
    beta: number(config, 'effectiveNumberBeta', 0.999, (b) => b >= 0 && b < 1),
    maxPosWeight: number(config, 'maxPosWeight', 1000, (w) => w > 0),
  };
}

/**
 * Options for `evaluatePredictions` of the predictions file `resource`. The label settings apply
 * to the ground truth, read as Analyze Dataset reads it; pass `truth` so the `delimiter` setting
 * is applied only when the truth is a CSV/TSV file.
 */
export function evaluateOptionsFromSettings(resource: vscode.Uri, truth?: vscode.Uri): EvaluateOptions {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  return {
    ...datasetReadSettings(config, truth),
    threshold: number(config, 'threshold', 0.5, (t) => t >= 0 && t <= 1),
    tuneThresholds: boolean(config, 'tuneThresholds', true),
    zeroDivision: zeroDivision(config),
  };
}

/**
 * Options for Resample Dataset and Create Stratified Split of `resource`: how to find the labels
 * (as Analyze Dataset reads the file; these jobs read every row and stop at a malformed one) and
 * `imbalanceLens.resampleSeed`, so the same settings give the same files.
 */
export function resampleOptionsFromSettings(resource: vscode.Uri): Pick<ResampleOptions, 'labels' | 'labelColumn' | 'format' | 'seed'> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const { labels, labelColumn, format } = datasetReadSettings(config, resource);
  return {
    labels,
    labelColumn,
    ...(format ? { format } : {}),
    seed: integer(config, 'resampleSeed', 0, 0),
  };
}

/** What Train Baseline and Compare Imbalance Strategies take from the settings of the dataset. */
export interface TrainingSettings {
  /** `imbalanceLens.runsFolder` as written: relative to the dataset's workspace folder, or absolute. */
  runsFolder: string;
  epochs: number;
  /** 0: early stopping off. */
  patience: number;
  seed: number;
  /** How to read the dataset, as Analyze Dataset reads it (labels, label list column, delimiter). */
  read: { labels?: string[]; labelColumn?: string; format?: DatasetFormat };
}

/** `imbalanceLens.runsFolder` and `imbalanceLens.training.*` for `resource`, plus how to read it. */
export function trainingSettingsFromSettings(resource: vscode.Uri): TrainingSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const { labels, labelColumn, format } = datasetReadSettings(config, resource);
  return {
    runsFolder: runsFolder(config),
    epochs: integer(config, 'training.epochs', 60, 1),
    patience: integer(config, 'training.patience', 10, 0),
    seed: integer(config, 'training.seed', 0, 0),
    read: { ...(labels ? { labels } : {}), ...(labelColumn ? { labelColumn } : {}), ...(format ? { format } : {}) },
  };
}

/** `imbalanceLens.runsFolder` for a workspace folder (the Runs view lists the runs there). */
export function runsFolderFromSettings(resource?: vscode.Uri): string {
  return runsFolder(vscode.workspace.getConfiguration(SETTINGS_SECTION, resource));
}

function runsFolder(config: vscode.WorkspaceConfiguration): string {
  return text(config, 'runsFolder', '.imbalance-lens/runs') || '.imbalance-lens/runs';
}

/** `imbalanceLens.defaultWeightScheme`: the loss weights offered as a PyTorch snippet. */
export function weightSchemeFromSettings(resource?: vscode.Uri): WeightScheme {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource).get<unknown>('defaultWeightScheme', 'pos');
  return typeof value === 'string' && isWeightScheme(value) ? value : 'pos';
}

/** `imbalanceLens.minPositives`: labels with fewer positives are rare (the report's `rareThreshold`). */
export function minPositivesFromSettings(resource?: vscode.Uri): number {
  return minPositives(vscode.workspace.getConfiguration(SETTINGS_SECTION, resource));
}

function datasetReadSettings(config: vscode.WorkspaceConfiguration, file: vscode.Uri | undefined): DatasetReadSettings {
  const labelColumns = config.get<unknown>('labelColumns', []);
  const labels = Array.isArray(labelColumns) ? labelColumns.filter((c): c is string => typeof c === 'string' && c !== '') : [];
  const labelColumn = text(config, 'labelListColumn', '');
  const format = file ? delimitedFormat(config, file.fsPath) : undefined;
  const threads = threadCount(config);
  return {
    labels: labels.length > 0 ? labels : undefined,
    labelColumn: labelColumn || undefined,
    skipBadRows: boolean(config, 'skipBadRows', false),
    ...(format ? { format } : {}),
    ...(threads !== undefined ? { threads } : {}),
  };
}

/**
 * `imbalanceLens.delimiter` for a CSV/TSV file: `auto` goes by the extension (the reader still
 * switches when the header holds only the other delimiter); `,` or a tab forces how it is read.
 * The readers know comma and tab only, so those are the only choices.
 */
function delimitedFormat(config: vscode.WorkspaceConfiguration, file: string): DatasetFormat | undefined {
  const byExtension = formatOf(file);
  if (byExtension !== 'csv' && byExtension !== 'tsv') return undefined;
  const delimiter = config.get<unknown>('delimiter', 'auto');
  if (delimiter === ',') return 'csv';
  if (delimiter === '\t') return 'tsv';
  return undefined;
}

/**
 * `imbalanceLens.minPositives`, or the deprecated `rareLabelThreshold` (default null) when only that
 * one was changed: settings written before the rename keep working until minPositives is set.
 */
function minPositives(config: vscode.WorkspaceConfiguration): number {
  const current = integer(config, 'minPositives', 10, 0);
  const legacy = config.get<unknown>('rareLabelThreshold', null);
  const legacyValue = typeof legacy === 'number' && Number.isInteger(legacy) && legacy >= 0 ? legacy : undefined;
  return legacyValue !== undefined && current === 10 ? legacyValue : current;
}

/** `imbalanceLens.threads`: 0 = every core (the engine's default), else at most the cores there are. */
function threadCount(config: vscode.WorkspaceConfiguration): number | undefined {
  const threads = integer(config, 'threads', 0, 0);
  return threads === 0 ? undefined : Math.min(threads, availableParallelism());
}

function zeroDivision(config: vscode.WorkspaceConfiguration): ZeroDivision {
  const value = config.get<unknown>('zeroDivision', '0');
  return value === 'exclude' ? 'exclude' : value === '1' ? 1 : 0;
}

function integer(config: vscode.WorkspaceConfiguration, key: string, fallback: number, min: number): number {
  const value = config.get<unknown>(key, fallback);
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : fallback;
}

function number(config: vscode.WorkspaceConfiguration, key: string, fallback: number, valid: (x: number) => boolean): number {
  const value = config.get<unknown>(key, fallback);
  return typeof value === 'number' && Number.isFinite(value) && valid(value) ? value : fallback;
}

function boolean(config: vscode.WorkspaceConfiguration, key: string, fallback: boolean): boolean {
  const value = config.get<unknown>(key, fallback);
  return typeof value === 'boolean' ? value : fallback;
}

function text(config: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  const value = config.get<unknown>(key, fallback);
  return typeof value === 'string' ? value.trim() : fallback;
}
