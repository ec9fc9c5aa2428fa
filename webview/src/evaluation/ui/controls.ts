/**
 * What the Evaluation view adds to the shared controls (components/controls.ts): a choice among
 * a few options as a native select (keyboard and screen-reader friendly), the row that holds a
 * chart's controls, and the polite line under it saying what the chart shows.
 */
import { h } from '../../components/dom.js';

/** One of a few options, labelled like the shared number and filter fields. */
export function choiceField<T extends string>(
  label: string,
  options: readonly { value: T; title: string }[],
  value: T,
  onChange: (value: T) => void,
): HTMLElement {
  const select = h(
    'select',
    { className: 'ev-select' },
    options.map((o) => h('option', { text: o.title, attrs: { value: o.value, selected: o.value === value } })),
  );
  select.addEventListener('change', () => onChange(select.value as T));
  return h('label', { className: 'control' }, [h('span', { className: 'control-label', text: label }), select]);
}

/** A chart's controls, as one labelled group. */
export function controlRow(ariaLabel: string, children: HTMLElement[]): HTMLElement {
  return h('div', { className: 'controls', attrs: { role: 'group', 'aria-label': ariaLabel } }, children);
}

/** The line under the controls saying what is drawn ("50 of 1,000 labels"); read out when it changes. */
export function summaryLine(text = ''): HTMLElement {
  return h('p', { className: 'selection-summary', text, attrs: { 'aria-live': 'polite' } });
}
