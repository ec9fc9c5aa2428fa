/**
 * The dashboard webview's HTML: one nonce'd script from our dist/webview, our stylesheets, and a
 * strict Content Security Policy (nothing by default; scripts only by nonce, no 'unsafe-eval':
 * vega runs with its expression interpreter). No `vscode` import, so the browser test harness
 * builds the same page.
 */

export interface DashboardHtmlOptions {
  /** `webview.cspSource`: where our own resources are served from. */
  cspSource: string;
  /** A fresh random nonce per page (base64 or hex, at least 128 bits). */
  nonce: string;
  /** dist/webview/dashboard.js as a webview URI. */
  scriptUri: string;
  /** dist/webview/codicon.css and dist/webview/dashboard.css as webview URIs. */
  styleUris: string[];
  /** The panel title, for the document title. */
  title: string;
}

/** The Content-Security-Policy of the dashboard page. */
export function dashboardCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data: blob:`,
  ].join('; ');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function dashboardHtml(o: DashboardHtmlOptions): string {
  const styles = o.styleUris.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}" nonce="${o.nonce}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(dashboardCsp(o.cspSource, o.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    ${styles}
    <title>${escapeHtml(o.title)}</title>
  </head>
  <body>
    <main id="dashboard"><p class="loading">Loading…</p></main>
    <script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
  </body>
</html>
`;
}
