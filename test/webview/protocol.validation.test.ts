/** The dashboard protocol's validators: every valid message of each direction passes, malformed ones do not. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDashboardState, isHostMessage, isWebviewMessage, PROTOCOL_VERSION, type DashboardState, type HostMessage, type WebviewMessage } from '../../src/protocol/dashboard.js';

const state: DashboardState = { protocol: PROTOCOL_VERSION, kind: 'analysis', file: '/d.csv', ui: { tab: 'labels', n: 3, on: true, picked: ['a', 'b'] } };
const datasetView = { kind: 'analysis', file: '/d.csv', report: { instances: 10, perLabel: [] } };
const evaluationView = { kind: 'evaluation', file: '/p.npy', report: { rows: 10, perLabel: [] }, curves: [] };

describe('isWebviewMessage', () => {
  const valid: WebviewMessage[] = [
    { type: 'ready', state: null },
    { type: 'ready', state: { ...state, ui: { ...state.ui } } },
    { type: 'state', state: { ...state, truthFile: '/t.csv', ui: {} } },
    { type: 'requestCurves', requestId: 3, labels: ['a', 'b'] },
    { type: 'requestCurves', requestId: 0, labels: [] },
    { type: 'copyWeights', scheme: 'pos', format: 'pytorch' },
    { type: 'copyWeights', scheme: 'effective', format: 'json' },
    { type: 'insertWeights', scheme: 'sqrt', format: 'pytorch' },
    { type: 'insertWeights', scheme: 'inverse', format: 'json' },
    { type: 'copyThresholds', format: 'json' },
    { type: 'exportThresholds' },
    { type: 'saveImage', format: 'svg', fileName: 'label-frequency.svg', data: '<svg></svg>' },
    { type: 'saveImage', format: 'png', fileName: 'x.png', data: 'data:image/png;base64,AAAA' },
    { type: 'openFile' },
    { type: 'openFile', line: 12 },
    { type: 'refresh' },
  ];
  for (const message of valid) {
    test(`accepts ${JSON.stringify(message).slice(0, 90)}`, () => assert.equal(isWebviewMessage(message), true));
  }

  const invalid: [string, unknown][] = [
    ['not an object', 'refresh'],
    ['null', null],
    ['an array', [{ type: 'refresh' }]],
    ['no type', { scheme: 'pos' }],
    ['unknown type', { type: 'deleteFile' }],
    ['type not a string', { type: 7 }],
    ['inherited type name', { type: 'toString' }],
    ['ready without state', { type: 'ready' }],
    ['ready with a bad state', { type: 'ready', state: { protocol: 1, kind: 'other', file: '/d', ui: {} } }],
    ['state with ui values of a bad type', { type: 'state', state: { ...state, ui: { nested: { a: 1 } } } }],
    ['state with a numeric file', { type: 'state', state: { ...state, file: 3 } }],
    ['state with a non-integer protocol', { type: 'state', state: { ...state, protocol: 1.5 } }],
    ['requestCurves with a fractional id', { type: 'requestCurves', requestId: 1.5, labels: [] }],
    ['requestCurves with label numbers', { type: 'requestCurves', requestId: 1, labels: [1, 2] }],
    ['copyWeights with a bad scheme', { type: 'copyWeights', scheme: 'focal', format: 'pytorch' }],
    ['copyWeights without a format', { type: 'copyWeights', scheme: 'pos' }],
    ['insertWeights with a bad format', { type: 'insertWeights', scheme: 'pos', format: 'csv' }],
    ['copyThresholds with a bad format', { type: 'copyThresholds', format: 'yaml' }],
    ['saveImage with a bad format', { type: 'saveImage', format: 'jpg', fileName: 'x', data: '' }],
    ['saveImage without data', { type: 'saveImage', format: 'svg', fileName: 'x' }],
    ['saveImage with a numeric file name', { type: 'saveImage', format: 'svg', fileName: 1, data: '' }],
    ['openFile with a fractional line', { type: 'openFile', line: 2.5 }],
    ['openFile with line 0', { type: 'openFile', line: 0 }],
    ['openFile with a line as text', { type: 'openFile', line: '12' }],
    ['openFile with a negative line', { type: 'openFile', line: -3 }],
  ];
  for (const [why, message] of invalid) {
    test(`rejects ${why}`, () => assert.equal(isWebviewMessage(message), false));
  }
});

describe('isHostMessage', () => {
  const valid: HostMessage[] = [
    { type: 'view', view: datasetView as unknown as Extract<HostMessage, { type: 'view' }>['view'] },
    { type: 'view', view: evaluationView as unknown as Extract<HostMessage, { type: 'view' }>['view'] },
    { type: 'busy', message: 'Analysing…' },
    { type: 'failed', message: 'No label columns found.' },
    { type: 'curves', requestId: 4, curves: [] },
    { type: 'done', action: 'copyWeights', message: 'Copied.' },
  ];
  for (const message of valid) {
    test(`accepts ${JSON.stringify(message).slice(0, 90)}`, () => assert.equal(isHostMessage(message), true));
  }

  const invalid: [string, unknown][] = [
    ['undefined', undefined],
    ['unknown type', { type: 'hello' }],
    ['a webview message', { type: 'refresh' }],
    ['view without a view', { type: 'view' }],
    ['view of an unknown kind', { type: 'view', view: { ...datasetView, kind: 'other' } }],
    ['dataset view without perLabel', { type: 'view', view: { kind: 'analysis', file: '/d', report: { instances: 1 } } }],
    ['dataset view with a string instance count', { type: 'view', view: { kind: 'analysis', file: '/d', report: { instances: '1', perLabel: [] } } }],
    ['dataset view without a file', { type: 'view', view: { kind: 'analysis', report: { instances: 1, perLabel: [] } } }],
    ['evaluation view without curves', { type: 'view', view: { ...evaluationView, curves: undefined } }],
    ['busy without a message', { type: 'busy' }],
    ['failed with a numeric message', { type: 'failed', message: 404 }],
    ['curves with a string id', { type: 'curves', requestId: '4', curves: [] }],
    ['curves without curves', { type: 'curves', requestId: 4 }],
    ['done without an action', { type: 'done', message: 'x' }],
  ];
  for (const [why, message] of invalid) {
    test(`rejects ${why}`, () => assert.equal(isHostMessage(message), false));
  }
});

describe('isDashboardState', () => {
  test('accepts the UI value types, an optional truth file; rejects the rest', () => {
    assert.equal(isDashboardState(state), true);
    assert.equal(isDashboardState({ ...state, kind: 'evaluation', truthFile: '/t.csv' }), true);
    assert.equal(isDashboardState({ ...state, truthFile: 3 }), false);
    assert.equal(isDashboardState({ ...state, ui: null }), false);
    assert.equal(isDashboardState({ ...state, ui: { n: Number.NaN } }), false);
    assert.equal(isDashboardState({ ...state, ui: { list: ['a', 1] } }), false);
    assert.equal(isDashboardState({ ...state, kind: undefined }), false);
  });
});
