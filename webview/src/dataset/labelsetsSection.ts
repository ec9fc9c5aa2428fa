/** The Labelsets tab: the most frequent label combinations, and the rare and absent labels. */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { codicon, h, sectionHeading } from '../components/dom.js';
import { formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { labelsetRows, topLabelsetsSpec } from './specs/topLabelsets.js';
import { labelsetTable } from './tables.js';

export function labelsetsSection(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const rows = labelsetRows(report);
  const summary = `${formatInteger(report.labelsets)} distinct labelsets; ${formatInteger(report.singleLabelsets)} occur in a single row; the most frequent covers ${formatInteger(report.maxLabelsetFrequency)} ${report.maxLabelsetFrequency === 1 ? 'row' : 'rows'}.`;
  const chart = rows.length > 0
    ? ctx.chartCard({
        title: `Top ${rows.length} labelsets`,
        description: 'Rows whose labels are exactly this combination, most frequent first.',
        spec: (theme) => topLabelsetsSpec(report, theme),
        table: labelsetTable(rows),
        fileName: 'top-labelsets',
      })
    : h('p', { className: 'empty-note', text: 'No labelsets.' });

  const absent = report.absentLabels;
  const rareOnly = report.rareLabels.filter((l) => l.count > 0);
  return h('div', { className: 'tab-content' }, [
    ...sectionHeading('h2', 'Labelsets', summary),
    h('div', { className: 'chart-single' }, [chart]),
    ...sectionHeading(
      'h2',
      `Rare labels (${formatInteger(rareOnly.length)})`,
      `Labels with at least one but fewer than ${report.rareThreshold} positive rows: too few to learn from or to validate on reliably.`,
    ),
    rareOnly.length > 0
      ? ctx.virtualTable({
          ariaLabel: 'Rare labels',
          columns: [
            { key: 'name', title: 'Label' },
            { key: 'count', title: 'Rows', numeric: true },
          ],
          rows: rareOnly.map((l) => ({ name: l.name, count: l.count })),
          sort: { key: 'count', descending: false },
          filterKey: rareOnly.length > 20 ? 'name' : undefined,
        })
      : h('p', { className: 'empty-note' }, [codicon('pass'), ' No rare labels.']),
    ...sectionHeading('h2', `Labels that never occur (${formatInteger(absent.length)})`, 'In the label space but set on no row: they get no weight, and no model can learn them from this file.'),
    absent.length > 0
      ? h('ul', { className: 'chip-list', attrs: { 'aria-label': 'Labels that never occur' } }, absent.map((name) => h('li', { className: 'chip', text: name })))
      : h('p', { className: 'empty-note' }, [codicon('pass'), ' Every label occurs at least once.']),
  ]);
}
