/**
 * Predictions from a JSONL file, one object per line: scores as an object {label: score} or an
 * array in the truth's label order (field `scores`, `probs`, `probabilities`, `logits`,
 * `predictions`), a label list (field `predicted`, `pred`, `labels`, `tags`, ...: hard predictions),
 * or scores as top-level fields named like the truth labels; plus the id field when joining by id.
 */
import { DatasetError } from '../../errors.js';
import { readLineChunks } from '../lineReader.js';
import { isIdName, isSplitName } from '../columnRoles.js';
import { detectListStyle, parseLabelList } from '../csv/index.js';
import { jsonType, parseObjectLine, type JsonObject } from '../jsonl/parseLine.js';
import { listSome } from './listing.js';
import { labelMismatch } from './predColumns.js';
import type { PredictionReadContext, PredictionTable } from './predictionTable.js';
import { ScoreChecker } from './scoreValues.js';
import { ScoreTable } from './scoreTable.js';
import { UnknownLabels } from './unknownLabels.js';

export const SCORE_FIELDS = ['scores', 'probs', 'probabilities', 'logits', 'predictions'];
export const LIST_FIELDS = ['predicted', 'predicted_labels', 'pred_labels', 'pred', 'preds', 'labels', 'tags'];

/** Where the predictions are in each object: a field, or (flat) the object itself. */
type Source = { field: string } | { flat: true };

export async function readJsonlPredictions(ctx: PredictionReadContext): Promise<PredictionTable> {
  const { file, labelNames } = ctx;
  const table = new ScoreTable(labelNames.length);
  const ids: string[] | undefined = ctx.idName !== undefined ? [] : undefined;
  const lines: number[] = [];
  const idOf = new Map(labelNames.map((n, i) => [n, i]));
  const unknown = new UnknownLabels(file, labelNames);
  const notes: string[] = [];
  let checker = ctx.checker;
  let source: Source | undefined;
  let kind: 'scores' | 'label-list' | undefined;
  let lineCount = 0;

  const readRow = (object: JsonObject, line: number): void => {
    if (source === undefined) {
      source = detectSource(file, object, ctx, line);
      if ('field' in source && source.field === 'logits' && checker.mode === 'auto') {
        checker = new ScoreChecker('logits');
        notes.push('scores read as logits (the field is named "logits") and passed through a sigmoid');
      }
      if ('flat' in source) notes.push('scores read from top-level fields named like the truth labels');
    }
    const value = 'flat' in source ? object : object[source.field];
    if ('field' in source && !(source.field in object)) throw new DatasetError({ file, line }, `this row has no "${source.field}" field`);
    const rowKind = kindOf(value, source);
    if (rowKind === undefined) {
      throw new DatasetError({ file, line }, `"${'field' in source ? source.field : ''}" is ${jsonType(value)}; expected an object {label: score}, an array of scores, or a label list`);
    }
    if (kind !== undefined && rowKind !== kind) {
      throw new DatasetError({ file, line }, `this row gives ${rowKind === 'scores' ? 'scores' : 'a label list'} where the rows before gave ${kind === 'scores' ? 'scores' : 'label lists'}`);
    }
    kind = rowKind;
    const o = table.nextRow();
    const values = table.current;
    if (rowKind === 'label-list') readList(value, o, values, line);
    else if (Array.isArray(value)) readVector(value, o, values, line);
    else readObject(value as JsonObject, o, values, line, 'flat' in source);
    if (ids) ids.push(idOf_(object, line));
    lines.push(line);
  };

  const readList = (value: unknown, o: number, values: Float64Array, line: number): void => {
    const names = value === null ? [] : typeof value === 'string' ? parseLabelList(value, detectListStyle([value])) : (value as unknown[]).map((v, k) => nameOf(v, k, line));
    for (const name of names) {
      const l = idOf.get(name);
      if (l !== undefined) values[o + l] = 1;
      else unknown.add(name, line);
    }
  };

  const readVector = (value: unknown[], o: number, values: Float64Array, line: number): void => {
    if (value.length !== labelNames.length) {
      throw new DatasetError({ file, line }, `expected ${labelNames.length} scores (one per truth label, in the truth's label order), found ${value.length}`);
    }
    for (let l = 0; l < value.length; l++) values[o + l] = score(value[l], l, line);
  };

  const readObject = (value: JsonObject, o: number, values: Float64Array, line: number, flat: boolean): void => {
    let found = 0;
    let missing: string[] | undefined;
    for (let l = 0; l < labelNames.length; l++) {
      const v = value[labelNames[l]];
      if (v === undefined) (missing ??= []).push(labelNames[l]);
      else {
        found++;
        values[o + l] = score(v, l, line);
      }
    }
    let extra: string[] | undefined;
    if (Object.keys(value).length > found) {
      extra = Object.keys(value).filter((k) => !idOf.has(k) && (!flat || (typeof value[k] === 'number' && k !== ctx.idName && !isIdName(k) && !isSplitName(k))));
    }
    if (missing || (extra && extra.length > 0)) {
      const e = labelMismatch(file, [], missing ?? [], extra ?? []);
      throw new DatasetError({ file, line }, e.message, 'scores are matched to the truth labels by name; every row needs a score for every truth label');
    }
  };

  const score = (v: unknown, l: number, line: number): number => {
    const place = { file, line, label: labelNames[l] };
    if (typeof v !== 'number') throw new DatasetError(place, `score for label "${labelNames[l]}" is ${v === null ? 'null' : jsonType(v)}; expected a number`);
    checker.check(v, () => place);
    return v;
  };

  const nameOf = (v: unknown, k: number, line: number): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    throw new DatasetError({ file, line }, `item ${k} of the label list is ${jsonType(v)}; a label list holds strings or numbers`);
  };

  const idOf_ = (object: JsonObject, line: number): string => {
    const v = object[ctx.idName as string];
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
    throw new DatasetError({ file, line }, v === undefined ? `this row has no id field "${ctx.idName}"` : `the id "${ctx.idName}" is ${jsonType(v)}; expected a string or a number`);
  };

  const progress = ctx.onBytes;
  let last = 0;
  for await (const { lines: texts, firstLine } of readLineChunks(file, { ...(ctx.signal ? { signal: ctx.signal } : {}), onProgress: (done) => { progress?.(done - last); last = done; } })) {
    for (let k = 0; k < texts.length; k++) {
      const text = texts[k];
      if (text.trim() === '') continue;
      lineCount++;
      readRow(parseObjectLine(text, { file, line: firstLine + k }), firstLine + k);
    }
  }
  if (lineCount === 0) throw new DatasetError({ file }, 'the file is empty: expected one JSON object per line');
  unknown.throwIfAny();
  return { file, table, kind: kind ?? 'scores', checker, lines, notes, ...(ids ? { ids } : {}) };
}

function detectSource(file: string, first: JsonObject, ctx: PredictionReadContext, line: number): Source {
  if (ctx.listColumn !== undefined) {
    if (ctx.listColumn in first) return { field: ctx.listColumn };
    throw new DatasetError({ file, line }, `the prediction field "${ctx.listColumn}" is not in the first object`, `fields there: ${listSome(Object.keys(first), 20)}`);
  }
  for (const name of [...SCORE_FIELDS, ...LIST_FIELDS]) if (name in first) return { field: name };
  if (ctx.labelNames.some((n) => n in first)) return { flat: true };
  throw new DatasetError(
    { file, line },
    `no predictions field found: looked for ${[...SCORE_FIELDS, ...LIST_FIELDS].map((n) => `"${n}"`).join(', ')}, and for fields named like the truth labels`,
    `name the field with --pred-label-column NAME (fields in the first object: ${listSome(Object.keys(first), 20)})`,
  );
}

/** Scores (an object, or an array of numbers under a scores field) or a label list (array of names, a name, null). */
function kindOf(value: unknown, source: Source): 'scores' | 'label-list' | undefined {
  if ('flat' in source) return 'scores';
  if (typeof value === 'number' || typeof value === 'boolean') return undefined;
  if (value === null || typeof value === 'string') return 'label-list';
  if (Array.isArray(value)) {
    const scoresField = SCORE_FIELDS.includes(source.field);
    return scoresField && value.length > 0 && value.every((v) => typeof v === 'number') ? 'scores' : 'label-list';
  }
  return 'scores';
}
