/**
 * The strategy a comparison recommends: the highest test macro-F1 with tuned thresholds (with
 * fixed ones when the run had no validation rows to tune on); a tie goes to the higher tail-band
 * F1, then to the strategy listed first. The reason is one plain sentence with the numbers.
 */
import type { HeadlineMetrics, RunSummary, StrategyResult } from '../../../protocol/training.js';
import { strategyTitle } from './strategies.js';

/** Macro-F1 values closer than this are a tie. */
const TIE = 1e-9;

type Recommendation = NonNullable<RunSummary['recommendation']>;

export function recommend(results: readonly StrategyResult[], tuned: boolean): Recommendation | undefined {
  if (results.length === 0) return undefined;
  const metricsOf = (r: StrategyResult): HeadlineMetrics => (tuned ? r.tuned : r.fixed);
  let best = results[0];
  for (const r of results.slice(1)) {
    const a = metricsOf(r);
    const b = metricsOf(best);
    if (a.macroF1 > b.macroF1 + TIE || (Math.abs(a.macroF1 - b.macroF1) <= TIE && a.tailF1 > b.tailF1 + TIE)) best = r;
  }
  return { strategy: best.strategy, tuned, reason: reasonFor(best, results, metricsOf, tuned) };
}

function reasonFor(best: StrategyResult, results: readonly StrategyResult[], metricsOf: (r: StrategyResult) => HeadlineMetrics, tuned: boolean): string {
  const title = capitalize(strategyTitle(best)) + (tuned ? ' with tuned thresholds' : ' at the threshold 0.5');
  const m = metricsOf(best);
  const others = results.filter((r) => r !== best);
  if (others.length === 0) return `${title}: the only strategy trained (macro-F1 ${fmt(m.macroF1)} on the test split).`;
  // Against plain BCE when it ran (the usual baseline), else against the runner-up.
  const plain = others.find((r) => r.loss === 'bce' && r.resampling === 'none');
  const rival = plain ?? others.reduce((a, b) => (metricsOf(b).macroF1 > metricsOf(a).macroF1 ? b : a));
  const o = metricsOf(rival);
  const [mine, theirs] = pair(m.macroF1, o.macroF1);
  const who = rival === plain ? 'plain BCE' : `${strategyTitle(rival)}, the runner-up`;
  let sentence = Math.abs(m.macroF1 - o.macroF1) <= TIE
    ? `${title}: macro-F1 on the test split tied with ${who} (${mine}), broken by the higher tail-band F1`
    : `${title}: highest macro-F1 on the test split (${mine} vs ${theirs} for ${who})`;
  const [tailMine, tailTheirs] = pair(m.tailF1, o.tailF1);
  const tailGain = m.tailF1 - o.tailF1;
  if (tailGain > TIE && tailGain > m.macroF1 - o.macroF1) sentence += `, and the rare labels gain most: tail-band F1 ${tailMine} vs ${tailTheirs}`;
  else if (tailGain > TIE) sentence += `, and tail-band F1 ${tailMine} vs ${tailTheirs}`;
  else if (tailGain < -TIE) sentence += `, though the rare labels do not gain: tail-band F1 ${tailMine} vs ${tailTheirs}`;
  return `${sentence}.`;
}

/** Two values to 2 decimals, or 3 when 2 would show them equal although they differ. */
function pair(a: number, b: number): [string, string] {
  const digits = a !== b && a.toFixed(2) === b.toFixed(2) ? 3 : 2;
  return [a.toFixed(digits), b.toFixed(digits)];
}

function fmt(x: number): string {
  return x.toFixed(2);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
