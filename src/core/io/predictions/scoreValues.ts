/**
 * Score values: spelled in text (numbers, `inf`, `-inf`), checked one by one as they are read
 * (NaN never passes; with --scores probs nothing outside [0, 1] passes), and classified at the end
 * as hard 0/1, probabilities or logits.
 */
import { DatasetError, type DatasetErrorLocation } from '../../errors.js';
import type { ScoreKind, ScoreMode } from './types.js';

const INFINITIES: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};

/** A score from its text: a number, or an infinity as Python/NumPy/R write it; NaN when neither. */
export function scoreFromText(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  const inf = INFINITIES[t.toLowerCase()];
  if (inf !== undefined) return inf;
  const x = Number(t);
  return Number.isNaN(x) ? NaN : x;
}

/** Why a text is not a score, for messages. */
export function describeBadScore(text: string): string {
  const t = text.trim();
  if (t === '') return 'empty score';
  if (/^[+-]?nan$/i.test(t)) return 'NaN score';
  return `not a number: "${t.slice(0, 40)}"`;
}

/** Where a value came from, for messages: the file location and a label name. */
export interface ValuePlace extends DatasetErrorLocation {
  label: string;
  /** 1-based row, for files without lines (.npy). */
  row?: number;
}

function at(place: ValuePlace): string {
  return place.row !== undefined ? ` (row ${place.row})` : '';
}

/** Tracks what the values look like, and rejects the ones that cannot be scores. */
export class ScoreChecker {
  allBinary = true;
  /** The first value outside [0, 1] (auto mode), for the note saying they were read as logits. */
  firstOutside: { value: number; place: ValuePlace } | undefined;

  constructor(readonly mode: ScoreMode) {}

  /** The common case, cheap enough for every value: true (and noted) when x is in [0, 1]; else call `unusual`. */
  accepts(x: number): boolean {
    if (x >= 0 && x <= 1) {
      if (x !== 0 && x !== 1) this.allBinary = false;
      return true;
    }
    return false;
  }

  /** A value outside [0, 1] or NaN: an error, or (auto mode) the sign that the values are logits. */
  unusual(x: number, place: ValuePlace): void {
    this.allBinary = false;
    if (Number.isNaN(x)) throw badValue(place, 'NaN score');
    if (this.mode === 'probs') {
      throw new DatasetError(place, `score ${x} for label "${place.label}"${at(place)} is outside [0, 1], but --scores probs says the values are probabilities`, 'if these are logits, use --scores logits (or auto)');
    }
    if (this.mode === 'auto' && this.firstOutside === undefined) this.firstOutside = { value: x, place };
  }

  /** Checks one value (accepts, else unusual). */
  check(x: number, place: () => ValuePlace): void {
    if (!this.accepts(x)) this.unusual(x, place());
  }

  /** What the values are, once all are checked. */
  kind(): ScoreKind {
    if (this.mode === 'logits') return 'logits';
    if (this.firstOutside !== undefined) return 'logits';
    return this.allBinary ? 'hard' : 'probabilities';
  }

  /** A note on how the values were read, when it was a guess worth showing. */
  note(): string | undefined {
    const first = this.firstOutside;
    if (this.mode !== 'auto' || first === undefined) return undefined;
    const where = first.place.line !== undefined ? `line ${first.place.line}` : first.place.row !== undefined ? `row ${first.place.row}` : 'the file';
    return `scores read as logits (passed through a sigmoid): values outside [0, 1] occur, the first ${first.value} for label "${first.place.label}" on ${where}; use --scores probs to reject such values instead`;
  }
}

export function badValue(place: ValuePlace, what: string): DatasetError {
  return new DatasetError(place, `${what} for label "${place.label}"${at(place)}`, 'every prediction needs a finite number (or +-inf for logits)');
}
