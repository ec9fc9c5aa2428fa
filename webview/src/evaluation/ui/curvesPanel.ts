/**
 * The Curves tab: precision-recall (or ROC) curves of up to MAX_CURVES chosen labels, picked from
 * a searchable list (by default the labels whose curves came with the view). Curves not in hand
 * are fetched from the host and cached; a newer choice supersedes a fetch still in flight.
 */
import type { EvaluationView } from '../../../../src/protocol/dashboard.js';
import { debounce } from '../../components/controls.js';
import { button, codicon, h, sectionHeading } from '../../components/dom.js';
import { formatInteger } from '../../format.js';
import type { ViewContext } from '../../viewContext.js';
import { CurveCache } from '../curveCache.js';
import { matchesFilter, orderBySupport } from '../labelSelection.js';
import { curvesData, curvesSpec, type CurveKind } from '../specs/curves.js';
import { chartBlock } from './chartBlock.js';
import { choiceField, controlRow, summaryLine } from './controls.js';
import { UI_KEYS, uiChoice, uiStrings, uiText } from './uiState.js';

/** Most curves drawn at once: beyond this the overlay is unreadable (and colours repeat). */
export const MAX_CURVES = 10;
/** Most labels listed in the picker at once; a search narrows the rest. */
const PICKER_LIST = 60;

export function curvesPanel(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement[] {
  const perLabel = view.report.perLabel;
  const known = new Set(perLabel.map((l) => l.name));
  const defaults = view.curves.map((c) => c.label).filter((l) => known.has(l)).slice(0, MAX_CURVES);
  const cache = new CurveCache(view.curves, (labels) => ctx.requestCurves(labels));
  const ordered = orderBySupport(perLabel);
  const support = new Map(perLabel.map((l) => [l.name, l.support]));

  let selected = uiStrings(ctx, UI_KEYS.curveLabels, defaults).filter((l) => known.has(l)).slice(0, MAX_CURVES);
  let kind = uiChoice<CurveKind>(ctx, UI_KEYS.curveKind, ['pr', 'roc'], 'pr');
  let search = uiText(ctx, UI_KEYS.curveSearch);
  let generation = 0;

  const status = summaryLine();
  const chips = h('div', { className: 'ev-chips', attrs: { 'aria-label': 'Labels drawn' } });
  const list = h('ul', { className: 'ev-pick-list', attrs: { 'aria-label': 'Labels, most frequent first' } });
  const more = h('p', { className: 'ev-pick-more' });
  const searchField = document.createElement('vscode-textfield');
  searchField.className = 'ev-pick-search';
  searchField.placeholder = 'Search labels';
  searchField.value = search;
  searchField.setAttribute('aria-label', 'Search labels to draw');
  const searchIcon = codicon('search');
  searchIcon.slot = 'content-before';
  searchField.append(searchIcon);
  const persistSearch = debounce((text: string) => ctx.setUi(UI_KEYS.curveSearch, text), 400);
  searchField.addEventListener('input', () => {
    search = searchField.value;
    renderList();
    persistSearch(search);
  });

  const picker = h('div', { className: 'ev-picker' }, [
    h('div', { className: 'ev-picker-head' }, [
      h('span', { className: 'ev-picker-title', text: `Labels drawn (up to ${MAX_CURVES})` }),
      button('Reset', {
        icon: 'discard',
        secondary: true,
        title: 'Back to the labels whose curves came with the view',
        onClick: () => setSelected(defaults),
      }),
    ]),
    chips,
    searchField,
    list,
    more,
  ]);

  function setSelected(next: string[]): void {
    selected = next.slice(0, MAX_CURVES);
    ctx.setUi(UI_KEYS.curveLabels, selected);
    renderChips();
    renderList();
    void drawChart();
  }

  function renderChips(): void {
    if (selected.length === 0) {
      chips.replaceChildren(h('span', { className: 'ev-empty', text: 'None: tick labels below.' }));
      return;
    }
    chips.replaceChildren(
      ...selected.map((label) => {
        const chip = h('button', { className: 'ev-chip', attrs: { type: 'button', title: `Remove ${label}`, 'aria-label': `Remove ${label}` } }, [
          h('span', { className: 'ev-chip-text', text: label }),
          codicon('close'),
        ]);
        chip.addEventListener('click', () => setSelected(selected.filter((l) => l !== label)));
        return chip;
      }),
    );
  }

  function renderList(): void {
    const matching = ordered.filter((l) => matchesFilter(l.name, search));
    const full = selected.length >= MAX_CURVES;
    list.replaceChildren(
      ...matching.slice(0, PICKER_LIST).map((l) => {
        const box = document.createElement('vscode-checkbox');
        const on = selected.includes(l.name);
        box.checked = on;
        box.disabled = full && !on;
        box.label = `${l.name} (${formatInteger(l.support)})`;
        box.title = full && !on ? `At most ${MAX_CURVES} curves at once: remove one first.` : `${l.name}: ${formatInteger(l.support)} positives`;
        box.addEventListener('change', () => setSelected(box.checked ? [...selected, l.name] : selected.filter((x) => x !== l.name)));
        return h('li', {}, [box]);
      }),
    );
    const hidden = matching.length - Math.min(matching.length, PICKER_LIST);
    more.textContent =
      matching.length === 0 ? `No label matches “${search}”.` : hidden > 0 ? `${formatInteger(hidden)} more: narrow the search to find them.` : '';
  }

  const controls = controlRow('Curve options', [
      choiceField<CurveKind>(
        'Curve',
        [
          { value: 'pr', title: 'Precision-recall' },
          { value: 'roc', title: 'ROC' },
        ],
        kind,
        (k) => {
          kind = k;
          ctx.setUi(UI_KEYS.curveKind, k);
          void drawChart();
        },
      ),
  ]);
  const placeholder = () => h('div', { className: 'ev-empty card', text: 'Tick one or more labels to draw their curves.' });
  let cardFor: () => HTMLElement = placeholder;
  const block = chartBlock(controls, status, () => cardFor());
  const chartHolder = block.element.querySelector('.ev-block-card') as HTMLElement;

  async function drawChart(): Promise<void> {
    const mine = ++generation;
    const labels = [...selected];
    if (labels.length === 0) {
      status.textContent = '';
      cardFor = placeholder;
      block.update();
      return;
    }
    const missing = labels.filter((l) => !cache.has(l));
    if (missing.length > 0) {
      status.textContent = `Fetching the curves of ${missing.length} label${missing.length === 1 ? '' : 's'}…`;
      chartHolder.setAttribute('aria-busy', 'true');
    }
    let curves;
    try {
      curves = await cache.ensure(labels);
    } catch (error) {
      if (mine !== generation) return;
      chartHolder.removeAttribute('aria-busy');
      status.textContent = `The curves could not be fetched: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (mine !== generation) return;
    chartHolder.removeAttribute('aria-busy');
    const data = curvesData(curves, perLabel, kind);
    const emptyNote = data.empty.length === 0 ? '' : ` Not drawn: ${data.empty.map((e) => `${e.label} (${e.note})`).join('; ')}.`;
    status.textContent = `${data.labels.length} curve${data.labels.length === 1 ? '' : 's'}.${emptyNote}`;
    const byName = new Map(perLabel.map((l) => [l.name, l]));
    const optimal = new Map(curves.map((c) => [c.label, c.f1Optimal]));
    cardFor = () =>
      ctx.chartCard({
        title: kind === 'pr' ? 'Precision-recall curves' : 'ROC curves',
        description:
          kind === 'pr'
            ? 'Filled circle: the threshold with the best F1; hollow diamond: the threshold in force. Dashed: iso-F1 contours. Hover a curve for the threshold at each point.'
            : 'Hollow diamond: the threshold in force. The dashed diagonal is a random ranking. Hover a curve for the threshold at each point.',
        spec: (theme) => curvesSpec(curves, perLabel, theme, { kind }),
        table: {
          columns: [
            { key: 'label', title: 'Label' },
            { key: 'support', title: 'Support', numeric: true },
            { key: 'ap', title: 'AP', numeric: true },
            { key: 'rocAuc', title: 'ROC-AUC', numeric: true },
            { key: 'bestThreshold', title: 'Best-F1 threshold', numeric: true },
            { key: 'bestF1', title: 'Best F1', numeric: true },
            { key: 'threshold', title: 'Threshold in force', numeric: true },
            { key: 'f1', title: 'F1 in force', numeric: true },
          ],
          rows: labels.map((name) => {
            const l = byName.get(name);
            const o = optimal.get(name) ?? null;
            return {
              label: name,
              support: support.get(name) ?? null,
              ap: l?.ap ?? null,
              rocAuc: l?.rocAuc ?? null,
              bestThreshold: o?.threshold ?? null,
              bestF1: o?.f1 ?? null,
              threshold: l?.threshold ?? null,
              f1: l?.f1 ?? null,
            };
          }),
        },
        fileName: `${fileBase}-${kind}-curves`,
      });
    block.update();
  }

  renderChips();
  renderList();
  void drawChart();

  return [
    h('section', { className: 'ev-section' }, [
      ...sectionHeading('h2', 'Curves per label', 'Each label’s trade-off between precision and recall (or true and false positive rates) over all thresholds.'),
      h('div', { className: 'ev-curves' }, [picker, block.element]),
    ]),
  ];
}
