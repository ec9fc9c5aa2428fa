// Benchmark 3: ms per training epoch of the baseline recipe (MLP 128 ReLU, BCE, Adam 1e-3, batch 64),
// ours against PyTorch on CPU side by side in one run: yeast-train (1500 x 103, 14 labels) and a
// synthetic 100,000 x 100 set with 20 labels; peak RSS of each side on the 100k set. Each
// measurement runs in its own process (ours through tsx, straight from src/).
// Usage: node scripts/bench/train.mjs [--epochs N] [--big-epochs N] [--skip-big]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, numberArg } from './run.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const datasets = process.env.IMBALANCE_LENS_DATASETS ?? path.resolve(root, '..', 'shared', 'datasets');

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await main();

async function main() {
  const epochs = numberArg('--epochs', 6);
  const bigEpochs = numberArg('--big-epochs', 2);
  const python = '/usr/bin/python3';
  const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
  const rows = [];
  for (const [data, n] of [['yeast', epochs], ...(process.argv.includes('--skip-big') ? [] : [['synthetic', bigEpochs]])]) {
    const torch = {};
    if (hasTorch) {
      for (const threads of [1, 2]) torch[threads] = runJson(python, [path.join(here, 'torchTrain.py'), '--data', data, '--threads', String(threads), '--epochs', String(n), '--datasets', datasets]);
    }
    for (const engine of data === 'yeast' ? ['wasm', 'js', 'tfjs'] : ['wasm', 'js']) {
      const ours = runJson(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', data, engine, String(n)]);
      rows.push({ data, engine: ours.engine, ms: ours.msPerEpoch, rss: ours.peakRssMb, torch });
    }
  }
  console.log(`\ntraining: ms per epoch (median), MLP 128, BCE, Adam, batch 64; PyTorch ${hasTorch ? 'CPU' : 'not found (apt-get install python3-torch)'}`);
  console.log(`${'data'.padEnd(10)} ${'ours'.padEnd(16)} ${'ours ms'.padStart(9)} ${'torch 1t'.padStart(9)} ${'ratio'.padStart(6)} ${'torch 2t'.padStart(9)} ${'ratio'.padStart(6)} ${'our RSS'.padStart(8)} ${'torch RSS'.padStart(9)}`);
  for (const r of rows) {
    const t1 = r.torch[1]?.msPerEpoch;
    const t2 = r.torch[2]?.msPerEpoch;
    const cell = (v, d = 1) => (v === undefined ? '-' : v.toFixed(d));
    console.log(`${r.data.padEnd(10)} ${r.engine.padEnd(16)} ${cell(r.ms).padStart(9)} ${cell(t1).padStart(9)} ${cell(t1 && r.ms / t1, 2).padStart(6)} ${cell(t2).padStart(9)} ${cell(t2 && r.ms / t2, 2).padStart(6)} ${cell(r.rss, 0).padStart(7)}M ${cell(r.torch[2]?.peakRssMb, 0).padStart(8)}M`);
  }
}

function runJson(command, args) {
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

/** One measurement in this process: train `epochs` epochs with the engine, print JSON. */
async function child(data, engine, epochs) {
  const train = await import(path.join(root, 'src/core/train/index.ts'));
  const set = data === 'yeast' ? await yeast(train) : synthetic();
  const config = { ...train.DEFAULT_TRAIN_CONFIG, engine, epochs };
  const result = await train.trainModel(set, undefined, config);
  const ms = result.epochs.map((e) => e.trainMs);
  console.log(JSON.stringify({ engine: result.engine, msPerEpoch: median(ms), epochs: ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function yeast(train) {
  const { openDataset } = await import(path.join(root, 'src/core/io/open.ts'));
  const { readDatasetTable } = await import(path.join(root, 'src/core/data/datasetTable.ts'));
  const table = await readDatasetTable(await openDataset(path.join(datasets, 'yeast', 'yeast-train.arff')));
  return train.trainingSetFrom(train.fitFeaturizer(table), table);
}

/** 100,000 x 100 Gaussian features, 20 labels from a random linear map plus noise, positives from 40% down to 1%. */
function synthetic(rows = 100_000, features = 100, labels = 20) {
  let state = 12345;
  const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const x = Float32Array.from({ length: rows * features }, normal);
  const w = Float64Array.from({ length: features * labels }, normal);
  const y = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows);
  for (let l = 0; l < labels; l++) {
    for (let i = 0; i < rows; i++) {
      let s = normal();
      for (let f = 0; f < features; f++) s += x[i * features + f] * w[f * labels + l];
      scores[i] = s;
    }
    const cut = Float64Array.from(scores).sort()[Math.floor(rows * (1 - (0.4 - (0.39 * l) / (labels - 1))))];
    for (let i = 0; i < rows; i++) y[i * labels + l] = scores[i] > cut ? 1 : 0;
  }
  return { rows, features, labels, x, y };
}
