/**
 * After a resampling or split: a notification with the outcome and "Open File" / "Reveal in
 * Explorer" for what was written (with several data files, a quick pick says which one). Not
 * awaited by the commands, so they return at once.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const OPEN_FILE = 'Open File';
export const REVEAL = 'Reveal in Explorer';

/** The data files among `written` (not the MULAN label .xml copies). */
function dataFiles(written: readonly string[]): string[] {
  const data = written.filter((f) => path.extname(f).toLowerCase() !== '.xml');
  return data.length > 0 ? data : [...written];
}

async function whichFile(files: string[], action: string): Promise<string | undefined> {
  if (files.length <= 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((file) => ({ label: path.basename(file), description: path.dirname(file), file })),
    { title: `Imbalance Lens: ${action}`, placeHolder: 'Which of the files written' },
  );
  return picked?.file;
}

export function offerWrittenFiles(summary: string, written: readonly string[]): void {
  const files = dataFiles(written);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(summary);
    return;
  }
  void vscode.window.showInformationMessage(summary, OPEN_FILE, REVEAL).then(async (choice) => {
    if (choice === OPEN_FILE) {
      const file = await whichFile(files, 'open a written file');
      // vscode.open rather than showTextDocument: it also opens files too large to sync to the extension host.
      if (file) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    } else if (choice === REVEAL) {
      const file = await whichFile(files, 'reveal a written file');
      if (file) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
    }
  });
}
