/** The checks every input file gets before a reader opens it: it exists, and it is a file. */
import { promises as fs, type Stats } from 'node:fs';
import { DatasetError } from '../errors.js';

/** The file's stat; `what` names it in the message, e.g. "a dataset file". */
export async function statInputFile(file: string, what: string): Promise<Stats> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new DatasetError({ file }, 'file not found');
  }
  if (stat.isDirectory()) throw new DatasetError({ file }, `is a folder, not ${what}`);
  return stat;
}
