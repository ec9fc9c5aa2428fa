/** The weights of one scheme as CSV: label,count,weight (empty weight for a label with no positives). */
import { UsageError } from '../errors.js';
import { isWeightScheme, type WeightScheme, type WeightSuggestions } from './types.js';

export function formatWeightsCsv(s: WeightSuggestions, scheme: WeightScheme): string {
  if (!isWeightScheme(scheme)) throw new UsageError(`Unknown weight scheme "${String(scheme)}": use pos, inverse, sqrt or effective.`);
  const weights = s.schemes[scheme];
  const lines = ['label,count,weight'];
  s.labels.forEach((name, l) => lines.push(`${csvField(name)},${s.counts[l]},${weights[l] === null ? '' : String(weights[l])}`));
  return lines.join('\n') + '\n';
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
