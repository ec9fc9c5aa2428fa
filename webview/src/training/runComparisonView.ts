/**
 * Two runs side by side (Compare Runs): which is A and which is B, caveats when they are not
 * comparable label by label (other datasets, other test splits, no evaluation), their headline
 * test metrics with B − A, and the per-class F1 difference chart.
 */
import type { RunComparisonView, RunDigest } from '../../../src/protocol/dashboard.js';
import { h, sectionHeading } from '../components/dom.js';
import { formatChange, formatMetric } from '../evaluation/format.js';
import { baseName } from '../format.js';
import { caveat } from '../resample/viewParts.js';
import type { ViewContext } from '../viewContext.js';
import { differenceRows, f1DifferenceSpec } from './specs/f1Difference.js';
import { comparisonCaveats, timesText } from './trainingModel.js';

const METRICS: { key: 'macroF1' | 'microF1' | 'mAP' | 'tailF1'; title: string }[] = [
  { key: 'macroF1', title: 'Macro-F1' },
  { key: 'microF1', title: 'Micro-F1' },
  { key: 'mAP', title: 'mAP' },
  { key: 'tailF1', title: 'Tail F1' },
];

export function renderRunComparisonView(root: HTMLElement, view: RunComparisonView, ctx: ViewContext): void {
  const [a, b] = view.runs;
  root.replaceChildren(
    h('div', { className: 'dataset-view run-comparison-view' }, [
      h('header', { className: 'dataset-header' }, [
        h('div', { className: 'title-row' }, [
          h('div', { className: 'title-block' }, [
            h('h1', {}, [h('span', { className: 'file-name', text: `${a.name} vs ${b.name}` })]),
            runLine('A', a),
            runLine('B', b),
          ]),
        ]),
      ]),
      ...comparisonCaveats(a, b).map((text) => caveat(text)),
      headlineSection(a, b),
      differenceSection(view, ctx),
    ]),
  );
}

function runLine(letter: string, run: RunDigest): HTMLElement {
  const strategy = run.strategy ? `${run.kind === 'compare' ? 'recommended strategy' : 'strategy'} ${run.strategy}` : 'no finished strategy';
  return h('p', { className: 'label-source', attrs: { title: run.runDir } }, [h('strong', { text: `${letter}: ` }), `${run.name} · ${baseName(run.file)} · ${strategy} · ${run.status} · ${timesText(run.startedAt)}`]);
}

function headlineSection(a: RunDigest, b: RunDigest): HTMLElement {
  const th = (text: string, attrs: Record<string, string | number> = {}) => h('th', { text, attrs: { scope: 'col', ...attrs } });
  const td = (text: string) => h('td', { className: 'num', text });
  const rows = METRICS.map((m) => {
    const value = (run: RunDigest, which: 'fixed' | 'tuned') => run[which]?.[m.key] ?? null;
    const bt = value(b, 'tuned');
    const at = value(a, 'tuned');
    return h('tr', {}, [
      h('th', { attrs: { scope: 'row' }, text: m.title }),
      td(formatMetric(value(a, 'fixed'))),
      td(formatMetric(at)),
      td(formatMetric(value(b, 'fixed'))),
      td(formatMetric(bt)),
      td(at === null || bt === null ? '—' : formatChange(bt - at)),
    ]);
  });
  const table = h('table', { className: 'data-table' }, [
    h('caption', { className: 'visually-hidden', text: 'Headline test metrics of runs A and B' }),
    h('thead', {}, [
      h('tr', {}, [th('Metric', { rowspan: 2 }), th(`A: ${a.name}`, { colspan: 2, class: 'num' }), th(`B: ${b.name}`, { colspan: 2, class: 'num' }), th('B − A', { rowspan: 2, class: 'num', title: 'Tuned thresholds' })]),
      h('tr', {}, [th('0.5', { class: 'num' }), th('tuned', { class: 'num' }), th('0.5', { class: 'num' }), th('tuned', { class: 'num' })]),
    ]),
    h('tbody', {}, rows),
  ]);
  return h('section', { className: 'ev-section', attrs: { 'aria-label': 'Headline metrics' } }, [
    ...sectionHeading('h2', 'Headline metrics on the test split', 'Of each run’s evaluated strategy: at the threshold 0.5 and at its thresholds tuned on validation (mAP does not depend on thresholds).'),
    h('div', { className: 'table-scroll' }, [table]),
  ]);
}

function differenceSection(view: RunComparisonView, ctx: ViewContext): HTMLElement {
  const [a, b] = view.runs;
  const { rows, onlyA, onlyB } = differenceRows(a, b);
  const apart = [
    onlyA.length > 0 ? `Only in A: ${onlyA.join(', ')}.` : '',
    onlyB.length > 0 ? `Only in B: ${onlyB.join(', ')}.` : '',
  ].filter((t) => t !== '');
  const better = rows.filter((r) => r.difference > 0).length;
  const worse = rows.filter((r) => r.difference < 0).length;
  return h('section', { className: 'ev-section', attrs: { 'aria-label': 'Per-class F1 difference' } }, [
    ...sectionHeading('h2', 'Per-class F1, B − A', rows.length > 0 ? `B is higher on ${better} label${better === 1 ? '' : 's'}, A on ${worse}, of ${rows.length} in both runs.` : undefined),
    rows.length === 0
      ? h('p', { className: 'empty-note', text: 'No label has a test F1 in both runs.' })
      : ctx.chartCard({
          title: 'Test F1 difference per label',
          description: 'Test F1 of run B minus run A, each at its thresholds in force (tuned on its validation rows when it had them); bars to the right are labels where B does better.',
          spec: (theme) => f1DifferenceSpec(a, b, theme),
          table: {
            columns: [
              { key: 'label', title: 'Label' },
              { key: 'a', title: 'F1 in A', numeric: true },
              { key: 'b', title: 'F1 in B', numeric: true },
              { key: 'difference', title: 'B − A', numeric: true },
              { key: 'support', title: 'Test positives (B)', numeric: true },
            ],
            rows,
          },
          fileName: `${baseName(a.runDir)}-vs-${baseName(b.runDir)}-f1`,
        }),
    apart.length > 0 ? h('p', { className: 'card-description', text: `Not drawn (a label of one run only): ${apart.join(' ')}` }) : null,
  ]);
}
