/** How the resample view names the methods and their parameters. */
import type { ResampleReport } from '../../../src/core/analysis/resampleDataset.js';

export const METHOD_TITLES: Record<ResampleReport['method'], { name: string; what: string }> = {
  mlros: { name: 'ML-ROS', what: 'random oversampling of rows with minority labels' },
  mlrus: { name: 'ML-RUS', what: 'random undersampling of rows with only majority labels' },
  lpros: { name: 'LP-ROS', what: 'oversampling of rare labelsets' },
  lprus: { name: 'LP-RUS', what: 'undersampling of frequent labelsets' },
  mlsmote: { name: 'MLSMOTE', what: 'synthetic rows for minority labels' },
  remedial: { name: 'REMEDIAL', what: 'decoupling of rare and frequent labels' },
};

/** "P = 25% · seed 0", "k = 5 · labelset ranking · seed 0", "seed 0". */
export function parametersText(parameters: ResampleReport['parameters']): string {
  const parts: string[] = [];
  if (parameters.percent !== undefined) parts.push(`P = ${parameters.percent}%`);
  if (parameters.k !== undefined) parts.push(`k = ${parameters.k}`);
  if (parameters.labelset !== undefined) parts.push(`labelset ${parameters.labelset}`);
  parts.push(`seed ${parameters.seed}`);
  return parts.join(' · ');
}
