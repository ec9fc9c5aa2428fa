/**
 * What the non-label fields of a JSONL file are, from one pass over every row: numbers are
 * numeric features, strings categorical or text, `id`-like and `split` fields and the row markers
 * of a resampled file (`is_synthetic`, `source_row`) are set aside,
 * nested objects and arrays are skipped with a note.
 */
import { isIdName, isRowMarkerName, isSplitName } from '../columnRoles.js';
import type { FeatureColumn, FeatureValue } from '../types.js';
import { compareNames } from './labelSpace.js';
import type { JsonObject } from './parseLine.js';

interface FieldStats {
  numbers: number;
  strings: number;
  booleans: number;
  nested: number;
  distinct: Set<string>;
  maxLength: number;
}

export interface FieldPlan {
  features: FeatureColumn[];
  idColumn?: string;
  splitColumn?: string;
  notes: string[];
}

/** Distinct values remembered per field; beyond this a string field is text. */
const MAX_CATEGORIES = 1000;
/** Longest value a categorical field may hold. */
const MAX_CATEGORY_LENGTH = 100;
/** Below this many distinct values a string field is categorical whatever the row count. */
const SMALL_CATEGORY_COUNT = 20;

export class FieldProfiler {
  private readonly fields = new Map<string, FieldStats>();

  constructor(private readonly labelField: string) {}

  observe(row: JsonObject): void {
    for (const [name, value] of Object.entries(row)) {
      if (name === this.labelField || value === null || value === undefined) continue;
      this.count(this.statsOf(name), value);
    }
  }

  plan(): FieldPlan {
    const plan: FieldPlan = { features: [], notes: [] };
    for (const [name, stats] of this.fields) {
      if (plan.idColumn === undefined && isIdName(name) && stats.nested === 0) plan.idColumn = name;
      else if (plan.splitColumn === undefined && isSplitName(name) && stats.nested === 0) plan.splitColumn = name;
      else if (isRowMarkerName(name) && stats.nested === 0) continue;
      else this.addFeature(plan, name, stats);
    }
    return plan;
  }

  private statsOf(name: string): FieldStats {
    let stats = this.fields.get(name);
    if (!stats) {
      stats = { numbers: 0, strings: 0, booleans: 0, nested: 0, distinct: new Set(), maxLength: 0 };
      this.fields.set(name, stats);
    }
    return stats;
  }

  private count(stats: FieldStats, value: unknown): void {
    if (typeof value === 'object') {
      stats.nested++;
      return;
    }
    if (typeof value === 'number') stats.numbers++;
    else if (typeof value === 'boolean') stats.booleans++;
    else stats.strings++;
    const text = String(value);
    stats.maxLength = Math.max(stats.maxLength, text.length);
    if (stats.distinct.size <= MAX_CATEGORIES) stats.distinct.add(text);
  }

  private addFeature(plan: FieldPlan, name: string, stats: FieldStats): void {
    if (stats.nested > 0) {
      plan.notes.push(`field "${name}" holds nested objects or arrays: not used as a feature`);
    } else if (stats.strings === 0 && stats.booleans === 0) {
      plan.features.push({ name, kind: 'numeric' });
    } else {
      const kinds = [stats.numbers, stats.strings, stats.booleans].filter((n) => n > 0).length;
      if (kinds > 1) plan.notes.push(`field "${name}" mixes strings, numbers or booleans: read as strings`);
      plan.features.push(stringColumn(name, stats));
    }
  }
}

/** Categorical when values repeat (few distinct, short); otherwise free text (e.g. a title). */
function stringColumn(name: string, stats: FieldStats): FeatureColumn {
  const distinct = stats.distinct.size;
  const repeats = distinct <= SMALL_CATEGORY_COUNT || distinct <= (stats.strings + stats.numbers + stats.booleans) / 2;
  if (distinct <= MAX_CATEGORIES && repeats && stats.maxLength <= MAX_CATEGORY_LENGTH) {
    return { name, kind: 'categorical', values: [...stats.distinct].sort(compareNames) };
  }
  return { name, kind: 'text' };
}

/** A field's value as the feature `column` reads it (absent, null or nested: missing). */
export function featureValue(column: FeatureColumn, value: unknown): FeatureValue {
  if (value === null || value === undefined || typeof value === 'object') return null;
  if (column.kind === 'numeric') return typeof value === 'number' ? value : null;
  return String(value);
}
