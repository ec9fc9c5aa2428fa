/**
 * The Dataset view of the dashboard: the file and its headline measures on top, then tabs for the
 * labels, their co-occurrence, the labelsets, the loss weights and (when there are any) the skipped
 * rows. A tab's content is built the first time it is shown; the open tab is remembered, and a
 * view's `focus` (a tab id: labels, cooccurrence, labelsets, weights, skipped) opens that tab.
 */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import type { DatasetView } from '../../../src/protocol/dashboard.js';
import { h } from '../components/dom.js';
import { formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { assertDrawableReport } from './checkReport.js';
import { cooccurrenceSection } from './cooccurrenceSection.js';
import { headerSection, measuresSection } from './headerSection.js';
import { labelsetsSection } from './labelsetsSection.js';
import { labelsSection } from './labelsSection.js';
import { skippedSection } from './skippedSection.js';
import { weightsSection } from './weightsSection.js';

interface Tab {
  id: string;
  title: string;
  badge?: string;
  build: (report: AnalysisReport, ctx: ViewContext) => HTMLElement;
}

export function renderDatasetView(root: HTMLElement, view: DatasetView, ctx: ViewContext): void {
  const { report } = view;
  assertDrawableReport(report);

  const tabs: Tab[] = [
    { id: 'labels', title: 'Labels', build: labelsSection },
    { id: 'cooccurrence', title: 'Co-occurrence', build: cooccurrenceSection },
    { id: 'labelsets', title: 'Labelsets', build: labelsetsSection },
    { id: 'weights', title: 'Loss weights', build: weightsSection },
  ];
  if (report.skippedCount > 0) tabs.push({ id: 'skipped', title: 'Skipped rows', badge: formatInteger(report.skippedCount), build: skippedSection });

  // A section the host asks for (e.g. 'weights' from "Show Weight Suggestions") wins over the remembered tab.
  const focus = view.focus !== undefined && tabs.some((t) => t.id === view.focus) ? view.focus : undefined;
  if (focus !== undefined) ctx.setUi('dataset.tab', focus);
  const wanted = focus ?? ctx.ui('dataset.tab', 'labels');
  const selected = Math.max(0, tabs.findIndex((t) => t.id === wanted));
  const tabBar = document.createElement('vscode-tabs');
  tabBar.className = 'dataset-tabs';
  tabBar.selectedIndex = selected;
  const panels: HTMLElement[] = [];
  const built = new Set<number>();

  for (const tab of tabs) {
    const header = document.createElement('vscode-tab-header');
    header.dataset.tab = tab.id;
    header.append(tab.title);
    if (tab.badge) {
      const badge = document.createElement('vscode-badge');
      badge.variant = 'counter';
      badge.slot = 'content-after';
      badge.textContent = tab.badge;
      header.append(badge);
    }
    const panel = document.createElement('vscode-tab-panel');
    panel.dataset.tab = tab.id;
    panels.push(panel);
    tabBar.append(header, panel);
  }

  const show = (index: number): void => {
    if (built.has(index)) return;
    built.add(index);
    panels[index].append(tabs[index].build(report, ctx));
  };
  show(selected);
  tabBar.addEventListener('vsc-tabs-select', (event) => {
    const index = event.detail.selectedIndex;
    show(index);
    ctx.setUi('dataset.tab', tabs[index].id);
  });

  root.replaceChildren(h('div', { className: 'dataset-view' }, [headerSection(view, ctx), measuresSection(view), tabBar]));
}
