/**
 * The analysis findings as VS Code diagnostics on the dataset file (collection `imbalance-lens`):
 * published after each analysis, replacing the earlier ones (none left when nothing was found),
 * and cleared when the file is deleted or renamed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { readDatasetLayout } from './datasetLayout.js';
import { datasetFindings, type Finding, type FindingSeverity } from './findings.js';

export const DIAGNOSTIC_COLLECTION = 'imbalance-lens';
export const DIAGNOSTIC_SOURCE = 'Imbalance Lens';

/** Marks a span that runs to the end of its line; the editor clamps it to the line's length. */
const END_OF_LINE = Number.MAX_SAFE_INTEGER;
/** Characters that make a file name a glob pattern rather than a name: no watcher for such names. */
const GLOB_CHARACTERS = /[*?[\]{}]/;


export class DatasetDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  /** Per file: a watcher that clears its diagnostics when the file is deleted outside VS Code. */
  private readonly watchers = new Map<string, vscode.Disposable>();
  /** Per file: bumped by every publish and clear, so a slow publish never lands after a newer one. */
  private readonly generations = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];
  /** Set by dispose: a publish still reading the file's header then lands nowhere. */
  private disposed = false;

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.clearUnder(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.clearUnder(oldUri))),
    ];
  }

  /** Shows what `report` found on its dataset file, in place of anything shown before. */
  async publish(report: AnalysisReport): Promise<void> {
    const uri = vscode.Uri.file(report.file);
    const generation = this.bump(uri);
    const layout = await readDatasetLayout(report);
    if (this.disposed || this.generations.get(uri.toString()) !== generation) return;
    const findings = datasetFindings(report, layout);
    if (findings.length === 0) {
      this.clear(uri);
      return;
    }
    this.collection.set(uri, findings.map(toDiagnostic));
    this.watch(uri);
  }

  /** Removes the diagnostics of one file. */
  clear(uri: vscode.Uri): void {
    if (this.disposed) return;
    this.bump(uri);
    this.collection.delete(uri);
    const key = uri.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }

  /** Clears `uri` and, when it was a folder, every file under it. */
  private clearUnder(uri: vscode.Uri): void {
    const folder = uri.fsPath.endsWith(path.sep) ? uri.fsPath : uri.fsPath + path.sep;
    const affected: vscode.Uri[] = [];
    this.collection.forEach((file) => {
      if (file.toString() === uri.toString() || file.fsPath.startsWith(folder)) affected.push(file);
    });
    for (const file of affected) this.clear(file);
  }

  private watch(uri: vscode.Uri): void {
    const key = uri.toString();
    const name = path.basename(uri.fsPath);
    if (this.watchers.has(key) || GLOB_CHARACTERS.test(name)) return; // deletions in VS Code still clear it
    const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), name);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern, true, true, false);
    const deleted = watcher.onDidDelete(() => this.clear(uri));
    this.watchers.set(key, { dispose: () => (deleted.dispose(), watcher.dispose()) });
  }

  private bump(uri: vscode.Uri): number {
    const key = uri.toString();
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const range = new vscode.Range(finding.line - 1, finding.start, finding.line - 1, finding.end ?? END_OF_LINE);
  const diagnostic = new vscode.Diagnostic(range, finding.message, severity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.docs ? { value: finding.code, target: vscode.Uri.parse(finding.docs) } : finding.code;
  return diagnostic;
}

function severity(value: FindingSeverity): vscode.DiagnosticSeverity {
  switch (value) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
  }
}
