/** Row indices by part of an assignment (a part 0..k-1 per row, as iterative stratification gives): each part's rows, or every row outside one part, ascending. */

/** The rows of each of the `parts` parts, ascending. */
export function rowsOfParts(assignment: Int32Array, parts: number): Int32Array[] {
  const counts = new Int32Array(parts);
  for (const p of assignment) counts[p]++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(parts);
  assignment.forEach((p, r) => (out[p][fill[p]++] = r));
  return out;
}

/** Every row not in `part`, ascending (a fold's training rows). */
export function rowsOutsidePart(assignment: Int32Array, part: number): Int32Array {
  let n = 0;
  for (const p of assignment) if (p !== part) n++;
  const out = new Int32Array(n);
  let k = 0;
  assignment.forEach((p, r) => {
    if (p !== part) out[k++] = r;
  });
  return out;
}
