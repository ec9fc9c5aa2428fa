/**
 * The strategy a comparison recommends, and whether to use it with tuned thresholds, chosen on the
 * validation rows (tuned thresholds scored out of fold, see validationEstimate.ts); the test rows
 * only report how the choice does, since choosing on them would make the reported test figure the
 * best of many draws. Whether to tune is decided once for the run, not per strategy: thresholds
 * are tuned when tuning raises the validation macro-F1 of the median strategy. Each strategy's own
 * gain is a difference of two noisy figures (a few hundredths on a few hundred rows), while
 * whether the data's thresholds are worth tuning is a property of the data that every strategy
 * measures; pooling them keeps a single lucky difference from flipping the choice. Then the
 * highest macro-F1 in that mode wins; a tie goes to the higher tail-band F1, then to the strategy
 * listed first. With k-fold cross-validation the validation figures are every training row's
 * out-of-fold scores (crossValidate.ts). Only a run without validation rows chooses on the test
 * rows (at 0.5, there being nothing to tune on), and its sentence says so. The reason is one plain
 * sentence with the numbers.
 */
import type { HeadlineMetrics, RunSummary, StrategyResult } from '../../../protocol/training.js';
import { strategyTitle } from './strategies.js';

/** Macro-F1 values closer than this are a tie. */
const TIE = 1e-9;

type Recommendation = NonNullable<RunSummary['recommendation']>;

interface Option {
  result: StrategyResult;
  tuned: boolean;
  /** What the choice is made on. */
  score: HeadlineMetrics;
  /** What the choice scores on the test rows. */
  test: HeadlineMetrics;
}

export function recommend(results: readonly StrategyResult[]): Recommendation | undefined {
  if (results.length === 0) return undefined;
  const onValidation = results.every((r) => r.validation !== undefined);
  const tuning = onValidation ? tuningGain(results) : undefined;
  const tuned = tuning !== undefined && tuning.median > TIE;
  const options = results.map((result): Option => ({
    result,
    tuned,
    score: result.validation ? (tuned ? result.validation.tuned : result.validation.fixed) : result.fixed,
    test: tuned ? result.tuned : result.fixed,
  }));
  const best = options.reduce((a, b) => (better(b, a) ? b : a));
  return { strategy: best.result.strategy, tuned, chosenOn: onValidation ? 'validation' : 'test', reason: reasonFor(best, options, onValidation, tuning) };
}

interface TuningGain {
  /** The median over the strategies of validation macro-F1 tuned minus at 0.5. */
  median: number;
  /** Strategies whose tuned figure is higher. */
  gains: number;
  of: number;
}

function tuningGain(results: readonly StrategyResult[]): TuningGain {
  const gains = results.map((r) => r.validation!.tuned.macroF1 - r.validation!.fixed.macroF1).sort((a, b) => a - b);
  const mid = gains.length >> 1;
  const median = gains.length % 2 === 1 ? gains[mid] : (gains[mid - 1] + gains[mid]) / 2;
  return { median, gains: gains.filter((g) => g > TIE).length, of: gains.length };
}

/** Whether `a` beats `b`: higher macro-F1, then higher tail-band F1; otherwise the earlier option stays. */
function better(a: Option, b: Option): boolean {
  if (a.score.macroF1 > b.score.macroF1 + TIE) return true;
  if (Math.abs(a.score.macroF1 - b.score.macroF1) > TIE) return false;
  return a.score.tailF1 > b.score.tailF1 + TIE;
}

function reasonFor(best: Option, options: readonly Option[], onValidation: boolean, tuning: TuningGain | undefined): string {
  const title = capitalize(strategyTitle(best.result)) + (best.tuned ? ' with tuned thresholds' : ' at the threshold 0.5');
  const others = options.filter((o) => o.result !== best.result);
  const crossValidated = best.result.foldMacroF1 !== undefined;
  const where = !onValidation
    ? 'on the test rows'
    : crossValidated
      ? `out of fold in ${best.result.foldMacroF1!.length}-fold cross-validation of the training rows`
      : 'on the validation rows';
  const tunedWhere = crossValidated ? 'out of fold' : 'on the validation rows';
  if (others.length === 0) {
    if (!tuning || !best.result.validation) return `${title}: the only strategy trained (macro-F1 ${fmt(best.score.macroF1)} ${where}; the run has no validation rows to tune thresholds on).`;
    const [tunedF1, fixedF1] = pair(best.result.validation.tuned.macroF1, best.result.validation.fixed.macroF1);
    const verdict = best.tuned ? `tuned thresholds beat 0.5 ${tunedWhere}` : `0.5 does as well as tuned thresholds ${tunedWhere} or better`;
    return `${title}: the only strategy trained; ${verdict} (macro-F1 ${tunedF1} vs ${fixedF1}), ${fmt(best.test.macroF1)} on the test rows.`;
  }
  // Against plain BCE when it ran (the usual baseline), else against the runner-up, with the same thresholds.
  const plain = others.find((o) => o.result.loss === 'bce' && o.result.resampling === 'none');
  const rival = plain ?? others.reduce((a, b) => (b.score.macroF1 > a.score.macroF1 ? b : a));
  const who = rival === plain ? 'plain BCE' : `${strategyTitle(rival.result)}, the runner-up`;
  const [mine, theirs] = pair(best.score.macroF1, rival.score.macroF1);
  let sentence = Math.abs(best.score.macroF1 - rival.score.macroF1) <= TIE
    ? `${title}: macro-F1 ${where} tied with ${who} (${mine}), broken by the higher tail-band F1`
    : `${title}: the highest macro-F1 ${where} (${mine} vs ${theirs} for ${who}${best.tuned ? ', thresholds tuned out of fold' : ''})`;
  if (!onValidation) sentence += '; the run has no validation rows, so this is the best of several test figures and flatters the choice';
  if (tuning) {
    const median = `${tuning.median >= 0 ? '+' : '-'}${Math.abs(tuning.median).toFixed(3)}`;
    sentence += best.tuned
      ? `; tuning pays ${tunedWhere} for ${tuning.gains} of ${tuning.of} strategies (median ${median})`
      : `; tuning pays ${tunedWhere} for only ${tuning.gains} of ${tuning.of} strategies (median ${median}), so all are compared at 0.5`;
  }
  if (onValidation) {
    const [testMine, testTheirs] = pair(best.test.macroF1, rival.test.macroF1);
    sentence += `; on the test rows ${testMine} vs ${testTheirs}`;
  }
  return `${sentence}${tailClause(best, rival)}.`;
}

/**
 * How the rare labels fare on the test rows against the rival, worded against the macro-F1 just
 * given: "and ... gain most" when they gain more than macro-F1 does, "but ... do better" when
 * macro-F1 lost, "though ... do not gain" when only they lose, "and ... do not gain either".
 */
function tailClause(best: Option, rival: Option): string {
  const [mine, theirs] = pair(best.test.tailF1, rival.test.tailF1);
  const figures = `test tail-band F1 ${mine} vs ${theirs}`;
  const tailGain = best.test.tailF1 - rival.test.tailF1;
  const macroGain = best.test.macroF1 - rival.test.macroF1;
  if (tailGain > TIE) {
    if (macroGain < -TIE) return `, but the rare labels do better: ${figures}`;
    return tailGain > macroGain ? `, and the rare labels gain most: ${figures}` : `, ${figures}`;
  }
  if (tailGain < -TIE) return macroGain < -TIE ? `, and the rare labels do not gain either: ${figures}` : `, though the rare labels do not gain: ${figures}`;
  return '';
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
