// Writes the evaluation benchmark files once: 200,000 rows x 100 labels with Zipf-like
// prevalence (label k positive with probability 0.3 / (k + 1)) and noisy scores, as CSV (what
// `imbalance-lens evaluate` reads) and as .npy (what the scikit-learn side loads, so that its
// timing is compute alone). Seeded: the same files on every machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from './random.mjs';

export const EVAL_ROWS = 200_000;
export const EVAL_LABELS = 100;

/** A .npy (format 1.0) header for a C-order 2-D array. */
function npyHeader(descr, rows, cols) {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const header = Buffer.alloc(10);
  header.write('\x93NUMPY', 0, 'latin1');
  header[6] = 1;
  header[7] = 0;
  header.writeUInt16LE(dict.length, 8);
  return Buffer.concat([header, Buffer.from(dict, 'latin1')]);
}

export function generateEvalBench(dir = '.bench', rows = EVAL_ROWS, labels = EVAL_LABELS) {
  fs.mkdirSync(dir, { recursive: true });
  const random = seededRandom(3);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  const header = ['id', ...Array.from({ length: labels }, (_, k) => `y${k}`)].join(',') + '\n';
  let truthCsv = header;
  let predCsv = header;
  const files = { truth: path.join(dir, 'eval-truth.csv'), pred: path.join(dir, 'eval-pred.csv'), truthNpy: path.join(dir, 'eval-truth.npy'), scoresNpy: path.join(dir, 'eval-scores.npy') };
  const truthFd = fs.openSync(`${files.truth}.partial`, 'w');
  const predFd = fs.openSync(`${files.pred}.partial`, 'w');
  for (let i = 0; i < rows; i++) {
    const t = [];
    const s = [];
    for (let k = 0; k < labels; k++) {
      const y = random() < 0.3 / (k + 1) ? 1 : 0;
      // a weak model: the logit leans towards the truth, less so for rare labels
      const logit = (y ? 1.5 : -1.5) - Math.log(k + 1) * 0.5 + gaussian() * 1.5;
      const p = Number((1 / (1 + Math.exp(-logit))).toFixed(6));
      truth[i * labels + k] = y;
      scores[i * labels + k] = p;
      t.push(y);
      s.push(p);
    }
    truthCsv += `r${i},${t.join(',')}\n`;
    predCsv += `r${i},${s.join(',')}\n`;
    if (predCsv.length > 1 << 22) {
      fs.writeSync(truthFd, truthCsv);
      fs.writeSync(predFd, predCsv);
      truthCsv = predCsv = '';
    }
  }
  fs.writeSync(truthFd, truthCsv);
  fs.writeSync(predFd, predCsv);
  fs.closeSync(truthFd);
  fs.closeSync(predFd);
  fs.writeFileSync(files.truthNpy, Buffer.concat([npyHeader('|u1', rows, labels), Buffer.from(truth.buffer)]));
  fs.writeFileSync(files.scoresNpy, Buffer.concat([npyHeader('<f8', rows, labels), Buffer.from(scores.buffer)]));
  fs.renameSync(`${files.truth}.partial`, files.truth);
  fs.renameSync(`${files.pred}.partial`, files.pred);
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const files = generateEvalBench(process.argv[2] ?? '.bench', Number(process.argv[3] ?? EVAL_ROWS));
  console.log(`wrote ${Object.values(files).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
