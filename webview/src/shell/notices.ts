/** What the dashboard shows instead of a view: work in progress, or why the view could not be made. */
import { button, codicon, h } from '../components/dom.js';

export function renderBusy(root: HTMLElement, message: string): void {
  root.replaceChildren(
    h('div', { className: 'notice notice-busy', attrs: { role: 'status' } }, [
      codicon('loading', 'codicon-modifier-spin'),
      h('span', { text: message }),
    ]),
  );
  root.setAttribute('aria-busy', 'true');
}

export function renderFailed(root: HTMLElement, message: string, onRetry: () => void): void {
  root.removeAttribute('aria-busy');
  const retry = button('Try again', { icon: 'refresh', onClick: onRetry });
  root.replaceChildren(
    h('div', { className: 'notice notice-failed', attrs: { role: 'alert' } }, [
      h('div', { className: 'notice-message' }, [codicon('error'), h('span', { text: message })]),
      h('div', { className: 'notice-actions' }, [retry]),
    ]),
  );
}
