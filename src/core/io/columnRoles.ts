/**
 * Roles a column or field takes by its name alone, the same for every format: a row id
 * (neither feature nor label) and a train/test `split`.
 */

/** `id`, `_id`, `index`, `uuid`, `guid`, or a name ending in an id: `row_id`, `doc-id`, `ticket_ID`, `ticketId`. */
export function isIdName(name: string): boolean {
  const n = name.trim();
  return /^(?:id|_id|index|uuid|guid)$/i.test(n) || /[_-]id$/i.test(n) || /[a-z]Id$/.test(n);
}

export function isSplitName(name: string): boolean {
  return name.trim().toLowerCase() === 'split';
}

/** The columns the resampling writer adds to mark each output row (src/core/io/write). */
export const ROW_MARKER_NAMES = ['is_synthetic', 'source_row'] as const;

/** `is_synthetic` or `source_row`: row provenance written with a resampled dataset; neither feature nor label. */
export function isRowMarkerName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n === 'is_synthetic' || n === 'source_row';
}
