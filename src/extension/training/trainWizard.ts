/**
 * The Train Baseline and Compare Imbalance Strategies wizards: the loss (weighted BCE first, so
 * Enter takes it) or the strategies to compare (every loss and both resamplings, all picked), the
 * model (an MLP with 128 hidden units first), and, only for one half of a train/test pair with its
 * other half beside it, where the test rows come from (that file first).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SUPPORTED_EXTENSIONS } from '../../core/io/open.js';
import { compareStrategies, strategyName, strategyTitle } from '../../core/train/run/strategies.js';
import { VALIDATION_CARVE } from '../../core/train/run/trainJob.js';
import type { Strategy, StrategyLoss } from '../../protocol/training.js';
import { pickOne, type Choice, type Step } from '../resample/quickInput.js';
import { siblingTestFile } from './testFile.js';

export interface TrainChoices {
  strategies: Strategy[];
  /** Hidden layer widths; [] is a linear model. */
  hidden: number[];
  /** A separate test file, or undefined to split the dataset itself. */
  testFile?: string;
  /** "wbce, MLP 128": for titles and the log. */
  description: string;
}

/** One line per loss: what it does, with the constants the engine uses (src/core/train/types.ts DEFAULT_LOSS_CONFIG). */
export const LOSS_CHOICES: Choice<StrategyLoss>[] = [
  { value: 'wbce', label: 'wbce', description: 'weighted BCE (default)', detail: 'BCE with pos_weight = negatives / positives per label (capped at 1000): rare labels weigh more.' },
  { value: 'bce', label: 'bce', description: 'plain BCE', detail: 'Binary cross-entropy with every label alike: the baseline the others are measured against.' },
  { value: 'focal', label: 'focal', description: 'focal loss', detail: 'Down-weights examples the model already gets right (γ = 2, α = 0.25), so training dwells on hard ones (Lin et al. 2017).' },
  { value: 'asl', label: 'asl', description: 'asymmetric loss', detail: 'Focuses harder on negatives and drops the easiest ones (γ− = 4, γ+ = 0, margin 0.05; Ridnik et al. 2021).' },
  { value: 'cb', label: 'cb', description: 'class-balanced BCE', detail: 'Weights each label by the effective number of its positives (β = 0.999; Cui et al. 2019).' },
];

export const MODEL_CHOICES: Choice<number[]>[] = [
  { value: [128], label: 'MLP 128', description: 'default', detail: 'One hidden layer of 128 ReLU units.' },
  { value: [256, 128], label: 'MLP 256-128', detail: 'Two hidden layers, 256 and 128 ReLU units: more capacity, slower.' },
  { value: [], label: 'Linear', detail: 'No hidden layer: one logistic regression per label on the same features.' },
];

/** `MLP 128`, `MLP 256-128`, `linear`. */
export function modelName(hidden: readonly number[]): string {
  return hidden.length === 0 ? 'linear' : `MLP ${hidden.join('-')}`;
}

type TestChoice = { file: string } | 'none' | 'browse';

/** Train Baseline: the loss, the model, and (when sensible) the test file. */
export async function askTrainChoices(dataset: string): Promise<TrainChoices | undefined> {
  const name = path.basename(dataset);
  const sibling = await siblingTestFile(dataset);
  const total = sibling ? 3 : 2;
  const step = (n: number): Step => ({ title: `Train a baseline on ${name}`, step: n, total });
  const loss = await pickOne(step(1), 'The loss to train with (Enter: weighted BCE)', LOSS_CHOICES);
  if (loss === undefined) return undefined;
  const hidden = await pickOne(step(2), 'The model (Enter: MLP 128)', MODEL_CHOICES);
  if (hidden === undefined) return undefined;
  const test = sibling ? await askTestFile(step(3), dataset, sibling) : { testFile: undefined };
  if (!test) return undefined;
  const strategies: Strategy[] = [{ loss, resampling: 'none' }];
  return { strategies, hidden, ...(test.testFile ? { testFile: test.testFile } : {}), description: `${loss}, ${modelName(hidden)}` };
}

/** Compare Imbalance Strategies: which strategies (all by default), the model, and (when sensible) the test file. */
export async function askCompareChoices(dataset: string): Promise<TrainChoices | undefined> {
  const name = path.basename(dataset);
  const sibling = await siblingTestFile(dataset);
  const total = sibling ? 3 : 2;
  const step = (n: number): Step => ({ title: `Compare imbalance strategies on ${name}`, step: n, total });
  const items = compareStrategies().map((strategy) => ({
    label: strategyName(strategy),
    description: strategyTitle(strategy),
    detail: strategy.resampling === 'none' ? LOSS_CHOICES.find((c) => c.value === strategy.loss)?.detail : resamplingDetail(strategy),
    picked: true,
    strategy,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Imbalance Lens: ${step(1).title} (1/${total})`,
    placeHolder: 'The strategies to train on the same split and seed (all by default)',
    canPickMany: true,
    matchOnDescription: true,
  });
  if (picked === undefined) return undefined;
  if (picked.length === 0) {
    void vscode.window.showWarningMessage('Imbalance Lens: pick at least one strategy to compare.');
    return undefined;
  }
  const hidden = await pickOne(step(2), 'The model every strategy trains (Enter: MLP 128)', MODEL_CHOICES);
  if (hidden === undefined) return undefined;
  const test = sibling ? await askTestFile(step(3), dataset, sibling) : { testFile: undefined };
  if (!test) return undefined;
  const strategies = picked.map((p) => p.strategy);
  return { strategies, hidden, ...(test.testFile ? { testFile: test.testFile } : {}), description: `${strategies.length} strategies, ${modelName(hidden)}` };
}

function resamplingDetail(strategy: Strategy): string {
  const method = strategy.resampling === 'mlros' ? 'ML-ROS clones rows with minority labels' : 'MLSMOTE adds synthetic rows for minority labels';
  return `${method} in the training split only (Charte et al. 2015), then plain BCE; validation and test rows stay as they are.`;
}

/** Where the test rows come from: the sibling test file (first), the dataset's own split, or another file. */
async function askTestFile(step: Step, dataset: string, sibling: string): Promise<{ testFile: string | undefined } | undefined> {
  const name = path.basename(dataset);
  const carve = Math.round(VALIDATION_CARVE * 100);
  const choice = await pickOne<TestChoice>(step, `Where the test rows come from (Enter: ${path.basename(sibling)})`, [
    { value: { file: sibling }, label: `$(file) ${path.basename(sibling)}`, description: 'the test half beside it', detail: `Test on ${path.basename(sibling)}; ${carve}% of ${name} is kept apart for validation (threshold tuning, early stopping).` },
    { value: 'none', label: '$(split-horizontal) No separate test file', detail: `Split ${name} itself into train / validation / test (its split column if it has one, else 70/15/15 by iterative stratification).` },
    { value: 'browse', label: '$(folder-opened) Another test file…', detail: 'A file with the same features and labels.' },
  ]);
  if (choice === undefined) return undefined;
  if (choice === 'none') return { testFile: undefined };
  if (choice !== 'browse') return { testFile: choice.file };
  const chosen = await vscode.window.showOpenDialog({
    title: `Imbalance Lens: the test file for ${name}`,
    openLabel: 'Test on this file',
    canSelectMany: false,
    defaultUri: vscode.Uri.file(path.dirname(dataset)),
    filters: { 'Datasets': SUPPORTED_EXTENSIONS.map((e) => e.slice(1)), 'All files': ['*'] },
  });
  const file = chosen?.[0];
  return file && file.scheme === 'file' ? { testFile: file.fsPath } : undefined;
}
