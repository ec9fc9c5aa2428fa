/**
 * Which prediction CSV/TSV columns hold what: one score column per truth label, matched by name
 * (exactly, else through one common prefix/suffix such as `prob_`), or a single label-list column.
 * Id and `split` columns (and pandas' unnamed index column) are set aside; other non-numeric columns are ignored with a note; numeric
 * columns that are not truth labels are an error, as are truth labels without a column.
 */
import { DatasetError } from '../../errors.js';
import { isIdName, isSplitName } from '../columnRoles.js';
import { detectListStyle, type ListStyle } from '../csv/index.js';
import { listSome } from './listing.js';
import { scoreFromText } from './scoreValues.js';

/** Column names read as a label list when no column is named like a truth label. */
export const LIST_COLUMN_CANDIDATES = ['predicted', 'predicted_labels', 'pred_labels', 'predictions', 'prediction', 'preds', 'pred', 'labels', 'tags', 'label'];

const PREFIXES = ['prob_', 'proba_', 'probs_', 'p_', 'score_', 'scores_', 'pred_', 'logit_', 'logits_', 'prob.', 'score.'];
const SUFFIXES = ['_prob', '_proba', '_probs', '_p', '_score', '_pred', '_logit', '_logits'];

export type ColumnPlan =
  | { kind: 'scores'; columnOf: Int32Array; notes: string[] }
  | { kind: 'list'; column: number; style: ListStyle; notes: string[] };

export interface ColumnContext {
  file: string;
  header: string[];
  sample: string[][];
  labelNames: readonly string[];
  /** Index of the join id column, or -1. */
  idIndex: number;
  listColumn: string | undefined;
}

export function planPredictionColumns(ctx: ColumnContext): ColumnPlan {
  const { file, header, labelNames } = ctx;
  if (ctx.listColumn !== undefined) {
    const column = header.indexOf(ctx.listColumn);
    if (column < 0) throw new DatasetError({ file, line: 1 }, `the prediction label column "${ctx.listColumn}" is not in the header`, `columns: ${listSome(header, 20)}`);
    return listPlan(ctx, column, [`hard predictions from the label-list column "${ctx.listColumn}"`]);
  }
  // an unnamed first column is the index pandas writes by default: a row id, not a label
  const setAside = (i: number): boolean => i === ctx.idIndex || isIdName(header[i]) || isSplitName(header[i]) || (i === 0 && header[0].trim() === '');
  const match = matchByName(header, labelNames) ?? matchByAffix(header, labelNames, setAside);
  if (!match) {
    const list = findListColumn(ctx, setAside);
    if (list >= 0) return listPlan(ctx, list, [`hard predictions from the label-list column "${header[list]}"`]);
  }
  const columnOf = match?.columnOf ?? new Int32Array(labelNames.length).fill(-1);
  const used = new Set(columnOf);
  const notes = match?.note ? [match.note] : [];
  const extra: string[] = [];
  const ignored: string[] = [];
  header.forEach((name, i) => {
    if (used.has(i) || setAside(i)) return;
    if (isNumericColumn(ctx.sample, i)) extra.push(name);
    else ignored.push(name);
  });
  const missing = labelNames.filter((_, l) => columnOf[l] < 0);
  if (missing.length > 0 || extra.length > 0) throw labelMismatch(file, header, missing, extra);
  if (ignored.length > 0) notes.push(`ignored non-numeric prediction column${ignored.length > 1 ? 's' : ''} ${listSome(ignored)}`);
  return { kind: 'scores', columnOf, notes };
}

function listPlan(ctx: ColumnContext, column: number, notes: string[]): ColumnPlan {
  return { kind: 'list', column, style: detectListStyle(ctx.sample.map((r) => r[column] ?? '')), notes };
}

function matchByName(header: string[], labelNames: readonly string[]): { columnOf: Int32Array; note?: string } | undefined {
  const index = new Map(header.map((n, i) => [n.trim(), i]));
  const columnOf = Int32Array.from(labelNames, (name) => index.get(name.trim()) ?? -1);
  return columnOf.some((c) => c >= 0) ? { columnOf } : undefined;
}

/** The prefix or suffix (from a short list) under which the most truth labels have a column. */
function matchByAffix(header: string[], labelNames: readonly string[], setAside: (i: number) => boolean): { columnOf: Int32Array; note: string } | undefined {
  const index = new Map<string, number>();
  header.forEach((n, i) => {
    if (!setAside(i)) index.set(n.trim().toLowerCase(), i);
  });
  let best: { columnOf: Int32Array; note: string; found: number } | undefined;
  const affixes = [...PREFIXES.map((a) => ({ a, name: (l: string) => a + l })), ...SUFFIXES.map((a) => ({ a, name: (l: string) => l + a }))];
  for (const { a, name } of affixes) {
    const columnOf = Int32Array.from(labelNames, (l) => index.get(name(l.trim()).toLowerCase()) ?? -1);
    const found = columnOf.reduce((s, c) => s + (c >= 0 ? 1 : 0), 0);
    if (found > 0 && (!best || found > best.found)) best = { columnOf, found, note: `prediction columns matched to truth labels through the affix "${a}"` };
  }
  return best;
}

function findListColumn(ctx: ColumnContext, setAside: (i: number) => boolean): number {
  const lower = ctx.header.map((n) => n.trim().toLowerCase());
  for (const candidate of LIST_COLUMN_CANDIDATES) {
    const i = lower.indexOf(candidate);
    if (i >= 0 && !setAside(i)) return i;
  }
  const rest = ctx.header.map((_, i) => i).filter((i) => !setAside(i));
  return rest.length === 1 && !isNumericColumn(ctx.sample, rest[0]) ? rest[0] : -1;
}

/** True when the sampled non-empty cells of the column all read as numbers (and there is one). */
function isNumericColumn(sample: string[][], i: number): boolean {
  let seen = 0;
  for (const row of sample) {
    const v = row[i];
    if (v === undefined || v.trim() === '') continue;
    if (Number.isNaN(scoreFromText(v)) && !/^[+-]?nan$/i.test(v.trim())) return false;
    seen++;
  }
  return seen > 0;
}

export function labelMismatch(file: string, header: readonly string[], missing: readonly string[], extra: readonly string[]): DatasetError {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`truth labels missing from predictions: ${listSome(missing)}`);
  if (extra.length > 0) parts.push(`predictions have labels the truth does not: ${listSome(extra)}`);
  const lower = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const near = missing.map((m) => lower.get(m.trim().toLowerCase())).filter((h): h is string => h !== undefined);
  const hint = near.length > 0
    ? `names must match exactly; differing only in case: ${listSome(near)}`
    : 'prediction columns are matched to the truth labels by name (or give a label-list column with --pred-label-column)';
  return new DatasetError({ file, line: 1 }, parts.join('; '), hint);
}
