/**
 * How a run reads in the Runs view and the Open Run quick pick: the headline after its name
 * (`macro-F1 0.52 (tuned)`, `focal · macro-F1 0.64 (tuned)`), its status icon, and a tooltip with
 * the rest. Pure: no `vscode`, so tests read the texts directly.
 */
import * as path from 'node:path';
import { thresholdsName, usesTunedThresholds, type RunSummary, type StrategyResult } from '../../protocol/training.js';
import { evaluatedStrategy } from './trainingViews.js';

/** `macro-F1 0.52 (tuned)` / `macro-F1 0.48 (0.5)` of one strategy. */
export function headlineText(result: StrategyResult, tuned: boolean): string {
  return `macro-F1 ${(tuned ? result.tuned : result.fixed).macroF1.toFixed(2)} (${thresholdsName(tuned)})`;
}

/**
 * The text after a run's name: its headline metric when it completed (a comparison names the
 * recommended strategy first), else its state; `liveProgress` for the run this window trains.
 */
export function runDescription(summary: RunSummary, liveProgress?: string): string {
  const chosen = evaluatedStrategy(summary);
  const tuned = usesTunedThresholds(summary);
  switch (summary.status) {
    case 'running':
      return liveProgress !== undefined ? `training · ${liveProgress}` : 'running · not in this window (interrupted?)';
    case 'completed':
      if (!chosen) return 'completed, no strategy trained';
      return summary.kind === 'compare' ? `${chosen.strategy} · ${headlineText(chosen, tuned)}` : headlineText(chosen, tuned);
    case 'cancelled': {
      const n = summary.strategies.length;
      if (n === 0) return 'cancelled';
      if (summary.kind === 'train' && chosen) return `cancelled · ${headlineText(chosen, tuned)}`;
      return `cancelled · ${n} strateg${n === 1 ? 'y' : 'ies'} finished`;
    }
    case 'failed':
      return 'failed';
  }
}

export type RunIcon = { id: string; color?: string };

/** A codicon (and theme colour) per status; a `running` run.json that this window does not train is marked as interrupted. */
export function runIcon(status: RunSummary['status'], live: boolean): RunIcon {
  switch (status) {
    case 'running':
      return live ? { id: 'sync~spin' } : { id: 'debug-disconnect', color: 'list.warningForeground' };
    case 'completed':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'cancelled':
      return { id: 'circle-slash', color: 'disabledForeground' };
    case 'failed':
      return { id: 'error', color: 'testing.iconFailed' };
  }
}

/** A comparison's strategy under its run: its tuned (or fixed) test metrics, the recommended one said so. */
export function strategyDescription(result: StrategyResult, tuned: boolean, recommended: boolean): string {
  const m = tuned ? result.tuned : result.fixed;
  return `${recommended ? 'recommended · ' : ''}${headlineText(result, tuned)} · tail F1 ${m.tailF1.toFixed(2)}`;
}

/** Everything else about a run, one fact a line. */
export function runTooltip(summary: RunSummary, liveProgress?: string): string {
  const lines = [
    `${summary.name} (${summary.kind === 'compare' ? 'comparison' : 'baseline'})`,
    `Dataset: ${summary.file}`,
    `Started ${localTime(summary.startedAt)}${summary.finishedAt ? `, ended ${localTime(summary.finishedAt)}` : ''}`,
    `Status: ${summary.status === 'running' && liveProgress === undefined ? 'running according to run.json, but not in this window' : summary.status}${liveProgress ? ` (${liveProgress})` : ''}`,
    `Split: ${summary.split.source} (${summary.split.train} / ${summary.split.validation} / ${summary.split.test} rows)`,
    `Computed with: ${summary.backend}`,
  ];
  if (summary.strategies.length > 0) {
    const tuned = usesTunedThresholds(summary);
    lines.push(`Test macro-F1 (${tuned ? 'tuned thresholds' : 'threshold 0.5'}): ${summary.strategies.map((s) => `${s.strategy} ${(tuned ? s.tuned : s.fixed).macroF1.toFixed(3)}`).join(', ')}`);
  }
  if (summary.recommendation) lines.push(`Recommended: ${summary.recommendation.reason}`);
  if (summary.thresholdsReason) lines.push(`Thresholds: ${thresholdsName(summary.thresholdsTuned === true)}, as ${summary.thresholdsReason}`);
  if (summary.error) lines.push(`Error: ${summary.error}`);
  lines.push(`Folder: ${path.basename(summary.runDir)}`);
  return lines.join('\n');
}

/** `2024-01-31 23:59`, the local time of an ISO timestamp (the timestamp as it is when unreadable). */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
