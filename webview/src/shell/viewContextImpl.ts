/** The ViewContext the shell hands to a view: the host connection, UI state, theme and the shared components. */
import { createChartCard } from '../components/chartCard.js';
import type { ChartRegistry } from '../components/chartRegistry.js';
import { createVirtualTable } from '../components/virtualTable.js';
import type { ChartTheme } from '../types.js';
import type { ViewContext } from '../viewContext.js';
import type { HostConnection } from './hostConnection.js';

export function createViewContext(host: HostConnection, charts: ChartRegistry, theme: () => ChartTheme): ViewContext {
  const post: ViewContext['post'] = (message) => host.post(message);
  return {
    post,
    ui: (key, fallback) => host.ui(key, fallback),
    setUi: (key, value) => host.setUi(key, value),
    theme,
    requestCurves: (labels) => host.requestCurves(labels),
    chartCard: (options) => createChartCard(options, { theme, post, registry: charts }),
    virtualTable: (options) => createVirtualTable(options),
  };
}
