/**
 * The webview's side of the host connection, without the DOM: the VS Code API object, the
 * persisted DashboardState (restored, adopted from each view, updated by UI choices), and the
 * pending `requestCurves` promises. main.ts feeds it the host's messages; node tests drive it with
 * a fake API.
 */
import type { LabelCurves } from '../../../src/core/metrics/curves/types.js';
import {
  isDashboardState,
  PROTOCOL_VERSION,
  type DashboardState,
  type DashboardView,
  type WebviewMessage,
} from '../../../src/protocol/dashboard.js';

/** The object `acquireVsCodeApi()` returns, typed with what we keep in it. */
export interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState<T extends State>(state: T): T;
}

export type UiValue = string | number | boolean | string[];

export class HostConnection {
  private state: DashboardState | null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, { resolve: (curves: LabelCurves[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly api: VsCodeApi<DashboardState>) {
    const restored = api.getState();
    // A state from an older protocol (or something else entirely) is dropped: the host sends a fresh view.
    this.state = isDashboardState(restored) && restored.protocol === PROTOCOL_VERSION ? restored : null;
  }

  /** What was restored at start, or what the current view and UI choices made of it. */
  current(): DashboardState | null {
    return this.state;
  }

  post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  /** Tell the host we listen, with the restored state so it can recompute the view after a reload. */
  ready(): void {
    this.post({ type: 'ready', state: this.state });
  }

  /**
   * A view arrived: it becomes the state's identity. UI choices are kept when it is the same file
   * and kind (a refresh or a reload) and start afresh for another one. Pending curve requests of
   * another file are rejected: their answers would belong to a view that is gone.
   */
  adopt(view: DashboardView): void {
    const same = this.state !== null && this.state.kind === view.kind && this.state.file === view.file && (view.kind !== 'runComparison' || this.state.otherFile === view.otherFile);
    if (!same) this.rejectPending(`the dashboard now shows ${view.file}`);
    const next: DashboardState = {
      protocol: PROTOCOL_VERSION,
      kind: view.kind,
      file: view.file,
      ui: same && this.state ? this.state.ui : {},
    };
    if (view.kind === 'evaluation') next.truthFile = view.report.truthFile;
    // A run comparison is two run folders; a reload reads both again.
    if (view.kind === 'runComparison') next.otherFile = view.otherFile;
    // A finished resampling or split cannot be computed again: its report is what a reload restores.
    if (view.kind === 'resample' || view.kind === 'split') next.report = view.report;
    this.save(next);
  }

  /** The persisted value for `key` when it has the fallback's type, else the fallback. */
  ui<T extends UiValue>(key: string, fallback: T): T {
    const value = this.state?.ui[key];
    if (value === undefined) return fallback;
    if (Array.isArray(fallback)) return (Array.isArray(value) ? value : fallback) as T;
    return (typeof value === typeof fallback && !Array.isArray(value) ? value : fallback) as T;
  }

  /** Persist one UI value: vscode.setState, and a `state` message so the host's serializer has it too. */
  setUi(key: string, value: UiValue): void {
    if (!this.state) return; // nothing shown yet: no identity to attach UI choices to
    this.save({ ...this.state, ui: { ...this.state.ui, [key]: value } });
  }

  /** Ask the host for the curves of these labels; resolved by `resolveCurves` with the answer's requestId. */
  requestCurves(labels: string[]): Promise<LabelCurves[]> {
    const requestId = this.nextRequestId++;
    return new Promise<LabelCurves[]>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.post({ type: 'requestCurves', requestId, labels });
    });
  }

  /** A `curves` answer; false when no request waits for it (answered twice, or for a view that is gone). */
  resolveCurves(requestId: number, curves: LabelCurves[]): boolean {
    const waiting = this.pending.get(requestId);
    if (!waiting) return false;
    this.pending.delete(requestId);
    waiting.resolve(curves);
    return true;
  }

  pendingRequests(): number {
    return this.pending.size;
  }

  private rejectPending(reason: string): void {
    for (const [, waiting] of this.pending) waiting.reject(new Error(`Curves request cancelled: ${reason}`));
    this.pending.clear();
  }

  /** The whole state goes to setState; the host already has any report, so `state` messages leave it out. */
  private save(next: DashboardState): void {
    this.state = next;
    this.api.setState(next);
    const { report: _report, ...withoutReport } = next;
    this.post({ type: 'state', state: withoutReport });
  }
}
