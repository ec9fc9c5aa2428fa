/**
 * A chart with its controls: the controls and the summary line stay put (so a filter field keeps
 * focus while typing) and the chart card under them is made again whenever a control changes.
 * The replaced card leaves the document, and the shell's chart registry disposes of its Vega view.
 */
import { h } from '../../components/dom.js';

export interface ChartBlock {
  element: HTMLElement;
  /** Make the card again from the current choices. */
  update(): void;
}

export function chartBlock(controls: HTMLElement | null, summary: HTMLElement | null, makeCard: () => HTMLElement): ChartBlock {
  const holder = h('div', { className: 'ev-block-card' });
  const element = h('div', { className: 'ev-block' }, [controls, summary, holder]);
  const update = () => holder.replaceChildren(makeCard());
  update();
  return { element, update };
}
