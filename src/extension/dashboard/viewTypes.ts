/** The webview view types the extension contributes; package.json names the same ids. */

/** Dashboard panels opened by the commands (and restored by the serializer after a reload). */
export const DASHBOARD_PANEL_VIEW_TYPE = 'imbalanceLens.dashboard';

/** The "Imbalance Dashboard" custom editor ("Open With..." on a dataset file). */
export const DATASET_EDITOR_VIEW_TYPE = 'imbalanceLens.datasetDashboard';
