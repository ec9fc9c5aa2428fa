/**
 * The files a resampling or a split is about to write, and the user's consent before any of them
 * that already exists is replaced: the engine never replaces a file unless asked to (`force`), and
 * the commands ask only after a modal "Replace".
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findMulanXml } from '../../core/io/arff/mulanXml.js';
import { mulanXmlPathFor } from '../../core/io/write/outputNames.js';

/** The data files plus, for an ARFF input with a MULAN label file, the label file copied beside each (as the writers do). */
export async function plannedOutputs(input: string, dataFiles: readonly string[]): Promise<string[]> {
  const isArff = path.extname(input).toLowerCase() === '.arff';
  const xml = isArff ? await findMulanXml(input) : undefined;
  return xml ? [...dataFiles, ...dataFiles.map(mulanXmlPathFor)] : [...dataFiles];
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** The ones of `files` that are already there. */
export async function existingFiles(files: readonly string[]): Promise<string[]> {
  const found = await Promise.all(files.map(exists));
  return files.filter((_, i) => found[i]);
}

const REPLACE = 'Replace';
const LISTED = 4;

/**
 * Resolves `false` when none of `outputs` exists (nothing to replace), `true` when some do and the
 * user chose "Replace" in a modal dialog, and undefined when the user cancelled.
 */
export async function consentToReplace(outputs: readonly string[], input: string): Promise<boolean | undefined> {
  const existing = await existingFiles(outputs);
  if (existing.length === 0) return false;
  const names = existing.map((f) => path.basename(f));
  const listed = names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED - 1).join(', ')} and ${names.length - LISTED + 1} more`;
  const message = existing.length === 1 ? `${names[0]} already exists. Replace it?` : `${existing.length} output files already exist (${listed}). Replace them?`;
  const detail = `In ${path.dirname(existing[0])}. The new files are written in full first and only then put in place of the old ones; ${path.basename(input)} itself is never changed.`;
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, REPLACE);
  return choice === REPLACE ? true : undefined;
}
