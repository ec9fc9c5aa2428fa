/**
 * REMEDIAL, decoupling of highly imbalanced labels (Charte, Rivera, del Jesus, Herrera,
 * "Resampling multilabel datasets by decoupling highly imbalanced labels", HAIS 2015; mldr's
 * `remedial`): a row whose SCUMBLE exceeds the dataset's mean SCUMBLE is split into a row with
 * its majority labels and a row with its minority labels. Parameter-free and deterministic.
 *
 * Conventions:
 * - IRLbl, MeanIR and SCUMBLE are those of the input (src/core/stats); minority labels have
 *   IRLbl > MeanIR, majority labels IRLbl <= MeanIR (mldr: `IRLbl <= meanIR`);
 * - a split row stays in place as kind 'edited' with its majority labels, and an 'edited' row with
 *   the same source and its minority labels is appended (mldr keeps the majority copy first too,
 *   though it moves all split rows after the untouched ones; we keep input order so a writer can
 *   stream the input and append);
 * - a row above the mean whose labels are all minority or all majority stays as it is: mldr would
 *   duplicate it with one copy carrying no label at all, which adds an empty row and no decoupling;
 * - so every label keeps its count: decoupling moves label occurrences, it never adds or drops one.
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { countLabelsets, labelsetScumbles, rowScumble, scumble } from '../stats/index.js';
import { imbalanceLevels, minorityLabelIds } from './minorityLabels.js';
import { noteNumber } from './resampleOptions.js';
import type { OutputRow, ResampleResult } from './types.js';

export function remedial(labels: LabelMatrix): ResampleResult {
  const levels = imbalanceLevels(labels);
  const table = countLabelsets(labels);
  const meanScumble = scumble(table, labelsetScumbles(table, levels.ir));

  const rows: OutputRow[] = [];
  const appended: OutputRow[] = [];
  let oneKindOnly = 0;
  for (let r = 0; r < labels.rows; r++) {
    const ids = labels.labels.subarray(labels.offsets[r], labels.offsets[r + 1]);
    if (ids.length < 2 || !(rowScumble(levels.ir, ids) > meanScumble)) {
      rows.push({ source: r, kind: 'original' });
      continue;
    }
    const majority: number[] = [];
    const minority: number[] = [];
    for (const id of ids) (levels.ir[id] > levels.meanIR ? minority : majority).push(id);
    if (majority.length === 0 || minority.length === 0) {
      oneKindOnly++;
      rows.push({ source: r, kind: 'original' });
      continue;
    }
    rows.push({ source: r, kind: 'edited', labels: majority });
    appended.push({ source: r, kind: 'edited', labels: minority });
  }
  for (const row of appended) rows.push(row);

  const notes = [
    `REMEDIAL split ${appended.length} row${appended.length === 1 ? '' : 's'} whose SCUMBLE is above the dataset's (${noteNumber(meanScumble)}) ` +
      'into a row with their majority labels (in place) and a row with their minority labels (appended)',
  ];
  if (oneKindOnly > 0) {
    notes.push(`${oneKindOnly} more row${oneKindOnly === 1 ? '' : 's'} above that SCUMBLE carry only minority or only majority labels and are kept as they are`);
  }
  return { method: 'remedial', rows, minorityLabels: minorityLabelIds(levels), notes };
}
