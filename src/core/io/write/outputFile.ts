/**
 * Output files written the safe way, streaming: bytes go to a temp file beside the target, which
 * replaces the target only at `commit` (a hard link, so an existing file is never replaced unless
 * `force`; a rename where links are not possible). All targets are checked before any is written.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DatasetError, UsageError } from '../../errors.js';

const FLUSH_BYTES = 1 << 20;

export function alreadyExists(file: string): DatasetError {
  return new DatasetError({ file }, 'already exists; not overwritten', 'choose another name, or pass --force to replace it');
}

async function realOrResolved(file: string): Promise<string> {
  const resolved = path.resolve(file);
  return fs.realpath(resolved).catch(() => resolved);
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Checks every output before anything is written: none is an input (or another output), and
 * none exists unless `force`. Throws a DatasetError naming the first file in the way.
 */
export async function checkOutputs(outputs: readonly string[], inputs: readonly string[], force: boolean): Promise<void> {
  const inputPaths = new Set(await Promise.all(inputs.map(realOrResolved)));
  const seen = new Set<string>();
  for (const out of outputs) {
    const real = await realOrResolved(out);
    if (inputPaths.has(real)) throw new DatasetError({ file: out }, 'is an input file: an output must be a new file', 'choose another output name; inputs are never written');
    if (seen.has(real)) throw new UsageError(`two outputs would be written to the same file ${out}`);
    seen.add(real);
  }
  if (force) return;
  for (const out of outputs) if (await exists(out)) throw alreadyExists(out);
}

/** One output being written: `write` buffers, `commit` puts it in place, `discard` removes the temp file. */
export class OutputFile {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private committed = false;

  private constructor(
    readonly target: string,
    private readonly temp: string,
    private handle: fs.FileHandle | undefined,
  ) {}

  static async create(target: string): Promise<OutputFile> {
    await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await fs.open(temp, 'wx');
    return new OutputFile(target, temp, handle);
  }

  async write(bytes: Uint8Array | string): Promise<void> {
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < data.length) done += (await this.handle!.write(data, done, data.length - done)).bytesWritten;
  }

  /** Flushes and closes the temp file (call for every output before committing any). */
  async finish(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Puts the finished temp file at the target. */
  async commit(force: boolean): Promise<void> {
    if (force) {
      await fs.rename(this.temp, this.target);
    } else {
      try {
        await fs.link(this.temp, this.target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw alreadyExists(this.target);
        // file systems without hard links: check, then rename
        if (await exists(this.target)) throw alreadyExists(this.target);
        await fs.rename(this.temp, this.target);
      }
      await fs.rm(this.temp, { force: true });
    }
    this.committed = true;
  }

  /** Removes the temp file (and closes it); the target is left as it was. */
  async discard(): Promise<void> {
    this.pending = [];
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    if (!this.committed) await fs.rm(this.temp, { force: true });
  }
}

/** Finishes all outputs, then commits them; on any failure every temp file is removed. */
export async function commitAll(outputs: readonly OutputFile[], force: boolean): Promise<void> {
  try {
    for (const out of outputs) await out.finish();
    for (const out of outputs) await out.commit(force);
  } finally {
    for (const out of outputs) await out.discard();
  }
}
