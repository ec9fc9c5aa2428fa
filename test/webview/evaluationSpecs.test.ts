/**
 * The Evaluation view's Vega-Lite spec builders against real reports: generated predictions for
 * the yeast dataset (skipped without /work/shared/datasets) and a synthetic 1,000-label
 * evaluation. Each spec compiles with vega-lite without warnings, runs in a headless Vega view
 * with the expression interpreter (as under the webview's CSP), draws a bounded number of marks,
 * and carries exactly the report's numbers: labels by support, top N and filter, F1-optimal
 * points, sweep values, band values and tuning deltas.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import { orderBySupport } from '../../webview/src/evaluation/labelSelection.js';
import { bandBarsData, bandsSpec } from '../../webview/src/evaluation/specs/bands.js';
import { confusedHeatmapData, confusedHeatmapSpec, confusedPairsData, confusedPairsSpec } from '../../webview/src/evaluation/specs/confusedPairs.js';
import { confusionGridData, confusionGridSpec } from '../../webview/src/evaluation/specs/confusionGrid.js';
import { curvesData, curvesSpec, isoF1Lines } from '../../webview/src/evaluation/specs/curves.js';
import { perClassBarsData, perClassBarsSpec } from '../../webview/src/evaluation/specs/perClassBars.js';
import { sweepData, thresholdSweepSpec, uniformThreshold } from '../../webview/src/evaluation/specs/thresholdSweep.js';
import { tuningData, tuningSpec } from '../../webview/src/evaluation/specs/tuning.js';
import { readChartTheme } from '../../webview/src/theme.js';
import type { ChartTheme } from '../../webview/src/types.js';
import { skipUnlessYeast, syntheticReport, yeastReport } from './harness/evaluationReports.js';

const noVars = { getPropertyValue: () => '' };
const themes: ChartTheme[] = [readChartTheme(noVars, ['vscode-dark']), readChartTheme(noVars, ['vscode-light'])];
const dark = themes[0];

/** Compile with vega-lite, failing on any warning or error it logs. vega-lite imports vega, which is ESM with top-level await, so both are imported, not required. */
async function compileClean(spec: TopLevelSpec): Promise<Vega.Spec> {
  const { compile } = await import('vega-lite');
  const messages: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => (messages.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: unknown[]) => (messages.push(`warn: ${args.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vg } = compile(spec, { logger: logger as never });
  assert.deepEqual(messages, [], 'vega-lite logged warnings or errors');
  return vg;
}

/** Run the compiled spec headless with the expression interpreter; count the scenegraph items of non-group marks (a line has one per vertex). */
async function runHeadless(vg: Vega.Spec): Promise<{ items: number; svg: string }> {
  const vega = await import('vega');
  const { expressionInterpreter } = await import('vega-interpreter');
  const view = new vega.View(vega.parse(vg, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter } as never);
  await view.runAsync();
  const svg = await view.toSVG();
  let items = 0;
  const walk = (node: { items?: unknown[]; marktype?: string }): void => {
    if (!node.items) return;
    for (const child of node.items as { items?: unknown[]; marktype?: string }[]) {
      if (node.marktype && node.marktype !== 'group') items++;
      walk(child);
    }
  };
  walk((view.scenegraph() as unknown as { root: { items?: unknown[]; marktype?: string } }).root);
  view.finalize();
  return { items, svg };
}

async function checkSpec(make: (theme: ChartTheme) => TopLevelSpec, maxItems: number): Promise<void> {
  for (const theme of themes) {
    const spec = make(theme);
    const { items, svg } = await runHeadless(await compileClean(spec));
    assert.ok(items > 0, 'the chart draws something');
    assert.ok(items <= maxItems, `at most ${maxItems} marks, drew ${items}`);
    assert.match(svg, /^<svg/);
  }
}

function datasetValues<T>(spec: TopLevelSpec, name: string): T[] {
  const datasets = (spec as { datasets?: Record<string, unknown[]> }).datasets;
  assert.ok(datasets && datasets[name], `dataset ${name}`);
  return datasets[name] as T[];
}

function inlineValues<T>(spec: TopLevelSpec): T[] {
  const data = (spec as { data?: { values?: unknown[] } }).data;
  assert.ok(data && Array.isArray(data.values), 'inline data values');
  return data.values as T[];
}

const close = (a: number, b: number, eps = 1e-12) => Math.abs(a - b) <= eps;

function specTests(name: string, load: () => Promise<EvaluationReport | undefined>, skip: string | false): void {
  describe(`spec builders on ${name}`, { skip }, () => {
    let report: EvaluationReport;
    before(async () => {
      const r = await load();
      assert.ok(r);
      report = r;
    });

    test('per-class bars: top N by support descending, values from perLabel, support strip', async () => {
      const bySupport = orderBySupport(report.perLabel);
      const topN = Math.min(50, report.labels);
      const spec = perClassBarsSpec(report.perLabel, dark, { topN, filter: '' });
      const bars = datasetValues<{ label: string; measure: string; value: number; rank: number }>(spec, 'bars');
      const support = datasetValues<{ label: string; support: number }>(spec, 'support');
      assert.deepEqual(support.map((s) => s.label), bySupport.slice(0, topN).map((l) => l.name));
      for (let i = 1; i < support.length; i++) assert.ok(support[i - 1].support >= support[i].support);
      const byName = new Map(report.perLabel.map((l) => [l.name, l]));
      assert.equal(bars.length, topN * 3);
      for (const b of bars) {
        const l = byName.get(b.label)!;
        assert.equal(b.value, b.measure === 'Precision' ? l.precision : b.measure === 'Recall' ? l.recall : l.f1);
      }
      await checkSpec((theme) => perClassBarsSpec(report.perLabel, theme, { topN, filter: '' }), topN * 4 + 200);
    });

    test('per-class bars: filter and the rarest / spread picks', () => {
      const first = report.perLabel[0].name;
      const filtered = perClassBarsData(report.perLabel, { topN: 50, filter: first.toUpperCase() });
      assert.ok(filtered.selected.labels.every((l) => l.name.toLowerCase().includes(first.toLowerCase())));
      assert.equal(filtered.selected.matching, report.perLabel.filter((l) => l.name.toLowerCase().includes(first.toLowerCase())).length);
      const bySupport = orderBySupport(report.perLabel);
      const tail = perClassBarsData(report.perLabel, { topN: 5, filter: '', pick: 'tail' });
      assert.deepEqual(tail.selected.labels.map((l) => l.name), bySupport.slice(-5).map((l) => l.name));
      const spread = perClassBarsData(report.perLabel, { topN: 5, filter: '', pick: 'spread' });
      assert.equal(spread.selected.labels[0].name, bySupport[0].name);
      assert.equal(spread.selected.labels[4].name, bySupport[bySupport.length - 1].name);
    });

    test('confusion grid: four cells per label with the report counts, facets in support order', async () => {
      const topN = 12;
      const spec = confusionGridSpec(report.perLabel, dark, { topN, filter: '' });
      const cells = inlineValues<{ label: string; kind: string; count: number; rate: number }>(spec);
      const names = orderBySupport(report.perLabel).slice(0, topN).map((l) => l.name);
      assert.deepEqual((spec as { facet: { sort: string[] } }).facet.sort, names);
      assert.equal(cells.length, names.length * 4);
      const byName = new Map(report.perLabel.map((l) => [l.name, l]));
      for (const c of cells) {
        const l = byName.get(c.label)!;
        const expected = { TP: l.tp, FN: l.fn, FP: l.fp, TN: l.tn }[c.kind];
        assert.equal(c.count, expected);
      }
      const tp = cells.find((c) => c.kind === 'TP' && c.label === names[0])!;
      assert.ok(close(tp.rate, byName.get(names[0])!.recall!));
      assert.equal(confusionGridData(report.perLabel, { topN, filter: '' }).cells.length, cells.length);
      await checkSpec((theme) => confusionGridSpec(report.perLabel, theme, { topN, filter: '' }), topN * 12 + 200);
    });

    test('confusions: the matrix as a heatmap, or the pairs list when there is none', async () => {
      if (report.confusedMatrix !== null) {
        const matrix = report.confusedMatrix;
        const topN = Math.min(20, report.labels);
        const spec = confusedHeatmapSpec(report.perLabel, matrix, dark, { topN, filter: '' });
        const cells = inlineValues<{ trueLabel: string; predictedLabel: string; count: number; rateOfTrue: number }>(spec);
        const index = new Map(report.perLabel.map((l, i) => [l.name, i]));
        const names = orderBySupport(report.perLabel).slice(0, topN).map((l) => l.name);
        let expected = 0;
        for (const a of names) for (const b of names) if (matrix[index.get(a)!][index.get(b)!] > 0) expected++;
        assert.equal(cells.length, expected);
        for (const c of cells) {
          assert.equal(c.count, matrix[index.get(c.trueLabel)!][index.get(c.predictedLabel)!]);
          assert.ok(close(c.rateOfTrue, c.count / report.perLabel[index.get(c.trueLabel)!].support));
        }
        assert.equal(confusedHeatmapData(report.perLabel, matrix, { topN, filter: '' }).cells.length, cells.length);
        await checkSpec((theme) => confusedHeatmapSpec(report.perLabel, matrix, theme, { topN, filter: '' }), topN * topN * 2 + 200);
      } else {
        const spec = confusedPairsSpec(report.confusedPairs, dark, { topN: 25, filter: '' });
        const rows = inlineValues<{ trueLabel: string; predictedLabel: string; count: number }>(spec);
        assert.deepEqual(
          rows.map((r) => [r.trueLabel, r.predictedLabel, r.count]),
          report.confusedPairs.slice(0, 25).map((p) => [p.trueLabel, p.predictedLabel, p.count]),
        );
        await checkSpec((theme) => confusedPairsSpec(report.confusedPairs, theme, { topN: 25, filter: '' }), 25 * 2 + 200);
      }
      const someLabel = report.confusedPairs[0].predictedLabel;
      const filtered = confusedPairsData(report.confusedPairs, { topN: 50, filter: someLabel });
      assert.ok(filtered.length > 0);
      assert.ok(filtered.every((p) => p.trueLabel.toLowerCase().includes(someLabel.toLowerCase()) || p.predictedLabel.toLowerCase().includes(someLabel.toLowerCase())));
    });

    test('curves: every point of the chosen curves, the F1-optimal points and the operating points', async () => {
      const chosen = orderBySupport(report.perLabel).slice(0, 6).map((l) => report.curves[report.perLabel.indexOf(l)]);
      const spec = curvesSpec(chosen, report.perLabel, dark, { kind: 'pr' });
      const points = datasetValues<{ label: string; x: number; y: number }>(spec, 'points');
      const marked = datasetValues<{ label: string; point: string; x: number; y: number; threshold: number; f1: number }>(spec, 'marked');
      assert.equal(points.length, chosen.reduce((n, c) => n + c.pr.recall.length, 0));
      for (const c of chosen) {
        const optimal = marked.find((m) => m.label === c.label && m.point === 'F1-optimal');
        if (c.f1Optimal === null) assert.equal(optimal, undefined);
        else assert.deepEqual({ x: optimal!.x, y: optimal!.y, t: optimal!.threshold, f1: optimal!.f1 }, { x: c.f1Optimal.recall, y: c.f1Optimal.precision, t: c.f1Optimal.threshold, f1: c.f1Optimal.f1 });
        const l = report.perLabel.find((p) => p.name === c.label)!;
        const current = marked.find((m) => m.label === c.label && m.point === 'Current threshold')!;
        assert.ok(close(current.x, l.recall!) && close(current.y, l.precision!));
        // The F1-optimal point beats (or ties) the operating point in force.
        if (c.f1Optimal !== null) assert.ok(c.f1Optimal.f1 >= (l.f1 ?? 0) - 1e-12);
      }
      const roc = curvesData(chosen, report.perLabel, 'roc');
      assert.equal(roc.points.length, chosen.reduce((n, c) => n + c.roc.fpr.length, 0));
      assert.ok(roc.marked.every((m) => m.point === 'Current threshold'));
      // Each point is a line vertex, a hover point and its Voronoi cell.
      const maxPoints = chosen.reduce((n, c) => n + Math.max(c.pr.recall.length, c.roc.fpr.length), 0) * 3 + isoF1Lines().length + 300;
      await checkSpec((theme) => curvesSpec(chosen, report.perLabel, theme, { kind: 'pr' }), maxPoints);
      await checkSpec((theme) => curvesSpec(chosen, report.perLabel, theme, { kind: 'roc' }), maxPoints);
    });

    test('threshold sweep: the sweep values, each series at its best and at the threshold in force', async () => {
      const spec = thresholdSweepSpec(report.sweep, report.perLabel, dark, { tunedMacroF1: report.tuning?.macroF1After ?? null });
      const points = datasetValues<{ threshold: number; series: string; f1: number }>(spec, 'points');
      assert.deepEqual(points.filter((p) => p.series === 'Macro F1').map((p) => [p.threshold, p.f1]), report.sweep.threshold.map((t, i) => [t, report.sweep.macroF1[i]]));
      assert.deepEqual(points.filter((p) => p.series === 'Micro F1').map((p) => [p.threshold, p.f1]), report.sweep.threshold.map((t, i) => [t, report.sweep.microF1[i]]));
      const marks = datasetValues<{ series: string; what: string; threshold: number; f1: number }>(spec, 'marks');
      const bestMacro = marks.find((m) => m.series === 'Macro F1' && m.what === 'best')!;
      assert.equal(bestMacro.f1, Math.max(...report.sweep.macroF1));
      assert.equal(uniformThreshold(report.perLabel), 0.5);
      const current = marks.find((m) => m.series === 'Micro F1' && m.what === 'current')!;
      assert.equal(current.threshold, 0.5);
      assert.equal(current.f1, report.sweep.microF1[report.sweep.threshold.indexOf(0.5)]);
      // At 0.5 (zero_division 0) the sweep's macro F1 is the report's.
      assert.ok(close(sweepData(report.sweep, report.perLabel).marks.find((m) => m.series === 'Macro F1' && m.what === 'current')!.f1, report.averages.macro.f1!));
      await checkSpec((theme) => thresholdSweepSpec(report.sweep, report.perLabel, theme, { tunedMacroF1: report.tuning?.macroF1After ?? null }), 101 * 2 * 3 + 150);
    });

    test('bands: the band values of the report, macro and micro', async () => {
      for (const average of ['macro', 'micro'] as const) {
        const rows = inlineValues<{ band: string; measure: string; value: number }>(bandsSpec(report.bands, dark, { average }));
        assert.deepEqual(rows, bandBarsData(report.bands, average));
        for (const b of report.bands) {
          const get = (m: string): number | undefined => rows.find((r) => r.band === b.band && r.measure === m)?.value;
          assert.equal(get('Precision'), b[average]!.precision);
          assert.equal(get('Recall'), b[average]!.recall);
          assert.equal(get('F1'), b[average]!.f1);
          assert.equal(get('Mean AP'), b.meanAp);
        }
        await checkSpec((theme) => bandsSpec(report.bands, theme, { average }), 12 * 2 + 60);
      }
    });

    test('tuning: before, after and their difference per label; by support or by change; top N', async () => {
      const tuning = report.tuning!;
      const topN = Math.min(40, report.labels);
      const bySupport = tuningData(tuning, report.perLabel, { order: 'support', topN, filter: '' });
      assert.deepEqual(bySupport.rows.map((r) => r.label), orderBySupport(report.perLabel).slice(0, topN).map((l) => l.name));
      const byName = new Map(tuning.thresholds.map((t) => [t.name, t]));
      for (const r of bySupport.rows) {
        const t = byName.get(r.label)!;
        assert.equal(r.before, t.f1Before);
        assert.equal(r.after, t.f1After);
        assert.equal(r.change, t.f1After! - t.f1Before!);
        assert.equal(r.threshold, t.threshold);
      }
      const byChange = tuningData(tuning, report.perLabel, { order: 'change', topN: 5, filter: '' });
      const largest = tuning.thresholds.map((t) => Math.abs((t.f1After ?? 0) - (t.f1Before ?? 0))).sort((a, b) => b - a).slice(0, 5);
      assert.deepEqual(byChange.rows.map((r) => Math.abs(r.change!)), largest);
      const spec = tuningSpec(tuning, report.perLabel, dark, { order: 'support', topN, filter: '' });
      assert.equal(datasetValues(spec, 'points').length, topN * 2);
      await checkSpec((theme) => tuningSpec(tuning, report.perLabel, theme, { order: 'change', topN, filter: '' }), topN * 3 + 200);
    });
  });
}

specTests('generated predictions for yeast (14 labels)', yeastReport, skipUnlessYeast());
specTests('a synthetic 1,000-label evaluation', () => syntheticReport(), false);

describe('1,000 labels stay bounded', () => {
  let report: EvaluationReport;
  before(async () => {
    report = await syntheticReport();
  });

  test('the synthetic report is what the tests assume: 1,000 labels, no matrix, labels without positives', () => {
    assert.equal(report.labels, 1000);
    assert.equal(report.confusedMatrix, null);
    assert.ok(report.perLabel.some((l) => l.rocAuc === null));
  });

  test('the default charts draw the top 50 labels, never all 1,000', () => {
    const bars = perClassBarsData(report.perLabel, { topN: 50, filter: '' });
    assert.equal(bars.support.length, 50);
    assert.equal(bars.selected.total, 1000);
    const grid = confusionGridData(report.perLabel, { topN: 24, filter: '' });
    assert.equal(grid.cells.length, 24 * 4);
  });

  test('a filter applies before the top N: "sport" keeps a fifth of the labels, the most frequent 50 of them', () => {
    const bars = perClassBarsData(report.perLabel, { topN: 50, filter: 'sport' });
    assert.equal(bars.selected.matching, 200);
    assert.ok(bars.selected.labels.every((l) => l.name.startsWith('sport.')));
    const sport = orderBySupport(report.perLabel.filter((l) => l.name.startsWith('sport.')));
    assert.deepEqual(bars.selected.labels.map((l) => l.name), sport.slice(0, 50).map((l) => l.name));
  });
});
