/**
 * The text editors the user worked in, most recent first. When a dashboard button says "insert",
 * the webview has the focus, so `activeTextEditor` is gone: the target is the last text editor
 * that was active (skipping the files the dashboard itself reads, which are never written).
 */
import * as vscode from 'vscode';
import { REPORT_SCHEME } from '../reportDocuments.js';

const REMEMBERED = 10;

/** Documents nobody would paste code into: the output panel and our read-only reports. */
const SKIPPED_SCHEMES = new Set(['output', REPORT_SCHEME]);

export class TextEditorHistory implements vscode.Disposable {
  private editors: vscode.TextEditor[] = [];
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (!editor || SKIPPED_SCHEMES.has(editor.document.uri.scheme)) return;
    const key = editor.document.uri.toString();
    this.editors = [editor, ...this.editors.filter((e) => e.document.uri.toString() !== key)].slice(0, REMEMBERED);
  }

  /** The most recent text editor whose document is still open and is not one of `excludedFiles` (absolute paths). */
  lastEditor(excludedFiles: readonly string[] = []): vscode.TextEditor | undefined {
    const excluded = new Set(excludedFiles);
    return this.editors.find((e) => !e.document.isClosed && !(e.document.uri.scheme === 'file' && excluded.has(e.document.uri.fsPath)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.editors = [];
  }
}
