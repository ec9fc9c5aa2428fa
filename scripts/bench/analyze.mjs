// Benchmark 1: `imbalance-lens analyze` (whole process, JSON output) against DuckDB summing the
// label columns of the same CSV, side by side in one run; checks that they agree.
// Usage: node scripts/bench/analyze.mjs [--rounds N] [--rows N]
import * as fs from 'node:fs';
import { generateBenchCsv, LABELS } from '../gen-bench-data.mjs';
import { median, numberArg, timed } from './run.mjs';

const rounds = numberArg('--rounds', 3);
const rows = numberArg('--rows', 1_000_000);
const file = rows === 1_000_000 ? '.bench/synthetic-1m.csv' : `.bench/synthetic-${rows}.csv`;
const labelColumns = Array.from({ length: LABELS }, (_, k) => `y${k}`);

if (!fs.existsSync(file)) {
  console.log(`generating ${file} (once; git-ignored) ...`);
  generateBenchCsv(file, rows);
}
const sizeMb = fs.statSync(file).size / 1e6;

const contenders = [
  { name: 'imbalance-lens analyze (all measures, co-occurrence)', args: ['dist/cli.js', 'analyze', file, '--format', 'json'] },
  { name: 'imbalance-lens analyze --threads 1', args: ['dist/cli.js', 'analyze', file, '--format', 'json', '--threads', '1'] },
  { name: 'DuckDB read_csv: count(*) + 100 label sums', args: ['scripts/bench/duckdbLabelSums.mjs', file, ...labelColumns] },
];

// Warm the page cache so that neither side pays for the first read from disk. Read in small
// chunks: a child inherits its parent's peak RSS on Linux, so this process must stay small.
const warm = Buffer.allocUnsafe(1 << 20);
const fd = fs.openSync(file, 'r');
while (fs.readSync(fd, warm, 0, warm.length, null) > 0);
fs.closeSync(fd);
const results = contenders.map(() => []);
let ours;
let duck;
for (let r = 0; r < rounds; r++) {
  contenders.forEach((c, i) => {
    const run = timed(process.execPath, c.args);
    results[i].push(run);
    if (i === 0) ours = JSON.parse(run.stdout);
    if (i === 2) duck = JSON.parse(run.stdout);
  });
}

// The two must agree before their times mean anything.
const ourCounts = [ours.instances, ...labelColumns.map((name) => ours.perLabel.find((l) => l.name === name).count)];
const mismatch = ourCounts.findIndex((v, i) => v !== duck[i]);
if (mismatch >= 0) throw new Error(`results differ at column ${mismatch}: ours ${ourCounts[mismatch]}, DuckDB ${duck[mismatch]}`);

const duckSeconds = median(results[2].map((r) => r.seconds));
console.log(`\n${file}: ${sizeMb.toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows, ${LABELS} labels; median of ${rounds} runs each, alternating`);
console.log('results agree: row count and all 100 label sums identical\n');
console.log(`${'contender'.padEnd(54)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(7)} ${'peak RSS MB'.padStart(12)} ${'vs DuckDB'.padStart(10)}`);
contenders.forEach((c, i) => {
  const s = median(results[i].map((r) => r.seconds));
  const rss = Math.max(...results[i].map((r) => r.rssMb));
  console.log(`${c.name.padEnd(54)} ${s.toFixed(2).padStart(8)} ${(sizeMb / s).toFixed(0).padStart(7)} ${rss.toFixed(0).padStart(12)} ${(s / duckSeconds).toFixed(2).padStart(9)}x`);
});
