/**
 * The Resample Dataset wizard: the method (ML-ROS first, the default), its parameter (P% for the
 * random methods; k and the labelset rule for MLSMOTE; none for REMEDIAL), and where to write the
 * result (beside the input, `name.<method>.<ext>`, or a file chosen in a save dialog). Each step has
 * its default ready, so Enter all the way through resamples with the engine's defaults.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResampleOptions } from '../../core/analysis/resampleDataset.js';
import { resampledPath } from '../../core/io/write/outputNames.js';
import type { ResampleMethod } from '../../core/resample/types.js';
import { parseNeighbours, parsePercent } from './parseInputs.js';
import { askValue, pickOne, type Choice, type Step } from './quickInput.js';

export type MlsmoteLabelset = NonNullable<ResampleOptions['labelset']>;

export interface ResampleChoices {
  method: ResampleMethod;
  percent?: number;
  k?: number;
  labelset?: MlsmoteLabelset;
  /** The output file. */
  out: string;
}

/** Display names of the methods, for titles and messages. */
export const METHOD_LABELS: Record<ResampleMethod, string> = {
  mlros: 'ML-ROS',
  mlrus: 'ML-RUS',
  lpros: 'LP-ROS',
  lprus: 'LP-RUS',
  mlsmote: 'MLSMOTE',
  remedial: 'REMEDIAL',
};

const METHOD_CHOICES: Choice<ResampleMethod>[] = [
  { value: 'mlros', label: 'ML-ROS', description: 'random oversampling', detail: 'Clone random rows that carry minority labels (Charte et al. 2015).' },
  { value: 'mlrus', label: 'ML-RUS', description: 'random undersampling', detail: 'Delete random rows that carry only majority labels (Charte et al. 2015).' },
  { value: 'lpros', label: 'LP-ROS', description: 'labelset oversampling', detail: 'Clone random rows of the rarer label combinations (labelsets).' },
  { value: 'lprus', label: 'LP-RUS', description: 'labelset undersampling', detail: 'Delete random rows of the most frequent label combinations (labelsets).' },
  { value: 'mlsmote', label: 'MLSMOTE', description: 'synthetic rows', detail: 'New rows for minority labels, between a row and one of its k nearest neighbours (Charte et al. 2015).' },
  { value: 'remedial', label: 'REMEDIAL', description: 'decouple labels', detail: 'Split rows where rare and frequent labels meet into a rare-label row and a frequent-label row; no parameter.' },
];

const LABELSET_CHOICES: Choice<MlsmoteLabelset>[] = [
  { value: 'ranking', label: 'Ranking', description: 'default', detail: 'A synthetic row gets the labels that more than half of the row and its k neighbours carry (the paper’s rule).' },
  { value: 'union', label: 'Union', detail: 'A synthetic row gets every label of the row and its k neighbours.' },
  { value: 'intersection', label: 'Intersection', detail: 'A synthetic row gets only the labels the row and all its k neighbours share.' },
];

/** How many steps a method's wizard has: the method, its parameters, the output. */
function stepsOf(method: ResampleMethod | undefined): number {
  if (method === 'remedial') return 2;
  if (method === 'mlsmote') return 4;
  return 3;
}

export async function askResampleChoices(input: string): Promise<ResampleChoices | undefined> {
  const name = path.basename(input);
  const step = (n: number, method?: ResampleMethod): Step => ({ title: `Resample ${name}`, step: n, total: stepsOf(method) });

  const method = await pickOne(step(1), 'How to resample (Enter: ML-ROS)', METHOD_CHOICES);
  if (method === undefined) return undefined;

  const choices: Omit<ResampleChoices, 'out'> = { method };
  let next = 2;
  if (method === 'mlros' || method === 'mlrus' || method === 'lpros' || method === 'lprus') {
    const adds = method.endsWith('ros');
    const prompt = adds
      ? `${METHOD_LABELS[method]}: how many rows to add, as a percentage of the rows of ${name}`
      : `${METHOD_LABELS[method]}: how many rows to remove, as a percentage of the rows of ${name}`;
    const percent = await askValue(step(next++, method), prompt, '25', parsePercent);
    if (percent === undefined) return undefined;
    choices.percent = percent;
  } else if (method === 'mlsmote') {
    const k = await askValue(step(next++, method), 'MLSMOTE: how many nearest neighbours of each row to choose from (k)', '5', parseNeighbours);
    if (k === undefined) return undefined;
    const labelset = await pickOne(step(next++, method), 'MLSMOTE: the labels of a synthetic row', LABELSET_CHOICES);
    if (labelset === undefined) return undefined;
    Object.assign(choices, { k, labelset });
  }

  const out = await askOutput(step(next, method), input, method);
  return out === undefined ? undefined : { ...choices, out };
}

/** Beside the input under the default name (the first choice), or a file chosen in a save dialog. */
async function askOutput(step: Step, input: string, method: ResampleMethod): Promise<string | undefined> {
  const proposed = resampledPath(input, method);
  const browse = '';
  const where = await pickOne(step, `Where to write the ${METHOD_LABELS[method]} result`, [
    { value: proposed, label: `$(new-file) ${path.basename(proposed)}`, description: `beside ${path.basename(input)}`, detail: proposed },
    { value: browse, label: '$(folder-opened) Save as…', description: `another name or folder, in the same format as ${path.basename(input)}` },
  ]);
  if (where === undefined || where !== browse) return where;
  const ext = path.extname(input);
  const chosen = await vscode.window.showSaveDialog({
    title: `Imbalance Lens: save the ${METHOD_LABELS[method]} result`,
    defaultUri: vscode.Uri.file(proposed),
    saveLabel: 'Resample',
    filters: ext ? { [`${ext.slice(1).toUpperCase()} dataset`]: [ext.slice(1)] } : { 'All files': ['*'] },
  });
  if (!chosen) return undefined;
  if (path.extname(chosen.fsPath).toLowerCase() !== ext.toLowerCase()) {
    void vscode.window.showErrorMessage(`Imbalance Lens: the result is written in the format of ${path.basename(input)}: choose a name ending in ${ext || 'no extension'}.`);
    return undefined;
  }
  return chosen.fsPath;
}
