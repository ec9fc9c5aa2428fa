import { UsageError } from '../../errors.js';

/**
 * Which points of the polyline (x[i], y[i]) to keep so that at most `maxPoints` remain and the
 * drawn line changes as little as possible: Ramer-Douglas-Peucker run top-down by priority
 * (always split the segment whose farthest point is farthest, in plot units), starting from the
 * endpoints and the `keep` indices. Only existing points are kept, never new ones made; points
 * lying exactly on the line already drawn are dropped even below the budget. Returns ascending
 * indices. x and y should be in plot space (here both in [0, 1]), so distances are visual.
 */
export function simplifyPolyline(
  x: Float64Array,
  y: Float64Array,
  maxPoints: number,
  keep: readonly number[] = [],
): Int32Array {
  const n = x.length;
  if (n <= maxPoints) return Int32Array.from({ length: n }, (_, i) => i);
  const kept = new Uint8Array(n);
  kept[0] = 1;
  kept[n - 1] = 1;
  for (const index of keep) {
    if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`No point ${index} in a curve of ${n}.`);
    kept[index] = 1;
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += kept[i];
  if (count > maxPoints) {
    throw new UsageError(`Cannot keep ${count} required points of a curve within ${maxPoints} points.`);
  }

  const queue = new SegmentQueue();
  let start = 0;
  for (let i = 1; i < n; i++) {
    if (kept[i] === 0) continue;
    queue.push(farthestPoint(x, y, start, i));
    start = i;
  }
  while (count < maxPoints && queue.size > 0) {
    const split = queue.pop();
    if (split.distance2 === 0) break;
    kept[split.index] = 1;
    count++;
    queue.push(farthestPoint(x, y, split.start, split.index));
    queue.push(farthestPoint(x, y, split.index, split.end));
  }

  const indices = new Int32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (kept[i] === 1) indices[j++] = i;
  return indices;
}

interface Split {
  start: number;
  end: number;
  /** The interior point farthest from the segment start-end, or -1 when there is none. */
  index: number;
  /** Its squared distance to the segment (-1 when there is no interior point). */
  distance2: number;
}

/** The interior point of (start, end) farthest from the segment between them (first of equals). */
function farthestPoint(x: Float64Array, y: Float64Array, start: number, end: number): Split {
  const x0 = x[start];
  const y0 = y[start];
  const dx = x[end] - x0;
  const dy = y[end] - y0;
  const length2 = dx * dx + dy * dy;
  let index = -1;
  let distance2 = -1;
  for (let i = start + 1; i < end; i++) {
    const px = x[i] - x0;
    const py = y[i] - y0;
    let t = length2 === 0 ? 0 : (px * dx + py * dy) / length2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = px - t * dx;
    const ey = py - t * dy;
    const d2 = ex * ex + ey * ey;
    if (d2 > distance2) {
      distance2 = d2;
      index = i;
    }
  }
  return { start, end, index, distance2 };
}

/** Max-heap of splits by distance, then by lower index, so the result is deterministic. */
class SegmentQueue {
  private readonly items: Split[] = [];

  get size(): number {
    return this.items.length;
  }

  push(split: Split): void {
    if (split.index < 0) return;
    const items = this.items;
    items.push(split);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): Split {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as Split;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && before(items[left], items[best])) best = left;
        if (right < items.length && before(items[right], items[best])) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}

function before(a: Split, b: Split): boolean {
  return a.distance2 > b.distance2 || (a.distance2 === b.distance2 && a.index < b.index);
}
