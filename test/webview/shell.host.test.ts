/** The webview's host connection with a fake VS Code API: state restore and persistence, the ready handshake, curve requests. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabelCurves } from '../../src/core/metrics/curves/types.js';
import { isWebviewMessage, PROTOCOL_VERSION, type DashboardState, type DatasetView, type EvaluationView } from '../../src/protocol/dashboard.js';
import { HostConnection, type VsCodeApi } from '../../webview/src/shell/hostConnection.js';

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

const dataset = (file: string): DatasetView => ({ kind: 'analysis', file, report: { instances: 1, perLabel: [] } as unknown as DatasetView['report'] });
const evaluation = (file: string, truthFile: string): EvaluationView => ({
  kind: 'evaluation',
  file,
  report: { rows: 1, perLabel: [], truthFile } as unknown as EvaluationView['report'],
  curves: [],
});
const curve = (label: string): LabelCurves => ({ label, pr: { recall: [], precision: [], threshold: [] }, roc: { fpr: [], tpr: [], threshold: [] }, f1Optimal: null });

describe('restore and ready', () => {
  test('a fresh panel says ready with state null', () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.ready();
    assert.deepEqual(api.posted, [{ type: 'ready', state: null }]);
  });

  test('a restored state of this protocol is kept and sent with ready', () => {
    const state: DashboardState = { protocol: PROTOCOL_VERSION, kind: 'analysis', file: '/d.csv', ui: { 'dataset.tab': 'weights' } };
    const api = new FakeApi(state);
    const host = new HostConnection(api);
    host.ready();
    assert.deepEqual(api.posted, [{ type: 'ready', state }]);
    assert.equal(host.ui('dataset.tab', 'labels'), 'weights');
  });

  test('a state of another protocol version, or not a state at all, is dropped', () => {
    for (const bad of [{ protocol: PROTOCOL_VERSION + 1, kind: 'analysis', file: '/d.csv', ui: {} }, { hello: 1 }, 'text', null]) {
      const api = new FakeApi(bad);
      const host = new HostConnection(api);
      host.ready();
      assert.deepEqual(api.posted, [{ type: 'ready', state: null }]);
    }
  });
});

describe('state', () => {
  test('a view becomes the identity; setUi persists with setState and tells the host', () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.setUi('ignored', 1); // nothing shown yet
    assert.deepEqual(api.saved, []);
    host.adopt(dataset('/d.csv'));
    host.setUi('dataset.labels.log', true);
    host.setUi('dataset.labels.topN', 20);
    const last = api.saved[api.saved.length - 1];
    assert.deepEqual(last, { protocol: PROTOCOL_VERSION, kind: 'analysis', file: '/d.csv', ui: { 'dataset.labels.log': true, 'dataset.labels.topN': 20 } });
    assert.deepEqual(api.posted[api.posted.length - 1], { type: 'state', state: last });
    assert.ok(api.posted.every(isWebviewMessage), 'every message passes the host-side validator');
  });

  test('ui() returns the fallback when the stored value has another type', () => {
    const api = new FakeApi({ protocol: PROTOCOL_VERSION, kind: 'analysis', file: '/d.csv', ui: { n: 'five', list: ['a'], flag: true, s: ['x'] } });
    const host = new HostConnection(api);
    assert.equal(host.ui('n', 50), 50);
    assert.deepEqual(host.ui('list', [] as string[]), ['a']);
    assert.equal(host.ui('flag', false), true);
    assert.equal(host.ui('s', 'text'), 'text');
    assert.equal(host.ui('missing', 'default'), 'default');
  });

  test('the same file keeps its UI choices; another file starts afresh; an evaluation keeps its truth file', () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.adopt(dataset('/d.csv'));
    host.setUi('dataset.tab', 'weights');
    host.adopt(dataset('/d.csv'));
    assert.equal(host.ui('dataset.tab', 'labels'), 'weights');
    host.adopt(dataset('/other.csv'));
    assert.equal(host.ui('dataset.tab', 'labels'), 'labels');
    host.adopt(evaluation('/pred.npy', '/truth.csv'));
    assert.deepEqual(host.current(), { protocol: PROTOCOL_VERSION, kind: 'evaluation', file: '/pred.npy', truthFile: '/truth.csv', ui: {} });
  });
});

describe('curve requests', () => {
  test('answers resolve their own request by id, in any order; unknown ids are reported', async () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.adopt(evaluation('/pred.npy', '/truth.csv'));
    const first = host.requestCurves(['a']);
    const second = host.requestCurves(['b', 'c']);
    const requests = api.posted.filter((m) => (m as { type: string }).type === 'requestCurves') as { requestId: number; labels: string[] }[];
    assert.deepEqual(requests.map((r) => r.labels), [['a'], ['b', 'c']]);
    assert.notEqual(requests[0].requestId, requests[1].requestId);
    assert.ok(requests.every(isWebviewMessage));
    assert.equal(host.resolveCurves(requests[1].requestId, [curve('b'), curve('c')]), true);
    assert.equal(host.resolveCurves(requests[0].requestId, [curve('a')]), true);
    assert.deepEqual((await second).map((c) => c.label), ['b', 'c']);
    assert.deepEqual((await first).map((c) => c.label), ['a']);
    assert.equal(host.resolveCurves(requests[0].requestId, []), false, 'answered twice');
    assert.equal(host.resolveCurves(999, []), false);
    assert.equal(host.pendingRequests(), 0);
  });

  test('a view of another file cancels the requests still waiting', async () => {
    const api = new FakeApi(undefined);
    const host = new HostConnection(api);
    host.adopt(evaluation('/pred.npy', '/truth.csv'));
    const waiting = host.requestCurves(['a']);
    host.adopt(evaluation('/pred.npy', '/truth.csv'));
    assert.equal(host.pendingRequests(), 1, 'a refresh of the same file keeps them');
    host.adopt(evaluation('/other.npy', '/truth.csv'));
    await assert.rejects(waiting, /cancelled/);
    assert.equal(host.pendingRequests(), 0);
  });
});
