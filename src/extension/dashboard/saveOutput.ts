/**
 * Files the dashboard writes, always to a place the user chose in a save dialog: atomically (a
 * temp file beside the target, then a rename), and over an existing file only because the save
 * dialog had the user confirm exactly that.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { writeNewFile } from '../../core/io/writeNewFile.js';

/** Asks where to save; `defaultFile` is an absolute path suggesting the folder and name. */
export async function askSaveLocation(title: string, defaultFile: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({ title, defaultUri: vscode.Uri.file(defaultFile), filters, saveLabel: 'Save' });
}

/** Writes text or bytes to a file the user picked in a save dialog. */
export async function writeChosenFile(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  if (uri.scheme !== 'file') {
    // A remote or virtual location: only its file system provider can write it.
    await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return;
  }
  const file = uri.fsPath;
  const confirmedOverwrite = await fs.stat(file).then(
    () => true,
    () => false,
  );
  await writeNewFile(file, content, { overwrite: confirmedOverwrite });
}
