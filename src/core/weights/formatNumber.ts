/** Number formatting for the weight exports. */

/**
 * A weight for a Python literal: at most 6 significant digits without trailing noise
 * (0.2222222 -> 0.222222, 9 -> 9.0), exponent form only for very large or small values.
 */
export function formatPythonFloat(x: number): string {
  const text = String(Number(x.toPrecision(6)));
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}
