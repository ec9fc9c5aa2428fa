/** The one global VS Code gives a webview: `acquireVsCodeApi`, callable once per page. */
import type { DashboardState } from '../../../src/protocol/dashboard.js';
import type { VsCodeApi } from './hostConnection.js';

declare function acquireVsCodeApi(): VsCodeApi<DashboardState>;

let api: VsCodeApi<DashboardState> | undefined;

/** The API object, acquired on first use and kept (a second acquireVsCodeApi call throws). */
export function vscodeApi(): VsCodeApi<DashboardState> {
  api ??= acquireVsCodeApi();
  return api;
}
