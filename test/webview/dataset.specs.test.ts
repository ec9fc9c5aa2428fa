/**
 * The Dataset view's Vega-Lite spec builders, on real reports made by the engine: a small generated
 * dataset with known counts, and (when /work/shared/datasets is there) emotions and Reuters. Each
 * spec is compiled by vega-lite, parsed by vega with `ast: true` and rendered headless with
 * vega-interpreter, as the webview does under its CSP; then its data is checked against the report.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import { seriate } from '../../webview/src/dataset/seriation.js';
import { meanIRThreshold, statusNames } from '../../webview/src/dataset/specs/common.js';
import { cooccurrenceSpec, selectCooccurrence } from '../../webview/src/dataset/specs/cooccurrence.js';
import { irLblSpec } from '../../webview/src/dataset/specs/irLbl.js';
import { labelFrequencySpec } from '../../webview/src/dataset/specs/labelFrequency.js';
import { topLabelsetsSpec } from '../../webview/src/dataset/specs/topLabelsets.js';
import { readChartTheme } from '../../webview/src/theme.js';
import type { ChartTheme } from '../../webview/src/types.js';
import { EMOTIONS, REUTERS, sharedDatasetReport, skipUnlessDatasets, smallSyntheticReport } from './harness/datasetReports.js';
import { countMarks, renderSpec } from './harness/renderSpec.js';
import { HARNESS_THEMES } from './harness/themes.js';

type Row = Record<string, unknown>;
type Layer = { data?: { values?: Row[] }; mark?: { type?: string } | string; encoding?: Record<string, Record<string, unknown>> };

const dark: ChartTheme = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.dark.vars[n] ?? '' }, ['vscode-dark']);

/** The spec's main data rows. */
const rowsOf = (spec: TopLevelSpec): Row[] => ((spec as { data?: { values?: Row[] } }).data?.values ?? []) as Row[];
const layersOf = (spec: TopLevelSpec): Layer[] => ((spec as { layer?: Layer[] }).layer ?? []) as Layer[];
const markType = (l: Layer): string | undefined => (typeof l.mark === 'string' ? l.mark : l.mark?.type);
const barLayer = (spec: TopLevelSpec): Layer => layersOf(spec).find((l) => markType(l) === 'bar')!;
const ruleLayer = (spec: TopLevelSpec): Layer | undefined => layersOf(spec).find((l) => markType(l) === 'rule');

/** Compiles, parses with ast: true, renders headless; no warnings or errors beyond the expected ones. */
async function assertRenders(spec: TopLevelSpec, markClass: string, marks: number): Promise<string> {
  const out = await renderSpec(spec);
  assert.deepEqual(out.errors, [], 'vega errors');
  assert.deepEqual(out.warnings, [], 'vega-lite / vega warnings');
  assert.equal(countMarks(out.svg, markClass), marks, `${marks} ${markClass} marks in the SVG`);
  return out.svg;
}

const isSortedDescending = (xs: number[]): boolean => xs.every((x, i) => i === 0 || xs[i - 1] >= x);

describe('spec builders on a small generated dataset (a 16, b 12, c 8, d 3, e 1; rare threshold 4)', () => {
  let report: AnalysisReport;
  before(async () => {
    report = await smallSyntheticReport();
  });

  test('label frequency: bars sorted by count, status colours, the MeanIR rule at maxCount / MeanIR', async () => {
    const spec = labelFrequencySpec(report, dark, { log: false, topN: 50, filter: '' });
    await assertRenders(spec, 'rect', 5);
    assert.deepEqual(rowsOf(spec).map((r) => [r.label, r.count]), [['a', 16], ['b', 12], ['c', 8], ['d', 3], ['e', 1]]);
    const names = statusNames(report);
    assert.deepEqual(rowsOf(spec).map((r) => r.status), [names.other, names.other, names.other, names.rare, names.rare]);
    const color = barLayer(spec).encoding!.color.scale as { domain: string[]; range: string[] };
    assert.deepEqual(color.domain, [names.rare, names.other], 'only the statuses present are in the legend');
    assert.deepEqual(color.range, [dark.error, dark.categorical[0]]);
    const rule = ruleLayer(spec)!;
    const threshold = rule.data!.values![0].threshold as number;
    assert.ok(Math.abs(threshold - 16 / report.meanIR) < 1e-12);
    assert.equal(threshold, meanIRThreshold(report));
    assert.deepEqual((barLayer(spec).encoding!.x.scale as { type: string }).type, 'linear');
  });

  test('label frequency on a log scale: log x scale, labels with no positives left out', async () => {
    const withAbsent: AnalysisReport = {
      ...report,
      perLabel: [...report.perLabel, { name: 'z', count: 0, frequency: 0, irLbl: 0, scumble: 0, posWeight: null, minority: false }],
    };
    const linear = labelFrequencySpec(withAbsent, dark, { log: false, topN: 50, filter: '' });
    assert.equal(rowsOf(linear).length, 6);
    const spec = labelFrequencySpec(withAbsent, dark, { log: true, topN: 50, filter: '' });
    assert.equal((barLayer(spec).encoding!.x.scale as { type: string }).type, 'log');
    assert.deepEqual(rowsOf(spec).map((r) => r.label), ['a', 'b', 'c', 'd', 'e']);
    await assertRenders(spec, 'rect', 5);
  });

  test('label frequency: top N, filter, and rarest first', () => {
    const top2 = labelFrequencySpec(report, dark, { log: false, topN: 2, filter: '' });
    assert.deepEqual(rowsOf(top2).map((r) => r.label), ['a', 'b']);
    const filtered = labelFrequencySpec(report, dark, { log: false, topN: 50, filter: ' C ' });
    assert.deepEqual(rowsOf(filtered).map((r) => r.label), ['c'], 'case-insensitive, trimmed substring');
    const rarest = labelFrequencySpec(report, dark, { log: false, topN: 3, filter: '', rarest: true });
    assert.deepEqual(rowsOf(rarest).map((r) => r.label), ['e', 'd', 'c']);
    const none = labelFrequencySpec(report, dark, { log: false, topN: 50, filter: 'nothing like it' });
    assert.deepEqual(rowsOf(none), []);
  });

  test('IRLbl: same order as the frequency chart, rule at MeanIR', async () => {
    const spec = irLblSpec(report, dark, { log: true, topN: 50, filter: '' });
    await assertRenders(spec, 'rect', 5);
    assert.deepEqual(rowsOf(spec).map((r) => r.label), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(rowsOf(spec).map((r) => r.irLbl), report.perLabel.map((l) => l.irLbl));
    assert.equal(ruleLayer(spec)!.data!.values![0].meanIR, report.meanIR);
    assert.equal((barLayer(spec).encoding!.x.scale as { type: string }).type, 'log');
  });

  test('co-occurrence: pairs off the diagonal, frequency order, clustered order keeps {a, b} and {c, d, e} together', async () => {
    const byFrequency = cooccurrenceSpec(report, dark, { order: 'frequency', topN: 40, filter: '' });
    const x = (spec: TopLevelSpec) => ((layersOf(spec)[0].encoding!.x.scale as { domain: string[] }).domain);
    assert.deepEqual(x(byFrequency), ['a', 'b', 'c', 'd', 'e']);
    const pairs = rowsOf(byFrequency);
    assert.ok(pairs.every((p) => p.a !== p.b && (p.count as number) > 0));
    const ab = pairs.find((p) => p.a === 'a' && p.b === 'b')!;
    assert.equal(ab.count, 10);
    assert.equal(ab.shareOfA, 10 / 16);
    // a-b, c-d, c-e, d-e in both directions
    assert.equal(pairs.length, 8);
    await assertRenders(byFrequency, 'rect', 8);

    const clustered = cooccurrenceSpec(report, dark, { order: 'clustered', topN: 40, filter: '' });
    const order = x(clustered);
    assert.deepEqual([...order].sort(), ['a', 'b', 'c', 'd', 'e']);
    const at = (l: string) => order.indexOf(l);
    assert.equal(Math.abs(at('a') - at('b')), 1);
    assert.ok(Math.max(at('c'), at('d'), at('e')) - Math.min(at('c'), at('d'), at('e')) === 2);
    assert.deepEqual(x(cooccurrenceSpec(report, dark, { order: 'clustered', topN: 40, filter: '' })), order, 'deterministic');

    const top3 = selectCooccurrence(report.cooccurrence, { order: 'frequency', topN: 3, filter: '' });
    assert.deepEqual(top3.labels, ['a', 'b', 'c']);
    const filtered = selectCooccurrence(report.cooccurrence, { order: 'frequency', topN: 40, filter: 'd' });
    assert.deepEqual(filtered.labels, ['d']);
  });

  test('top labelsets: most frequent first, the empty labelset named, unique axis keys', async () => {
    const spec = topLabelsetsSpec(report, dark);
    const rows = rowsOf(spec);
    assert.ok(isSortedDescending(rows.map((r) => r.count as number)));
    assert.equal(rows.length, report.topLabelsets.length);
    assert.equal(rows[0].labelset, '(no labels)');
    assert.equal(rows[0].count, 14);
    assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
    await assertRenders(spec, 'rect', rows.length);
  });

  test('each builder takes its colours and fonts from the theme', () => {
    const light = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.light.vars[n] ?? '' }, ['vscode-light']);
    const spec = labelFrequencySpec(report, light, { log: false, topN: 50, filter: '' }) as { config: { axis: { labelColor: string }; font: string } };
    assert.equal(spec.config.axis.labelColor, light.foreground);
    assert.equal(spec.config.font, light.fontFamily);
    const heat = cooccurrenceSpec(report, light, { order: 'frequency', topN: 40, filter: '' });
    assert.deepEqual((layersOf(heat)[0].encoding!.color.scale as { range: string[] }).range, [light.heatLow, light.heatHigh]);
  });
});

describe('spec builders on the shared datasets', () => {
  test('emotions: every chart renders; counts sorted; minority labels coloured; the rule at 264 / MeanIR', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
    const report = await sharedDatasetReport(EMOTIONS);
    const spec = labelFrequencySpec(report, dark, { log: false, topN: 50, filter: '' });
    await assertRenders(spec, 'rect', 6);
    const rows = rowsOf(spec);
    assert.deepEqual(rows.map((r) => r.count), [264, 189, 173, 168, 166, 148]);
    const names = statusNames(report);
    for (const row of rows) {
      const label = report.perLabel.find((l) => l.name === row.label)!;
      assert.equal(row.status, label.minority ? names.minority : names.other);
    }
    const color = barLayer(spec).encoding!.color.scale as { domain: string[]; range: string[] };
    assert.equal(color.range[color.domain.indexOf(names.minority)], dark.warning);
    const threshold = ruleLayer(spec)!.data!.values![0].threshold as number;
    assert.ok(Math.abs(threshold - 264 / report.meanIR) < 1e-9);
    assert.ok(Math.abs(threshold - 178.6) < 0.05);
    // a label is a minority label exactly when its count is below the threshold
    for (const l of report.perLabel) assert.equal(l.minority, l.count < threshold, l.name);

    await assertRenders(irLblSpec(report, dark, { log: false, topN: 50, filter: '' }), 'rect', 6);
    const heat = cooccurrenceSpec(report, dark, { order: 'clustered', topN: 40, filter: '' });
    const nonZeroPairs = report.cooccurrence.counts.flatMap((row, a) => row.filter((c, b) => a !== b && c > 0)).length;
    await assertRenders(heat, 'rect', nonZeroPairs);
    await assertRenders(topLabelsetsSpec(report, dark), 'rect', report.topLabelsets.length);
  });

  test('Reuters (90 labels): top 50 by default, filter, top-N heatmap with a clustered permutation', { skip: skipUnlessDatasets(REUTERS) }, async () => {
    const report = await sharedDatasetReport(REUTERS);
    const spec = labelFrequencySpec(report, dark, { log: true, topN: 50, filter: '' });
    const rows = rowsOf(spec);
    assert.equal(rows.length, 50);
    assert.ok(isSortedDescending(rows.map((r) => r.count as number)));
    assert.equal(rows[0].label, 'earn');
    await assertRenders(spec, 'rect', 50);
    const oil = labelFrequencySpec(report, dark, { log: false, topN: 50, filter: 'oil' });
    assert.ok(rowsOf(oil).length > 3 && rowsOf(oil).every((r) => String(r.label).includes('oil')));

    const frequency = selectCooccurrence(report.cooccurrence, { order: 'frequency', topN: 40, filter: '' });
    const clustered = selectCooccurrence(report.cooccurrence, { order: 'clustered', topN: 40, filter: '' });
    assert.equal(frequency.labels.length, 40);
    assert.deepEqual([...clustered.labels].sort(), [...frequency.labels].sort(), 'the same 40 labels, reordered');
    assert.notDeepEqual(clustered.labels, frequency.labels);
    const sub = frequency.indices.map((a) => frequency.indices.map((b) => report.cooccurrence.counts[a][b]));
    assert.deepEqual(clustered.indices, seriate(sub).map((i) => frequency.indices[i]));
    const heat = cooccurrenceSpec(report, dark, { order: 'clustered', topN: 40, filter: '' });
    const out = await renderSpec(heat);
    assert.deepEqual(out.errors, []);
    assert.equal(countMarks(out.svg, 'rect'), rowsOf(heat).length);
  });
});
