/**
 * The Overview tab: how the evaluation was read (score kind, join, thresholds, notes), the
 * summary tiles, head / medium / tail bands (chart and table) and the global threshold sweep.
 */
import type { EvaluationView } from '../../../../src/protocol/dashboard.js';
import { codicon, h, srOnly, uid } from '../../components/dom.js';
import { dataTable } from '../../components/dataTable.js';
import type { ViewContext } from '../../viewContext.js';
import { formatMetric } from '../format.js';
import { bandBarsData, bandsSpec, bandTitle, type BandAverage } from '../specs/bands.js';
import { sweepData, thresholdSweepSpec } from '../specs/thresholdSweep.js';
import { provenanceLines, summaryTiles, tileHoverText } from '../summaryModel.js';
import { chartBlock } from './chartBlock.js';
import { choiceField, controlRow } from './controls.js';
import { UI_KEYS, uiChoice } from './uiState.js';

export function overviewPanel(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement[] {
  return [
    tiles(view),
    provenance(view),
    h('div', { className: 'chart-grid ev-overview-charts' }, [bands(view, ctx, fileBase), sweep(view, ctx, fileBase)]),
    bandsTable(view),
  ];
}

function provenance(view: EvaluationView): HTMLElement {
  const r = view.report;
  const items = provenanceLines(r).flatMap((line) => [h('dt', { text: line.label }), h('dd', { text: line.value })]);
  const notes = r.notes.length === 0 ? null : h('ul', { className: 'notes', attrs: { 'aria-label': 'Notes from reading the files' } }, r.notes.map((n) => h('li', {}, [codicon('info'), h('span', { text: n })])));
  return h('section', { className: 'ev-provenance', attrs: { 'aria-label': 'How the evaluation was read' } }, [h('dl', {}, items), notes]);
}

function tiles(view: EvaluationView): HTMLElement {
  const list = summaryTiles(view.report).map((tile) => {
    const descId = uid('tile-desc');
    return h(
      'div',
      {
        className: `tile ev-tile${tile.lowerIsBetter ? ' lower-better' : ''}`,
        attrs: { title: tileHoverText(tile), role: 'group', 'aria-labelledby': `${descId}-t`, 'aria-describedby': descId, tabindex: 0 },
      },
      [
        h('div', { className: 'tile-label', attrs: { id: `${descId}-t` }, text: tile.title }),
        h('div', { className: 'tile-value', attrs: { 'data-metric': tile.id, 'data-raw': String(tile.raw) }, text: tile.value }),
        tile.detail ? h('div', { className: 'tile-detail', text: tile.detail }) : null,
        h('span', { attrs: { id: descId } }, [srOnly(tileHoverText(tile))]),
      ],
    );
  });
  return h('section', { className: 'tiles ev-tiles', attrs: { 'aria-label': 'Summary metrics (hover or focus a tile for its meaning)' } }, list);
}

function bands(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement {
  const r = view.report;
  let average = uiChoice<BandAverage>(ctx, UI_KEYS.bandsAverage, ['macro', 'micro'], 'macro');
  const controls = controlRow('Band chart options', [
    choiceField<BandAverage>(
      'Average within a band',
      [
        { value: 'macro', title: 'macro (mean over labels)' },
        { value: 'micro', title: 'micro (summed counts)' },
      ],
      average,
      (value) => {
        average = value;
        ctx.setUi(UI_KEYS.bandsAverage, value);
        block.update();
      },
    ),
  ]);
  const block = chartBlock(controls, null, () =>
    ctx.chartCard({
      title: 'Head, medium and tail labels',
      description: 'Labels split by frequency (support). A model that does well on frequent labels and poorly on rare ones shows falling bars from head to tail.',
      spec: (theme) => bandsSpec(r.bands, theme, { average }),
      table: {
        columns: [
          { key: 'bandTitle', title: 'Band' },
          { key: 'measure', title: 'Measure' },
          { key: 'value', title: average === 'macro' ? 'Macro average' : 'Micro average', numeric: true },
        ],
        rows: bandBarsData(r.bands, average).map((b) => ({ bandTitle: b.bandTitle, measure: b.measure, value: b.value })),
      },
      fileName: `${fileBase}-bands`,
    }),
  );
  return block.element;
}

function bandsTable(view: EvaluationView): HTMLElement {
  const r = view.report;
  const table = dataTable(
    {
      columns: [
        { key: 'band', title: 'Band' },
        { key: 'labels', title: 'Labels', numeric: true },
        { key: 'support', title: 'Positives', numeric: true },
        { key: 'macroP', title: 'Macro P', numeric: true },
        { key: 'macroR', title: 'Macro R', numeric: true },
        { key: 'macroF1', title: 'Macro F1', numeric: true },
        { key: 'microP', title: 'Micro P', numeric: true },
        { key: 'microR', title: 'Micro R', numeric: true },
        { key: 'microF1', title: 'Micro F1', numeric: true },
        { key: 'meanAp', title: 'Mean AP', numeric: true },
      ],
      rows: r.bands.map((b) => ({
        band: bandTitle(b),
        labels: b.labelCount,
        support: b.totalSupport,
        macroP: formatMetric(b.macro?.precision),
        macroR: formatMetric(b.macro?.recall),
        macroF1: formatMetric(b.macro?.f1),
        microP: formatMetric(b.micro?.precision),
        microR: formatMetric(b.micro?.recall),
        microF1: formatMetric(b.micro?.f1),
        meanAp: formatMetric(b.meanAp),
      })),
    },
    'Precision, recall, F1 and mean AP per frequency band',
  );
  table.classList.add('ev-bands-table');
  return h('section', { className: 'ev-section' }, [h('div', { className: 'ev-table-wrap' }, [table])]);
}

function sweep(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement {
  const r = view.report;
  const data = sweepData(r.sweep, r.perLabel);
  const best = data.marks.filter((m) => m.what === 'best');
  const bestText = best.map((m) => `${m.series} peaks at ${m.f1.toFixed(3)} (threshold ${m.threshold})`).join('; ');
  const byThreshold = new Map<number, Record<string, number>>();
  for (const p of data.points) byThreshold.set(p.threshold, { ...(byThreshold.get(p.threshold) ?? { threshold: p.threshold }), [p.series]: p.f1 });
  return ctx.chartCard({
    title: 'One threshold for every label',
    description: `Macro and micro F1 if every label used the same threshold. ${bestText}.${data.current === null ? ' The thresholds in force differ per label, so no single one is marked.' : ''}`,
    spec: (theme) => thresholdSweepSpec(r.sweep, r.perLabel, theme, { tunedMacroF1: r.tuning?.macroF1After ?? null }),
    table: {
      columns: [
        { key: 'threshold', title: 'Threshold', numeric: true },
        { key: 'Macro F1', title: 'Macro F1', numeric: true },
        { key: 'Micro F1', title: 'Micro F1', numeric: true },
      ],
      rows: [...byThreshold.values()],
    },
    fileName: `${fileBase}-threshold-sweep`,
  });
}
