/**
 * MEKA's label convention: the relation name carries options, `'Name: -C N ...'`; N > 0 means
 * the first N attributes are the labels, N < 0 the last |N| (MEKA manual, "ARFF format").
 */

/** The N of a `-C N` option in the relation name, or undefined when there is none. */
export function mekaLabelCount(relation: string): number | undefined {
  const match = /(?:^|[\s:])-C\s+(-?\d+)(?=\s|$|')/.exec(relation);
  return match ? Number(match[1]) : undefined;
}

/** Attribute indices of the labels for `-C n` over `attributeCount` attributes, or an explanation. */
export function mekaLabelAttributes(n: number, attributeCount: number): number[] | string {
  if (n === 0) return '-C 0 declares no labels';
  if (Math.abs(n) > attributeCount) return `-C ${n} asks for ${Math.abs(n)} labels but the header declares only ${attributeCount} attributes (labels and features)`;
  const count = Math.abs(n);
  const first = n > 0 ? 0 : attributeCount - count;
  return Array.from({ length: count }, (_, k) => first + k);
}
