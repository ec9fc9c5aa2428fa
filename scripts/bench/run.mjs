// Shared by the benchmarks: run a whole process, time it, read its peak RSS, and summarise runs.
import { spawnSync } from 'node:child_process';

/** Runs `command args`, returning wall seconds, peak RSS (MB, from the child's own report) and stdout. */
export function timed(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    env: { ...process.env, IMBALANCE_LENS_REPORT_RSS: '1', ...env },
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const rssMb = Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { seconds, rssMb, stdout: result.stdout };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The value of `--name N` on the command line, or the fallback. */
export function numberArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}
