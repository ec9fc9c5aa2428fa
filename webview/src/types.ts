/**
 * The DOM-free half of the view contract (re-exported by viewContext.ts): the chart theme the
 * spec builders take, and the table shape of a chart's numbers. Kept apart so that node tests can
 * import the spec builders without the DOM library.
 */

/** Colours and fonts read from the `--vscode-*` CSS variables; the spec builders take it, so charts follow the theme. */
export interface ChartTheme {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  foreground: string;
  /** Secondary text (axis titles, notes). */
  descriptionForeground: string;
  background: string;
  /** Grid lines and axis domains. */
  gridColor: string;
  fontFamily: string;
  fontSize: number;
  /** Categorical colours (charts.* variables first), at least 6. */
  categorical: string[];
  /** For the three series precision, recall, F1 (and head, medium, tail). */
  precision: string;
  recall: string;
  f1: string;
  /** Highlights: minority labels, rare labels, the MeanIR line. */
  warning: string;
  error: string;
  /** Sequential scheme for heatmaps, low to high. */
  heatLow: string;
  heatHigh: string;
}

/** A table shown as the accessible alternative of a chart, and as a sortable data table. */
export interface TableData {
  columns: { key: string; title: string; numeric?: boolean }[];
  rows: Record<string, string | number | null>[];
}
