/**
 * Settings into engine options (src/extension/settings.ts) against a stand-in configuration:
 * defaults, the delimiter and thread rules, the renamed rare-label threshold, and values of the
 * wrong type falling back to the declared default.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import type { Uri } from 'vscode';
import type * as SettingsModule from '../../src/extension/settings.js';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

const base = createFakeVscode();
let values: Record<string, unknown> = {};
const requests: { section: string; resource: unknown }[] = [];
const vscode = {
  ...base.vscode,
  workspace: {
    ...base.vscode.workspace,
    getConfiguration(section: string, resource?: unknown) {
      requests.push({ section, resource });
      return { get: <T>(key: string, fallback: T): T => (key in values ? (values[key] as T) : fallback) };
    },
  },
};
const settings = requireWithVscode(path.resolve(__dirname, '../../src/extension/settings.ts'), vscode) as typeof SettingsModule;
/** A file URI of the stand-in, typed as the real one the settings functions take. */
const file = (p: string) => base.Uri.file(p) as unknown as Uri;
const csv = file('/data/train.csv');
const tsv = file('/data/train.tsv');
const arff = file('/data/train.arff');
const predictions = file('/data/train.pred.csv');

beforeEach(() => {
  values = {};
  requests.length = 0;
});

describe('analysis options', () => {
  test('defaults: what the engine does without options, for the file the settings are read for', () => {
    assert.deepEqual(settings.analyzeOptionsFromSettings(csv), {
      labels: undefined,
      labelColumn: undefined,
      skipBadRows: false,
      rareThreshold: 10,
      topLabelsets: 20,
      beta: 0.999,
      maxPosWeight: 1000,
    });
    assert.deepEqual(requests, [{ section: 'imbalanceLens', resource: csv }]);
  });

  test('values as set', () => {
    values = {
      labelColumns: ['amazed', '', 7, 'sad'],
      labelListColumn: ' tags ',
      skipBadRows: true,
      minPositives: 25,
      topLabelsets: 5,
      effectiveNumberBeta: 0.99,
      maxPosWeight: 50,
      threads: 1,
    };
    assert.deepEqual(settings.analyzeOptionsFromSettings(csv), {
      labels: ['amazed', 'sad'],
      labelColumn: 'tags',
      skipBadRows: true,
      threads: 1,
      rareThreshold: 25,
      topLabelsets: 5,
      beta: 0.99,
      maxPosWeight: 50,
    });
  });

  test('delimiter: comma or tab forces CSV or TSV reading of .csv/.tsv files, and nothing else', () => {
    const format = (uri: typeof csv) => settings.analyzeOptionsFromSettings(uri).format;
    values = { delimiter: '\t' };
    assert.deepEqual([format(csv), format(tsv), format(arff)], ['tsv', 'tsv', undefined]);
    values = { delimiter: ',' };
    assert.deepEqual([format(csv), format(tsv), format(arff)], ['csv', 'csv', undefined]);
    values = { delimiter: 'auto' };
    assert.deepEqual([format(csv), format(tsv)], [undefined, undefined]);
    values = { delimiter: ';' };
    assert.equal(format(csv), undefined, 'a delimiter the readers do not know is not passed on');
  });

  test('minPositives, or the renamed rareLabelThreshold while minPositives keeps its default', () => {
    values = { rareLabelThreshold: 3 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).rareThreshold, 3);
    values = { rareLabelThreshold: 3, minPositives: 7 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).rareThreshold, 7);
    values = { rareLabelThreshold: null, minPositives: 0 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).rareThreshold, 0);
    values = { rareLabelThreshold: -2 };
    assert.equal(settings.minPositivesFromSettings(csv), 10);
  });

  test('threads: 0 is every core (no option), more than the cores is lowered to them', () => {
    values = { threads: 0 };
    assert.equal('threads' in settings.analyzeOptionsFromSettings(csv), false);
    values = { threads: 2 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).threads, Math.min(2, availableParallelism()));
    values = { threads: 100_000 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).threads, availableParallelism());
    values = { threads: 1.5 };
    assert.equal('threads' in settings.analyzeOptionsFromSettings(csv), false);
  });

  test('values of the wrong type or out of range fall back to the default', () => {
    values = {
      labelColumns: 'a,b',
      labelListColumn: 3,
      skipBadRows: 'yes',
      minPositives: 2.5,
      topLabelsets: 0,
      effectiveNumberBeta: 1,
      maxPosWeight: -1,
    };
    assert.deepEqual(settings.analyzeOptionsFromSettings(csv), {
      labels: undefined,
      labelColumn: undefined,
      skipBadRows: false,
      rareThreshold: 10,
      topLabelsets: 20,
      beta: 0.999,
      maxPosWeight: 1000,
    });
  });
});

describe('evaluation options', () => {
  test('defaults, read for the predictions file', () => {
    assert.deepEqual(settings.evaluateOptionsFromSettings(predictions), {
      labels: undefined,
      labelColumn: undefined,
      skipBadRows: false,
      threshold: 0.5,
      tuneThresholds: true,
      zeroDivision: 0,
    });
    assert.deepEqual(requests, [{ section: 'imbalanceLens', resource: predictions }]);
  });

  test('the truth is read with the label settings; the delimiter applies only to a CSV/TSV truth', () => {
    values = { labelColumns: ['a'], delimiter: '\t', threshold: 0.3, tuneThresholds: false, zeroDivision: 'exclude', threads: 1 };
    assert.deepEqual(settings.evaluateOptionsFromSettings(predictions, csv), {
      labels: ['a'],
      labelColumn: undefined,
      skipBadRows: false,
      format: 'tsv',
      threads: 1,
      threshold: 0.3,
      tuneThresholds: false,
      zeroDivision: 'exclude',
    });
    assert.equal(settings.evaluateOptionsFromSettings(predictions, arff).format, undefined);
    assert.equal(settings.evaluateOptionsFromSettings(predictions).format, undefined, 'no truth given: nothing forced');
  });

  test('zeroDivision "0", "1", "exclude"; anything else is 0; a threshold outside [0, 1] is 0.5', () => {
    const zero = (z: unknown) => ((values = { zeroDivision: z }), settings.evaluateOptionsFromSettings(predictions).zeroDivision);
    assert.deepEqual([zero('0'), zero('1'), zero('exclude'), zero(1), zero('bogus')], [0, 1, 'exclude', 0, 0]);
    values = { threshold: 1.5 };
    assert.equal(settings.evaluateOptionsFromSettings(predictions).threshold, 0.5);
  });
});

describe('weight scheme', () => {
  test('one of pos, inverse, sqrt, effective; anything else is pos', () => {
    for (const scheme of ['pos', 'inverse', 'sqrt', 'effective']) {
      values = { defaultWeightScheme: scheme };
      assert.equal(settings.weightSchemeFromSettings(csv), scheme);
    }
    values = { defaultWeightScheme: 'focal' };
    assert.equal(settings.weightSchemeFromSettings(csv), 'pos');
    values = {};
    assert.equal(settings.weightSchemeFromSettings(), 'pos');
  });
});
