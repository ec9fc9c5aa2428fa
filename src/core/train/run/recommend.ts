/**
 * The strategy a comparison recommends, and whether to use it with tuned thresholds: of every
 * strategy at 0.5 and with tuned thresholds, the highest macro-F1 on the validation rows (tuned
 * thresholds scored out of fold, see validationEstimate.ts). The test rows only report how the
 * choice does; choosing on them would make the reported test figure the best of many draws.
 * A tie goes to the higher tail-band F1, then to the fixed threshold (the simpler model), then to
 * the strategy listed first. With k-fold cross-validation the validation figures are every
 * training row's out-of-fold scores (crossValidate.ts). Only a run without validation rows
 * chooses on the test rows (at 0.5, there being nothing to tune on), and its sentence says so.
 * The reason is one plain sentence with the numbers.
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
  const options = results.flatMap((result): Option[] =>
    result.validation
      ? [
          { result, tuned: false, score: result.validation.fixed, test: result.fixed },
          { result, tuned: true, score: result.validation.tuned, test: result.tuned },
        ]
      : [{ result, tuned: false, score: result.fixed, test: result.fixed }],
  );
  const best = options.reduce((a, b) => (better(b, a) ? b : a));
  return { strategy: best.result.strategy, tuned: best.tuned, chosenOn: onValidation ? 'validation' : 'test', reason: reasonFor(best, options, onValidation) };
}

/** Whether `a` beats `b`: higher macro-F1, then higher tail-band F1; otherwise the earlier option stays. */
function better(a: Option, b: Option): boolean {
  if (a.score.macroF1 > b.score.macroF1 + TIE) return true;
  if (Math.abs(a.score.macroF1 - b.score.macroF1) > TIE) return false;
  return a.score.tailF1 > b.score.tailF1 + TIE;
}

function reasonFor(best: Option, options: readonly Option[], onValidation: boolean): string {
  const title = capitalize(strategyTitle(best.result)) + (best.tuned ? ' with tuned thresholds' : ' at the threshold 0.5');
  const others = options.filter((o) => o.result !== best.result && o.tuned === best.tuned);
  const crossValidated = best.result.foldBestEpochs !== undefined;
  const where = !onValidation
    ? 'on the test rows (the run has no validation rows, so this figure is the best of several and flatters the choice)'
    : crossValidated
      ? `out of fold in ${best.result.foldBestEpochs!.length}-fold cross-validation of the training rows`
      : 'on the validation rows';
  if (others.length === 0) {
    const alone = options.length === 1 ? 'the only strategy trained' : `better than itself ${best.tuned ? 'at 0.5' : 'with tuned thresholds'}`;
    return `${title}: ${alone} (macro-F1 ${fmt(best.score.macroF1)} ${where}${onValidation ? `, ${fmt(best.test.macroF1)} on the test rows` : ''}).`;
  }
  // Against plain BCE when it ran (the usual baseline), else against the runner-up, with the same thresholds.
  const plain = others.find((o) => o.result.loss === 'bce' && o.result.resampling === 'none');
  const rival = plain ?? others.reduce((a, b) => (b.score.macroF1 > a.score.macroF1 ? b : a));
  const who = rival === plain ? 'plain BCE' : `${strategyTitle(rival.result)}, the runner-up`;
  const [mine, theirs] = pair(best.score.macroF1, rival.score.macroF1);
  let sentence = Math.abs(best.score.macroF1 - rival.score.macroF1) <= TIE
    ? `${title}: macro-F1 ${where} tied with ${who} (${mine}), broken by the higher tail-band F1`
    : `${title}: the highest macro-F1 ${where} (${mine} vs ${theirs} for ${who}${best.tuned ? ', thresholds tuned out of fold' : ''})`;
  if (onValidation) {
    const [testMine, testTheirs] = pair(best.test.macroF1, rival.test.macroF1);
    sentence += `; on the test rows ${testMine} vs ${testTheirs}`;
  }
  const [tailMine, tailTheirs] = pair(best.test.tailF1, rival.test.tailF1);
  const tailGain = best.test.tailF1 - rival.test.tailF1;
  if (tailGain > TIE && tailGain > best.test.macroF1 - rival.test.macroF1) sentence += `, and the rare labels gain most: test tail-band F1 ${tailMine} vs ${tailTheirs}`;
  else if (tailGain > TIE) sentence += `, test tail-band F1 ${tailMine} vs ${tailTheirs}`;
  else if (tailGain < -TIE) sentence += `, though the rare labels do not gain: test tail-band F1 ${tailMine} vs ${tailTheirs}`;
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
