// Benchmark 3: MLSMOTE on 100,000 rows x 100 numeric features, 50 labels of which 20 are
// minority (IRLbl > MeanIR), seeded. Our side runs in a child process (through tsx, on the
// TypeScript sources): mlSmote end to end, then the neighbour search alone over the same 20
// per-label row sets, and the child's peak RSS. The peer, side by side in the same run:
// scikit-learn NearestNeighbors(algorithm='brute').kneighbors over the same standardised
// per-label sets (arrays already loaded). Checks that the neighbours agree before any time.
// Usage: node scripts/bench/mlsmote.mjs [--rounds N]      (child mode: --child, internal)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { seededRandom } from '../random.mjs';
import { median, numberArg, timed } from './run.mjs';

const ROWS = 100_000;
const FEATURES = 100;
const COMMON_LABELS = 30;
const RARE_LABELS = 20;
const K = 5;
const files = { features: '.bench/mlsmote-features.npy', members: '.bench/mlsmote-members.json', ours: '.bench/mlsmote-ours.json' };

if (process.argv.includes('--child')) await child();
else parent();

/**
 * 30 common labels (probability 0.5 down to 0.21) and 20 rare ones (2,500 rows down to ~800,
 * IRLbl 20..65, all above MeanIR ~ 16); features N(0, 1) plus a shift per rare label carried,
 * so that the neighbourhoods of a label mean something.
 */
async function generateTable() {
  const { LabelMatrixBuilder } = await import('../../src/core/data/labelMatrix.ts');
  const random = seededRandom(11);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const shifts = Array.from({ length: RARE_LABELS }, () => Float64Array.from({ length: FEATURES }, () => 0.7 * gaussian()));
  const columns = Array.from({ length: FEATURES }, () => new Float64Array(ROWS));
  const labels = new LabelMatrixBuilder(COMMON_LABELS + RARE_LABELS, ROWS);
  const row = [];
  for (let r = 0; r < ROWS; r++) {
    row.length = 0;
    for (let l = 0; l < COMMON_LABELS; l++) if (random() < 0.5 - 0.01 * l) row.push(l);
    for (let l = 0; l < RARE_LABELS; l++) if (random() < 0.025 * 0.94 ** l) row.push(COMMON_LABELS + l);
    for (let f = 0; f < FEATURES; f++) {
      let x = gaussian();
      for (const l of row) if (l >= COMMON_LABELS) x += shifts[l - COMMON_LABELS][f];
      columns[f][r] = x;
    }
    labels.addRow(row);
  }
  const names = (n, p) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  const schema = {
    file: 'synthetic',
    format: 'csv',
    labelNames: names(COMMON_LABELS + RARE_LABELS, 'y'),
    features: names(FEATURES, 'x').map((name) => ({ name, kind: 'numeric' })),
    labelSource: 'generated',
    notes: [],
  };
  return {
    schema,
    rows: ROWS,
    labels: labels.build(),
    features: columns.map((values, f) => ({ kind: 'numeric', name: `x${f}`, values })),
    lines: Int32Array.from({ length: ROWS }, (_, i) => i + 2),
  };
}

async function child() {
  const { mlSmote } = await import('../../src/core/resample/mlsmote/index.ts');
  const { createNeighbourSearch } = await import('../../src/core/resample/mlsmote/neighbourSearch.ts');
  const table = await generateTable();

  let t = performance.now();
  const result = mlSmote(table, { k: K, seed: 1 });
  const mlSmoteSeconds = (performance.now() - t) / 1000;

  const members = result.minorityLabels.map((l) => {
    const rows = [];
    for (let r = 0; r < table.rows; r++) {
      for (let p = table.labels.offsets[r]; p < table.labels.offsets[r + 1]; p++) if (table.labels.labels[p] === l) rows.push(r);
    }
    return Int32Array.from(rows);
  });
  t = performance.now();
  const search = createNeighbourSearch(table);
  const found = members.map((rows) => search.neighbours(rows, K));
  const searchSeconds = (performance.now() - t) / 1000;
  const peakRssKb = process.resourceUsage().maxRSS;

  fs.mkdirSync('.bench', { recursive: true });
  if (!fs.existsSync(files.features)) writeFeaturesNpy(table, files.features);
  fs.writeFileSync(files.members, JSON.stringify(members.map((m) => Array.from(m))));
  fs.writeFileSync(files.ours, JSON.stringify(found.map((f) => Array.from(f))));
  process.stderr.write(`peak-rss-kb ${peakRssKb}\n`);
  console.log(
    JSON.stringify({
      mlSmoteSeconds,
      searchSeconds,
      minority: result.minorityLabels.length,
      seeds: members.reduce((s, m) => s + m.length, 0),
      synthetic: result.rows.length - table.rows,
    }),
  );
}

/** The feature matrix as a C-order float64 .npy (format 1.0), for the scikit-learn side. */
function writeFeaturesNpy(table, file) {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${table.rows}, ${table.features.length}), }`;
  dict += ' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64) + '\n';
  const header = Buffer.alloc(10);
  header.write('\x93NUMPY', 0, 'latin1');
  header[6] = 1;
  header.writeUInt16LE(dict.length, 8);
  const fd = fs.openSync(`${file}.partial`, 'w');
  fs.writeSync(fd, Buffer.concat([header, Buffer.from(dict, 'latin1')]));
  const d = table.features.length;
  const chunk = new Float64Array(4096 * d);
  for (let r0 = 0; r0 < table.rows; r0 += 4096) {
    const r1 = Math.min(table.rows, r0 + 4096);
    for (let r = r0; r < r1; r++) for (let f = 0; f < d; f++) chunk[(r - r0) * d + f] = table.features[f].values[r];
    fs.writeSync(fd, new Uint8Array(chunk.buffer, 0, (r1 - r0) * d * 8));
  }
  fs.closeSync(fd);
  fs.renameSync(`${file}.partial`, file);
}

function parent() {
  const rounds = numberArg('--rounds', 1);
  const python = '/usr/bin/python3';
  const hasSklearn = spawnSync(python, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;
  const ours = [];
  const theirs = [];
  for (let r = 0; r < rounds; r++) {
    const run = timed(process.execPath, ['--import', 'tsx', 'scripts/bench/mlsmote.mjs', '--child']);
    ours.push({ ...run, report: JSON.parse(run.stdout) });
    if (hasSklearn) theirs.push(JSON.parse(timed(python, ['scripts/bench/sklearnKnn.py', files.features, files.members, String(K), files.ours]).stdout));
  }
  const report = ours[0].report;
  console.log(`\nMLSMOTE: ${ROWS.toLocaleString('en-US')} rows x ${FEATURES} numeric features, ${report.minority} minority labels, k = ${K}; median of ${rounds} run(s)`);
  console.log(`${report.seeds.toLocaleString('en-US')} seeds (a row is a seed once per minority label it carries), ${report.synthetic.toLocaleString('en-US')} synthetic rows`);
  const oursWhole = median(ours.map((o) => o.report.mlSmoteSeconds));
  const oursSearch = median(ours.map((o) => o.report.searchSeconds));
  const rss = Math.max(...ours.map((o) => o.rssMb));
  if (!theirs.length) {
    console.log('scikit-learn not found (apt-get install python3-sklearn): our side only');
    console.log(`mlSmote end to end ${oursWhole.toFixed(2)} s, neighbour search ${oursSearch.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB`);
    return;
  }
  const sk = theirs[0];
  if (sk.mismatchedQueries !== 0) throw new Error(`neighbours differ from scikit-learn's for ${sk.mismatchedQueries} of ${sk.queries} seeds`);
  console.log(`neighbours agree with scikit-learn's for all ${sk.queries.toLocaleString('en-US')} seeds (same k indices in the same order)\n`);
  const skSeconds = median(theirs.map((t) => t.seconds));
  console.log(`${'contender'.padEnd(78)} ${'seconds'.padStart(8)} ${'speed-up'.padStart(9)}`);
  const line = (name, s) => console.log(`${name.padEnd(78)} ${s.toFixed(2).padStart(8)} ${(skSeconds / s).toFixed(2).padStart(8)}x`);
  line(`scikit-learn NearestNeighbors(brute).kneighbors, 20 label sets (BLAS threads: ${sk.threads})`, skSeconds);
  line('imbalance-lens neighbour search, same 20 label sets (1 thread)', oursSearch);
  line('imbalance-lens mlSmote end to end (search + synthesis)', oursWhole);
  console.log(`speed-up = scikit-learn's seconds / ours; peak RSS of our whole process (generated data included): ${rss.toFixed(0)} MB`);
}
