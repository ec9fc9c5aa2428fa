/**
 * The two summary statistics the mldr measures are built from, total over every input
 * (0 where R would give NaN or NA, so no NaN reaches a report).
 */

/** Arithmetic mean; 0 for no values. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Sample standard deviation (R's `sd`, denominator n - 1); 0 for fewer than two values. */
export function sampleStd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - m) * (values[i] - m);
  return Math.sqrt(squares / (n - 1));
}

/** Coefficient of variation, sd / mean (R: `sd(x) / mean(x)`); 0 when the mean is 0. */
export function coefficientOfVariation(std: number, meanValue: number): number {
  return meanValue === 0 ? 0 : std / meanValue;
}
