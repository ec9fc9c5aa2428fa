/**
 * The Evaluation view of the dashboard: a header (files, rows, labels, actions) and five tabs,
 * Overview (how it was read, summary tiles, frequency bands, one-threshold sweep), Per class
 * (table, P/R/F1 bars, confusion matrices), Confusions, Curves and Thresholds (tuning). A tab is
 * built the first time it is opened, and every choice in it persists through ctx.setUi.
 */
import type { EvaluationView } from '../../../src/protocol/dashboard.js';
import { button, h } from '../components/dom.js';
import { baseName, formatInteger } from '../format.js';
import { assertDrawableEvaluation } from './checkReport.js';
import { imageFileBase } from './format.js';
import type { ViewContext } from '../viewContext.js';
import { confusionsPanel } from './ui/confusionsPanel.js';
import { curvesPanel } from './ui/curvesPanel.js';
import { overviewPanel } from './ui/overviewPanel.js';
import { perClassPanel } from './ui/perClassPanel.js';
import { tuningPanel } from './ui/tuningPanel.js';
import { EVALUATION_TABS, type EvaluationTab } from './tabs.js';
import { UI_KEYS, uiChoice } from './ui/uiState.js';


interface TabDef {
  id: EvaluationTab;
  title: string;
  build: () => HTMLElement[];
}

export function renderEvaluationView(root: HTMLElement, view: EvaluationView, ctx: ViewContext): void {
  assertDrawableEvaluation(view);
  const fileBase = imageFileBase(view.file);
  const tabs: TabDef[] = [
    { id: 'overview', title: 'Overview', build: () => overviewPanel(view, ctx, fileBase) },
    { id: 'per-class', title: 'Per class', build: () => perClassPanel(view, ctx, fileBase) },
    { id: 'confusions', title: 'Confusions', build: () => confusionsPanel(view, ctx, fileBase) },
    { id: 'curves', title: 'Curves', build: () => curvesPanel(view, ctx, fileBase) },
    { id: 'thresholds', title: view.report.tuning === null ? 'Thresholds' : 'Thresholds (tuned)', build: () => tuningPanel(view, ctx, fileBase) },
  ];
  root.replaceChildren(h('div', { className: 'evaluation-view' }, [header(view, ctx), tabbed(tabs, ctx)]));
}

function header(view: EvaluationView, ctx: ViewContext): HTMLElement {
  const r = view.report;
  const macro = r.averages.macro.f1;
  const facts = `${formatInteger(r.rows)} rows · ${formatInteger(r.labels)} labels · macro F1 ${macro === null ? '—' : macro.toFixed(3)} · mAP ${r.mAP.macro.toFixed(3)}`;
  return h('header', { className: 'dataset-header evaluation-header' }, [
    h('div', { className: 'title-row' }, [
      h('div', { className: 'title-block' }, [
        h('h1', {}, [h('span', { className: 'file-name', text: baseName(r.predFile) }), h('span', { className: 'ev-against', text: `against ${baseName(r.truthFile)}` })]),
        h('p', { className: 'file-path', text: r.predFile, attrs: { title: `Predictions: ${r.predFile}` } }),
        h('p', { className: 'file-path', text: r.truthFile, attrs: { title: `Ground truth: ${r.truthFile}` } }),
        h('p', { className: 'label-source', text: facts }),
      ]),
      h('div', { className: 'header-actions' }, [
        button('Open predictions', { icon: 'go-to-file', secondary: true, title: `Open ${r.predFile} in an editor`, onClick: () => ctx.post({ type: 'openFile' }) }),
        button('Refresh', { icon: 'refresh', title: 'Evaluate the files on disk again', onClick: () => ctx.post({ type: 'refresh' }) }),
      ]),
    ]),
  ]);
}

/** vscode-tabs whose panels are built on first selection; the selected tab persists. */
function tabbed(tabs: TabDef[], ctx: ViewContext): HTMLElement {
  const ids = tabs.map((t) => t.id);
  if (ids.join() !== EVALUATION_TABS.join()) throw new Error('the evaluation tabs and EVALUATION_TABS disagree');
  const initial = uiChoice<EvaluationTab>(ctx, UI_KEYS.tab, ids, 'overview');
  const element = document.createElement('vscode-tabs');
  element.className = 'dataset-tabs evaluation-tabs';
  const panels = tabs.map((tab) => {
    const headerEl = document.createElement('vscode-tab-header');
    headerEl.dataset.tab = tab.id;
    headerEl.textContent = tab.title;
    const panel = document.createElement('vscode-tab-panel');
    panel.dataset.tab = tab.id;
    element.append(headerEl, panel);
    return { tab, panel, built: false };
  });
  const open = (index: number) => {
    const entry = panels[index];
    if (entry === undefined || entry.built) return;
    entry.built = true;
    entry.panel.replaceChildren(h('div', { className: 'tab-content' }, entry.tab.build()));
  };
  element.selectedIndex = Math.max(0, ids.indexOf(initial));
  element.addEventListener('vsc-tabs-select', (event) => {
    const index = event.detail.selectedIndex;
    open(index);
    ctx.setUi(UI_KEYS.tab, ids[index]);
  });
  open(element.selectedIndex);
  return element;
}
