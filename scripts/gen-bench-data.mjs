// Writes the benchmark file once: 1,000,000 rows, 20 float features x0..x19 and 100 one-hot
// labels y0..y99 whose frequencies fall off like a Zipf law (p_k = 0.5 / (k + 1)), seeded.
// Usage: node scripts/gen-bench-data.mjs [OUT] [ROWS]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from './random.mjs';

export const FEATURES = 20;
export const LABELS = 100;

export function generateBenchCsv(out, rows = 1_000_000) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.partial`;
  const fd = fs.openSync(tmp, 'w');
  const random = seededRandom(20261126);
  const header = [...Array.from({ length: FEATURES }, (_, i) => `x${i}`), ...Array.from({ length: LABELS }, (_, k) => `y${k}`)];
  let chunk = header.join(',') + '\n';
  const labelProbability = Array.from({ length: LABELS }, (_, k) => 0.5 / (k + 1));
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let f = 0; f < FEATURES; f++) cells.push(((random() - 0.5) * 20).toFixed(5));
    for (let k = 0; k < LABELS; k++) cells.push(random() < labelProbability[k] ? '1' : '0');
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 22) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  fs.renameSync(tmp, out);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? '.bench/synthetic-1m.csv';
  const rows = Number(process.argv[3] ?? 1_000_000);
  const started = Date.now();
  generateBenchCsv(out, rows);
  console.log(`wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
