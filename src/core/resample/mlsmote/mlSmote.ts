/**
 * MLSMOTE (Charte, Rivera, del Jesus, Herrera, "MLSMOTE: Approaching imbalanced multilabel
 * learning through synthetic instance generation", Knowledge-Based Systems 2015, Algorithm 1):
 * for every minority label (IRLbl > MeanIR, both computed once on the input), every row carrying
 * it is a seed: its k nearest neighbours among the OTHER rows carrying that label are found, one
 * of them is drawn at random, and a synthetic row is made from them (synthesize.ts). A row that
 * carries several minority labels is a seed once per label, as in the paper.
 *
 * The output: every input row as 'original', in order, then the synthetic rows, label by label
 * (ascending id), seeds in row order within a label. Random numbers come from one generator
 * seeded with `seed`, drawn in that order: per synthetic row, first the neighbour (randomInt of
 * k), then one number per numeric column.
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import { UsageError } from '../../errors.js';
import { irLbl, labelCounts, meanIR } from '../../stats/index.js';
import { createRandom, randomInt } from '../random.js';
import type { OutputRow, ResampleResult } from '../types.js';
import { createNeighbourSearch } from './neighbourSearch.js';
import { LABELSET_RULES, synthesize, type LabelsetRule } from './synthesize.js';

export interface MlSmoteOptions {
  /** Neighbours per seed (default 5). */
  k?: number;
  /** How the synthetic labelset is formed (default 'ranking', the paper's). */
  labelset?: LabelsetRule;
  /** Seed of the random generator (default 0). */
  seed?: number;
  signal?: AbortSignal;
  /** Called now and then with the seeds handled so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export function mlSmote(table: DatasetTable, options: MlSmoteOptions = {}): ResampleResult {
  const k = options.k ?? 5;
  const rule = options.labelset ?? 'ranking';
  const seed = options.seed ?? 0;
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`MLSMOTE's k (neighbours per seed) must be a whole number of at least 1, got ${k}.`);
  if (!LABELSET_RULES.includes(rule)) throw new UsageError(`Unknown labelset rule '${String(rule)}': use one of ${LABELSET_RULES.join(', ')}.`);
  if (!Number.isFinite(seed)) throw new UsageError(`The random seed must be a finite number, got ${seed}.`);
  options.signal?.throwIfAborted();

  const search = createNeighbourSearch(table);
  const names = table.schema.labelNames;
  const ir = irLbl(labelCounts(table.labels));
  const threshold = meanIR(ir);
  const minorityLabels: number[] = [];
  for (let l = 0; l < ir.length; l++) if (ir[l] > threshold) minorityLabels.push(l);
  const members = rowsOfLabels(table, minorityLabels);

  const rows: OutputRow[] = [];
  for (let r = 0; r < table.rows; r++) rows.push({ source: r, kind: 'original' });
  const notes: string[] = [...search.notes];
  if (minorityLabels.length === 0) {
    notes.push('No minority label (IRLbl > MeanIR): nothing to synthesise, the output is the input.');
    return { method: 'mlsmote', rows, minorityLabels, notes };
  }

  const total = members.reduce((sum, m) => sum + (m.length >= 2 ? m.length : 0), 0);
  let done = 0;
  const random = createRandom(seed);
  const labelCountScratch = new Int32Array(table.labels.labelCount);
  for (let m = 0; m < minorityLabels.length; m++) {
    const label = minorityLabels[m];
    const seeds = members[m];
    if (seeds.length < 2) {
      notes.push(`Label '${names[label]}' is carried by ${seeds.length} row${seeds.length === 1 ? '' : 's'}: no neighbour to interpolate with, so it was skipped.`);
      continue;
    }
    const kk = Math.min(k, seeds.length - 1);
    if (kk < k) notes.push(`Label '${names[label]}' is carried by only ${seeds.length} rows: each seed used all ${kk} other row${kk === 1 ? '' : 's'} as neighbours (k = ${k} asked).`);
    options.signal?.throwIfAborted();
    let searched = 0;
    const found = search.neighbours(seeds, kk, {
      signal: options.signal,
      onPoints: (points) => options.onProgress?.(done + (searched += points), total),
    });
    for (let i = 0; i < seeds.length; i++) {
      const neighbours: number[] = new Array<number>(kk);
      for (let c = 0; c < kk; c++) neighbours[c] = seeds[found[i * kk + c]];
      const reference = neighbours[randomInt(random, kk)];
      rows.push(synthesize(table, seeds[i], neighbours, reference, random, rule, labelCountScratch));
    }
    done += seeds.length;
    options.onProgress?.(done, total);
  }
  notes.push(`${rows.length - table.rows} synthetic rows for ${minorityLabels.length} minority label${minorityLabels.length === 1 ? '' : 's'} (k = ${k}, labelset rule '${rule}', seed ${seed}).`);
  return { method: 'mlsmote', rows, minorityLabels, notes };
}

/** The rows carrying each of `labels` (ascending row indices), in one pass over the label matrix. */
function rowsOfLabels(table: DatasetTable, labels: readonly number[]): Int32Array[] {
  const slot = new Int32Array(table.labels.labelCount).fill(-1);
  labels.forEach((l, i) => (slot[l] = i));
  const lists: number[][] = labels.map(() => []);
  const { offsets, labels: ids } = table.labels;
  for (let r = 0; r < table.rows; r++) {
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const s = slot[ids[p]];
      if (s >= 0) lists[s].push(r);
    }
  }
  return lists.map((list) => Int32Array.from(list));
}
