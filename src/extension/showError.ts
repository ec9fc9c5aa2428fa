/** Shows a failure the way a user can act on it: one line, a jump to the offending line, details in the log. */
import * as vscode from 'vscode';
import { DatasetError, isUserError } from '../core/errors.js';

export async function showError(e: unknown, log: vscode.LogOutputChannel): Promise<void> {
  if (e instanceof DatasetError) {
    const where = e.line !== undefined ? ` (line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''})` : '';
    log.warn(e.describe());
    const go = e.line !== undefined ? 'Go to Line' : undefined;
    const choice = await vscode.window.showErrorMessage(
      `Imbalance Lens: ${e.message}${where}.${e.hint ? ` ${capitalize(e.hint)}.` : ''}`,
      ...(go ? [go] : []),
    );
    if (choice === go && e.line !== undefined) await revealLine(e.file, e.line);
    return;
  }
  if (isUserError(e)) {
    log.warn(e.message);
    void vscode.window.showErrorMessage(`Imbalance Lens: ${e.message}`);
    return;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  log.error(err.stack ?? err.message);
  const choice = await vscode.window.showErrorMessage(`Imbalance Lens failed unexpectedly: ${err.message}`, 'Show Log');
  if (choice === 'Show Log') log.show();
}

async function revealLine(file: string, line: number): Promise<void> {
  const position = new vscode.Position(line - 1, 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, '');
}
