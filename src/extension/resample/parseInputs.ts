/**
 * What the resample and split wizards accept in their input boxes, as pure functions: each turns
 * the text into a value, or into the one sentence the input box shows while the text is not valid.
 * The limits are the engine's (resampleDataset, splitDataset), checked here so that the user hears
 * of a mistake while typing rather than after the dataset was read.
 */

export type Parsed<T> = { value: T } | { error: string };

/** "25", "25%", " 12.5 " -> a percentage in (0, 100]. */
export function parsePercent(text: string): Parsed<number> {
  const trimmed = text.trim().replace(/%$/, '').trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { error: 'Enter a percentage, e.g. 25' };
  if (!(value > 0 && value <= 100)) return { error: 'The percentage must be above 0 and at most 100' };
  return { value };
}

/** A whole number of neighbours, at least 1. */
export function parseNeighbours(text: string): Parsed<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value) || value < 1) return { error: 'Enter a whole number of neighbours, at least 1 (5 is usual)' };
  return { value };
}

/** How far a sum may be from 1 (or 100) to count as a set of proportions; the engine then gets exact shares. */
const SUM_TOLERANCE = 1e-6;

/**
 * Part sizes as proportions ("0.7, 0.15, 0.15") or percentages ("70/15/15"): two or more positive
 * numbers adding up to 1 or to 100. Returned as proportions, scaled by their sum so that they add
 * up to 1 as exactly as floating point allows (the engine checks the sum to 1e-9).
 */
export function parseRatios(text: string): Parsed<number[]> {
  const items = text.split(/[\s,;/:]+/).filter((item) => item !== '');
  const usage = 'Enter two or more part sizes that add up to 1 or 100, e.g. 0.6, 0.2, 0.2 or 60/20/20';
  if (items.length < 2) return { error: usage };
  const values = items.map(Number);
  if (values.some((v) => !Number.isFinite(v))) return { error: usage };
  if (values.some((v) => v <= 0)) return { error: 'Every part needs a size above 0' };
  const sum = values.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE && Math.abs(sum - 100) > 100 * SUM_TOLERANCE) {
    return { error: `The sizes add up to ${Number(sum.toPrecision(6))}; they must add up to 1 or 100` };
  }
  return { value: values.map((v) => v / sum) };
}

/** What an input box's validateInput returns: the error, or undefined when the text is fine. */
export function validationMessage<T>(parse: (text: string) => Parsed<T>): (text: string) => string | undefined {
  return (text) => {
    const parsed = parse(text);
    return 'error' in parsed ? parsed.error : undefined;
  };
}
