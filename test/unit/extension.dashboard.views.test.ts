/**
 * The pure parts of the dashboard's host side: the evaluation view (curves of the best-supported
 * labels only), the curves served on request, the weight and threshold exports, and the checks on
 * a chart image sent by the webview.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { evaluatePredictions, thresholdsJson, type EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import { readThresholds } from '../../src/core/io/predictions/index.js';
import { suggestWeights } from '../../src/core/weights/index.js';
import { curvesOf, datasetView, evaluationView } from '../../src/extension/dashboard/dashboardViews.js';
import { thresholdsPytorch, thresholdsText, weightsJson, weightsText } from '../../src/extension/dashboard/exportText.js';
import { looksLikeSvg, pngFromDataUrl, safeFileName } from '../../src/extension/dashboard/imagePayload.js';
import { INITIAL_CURVE_LABELS, isHostMessage } from '../../src/protocol/dashboard.js';
import { tinyPng } from './helpers/fakeVscode.js';

/** 12 labels; label l is positive in rows where (row + l) % (l + 2) === 0, so supports differ, with two ties. */
const LABELS = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11'];
const ROWS = 60;
const positive = (row: number, l: number) => (l === 11 ? (row + 10) % 12 === 0 : (row + l) % (l + 2) === 0);

let report: EvaluationReport;
let supports: number[];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-dash-views-'));
  const truth = path.join(dir, 'truth.csv');
  const pred = path.join(dir, 'pred.csv');
  const truthRows = [LABELS.join(',')];
  const predRows = [LABELS.join(',')];
  for (let r = 0; r < ROWS; r++) {
    truthRows.push(LABELS.map((_, l) => (positive(r, l) ? 1 : 0)).join(','));
    // A score that mostly ranks positives first, with some noise, so the curves are not trivial.
    predRows.push(LABELS.map((_, l) => (((positive(r, l) ? 0.55 : 0.2) + ((r * 7 + l * 3) % 10) / 25)).toFixed(3)).join(','));
  }
  fs.writeFileSync(truth, truthRows.join('\n') + '\n');
  fs.writeFileSync(pred, predRows.join('\n') + '\n');
  report = await evaluatePredictions(truth, pred, { tuneThresholds: true });
  supports = report.perLabel.map((l) => l.support);
});

describe('evaluationView', () => {
  test(`keeps the curves of the ${INITIAL_CURVE_LABELS} labels of highest support, most supported first, ties in label order`, () => {
    const view = evaluationView(report);
    const expected = LABELS.map((name, l) => ({ name, support: supports[l], l }))
      .sort((a, b) => b.support - a.support || a.l - b.l)
      .slice(0, INITIAL_CURVE_LABELS)
      .map((x) => x.name);
    assert.equal(new Set(supports).size < LABELS.length, true, 'the fixture has tied supports');
    assert.deepEqual(
      view.curves.map((c) => c.label),
      expected,
    );
    // The curves are the report's own, untouched.
    for (const c of view.curves) assert.deepEqual(c, report.curves.find((x) => x.label === c.label));
  });

  test('leaves the curves out of the report and everything else in; the message passes the host-message check', () => {
    const view = evaluationView(report);
    assert.equal(view.kind, 'evaluation');
    assert.equal(view.file, report.predFile);
    assert.equal('curves' in view.report, false);
    const { curves: _curves, ...rest } = report;
    assert.deepEqual(view.report, rest);
    assert.ok(isHostMessage(JSON.parse(JSON.stringify({ type: 'view', view }))));
    assert.ok(JSON.stringify(view).length < JSON.stringify(report).length);
  });

  test('a report with fewer labels than the limit keeps every curve', () => {
    const small: EvaluationReport = { ...report, perLabel: report.perLabel.slice(0, 3), curves: report.curves.slice(0, 3) };
    assert.equal(evaluationView(small).curves.length, 3);
  });
});

describe('curvesOf', () => {
  test('answers in the order asked and skips unknown labels', () => {
    const curves = curvesOf(report, ['l9', 'nope', 'l2', 'l9']);
    assert.deepEqual(
      curves.map((c) => c.label),
      ['l9', 'l2', 'l9'],
    );
    assert.deepEqual(curvesOf(report, []), []);
  });
});

describe('datasetView', () => {
  test('carries the focus only when one is given', () => {
    const analysis = { file: '/data/x.csv' } as never;
    assert.deepEqual(datasetView(analysis), { kind: 'analysis', file: '/data/x.csv', report: analysis });
    assert.equal(datasetView(analysis, 'weights').focus, 'weights');
    assert.equal('focus' in datasetView(analysis), false);
  });
});

describe('weight exports', () => {
  const s = suggestWeights([4, 0, 1], 10, ['cat', 'never', 'dog "x"']);

  test('JSON: one label -> weight object per scheme, in label order, nulls kept', () => {
    for (const scheme of ['pos', 'inverse', 'sqrt', 'effective'] as const) {
      const parsed = JSON.parse(weightsJson(s, scheme));
      assert.deepEqual(Object.keys(parsed), ['cat', 'never', 'dog "x"']);
      assert.deepEqual(Object.values(parsed), s.schemes[scheme]);
      assert.equal(parsed.never, null);
    }
    assert.equal(weightsText(s, 'sqrt', 'json'), weightsJson(s, 'sqrt'));
  });

  test('PyTorch: the engine snippet as it is', () => {
    assert.match(weightsText(s, 'pos', 'pytorch'), /pos_weight = torch\.tensor\(\[/);
    assert.match(weightsText(s, 'inverse', 'pytorch'), /class_weight = torch\.tensor\(\[/);
  });
});

describe('threshold exports', () => {
  test('PyTorch: the tuned thresholds exactly, in label order, with the label names and how to apply them', () => {
    const snippet = thresholdsPytorch(report);
    const lines = snippet.split('\n');
    const start = lines.indexOf('thresholds = torch.tensor([');
    assert.ok(start > 0);
    const rows = lines.slice(start + 1, start + 1 + LABELS.length).map((line) => /^\s+([-+0-9.eE]+),\s+# (\d+) (\S+)/.exec(line));
    rows.forEach((m, l) => {
      assert.ok(m, `line ${l}: ${lines[start + 1 + l]}`);
      assert.equal(Number(m[1]), report.tuning!.thresholds[l].threshold, 'printed without rounding');
      assert.equal(Number(m[2]), l);
      assert.equal(m[3].replace(/:$/, ''), LABELS[l]);
    });
    assert.equal(lines[start + 1 + LABELS.length], '], dtype=torch.float32)');
    assert.match(snippet, /^import torch$/m);
    assert.match(snippet, /\(torch\.sigmoid\(logits\) >= thresholds\)/);
    assert.match(snippet, /held-out/);
  });

  test('JSON: what --thresholds FILE reads back', async () => {
    const text = thresholdsText(report, 'json')!;
    assert.equal(text, thresholdsJson(report));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-dash-thr-')), 't.json');
    fs.writeFileSync(file, text);
    assert.deepEqual(await readThresholds(file, LABELS), report.tuning!.thresholds.map((t) => t.threshold));
  });

  test('no tuning, no thresholds', () => {
    assert.equal(thresholdsText({ ...report, tuning: null }, 'pytorch'), undefined);
  });
});

describe('chart image payloads', () => {
  const png = tinyPng();

  test('a base64 PNG data URL decodes to its bytes; anything else is refused', () => {
    assert.deepEqual(Buffer.from(pngFromDataUrl(`data:image/png;base64,${png.toString('base64')}`)!), png);
    assert.equal(pngFromDataUrl(png.toString('base64')), undefined, 'no data: prefix');
    assert.equal(pngFromDataUrl(`data:image/jpeg;base64,${png.toString('base64')}`), undefined);
    assert.equal(pngFromDataUrl(`data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`), undefined, 'not PNG bytes');
    assert.equal(pngFromDataUrl('data:image/png;base64,%%%%'), undefined);
    assert.equal(pngFromDataUrl('data:image/png;base64,'), undefined);
  });

  test('SVG markup is recognised, with or without an XML declaration', () => {
    assert.ok(looksLikeSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    assert.ok(looksLikeSvg('<?xml version="1.0"?>\n<svg class="marks"></svg>'));
    assert.ok(!looksLikeSvg('<html><svg></svg></html>'));
    assert.ok(!looksLikeSvg('data:image/png;base64,AAAA'));
  });

  test('file names lose folders and unsafe characters and get the right extension', () => {
    assert.equal(safeFileName('label-frequency', 'svg'), 'label-frequency.svg');
    assert.equal(safeFileName('pr-curves.PNG', 'png'), 'pr-curves.png');
    assert.equal(safeFileName('../../etc/passwd', 'svg'), 'passwd.svg');
    assert.equal(safeFileName('C:\\Users\\x\\chart', 'png'), 'chart.png');
    assert.equal(safeFileName('a:b*c?', 'svg'), 'a-b-c-.svg');
    assert.equal(safeFileName('', 'png'), 'chart.png');
    assert.equal(safeFileName('...', 'png'), 'chart.png');
  });
});
