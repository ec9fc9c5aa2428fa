/**
 * Writes an output file the safe way: never over an existing file unless `overwrite` is set, and
 * atomically (a temp file beside the target, then a rename), so a reader never sees half a file.
 */
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DatasetError } from '../errors.js';

export async function writeNewFile(file: string, content: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  if (!options.overwrite) {
    const exists = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (exists) throw new DatasetError({ file }, 'already exists; not overwritten', 'choose another name, or pass --force to replace it');
  }
  // unique per process, thread and call, so that parallel writers of the same file never share a temp file
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
