/**
 * The run a command is about, from whatever invoked it: a Runs view node (a run or one of its
 * strategies), a run folder as a path or URI (or its run.json), or the Runs view's selection.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUN_JSON } from './runFiles.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The run folder an argument names, or undefined. */
export function runDirOf(argument: unknown): string | undefined {
  if (typeof argument === 'string' && argument !== '') return runFolderOfPath(argument);
  if (argument instanceof vscode.Uri) return argument.scheme === 'file' ? runFolderOfPath(argument.fsPath) : undefined;
  if (!isObject(argument)) return undefined;
  if (argument.type === 'run' && typeof argument.runDir === 'string') return argument.runDir;
  if (argument.type === 'strategy' && isObject(argument.run) && typeof argument.run.runDir === 'string') return argument.run.runDir;
  return undefined;
}

function runFolderOfPath(file: string): string {
  return path.basename(file) === RUN_JSON ? path.dirname(file) : file;
}

/** The distinct run folders of a tree command's (clicked, selected) arguments, in order. */
export function selectedRunDirs(clicked: unknown, selected: unknown): string[] {
  const all = Array.isArray(selected) && selected.length > 0 ? selected : [clicked];
  const dirs = all.map(runDirOf).filter((d): d is string => d !== undefined);
  return [...new Set(dirs)];
}
