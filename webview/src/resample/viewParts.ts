/**
 * What the resample and split views share on the page: the tiles (value, a detail line, a flag,
 * the explanation on hover and for screen readers), the note of a panel restored after a reload,
 * a caveat box, and the label chart options (log scale, rarest first, top N, filter) that persist.
 */
import type { RestoredNote } from '../../../src/protocol/dashboard.js';
import { checkbox, filterField, numberField } from '../components/controls.js';
import { codicon, h, srOnly, uid } from '../components/dom.js';
import { clampTopN, DEFAULT_TOP_N } from '../dataset/labelSelection.js';
import { baseName, formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import type { LabelChartOptions } from './labelChoice.js';

export interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  /** A second detail line (the relative change of a before/after tile). */
  change?: string;
  explanation: string;
  flag?: string;
}

export function tilesSection(tiles: readonly Tile[], ariaLabel: string): HTMLElement {
  const list = tiles.map((tile) => {
    const labelId = uid('tile-label');
    const explanationId = uid('tile-explanation');
    return h(
      'div',
      {
        className: tile.flag ? 'tile flagged' : 'tile',
        attrs: { role: 'group', tabindex: 0, 'aria-labelledby': labelId, 'aria-describedby': explanationId, title: `${tile.label}: ${tile.explanation}` },
      },
      [
        h('div', { className: 'tile-label', attrs: { id: labelId } }, [tile.label]),
        h('div', { className: 'tile-value', attrs: { 'data-measure': tile.key }, text: tile.value }),
        h('div', { className: 'tile-detail', text: tile.detail }),
        tile.change ? h('div', { className: 'tile-detail', attrs: { 'data-change': tile.key }, text: tile.change }) : null,
        tile.flag ? h('div', { className: 'tile-flag' }, [codicon('warning'), srOnly('Warning: '), tile.flag]) : null,
        h('div', { className: 'visually-hidden', attrs: { id: explanationId }, text: tile.explanation }),
      ],
    );
  });
  return h('section', { className: 'tiles ev-tiles', attrs: { 'aria-label': ariaLabel } }, list);
}

/** A warning box (role=note) with a sentence. */
export function caveat(text: string, icon = 'warning'): HTMLElement {
  return h('p', { className: 'ev-caveat', attrs: { role: 'note' } }, [codicon(icon), h('span', { text })]);
}

/** What a restored panel must say: this is the saved report of an earlier run, and which of its files are gone. */
export function restoredCaveat(restored: RestoredNote | undefined, command: string): HTMLElement | null {
  if (!restored) return null;
  const gone = restored.missing.length === 0 ? '' : ` ${restored.missing.length === 1 ? 'This file is' : 'These files are'} no longer there: ${restored.missing.map(baseName).join(', ')}.`;
  return caveat(`Shown again from this panel’s saved state after a window reload: the report of the run that wrote the files, which may have changed since.${gone} Run “${command}” again for a fresh report.`, 'history');
}

/** The written files, one per line, the path on hover. */
export function writtenList(written: readonly string[]): HTMLElement {
  if (written.length === 0) return h('p', { className: 'label-source', text: 'Nothing was written (dry run).' });
  return h('p', { className: 'label-source' }, [`Wrote ${written.map(baseName).join(', ')}`]);
}

/** With this many labels or fewer, the top-N and filter boxes would only be noise. */
const FEW_LABELS = 20;

/** The persisted chart options under `prefix` (log scale by default when `logByDefault`). */
export function chartOptions(ctx: ViewContext, prefix: string, total: number, logByDefault: boolean): LabelChartOptions {
  return {
    log: ctx.ui(`${prefix}.log`, logByDefault),
    topN: clampTopN(ctx.ui(`${prefix}.topN`, DEFAULT_TOP_N), total, DEFAULT_TOP_N),
    filter: ctx.ui(`${prefix}.filter`, ''),
    rarest: ctx.ui(`${prefix}.rarest`, false),
  };
}

/** The option controls; each change is persisted and `redraw` called. `withLog` false leaves the log box out. */
export function chartControls(ctx: ViewContext, prefix: string, options: LabelChartOptions, total: number, withLog: boolean, redraw: () => void, summary: HTMLElement): HTMLElement {
  const many = total > FEW_LABELS;
  const set = <K extends keyof LabelChartOptions>(key: K, value: LabelChartOptions[K]): void => {
    options[key] = value;
    ctx.setUi(`${prefix}.${key}`, value);
    redraw();
  };
  return h('div', { className: 'controls', attrs: { role: 'group', 'aria-label': 'Label chart options' } }, [
    withLog ? checkbox('Log scale', options.log, (checked) => set('log', checked)) : null,
    many ? checkbox('Rarest first', options.rarest, (checked) => set('rarest', checked)) : null,
    many ? numberField('Top', options.topN, 1, total, (n) => set('topN', n)) : null,
    many ? filterField('Filter labels', 'Filter the labels in the chart by name', options.filter, (text) => set('filter', text)) : null,
    summary,
  ]);
}

/** What the chart shows, in one sentence. */
export function shownText(shown: number, matched: number, total: number, filter: string, rarest: boolean): string {
  const f = filter.trim();
  const which = rarest ? 'fewest' : 'most';
  if (shown === 0) return f ? `No label matches “${f}”.` : 'No label to draw.';
  if (!f) return shown === total ? `Showing all ${formatInteger(total)} labels.` : `Showing the ${formatInteger(shown)} labels with the ${which} positives of ${formatInteger(total)}.`;
  const part = shown === matched ? `all ${formatInteger(matched)}` : `the ${formatInteger(shown)} with the ${which} positives of ${formatInteger(matched)}`;
  return `Showing ${part} labels matching “${f}” (${formatInteger(total)} labels in all).`;
}
