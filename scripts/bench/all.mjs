// `npm run bench`: every benchmark, each against its peer in the same run (or its target where no
// peer runs on this machine).
import { spawnSync } from 'node:child_process';
import './analyze.mjs';
import './evaluate.mjs';
import './train.mjs';

// The benchmarks that run the TypeScript engine directly (through tsx), each in its own process.
for (const script of ['scripts/bench/stratify.mjs', 'scripts/bench/mlsmote.mjs']) {
  console.log('');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
