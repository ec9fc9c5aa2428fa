/**
 * A small status line (role=status) for the outcome of actions the host carried out ("Copied
 * pos_weight for 6 labels"): shown at the bottom right, faded out after a few seconds.
 */
import { codicon, h } from '../components/dom.js';

const VISIBLE_MS = 4000;

export class StatusLine {
  private readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement) {
    this.text = h('span', { className: 'status-text' });
    this.element = h('div', { className: 'status-line', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } }, [
      codicon('check'),
      this.text,
    ]);
    parent.append(this.element);
  }

  show(message: string): void {
    this.text.textContent = message;
    this.element.classList.add('visible');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.element.classList.remove('visible'), VISIBLE_MS);
  }
}
