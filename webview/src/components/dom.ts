/**
 * Small DOM helpers for the views: element creation without innerHTML, codicons, screen-reader
 * text, unique ids, buttons. Attributes only, never a `style` attribute (the CSP forbids inline
 * styles; sizes are set through element.style, which it allows).
 */
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';

export type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  text?: string;
  /** Attributes; `false` and `undefined` leave one out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

/** A codicon glyph, hidden from screen readers (say what it means with `srOnly` when it carries meaning). */
export function codicon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { className: `codicon codicon-${name}${extraClass ? ' ' + extraClass : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** Text for screen readers only. */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { className: 'visually-hidden', text });
}

let counter = 0;
/** A page-unique id for aria-labelledby / aria-describedby / aria-controls. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface ButtonOptions {
  icon?: string;
  secondary?: boolean;
  title?: string;
  /** Accessible name when it differs from the visible label (e.g. "Copy pos weights as PyTorch"). */
  ariaLabel?: string;
  onClick: () => void;
}

/** A vscode-button with an optional codicon before its label (slotted, so the page's codicon CSS styles it). */
export function button(label: string, options: ButtonOptions): VscodeButton {
  const b = document.createElement('vscode-button');
  if (options.secondary) b.secondary = true;
  if (options.title) b.title = options.title;
  if (options.ariaLabel) b.setAttribute('aria-label', options.ariaLabel);
  if (options.icon) {
    const icon = codicon(options.icon);
    icon.slot = 'content-before';
    b.append(icon);
  }
  b.append(label);
  b.addEventListener('click', () => options.onClick());
  return b;
}

/** A section heading with an optional one-line description under it. */
export function sectionHeading(level: 'h2' | 'h3', title: string, description?: string): HTMLElement[] {
  const heading = h(level, { text: title });
  return description ? [heading, h('p', { className: 'section-description', text: description })] : [heading];
}
