/**
 * The protocol for the resample and split views: their reports checked field by field (real ones,
 * made by the engine on yeast, pass; each kind of damage fails), the views and saved states that
 * carry them, and the webview's host connection keeping the report in its saved state only.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resampleDataset, type ResampleReport } from '../../src/core/analysis/resampleDataset.js';
import { splitDataset, type SplitReport } from '../../src/core/analysis/splitDataset.js';
import {
  isDashboardState,
  isHostMessage,
  isResampleReport,
  isSplitReport,
  isWebviewMessage,
  PROTOCOL_VERSION,
  type DashboardState,
  type ResampleView,
  type SplitView,
} from '../../src/protocol/dashboard.js';
import { HostConnection, type VsCodeApi } from '../../webview/src/shell/hostConnection.js';
import { datasetPath, skipUnlessDatasets } from '../unit/helpers/datasets.js';

const skip = skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml');
/** A JSON round trip: what a message or a saved state holds. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** A copy of `value` with `edit` applied to it (edits put wrong types in through Object.assign and casts). */
function damaged<T>(value: T, edit: (copy: T) => void): unknown {
  const copy = json(value);
  edit(copy);
  return copy;
}

class FakeApi implements VsCodeApi<DashboardState> {
  posted: unknown[] = [];
  saved: DashboardState[] = [];
  constructor(private state: unknown) {}
  postMessage(message: unknown): void {
    this.posted.push(structuredClone(message));
  }
  getState(): DashboardState | undefined {
    return this.state as DashboardState | undefined;
  }
  setState<T extends DashboardState>(state: T): T {
    this.state = state;
    this.saved.push(structuredClone(state));
    return state;
  }
}

describe('resample and split reports, views and states', { skip }, () => {
  let dir: string;
  let resample: ResampleReport;
  let split: SplitReport;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-protocol-'));
    for (const name of ['yeast.arff', 'yeast.xml']) fs.copyFileSync(datasetPath(`yeast/${name}`)!, path.join(dir, name));
    const input = path.join(dir, 'yeast.arff');
    resample = json(await resampleDataset(input, { method: 'mlsmote', dryRun: true }));
    split = json(await splitDataset(input, { ratios: [0.7, 0.15, 0.15], dryRun: true }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reports made by the engine pass, after a JSON round trip', () => {
    assert.equal(isResampleReport(resample), true);
    assert.equal(isSplitReport(split), true);
    assert.equal(isResampleReport(split), false);
    assert.equal(isSplitReport(resample), false);
  });

  test('a damaged resample report fails', () => {
    const cases: [string, (r: ResampleReport) => void][] = [
      ['unknown method', (r) => Object.assign(r, { method: 'smote' })],
      ['no file', (r) => delete (r as Partial<ResampleReport>).file],
      ['rows.after as text', (r) => Object.assign(r.rows, { after: '2755' })],
      ['a measure that was NaN (null after JSON)', (r) => Object.assign(r.after, { meanIR: null })],
      ['no seed', (r) => delete (r.parameters as Partial<ResampleReport['parameters']>).seed],
      ['k as text', (r) => Object.assign(r.parameters, { k: '5' })],
      ['a label count as text', (r) => Object.assign(r.perLabel[3], { after: '12' })],
      ['minority not a boolean', (r) => Object.assign(r.perLabel[0], { minority: 'yes' })],
      ['perLabel not an array', (r) => Object.assign(r, { perLabel: {} })],
      ['a note that is a number', (r) => (r.notes as unknown[]).push(3)],
      ['written not a list of paths', (r) => Object.assign(r, { written: 'yeast.mlsmote.arff' })],
    ];
    for (const [why, edit] of cases) assert.equal(isResampleReport(damaged(resample, edit)), false, why);
  });

  test('a damaged split report fails, including per-part arrays of the wrong length and label or part ids out of range', () => {
    const cases: [string, (r: SplitReport) => void][] = [
      ['order 3', (r) => Object.assign(r, { order: 3 })],
      ['a part without its measures', (r) => delete (r.parts[1] as Partial<SplitReport['parts'][number]>).summary],
      ['a part proportion as text', (r) => Object.assign(r.parts[0], { proportion: '0.7' })],
      ['labelNames with a number', (r) => ((r.labelNames as unknown[])[0] = 1)],
      ['partRows one short', (r) => r.stratification.partRows.pop()],
      ['a label with counts for 2 of 3 parts', (r) => r.stratification.labels[4].counts.pop()],
      ['a label with an ideal too many', (r) => r.stratification.labels[4].ideal.push(1)],
      ['a label id past the last label', (r) => (r.stratification.labels[0].label = r.labelNames.length)],
      ['an absent entry in part 3 of 0..2', (r) => r.stratification.absent.push({ label: 0, part: 3 })],
      ['no mean deviation', (r) => delete (r.stratification as Partial<SplitReport['stratification']>).meanRelativeDeviation],
      ['absent names not text', (r) => Object.assign(r, { absent: [{ label: 0 }] })],
    ];
    for (const [why, edit] of cases) assert.equal(isSplitReport(damaged(split, edit)), false, why);
  });

  test('view messages of the new kinds, with or without a restored note', () => {
    const resampleView: ResampleView = { kind: 'resample', file: resample.out, report: resample };
    const splitView: SplitView = { kind: 'split', file: split.file, report: split, restored: { missing: ['/gone.arff'] } };
    for (const view of [resampleView, splitView, { ...resampleView, restored: { missing: [] } }]) assert.equal(isHostMessage(json({ type: 'view', view })), true);
    assert.equal(isHostMessage({ type: 'view', view: { ...resampleView, restored: { missing: 'x' } } }), false);
    assert.equal(isHostMessage({ type: 'view', view: { ...resampleView, report: split } }), false, 'a split report in a resample view');
    assert.equal(isHostMessage({ type: 'view', view: { ...splitView, kind: 'resampled' } }), false);
  });

  test('saved states: a resample or split state may carry its own kind of report, and only that', () => {
    const base = { protocol: PROTOCOL_VERSION, file: resample.out, ui: { 'resample.labels.log': true } };
    assert.equal(isDashboardState({ ...base, kind: 'resample', report: resample }), true);
    assert.equal(isDashboardState({ ...base, kind: 'resample' }), true, 'without the report (a `state` message)');
    assert.equal(isDashboardState({ ...base, kind: 'split', report: split }), true);
    assert.equal(isDashboardState({ ...base, kind: 'resample', report: split }), false);
    assert.equal(isDashboardState({ ...base, kind: 'analysis', report: resample }), false, 'an analysis state carries no report');
    assert.equal(isDashboardState({ ...base, kind: 'resample', report: damaged(resample, (r) => delete (r as Partial<ResampleReport>).rows) }), false);
    assert.equal(isWebviewMessage({ type: 'state', state: { ...base, kind: 'split' } }), true);
  });

  test('the host connection keeps the report in the saved state, leaves it out of `state` messages, and keeps it through UI changes', () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.adopt({ kind: 'resample', file: resample.out, report: resample });
    host.setUi('resample.labels.log', false);
    assert.equal(api.saved.length, 2);
    for (const saved of api.saved) {
      assert.deepEqual(saved.report, resample);
      assert.equal(isDashboardState(saved), true);
    }
    const stateMessages = api.posted.filter((m) => (m as { type: string }).type === 'state') as { state: DashboardState }[];
    assert.equal(stateMessages.length, 2);
    for (const m of stateMessages) {
      assert.equal('report' in m.state, false);
      assert.equal(isWebviewMessage(m), true);
    }
    assert.deepEqual(stateMessages[1].state, { protocol: PROTOCOL_VERSION, kind: 'resample', file: resample.out, ui: { 'resample.labels.log': false } });

    // restored: the saved report is what the page says it had
    const restored = new HostConnection(new FakeApi(api.saved[1]));
    assert.deepEqual(restored.current()?.report, resample);
    assert.equal(restored.ui('resample.labels.log', true), false);

    // another kind of view drops the report
    host.adopt({ kind: 'analysis', file: '/d.csv', report: { instances: 1, perLabel: [] } as never });
    assert.equal('report' in api.saved[api.saved.length - 1], false);
  });
});
