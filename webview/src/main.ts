/**
 * The dashboard shell: acquires the VS Code API once, restores the saved state and says `ready`,
 * validates every message from the host, draws `view` messages with the dataset, evaluation,
 * resample, split, training or run comparison view, passes `trainingProgress` to the live
 * training view, shows `busy` / `failed` in their place, answers pending curve requests, shows
 * `done` in a status line, and redraws the charts when VS Code changes the colour theme.
 */
import { isHostMessage, type DashboardView, type HostMessage } from '../../src/protocol/dashboard.js';
import { ChartRegistry } from './components/chartRegistry.js';
import { h } from './components/dom.js';
import './components/elements.js';
import { renderDatasetView } from './dataset/datasetView.js';
import { renderEvaluationView } from './evaluation/evaluationView.js';
import { renderResampleView } from './resample/resampleView.js';
import { renderSplitView } from './resample/splitView.js';
import { renderRunComparisonView } from './training/runComparisonView.js';
import { renderTrainingView, type TrainingController } from './training/trainingView.js';
import { HostConnection } from './shell/hostConnection.js';
import { renderBusy, renderFailed } from './shell/notices.js';
import { StatusLine } from './shell/statusLine.js';
import { watchTheme } from './shell/themeWatcher.js';
import { createViewContext } from './shell/viewContextImpl.js';
import { vscodeApi } from './shell/vscodeApi.js';
import { readChartTheme } from './theme.js';
import type { ChartTheme } from './types.js';
import type { ViewContext } from './viewContext.js';

const host = new HostConnection(vscodeApi());
const charts = new ChartRegistry();
const root = document.getElementById('dashboard') ?? document.body.appendChild(h('main', { attrs: { id: 'dashboard' } }));
// Views announce their own changes (status and alert roles); a live region around the whole
// dashboard would read every redraw out loud.
root.removeAttribute('aria-live');
const status = new StatusLine(document.body);
/** The training view on the page, which takes the live run's progress. */
let training: TrainingController | undefined;

const readTheme = (): ChartTheme => readChartTheme(getComputedStyle(document.documentElement), document.body.classList);
let theme = readTheme();
const currentTheme = (): ChartTheme => theme;

watchTheme(() => {
  theme = readTheme();
  charts.redrawAll();
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) {
    console.warn('Imbalance Lens dashboard: ignoring a message that is not a valid host message', message);
    return;
  }
  handle(message);
});

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'view':
      show(message.view);
      break;
    case 'busy':
      training?.dispose();
      training = undefined;
      charts.disposeAll();
      renderBusy(root, message.message);
      break;
    case 'failed':
      training?.dispose();
      training = undefined;
      charts.disposeAll();
      renderFailed(root, message.message, () => host.post({ type: 'refresh' }));
      break;
    case 'curves':
      if (!host.resolveCurves(message.requestId, message.curves)) {
        console.warn(`Imbalance Lens dashboard: curves for request ${message.requestId}, which nothing waits for`);
      }
      break;
    case 'done':
      status.show(message.message);
      break;
    case 'trainingProgress':
      if (training?.file === message.file) training.apply(message.event);
      else console.warn(`Imbalance Lens dashboard: progress of ${message.file}, which this page does not show`);
      break;
  }
}

function show(view: DashboardView): void {
  training?.dispose();
  training = undefined;
  charts.disposeAll();
  host.adopt(view);
  root.removeAttribute('aria-busy');
  root.replaceChildren();
  const ctx = createViewContext(host, charts, currentTheme);
  try {
    renderView(view, ctx);
  } catch (error) {
    console.error('Imbalance Lens dashboard: the view could not be drawn', error);
    charts.disposeAll();
    const reason = error instanceof Error ? error.message : String(error);
    renderFailed(root, `The ${VIEW_NAMES[view.kind]} view could not be drawn: ${reason}`, () => host.post({ type: 'refresh' }));
  }
}

const VIEW_NAMES: Record<DashboardView['kind'], string> = {
  analysis: 'dataset',
  evaluation: 'evaluation',
  resample: 'resample',
  split: 'split',
  training: 'training',
  runComparison: 'run comparison',
};

function renderView(view: DashboardView, ctx: ViewContext): void {
  switch (view.kind) {
    case 'analysis':
      return renderDatasetView(root, view, ctx);
    case 'evaluation':
      return renderEvaluationView(root, view, ctx);
    case 'resample':
      return renderResampleView(root, view, ctx);
    case 'split':
      return renderSplitView(root, view, ctx);
    case 'training':
      training = renderTrainingView(root, view, ctx);
      return;
    case 'runComparison':
      return renderRunComparisonView(root, view, ctx);
  }
}

host.ready();
