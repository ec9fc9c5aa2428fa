/**
 * What a dashboard view (dataset or evaluation) gets from the shell: the host connection, its
 * persisted UI state, the chart theme, and the shared components. The shell (main.ts) makes one per
 * render; views never touch `acquireVsCodeApi` or `window.addEventListener('message')` themselves.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelCurves } from '../../src/core/metrics/curves/types.js';
import type { WebviewMessage } from '../../src/protocol/dashboard.js';
import type { ChartTheme, TableData } from './types.js';

// Defined in types.ts (no DOM there, so node tests can import the spec builders) and re-exported here.
export type { ChartTheme, TableData } from './types.js';

export interface ChartCardOptions {
  title: string;
  /** One sentence under the title: what the chart shows and how to read it. */
  description?: string;
  /** Built again whenever the theme changes. */
  spec: (theme: ChartTheme) => TopLevelSpec;
  /** The same numbers as a table, for screen readers and for "Show data". */
  table: TableData;
  /** Base name for "Save SVG" / "Save PNG" (no extension). */
  fileName: string;
}

export interface VirtualTableOptions {
  columns: {
    key: string;
    title: string;
    numeric?: boolean;
    /** Format a cell; default: integers as integers, other numbers with 3 decimals, null as an em dash. */
    format?: (value: string | number | null) => string;
    /** Background tint for a cell, e.g. a colour scale on F1 (a CSS colour or a --vscode-* variable). */
    tint?: (value: string | number | null) => string | undefined;
    /** Hover text of the column header. */
    tooltip?: string;
  }[];
  rows: Record<string, string | number | null>[];
  /** Initial sort; the user can click a header to sort by another column. */
  sort?: { key: string; descending: boolean };
  /** A filter box matching this column's text (label names). */
  filterKey?: string;
  /** Called with the new sort or filter, to persist them. */
  onChange?: (sort: { key: string; descending: boolean }, filter: string) => void;
  filter?: string;
  /** Rows that get a warning marker (e.g. rare labels). */
  highlight?: (row: Record<string, string | number | null>) => boolean;
  ariaLabel: string;
}

export interface ViewContext {
  post(message: WebviewMessage): void;
  /** The persisted UI value for `key`, or `fallback`. */
  ui<T extends string | number | boolean | string[]>(key: string, fallback: T): T;
  /** Persist one UI value (merged into the DashboardState and sent to the host). */
  setUi(key: string, value: string | number | boolean | string[]): void;
  theme(): ChartTheme;
  /** Curves of labels not sent with the view, fetched from the host. */
  requestCurves(labels: string[]): Promise<LabelCurves[]>;
  /** A titled card with a Vega-Lite chart (rendered with vega-embed, ast: true), Save SVG/PNG and a data-table toggle. */
  chartCard(options: ChartCardOptions): HTMLElement;
  /** A sortable, filterable table that renders only the rows in view (1,000+ rows stay responsive). */
  virtualTable(options: VirtualTableOptions): HTMLElement;
}
