/**
 * The last index i >= from with values[i] <= limit, for values non-decreasing from `from` on
 * (cumulative counts), or from - 1 when values[from] > limit. Exponential then binary search,
 * so skipping a run of r equal values costs O(log r), not r.
 */
export function lastAtMost(values: Int32Array, from: number, limit: number): number {
  const n = values.length;
  if (from >= n || values[from] > limit) return from - 1;
  let low = from; // values[low] <= limit
  let step = 1;
  let high = from + 1;
  while (high < n && values[high] <= limit) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > n) high = n; // values[high] > limit, or high == n
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= limit) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * The last index i >= from with values[i] >= limit, for values non-increasing from `from` on
 * (ranked thresholds), or from - 1 when values[from] < limit. Same search as `lastAtMost`.
 */
export function lastAtLeast(values: Float64Array, from: number, limit: number): number {
  const n = values.length;
  if (from >= n || !(values[from] >= limit)) return from - 1;
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < n && values[high] >= limit) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > n) high = n;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (values[mid] >= limit) low = mid;
    else high = mid;
  }
  return low;
}
