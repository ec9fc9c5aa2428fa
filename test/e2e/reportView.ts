/**
 * Reads what the extension shows for a report, in the webview that shows it: the dashboard
 * (its headline tiles carry `data-measure` / `data-metric` and `data-raw`), or for an analysis
 * also the built-in Markdown preview of the report document ("Show Report as Markdown"). The tests assert on what these return, so when the
 * dashboard changes, this is the one file to teach.
 */
import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every table in the document as rows of cell texts (header row first). */
export async function tables(frame: Frame): Promise<string[][][]> {
  return frame.locator('table').evaluateAll((elements) =>
    elements.map((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((cell) => (cell.textContent ?? '').trim()))),
  );
}

/** The table whose header row starts with `firstHeader`, as a map from its first column to its other cells. */
async function keyedTable(frame: Frame, firstHeader: string): Promise<Map<string, string[]> | undefined> {
  const table = (await tables(frame)).find((rows) => rows[0]?.[0] === firstHeader);
  return table && new Map(table.slice(1).map((row) => [row[0], row.slice(1)]));
}

/** "3,000" -> 3000, "28.1619" -> 28.1619. */
export function shownNumber(text: string | undefined): number {
  if (text === undefined) throw new Error('value not shown');
  return Number(text.replace(/,/g, ''));
}

export interface ShownMeasure {
  /** As displayed, e.g. "3,000" or "28.16". */
  text: string;
  /** The number behind it: the dashboard's data-raw (full precision), else the displayed text parsed. */
  value: number;
}

export interface ShownAnalysis {
  view: 'markdown' | 'dashboard';
  frame: Frame;
  /** By the report's field names: instances, labels, inputs, meanIR, maxIR, ... */
  measures: Map<string, ShownMeasure>;
  text: string;
}

/** The Markdown report's row names, by the report's field names. */
const MARKDOWN_MEASURES: Record<string, string> = {
  instances: 'instances',
  labels: 'labels',
  inputs: 'inputs',
  cardinality: 'cardinality',
  density: 'density',
  labelsets: 'labelsets',
  meanIR: 'MeanIR',
  maxIR: 'MaxIR',
  cvIR: 'CVIR',
  scumble: 'SCUMBLE',
  tcs: 'TCS',
  emptyRows: 'rows with no label',
};

/** The analysis of `fileName` that is on screen, in whichever view shows it. */
export async function shownAnalysis(workbench: Workbench, fileName: string): Promise<ShownAnalysis> {
  const frame = await workbench.webviewFrame({ hasText: new RegExp(`${escapeRegExp(fileName)}[\\s\\S]*MeanIR`) });
  const text = await frame.locator('body').innerText();
  const tiles = await frame.locator('[data-measure]').evaluateAll((elements) =>
    elements.map((e) => ({ key: e.getAttribute('data-measure') ?? '', text: (e.textContent ?? '').trim(), raw: e.getAttribute('data-raw') })),
  );
  if (tiles.length > 0) {
    const measures = new Map(tiles.map((t) => [t.key, { text: t.text, value: t.raw === null ? shownNumber(t.text) : Number(t.raw) }]));
    return { view: 'dashboard', frame, measures, text };
  }
  const table = await keyedTable(frame, 'Measure');
  if (!table) throw new Error(`the webview showing ${fileName} has neither dashboard tiles nor the Markdown summary table`);
  const measures = new Map<string, ShownMeasure>();
  for (const [key, row] of Object.entries(MARKDOWN_MEASURES)) {
    const shown = table.get(row)?.[0];
    if (shown !== undefined) measures.set(key, { text: shown, value: shownNumber(shown) });
  }
  return { view: 'markdown', frame, measures, text };
}

export interface ShownEvaluation {
  frame: Frame;
  /** The dashboard's summary tiles by id (f1-micro, f1-macro, f1-weighted, f1-samples, map-macro, ...). */
  metrics: Map<string, ShownMeasure>;
  text: string;
}

/** The evaluation of predictions `predName` in its dashboard (summary tiles carry `data-metric` and `data-raw`). */
export async function shownEvaluation(workbench: Workbench, predName: string): Promise<ShownEvaluation> {
  const frame = await workbench.webviewFrame({ hasText: new RegExp(`${escapeRegExp(predName)}[\\s\\S]*Macro F1`) });
  await frame.locator('[data-metric]').first().waitFor({ timeout: 30_000 });
  const text = await frame.locator('body').innerText();
  const tiles = await frame.locator('[data-metric]').evaluateAll((elements) =>
    elements.map((e) => ({ key: e.getAttribute('data-metric') ?? '', text: (e.textContent ?? '').trim(), raw: e.getAttribute('data-raw') })),
  );
  const metrics = new Map(tiles.map((t) => [t.key, { text: t.text, value: t.raw === null || t.raw === 'null' ? Number.NaN : Number(t.raw) }]));
  return { frame, metrics, text };
}
