/**
 * Calls back when VS Code switches the colour theme: it changes the body's class
 * (vscode-light / vscode-dark / vscode-high-contrast / vscode-high-contrast-light) and the
 * `--vscode-*` variables in the html element's style. Both are watched; the callback runs once per
 * animation frame however many attributes changed.
 */
export function watchTheme(onChange: () => void): () => void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
