/**
 * The resample and split views' spec builders and models: small hand-made reports with known
 * numbers, and (when /work/shared/datasets is there) reports made by the engine on yeast. Each
 * spec is compiled by vega-lite, parsed by vega with `ast: true` and rendered headless with
 * vega-interpreter, as the webview does under its CSP; then its data is checked against the report.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import type { MeasureSummary } from '../../src/core/analysis/measureSummary.js';
import { resampleDataset, type ResampleReport } from '../../src/core/analysis/resampleDataset.js';
import { splitDataset, type SplitReport } from '../../src/core/analysis/splitDataset.js';
import { changeTiles, relativeChange, resampleLabelRows, rowChanges } from '../../webview/src/resample/resampleModel.js';
import { chooseLabels } from '../../webview/src/resample/labelChoice.js';
import { beforeAfterColors, countsBeforeAfterSpec, countRows, isOneOf } from '../../webview/src/resample/specs/countsBeforeAfter.js';
import { idealBoundaries, partColors, partSharesSpec, shareRows, splitLabels } from '../../webview/src/resample/specs/partShares.js';
import { absentSentence, partMeasuresTable, partsText, splitLabelRows, splitTiles } from '../../webview/src/resample/splitModel.js';
import { readChartTheme } from '../../webview/src/theme.js';
import type { ChartTheme } from '../../webview/src/types.js';
import { datasetPath, skipUnlessDatasets } from '../unit/helpers/datasets.js';
import { countMarks, renderSpec } from './harness/renderSpec.js';
import { HARNESS_THEMES } from './harness/themes.js';

type Row = Record<string, unknown>;
type Layer = { data?: { values?: Row[] }; mark?: { type?: string } | string; encoding?: Record<string, Record<string, unknown>> };

const dark: ChartTheme = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.dark.vars[n] ?? '' }, ['vscode-dark']);
const light: ChartTheme = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.light.vars[n] ?? '' }, ['vscode-light']);

const rowsOf = (spec: TopLevelSpec): Row[] => ((spec as { data?: { values?: Row[] } }).data?.values ?? []) as Row[];
const layersOf = (spec: TopLevelSpec): Layer[] => ((spec as { layer?: Layer[] }).layer ?? []) as Layer[];
const encodingOf = (spec: TopLevelSpec) => (spec as unknown as { encoding: Record<string, Record<string, unknown>> }).encoding;

async function assertRenders(spec: TopLevelSpec, markClass: string, marks: number): Promise<string> {
  const out = await renderSpec(spec);
  assert.deepEqual(out.errors, [], 'vega errors');
  assert.deepEqual(out.warnings, [], 'vega-lite / vega warnings');
  assert.equal(countMarks(out.svg, markClass), marks, `${marks} ${markClass} marks in the SVG`);
  return out.svg;
}

const summary = (rows: number, meanIR: number, maxIR: number, cvIR: number, scumble: number, cardinality = 1.5): MeasureSummary => ({ rows, cardinality, meanIR, maxIR, cvIR, scumble });

/** Four labels: a (10 → 10), b (5 → 8, minority), c (1 → 4, minority), d (0 → 0); 12 rows grown by 6 clones. */
const smallResample: ResampleReport = {
  file: '/data/small.csv',
  format: 'csv',
  method: 'mlros',
  parameters: { percent: 50, seed: 0 },
  written: ['/data/small.mlros.csv'],
  out: '/data/small.mlros.csv',
  rows: { before: 12, after: 18, kept: 12, removed: 0, cloned: 6, edited: 0, synthetic: 0 },
  before: summary(12, 4, 10, 0.9, 0.2),
  after: summary(18, 1.75, 2.5, 0.4, 0.25),
  perLabel: [
    { name: 'a', minority: false, before: 10, after: 10, irBefore: 1, irAfter: 1 },
    { name: 'b', minority: true, before: 5, after: 8, irBefore: 2, irAfter: 1.25 },
    { name: 'c', minority: true, before: 1, after: 4, irBefore: 10, irAfter: 2.5 },
    { name: 'd', minority: false, before: 0, after: 0, irBefore: 0, irAfter: 0 },
  ],
  notes: [],
  elapsedMs: 3,
};

/** Two parts (train 0.8, test 0.2) of 10 rows; x: 8 + 2 of 10, y: 3 + 2 of 5, z: no positives, w: 1 + 0 (absent from test). */
const smallSplit: SplitReport = {
  file: '/data/small.csv',
  format: 'csv',
  order: 1,
  seed: 0,
  parts: [
    { name: 'train', proportion: 0.8, summary: summary(8, 2, 4, 0.5, 0.1) },
    { name: 'test', proportion: 0.2, summary: summary(2, 1, 1, 0, 0) },
  ],
  labelNames: ['x', 'y', 'z', 'w'],
  stratification: {
    partRows: [8, 2],
    labels: [
      { label: 0, total: 10, counts: [8, 2], ideal: [8, 2], maxDeviation: 0 },
      { label: 1, total: 5, counts: [3, 2], ideal: [4, 1], maxDeviation: 1 },
      { label: 2, total: 0, counts: [0, 0], ideal: [0, 0], maxDeviation: 0 },
      { label: 3, total: 1, counts: [1, 0], ideal: [0.8, 0.2], maxDeviation: 0.2 },
    ],
    absent: [{ label: 3, part: 1 }],
    meanRelativeDeviation: 0.25,
  },
  absent: ['w in test'],
  written: ['/data/small.train.csv', '/data/small.test.csv'],
  elapsedMs: 2,
};

const ALL = { log: false, topN: 50, filter: '', rarest: false };

describe('resample: counts before and after', () => {
  test('two bars per label in the chosen order, the change and IRLbl of each phase, the minority labels marked', async () => {
    const spec = countsBeforeAfterSpec(smallResample, dark, ALL);
    await assertRenders(spec, 'rect', 8);
    assert.deepEqual(rowsOf(spec).map((r) => [r.label, r.phase, r.count, r.change, r.irLbl]), [
      ['a', 'Before', 10, 0, 1], ['a', 'After', 10, 0, 1],
      ['b', 'Before', 5, 3, 2], ['b', 'After', 8, 3, 1.25],
      ['c', 'Before', 1, 3, 10], ['c', 'After', 4, 3, 2.5],
      ['d', 'Before', 0, 0, 0], ['d', 'After', 0, 0, 0],
    ]);
    const y = encodingOf(spec).y as { sort: string[]; axis: { labelColor: { condition: { test: string; value: string }; value: string } } };
    assert.deepEqual(y.sort, ['a', 'b', 'c', 'd']);
    assert.equal(y.axis.labelColor.condition.test, isOneOf(['b', 'c']));
    assert.equal(y.axis.labelColor.condition.value, dark.warning);
    assert.equal(y.axis.labelColor.value, dark.foreground);
    const color = encodingOf(spec).color as { scale: { domain: string[]; range: string[] } };
    assert.deepEqual(color.scale, { domain: ['Before', 'After'], range: beforeAfterColors(dark) });
    assert.notEqual(beforeAfterColors(dark)[0], beforeAfterColors(dark)[1]);
  });

  test('the rendered axis names exactly the minority labels in bold warning colour, even with quotes in names', async () => {
    const quoted: ResampleReport = {
      ...smallResample,
      perLabel: [
        { name: 'say "hi"', minority: true, before: 2, after: 5, irBefore: 5, irAfter: 2 },
        { name: 'back\\slash', minority: false, before: 10, after: 10, irBefore: 1, irAfter: 1 },
        { name: "it's", minority: true, before: 1, after: 3, irBefore: 10, irAfter: 3.3 },
      ],
    };
    const svg = await assertRenders(countsBeforeAfterSpec(quoted, light, ALL), 'rect', 6);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[0]);
    const styled = (name: string) => labels.find((t) => t.endsWith(`>${name}</text>`))!;
    for (const name of ['say "hi"', "it's"]) {
      assert.ok(styled(name), `${name} is on the axis`);
      assert.match(styled(name), new RegExp(`fill="${light.warning}"`), `${name} in the warning colour`);
      assert.match(styled(name), /font-weight="bold"/);
    }
    const plain = styled('back\\slash');
    assert.ok(plain, 'the majority label is on the axis');
    assert.doesNotMatch(plain, /font-weight="bold"/);
    assert.match(plain, new RegExp(`fill="${light.foreground}"`));
  });

  test('log scale: counts of 0 are left out; top N and rarest first pick by the count before', async () => {
    const log = countsBeforeAfterSpec(smallResample, dark, { ...ALL, log: true });
    assert.deepEqual(rowsOf(log).map((r) => `${r.label}:${r.phase}`), ['a:Before', 'a:After', 'b:Before', 'b:After', 'c:Before', 'c:After']);
    assert.equal((encodingOf(log).x.scale as { type: string }).type, 'log');
    await assertRenders(log, 'rect', 6);
    const rarest = countsBeforeAfterSpec(smallResample, dark, { ...ALL, topN: 2, rarest: true });
    assert.deepEqual((encodingOf(rarest).y as { sort: string[] }).sort, ['d', 'c']);
    assert.deepEqual(countRows([], false), []);
    assert.deepEqual(chooseLabels(smallResample.perLabel, (l) => l.before, { topN: 5, filter: 'B', rarest: false }).items.map((l) => l.name), ['b']);
  });

  test('tiles: the value after, the value before and the relative change; a lower-is-better measure that rose is flagged', () => {
    const rose: ResampleReport = { ...smallResample, after: { ...smallResample.after, scumble: 0.25 } };
    const tiles = changeTiles(rose);
    assert.deepEqual(tiles.map((t) => t.key), ['rows', 'meanIR', 'maxIR', 'cvIR', 'scumble', 'cardinality']);
    const byKey = new Map(tiles.map((t) => [t.key, t]));
    assert.equal(byKey.get('rows')!.value, '18');
    assert.equal(byKey.get('rows')!.detail, 'before 12');
    assert.equal(byKey.get('rows')!.change, '+50.0%');
    assert.equal(byKey.get('meanIR')!.value, '1.750');
    assert.equal(byKey.get('meanIR')!.detail, 'before 4.000');
    assert.equal(byKey.get('meanIR')!.change, '−56.3%');
    assert.equal(byKey.get('meanIR')!.flag, undefined);
    assert.equal(byKey.get('scumble')!.flag, 'higher than before', 'SCUMBLE 0.2 -> 0.25');
    assert.equal(byKey.get('rows')!.flag, undefined, 'more rows is not a warning');
    assert.equal(relativeChange(0, 0), 'no change');
    assert.equal(relativeChange(0, 3), 'from 0');
    assert.equal(relativeChange(8, 6), '−25.0%');
    assert.equal(rowChanges(smallResample.rows), '+6 cloned');
    assert.equal(rowChanges({ ...smallResample.rows, cloned: 0, removed: 1200, edited: 3 }), '−1,200 removed · 3 with changed labels');
    assert.equal(rowChanges({ ...smallResample.rows, cloned: 0 }), 'no row changed');
    const rows = resampleLabelRows(smallResample);
    assert.deepEqual(rows[2], { name: 'c', minority: 'minority', before: 1, after: 4, change: 3, changeShare: 3, irBefore: 10, irAfter: 2.5 });
    assert.equal(rows[3].changeShare, null, 'no share of a change from 0');
  });
});

describe('split: shares per part', () => {
  test('one segment per label and part, shares adding up to 1, labels without positives left out, rules at the cumulative sizes', async () => {
    const spec = partSharesSpec(smallSplit, dark, ALL);
    const [bars, rules] = layersOf(spec);
    assert.deepEqual(bars.data!.values!.map((r) => [r.label, r.part, r.count, r.share, r.ideal]), [
      ['x', 'train', 8, 0.8, 8], ['x', 'test', 2, 0.2, 2],
      ['y', 'train', 3, 0.6, 4], ['y', 'test', 2, 0.4, 1],
      ['w', 'train', 1, 1, 0.8], ['w', 'test', 0, 0, 0.2],
    ]);
    assert.deepEqual(rules.data!.values, [{ share: 0.8 }]);
    const x = bars.encoding!.x as { axis: { values: number[] }; stack: string };
    assert.deepEqual(x.axis.values, [0, 0.8, 1]);
    assert.equal(x.stack, 'zero');
    const svg = await assertRenders(spec, 'rect', 6);
    assert.equal(countMarks(svg, 'rule'), 1);
  });

  test('the ideal boundaries of 70/15/15 and of 5 folds; a colour per part, distinct for 10 folds', () => {
    const parts = (sizes: number[]) => sizes.map((proportion, j) => ({ name: `p${j}`, proportion, summary: summary(1, 1, 1, 0, 0) }));
    const bounds = idealBoundaries(parts([0.7, 0.15, 0.15]));
    assert.equal(bounds.length, 2);
    assert.ok(Math.abs(bounds[0] - 0.7) < 1e-12 && Math.abs(bounds[1] - 0.85) < 1e-12);
    assert.deepEqual(idealBoundaries(parts([0.2, 0.2, 0.2, 0.2, 0.2])).map((b) => Math.round(b * 10) / 10), [0.2, 0.4, 0.6, 0.8]);
    for (const theme of [dark, light]) {
      const colors = partColors(theme, 10);
      assert.deepEqual(colors.slice(0, 6), theme.categorical);
      assert.equal(new Set(colors).size, 10);
    }
  });

  test('model: tiles, per-label rows with the parts a label is missing from, the parts’ measures, the absent labels in words', () => {
    const tiles = new Map(splitTiles(smallSplit).map((t) => [t.key, t]));
    assert.equal(tiles.get('parts')!.detail, 'train/test 80/20');
    assert.equal(tiles.get('rows')!.detail, '8 · 2');
    const tenFolds = splitTiles({ ...smallSplit, stratification: { ...smallSplit.stratification, partRows: [166, 175, 166, 172, 171, 173, 166, 166, 177, 170] } });
    assert.equal(tenFolds.find((t) => t.key === 'rows')!.detail, '166–177 per part');
    assert.equal(tiles.get('deviation')!.value, '25.00%');
    assert.equal(tiles.get('maxDeviation')!.detail, 'y');
    assert.equal(tiles.get('absent')!.value, '1');
    assert.equal(tiles.get('absent')!.flag, 'missing from a part');
    assert.deepEqual(splitLabelRows(smallSplit)[3], { name: 'w', total: 1, part0: 1, part1: 0, maxDeviation: 0.2, missing: 'test' });
    assert.deepEqual(splitLabels(smallSplit).map((l) => l.name), ['x', 'y', 'z', 'w']);
    assert.deepEqual(partMeasuresTable(smallSplit).rows[0], { part: 'train', size: '80.0%', rows: 8, cardinality: '1.500', meanIR: '2.000', maxIR: '4.000', cvIR: '0.5000', scumble: '0.1000' });
    assert.equal(partsText([1, 2, 3].map((k) => ({ name: `fold${k}`, proportion: 1 / 3, summary: summary(1, 1, 1, 0, 0) }))), '3 folds');
    assert.equal(absentSentence([]), '');
    const many = absentSentence(Array.from({ length: 11 }, (_, i) => `L${i} in test`));
    assert.match(many, /^11 label–part pairs without a single positive: L0 in test; .*L7 in test; and 3 more\./);
    assert.deepEqual(shareRows([], smallSplit.parts), []);
  });
});

describe('on yeast, as the engine reports it', { skip: skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml') }, () => {
  let dir: string;
  let resample: ResampleReport;
  let split: SplitReport;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-specs-'));
    for (const name of ['yeast.arff', 'yeast.xml']) fs.copyFileSync(datasetPath(`yeast/${name}`)!, path.join(dir, name));
    const input = path.join(dir, 'yeast.arff');
    resample = await resampleDataset(input, { method: 'mlros', dryRun: true });
    split = await splitDataset(input, { folds: 5, dryRun: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('counts before and after: 14 labels, 28 bars, the minority labels those the report names', async () => {
    const spec = countsBeforeAfterSpec(resample, dark, ALL);
    await assertRenders(spec, 'rect', 28);
    const minority = resample.perLabel.filter((l) => l.minority).map((l) => l.name);
    assert.ok(minority.length > 0 && minority.length < 14);
    const order = (encodingOf(spec).y as { sort: string[] }).sort;
    assert.equal(order.length, 14);
    const before = new Map(resample.perLabel.map((l) => [l.name, l.before]));
    for (let i = 1; i < order.length; i++) assert.ok(before.get(order[i - 1])! >= before.get(order[i])!, 'most positives first');
    const test = ((encodingOf(spec).y as { axis: { labelColor: { condition: { test: string } } } }).axis.labelColor.condition.test);
    for (const name of resample.perLabel.map((l) => l.name)) assert.equal(test.includes(JSON.stringify(name)), minority.includes(name), name);
  });

  test('shares per part: 5 folds of 14 labels, 4 boundaries at 20% steps, each label’s shares adding up to 1', async () => {
    const spec = partSharesSpec(split, light, ALL);
    const rows = layersOf(spec)[0].data!.values!;
    assert.equal(rows.length, 70);
    const sums = new Map<unknown, number>();
    for (const r of rows) sums.set(r.label, (sums.get(r.label) ?? 0) + (r.share as number));
    for (const [label, sum] of sums) assert.ok(Math.abs(sum - 1) < 1e-12, String(label));
    const svg = await assertRenders(spec, 'rect', 70);
    assert.equal(countMarks(svg, 'rule'), 4);
  });
});
