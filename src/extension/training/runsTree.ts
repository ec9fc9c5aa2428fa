/**
 * The "Runs" tree view (Imbalance Lens activity bar container): the runs under each workspace
 * folder's runs folder, newest first, named by run.json with their headline metric and a status
 * icon; a comparison expands to its strategies. Refreshed when a run.json (or a run folder)
 * appears, changes or goes, when the runs folder setting or the workspace folders change, and as
 * the run this window trains moves on. Several runs can be selected (Compare Runs takes two).
 */
import * as vscode from 'vscode';
import { usesTunedThresholds, type RunSummary, type StrategyResult } from '../../protocol/training.js';
import { CommandId } from '../commandIds.js';
import { listRuns } from './runFiles.js';
import { runDescription, runIcon, runTooltip, strategyDescription } from './runItems.js';

export const RUNS_VIEW_ID = 'imbalanceLens.runs';

export interface RunNode {
  type: 'run';
  runDir: string;
  summary: RunSummary;
  /** The progress line when this window trains it now. */
  liveProgress?: string;
}

export interface StrategyNode {
  type: 'strategy';
  run: RunNode;
  result: StrategyResult;
  recommended: boolean;
}

export type RunsTreeNode = RunNode | StrategyNode;

export interface RunsTreeSource {
  /** The runs folders to list (one per workspace folder). */
  runsDirs(): string[];
  /** The run this window trains now, and where it is. */
  live(): { runDir: string; progress: string } | undefined;
}

export class RunsTreeProvider implements vscode.TreeDataProvider<RunsTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly source: RunsTreeSource) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: RunsTreeNode): Promise<RunsTreeNode[]> {
    if (node === undefined) {
      const live = this.source.live();
      const runs = (await Promise.all(this.source.runsDirs().map(listRuns))).flat();
      runs.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt));
      return runs.map(({ runDir, summary }): RunNode => (live && live.runDir === runDir ? { type: 'run', runDir, summary, liveProgress: live.progress } : { type: 'run', runDir, summary }));
    }
    if (node.type === 'run' && node.summary.kind === 'compare') {
      const recommended = node.summary.recommendation?.strategy;
      return node.summary.strategies.map((result): StrategyNode => ({ type: 'strategy', run: node, result, recommended: result.strategy === recommended }));
    }
    return [];
  }

  getTreeItem(node: RunsTreeNode): vscode.TreeItem {
    return node.type === 'run' ? runItem(node) : strategyItem(node);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function themeIcon(icon: { id: string; color?: string }): vscode.ThemeIcon {
  return icon.color ? new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color)) : new vscode.ThemeIcon(icon.id);
}

function runItem(node: RunNode): vscode.TreeItem {
  const { summary } = node;
  const expandable = summary.kind === 'compare' && summary.strategies.length > 0;
  const item = new vscode.TreeItem(summary.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = node.runDir;
  item.description = runDescription(summary, node.liveProgress);
  item.tooltip = runTooltip(summary, node.liveProgress);
  item.iconPath = themeIcon(runIcon(summary.status, node.liveProgress !== undefined));
  item.contextValue = node.liveProgress !== undefined ? 'run.live' : 'run';
  item.command = { command: CommandId.OpenRun, title: 'Open Run', arguments: [node.runDir] };
  return item;
}

function strategyItem(node: StrategyNode): vscode.TreeItem {
  const tuned = usesTunedThresholds(node.run.summary);
  const item = new vscode.TreeItem(node.result.strategy, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.run.runDir}#${node.result.strategy}`;
  item.description = strategyDescription(node.result, tuned, node.recommended);
  item.tooltip = node.recommended && node.run.summary.recommendation ? node.run.summary.recommendation.reason : `${node.result.strategy}: ${node.result.epochsRun} epochs (best ${node.result.bestEpoch})`;
  item.iconPath = node.recommended ? new vscode.ThemeIcon('star-full') : new vscode.ThemeIcon('symbol-event');
  item.contextValue = 'strategy';
  item.command = { command: CommandId.OpenRun, title: 'Open Run', arguments: [node.run.runDir] };
  return item;
}

/**
 * Registers the view with its watchers: run.json files and run folders under every runs folder
 * (watched again when the setting or the workspace folders change), debounced by `delayMs`.
 */
export function registerRunsView(
  source: RunsTreeSource,
  onRunsChanged: vscode.Event<void>,
  delayMs = 250,
): { provider: RunsTreeProvider; view: vscode.TreeView<RunsTreeNode>; disposable: vscode.Disposable } {
  const provider = new RunsTreeProvider(source);
  const view = vscode.window.createTreeView(RUNS_VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), delayMs);
  };
  let watchers: vscode.Disposable[] = [];
  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = source.runsDirs().flatMap((dir) => {
      // A run folder made or deleted ('*'), or its run.json written ('*/run.json'): writes are atomic renames.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '{*,*/run.json}'));
      return [watcher, watcher.onDidCreate(refreshSoon), watcher.onDidChange(refreshSoon), watcher.onDidDelete(refreshSoon)];
    });
  };
  watch();
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('imbalanceLens.runsFolder')) {
        watch();
        provider.refresh();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      provider.refresh();
    }),
    onRunsChanged(() => provider.refresh()),
  ];
  const disposable = {
    dispose: () => {
      clearTimeout(timer);
      for (const d of [...watchers, ...subscriptions, view, provider]) d.dispose();
    },
  };
  return { provider, view, disposable };
}
