/**
 * A browser harness for the dashboard webview: the page the host serves (dashboardHtml, same CSP,
 * cspSource = our local origin) on a tiny http server on 127.0.0.1, with a fake
 * `acquireVsCodeApi` injected by a nonce'd inline script. The fake records every posted message,
 * answers `ready` with a real view, answers `requestCurves` from a pool of curves, answers actions
 * with `done`, and sets the body class and --vscode-* variables of a VS Code theme. Driven with
 * playwright-core and the system chromium; console errors, page errors and CSP violations are
 * collected per page.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LabelCurves } from '../../../src/core/metrics/curves/types.js';
import { dashboardHtml } from '../../../src/extension/dashboard/dashboardHtml.js';
import type { DashboardState, DashboardView } from '../../../src/protocol/dashboard.js';
import { HARNESS_THEMES, type HarnessThemeName } from './themes.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP_NO_CHROMIUM = `skipped: no chromium at ${CHROMIUM} (apt-get install chromium to run the browser tests)`;

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const distWebview = path.join(repoRoot, 'dist', 'webview');

export interface HarnessScenario {
  /** Page name (also the screenshot prefix). */
  name: string;
  view: DashboardView;
  theme: HarnessThemeName;
  /** What getState() returns at start (a restored panel); none by default. */
  state?: DashboardState;
  /** Curves the fake host answers `requestCurves` with, by label. */
  curves?: LabelCurves[];
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

export interface HarnessPage {
  page: Page;
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** console.warn messages (informational). */
  warnings: string[];
  cspViolations(): Promise<CspViolation[]>;
  /** Messages the webview posted, in order. */
  posted(): Promise<Array<Record<string, unknown>>>;
  /** Deliver a message from the "host". */
  send(message: unknown): Promise<void>;
  /** Switch the VS Code theme the way VS Code does (body class and --vscode-* variables). */
  setTheme(theme: HarnessThemeName): Promise<void>;
  /** Wait until every visible chart card has drawn its SVG. */
  chartsDrawn(timeoutMs?: number): Promise<void>;
}

export interface Harness {
  origin: string;
  open(scenario: HarnessScenario, viewport?: { width: number; height: number }): Promise<HarnessPage>;
  close(): Promise<void>;
}

/** Build dist/ (all bundles, the webview's among them) as `npm run build` does. */
/** Prints a scenario's console errors, CSP violations and warnings, closes its page; returns errors + violations. */
export async function reportAndClose(scenario: string, page: HarnessPage): Promise<number> {
  const csp = await page.cspViolations();
  for (const e of page.errors) console.log(`  ${scenario} console error: ${e}`);
  for (const v of csp) console.log(`  ${scenario} CSP violation: ${v.directive} ${v.blocked} ${v.sample}`);
  for (const w of page.warnings) console.log(`  ${scenario} console warning: ${w}`);
  await page.page.context().close();
  return page.errors.length + csp.length;
}

export function buildDist(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/** JSON that is safe inside an inline <script>. */
const scriptJson = (value: unknown): string => JSON.stringify(value ?? null).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The fake VS Code API and theme setup, as the body of an inline script that runs before dashboard.js. */
function fakeHostScript(scenario: HarnessScenario): string {
  return `(() => {
  const themes = ${scriptJson(HARNESS_THEMES)};
  const view = ${scriptJson(scenario.view)};
  const curves = ${scriptJson(scenario.curves ?? [])};
  let state = ${scriptJson(scenario.state ?? null)};
  const posted = (window.__posted = []);
  const deliver = (message) => setTimeout(() => window.postMessage(message, '*'), 0);
  const applyTheme = (name) => {
    const theme = themes[name];
    document.body.className = theme.bodyClass;
    for (const [key, value] of Object.entries(theme.vars)) document.documentElement.style.setProperty(key, value);
  };
  applyTheme(${scriptJson(scenario.theme)});
  window.__harness = { send: deliver, setTheme: applyTheme, state: () => state };
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage(message) {
        posted.push(JSON.parse(JSON.stringify(message)));
        switch (message.type) {
          case 'ready':
            deliver({ type: 'view', view });
            break;
          case 'requestCurves':
            deliver({ type: 'curves', requestId: message.requestId, curves: message.labels.map((l) => curves.find((c) => c.label === l)).filter(Boolean) });
            break;
          case 'copyWeights':
            deliver({ type: 'done', action: 'copyWeights', message: 'Copied ' + message.scheme + ' weights as ' + (message.format === 'pytorch' ? 'PyTorch' : 'JSON') + '.' });
            break;
          case 'insertWeights':
            deliver({ type: 'done', action: 'insertWeights', message: 'Inserted ' + message.scheme + ' weights at the cursor.' });
            break;
          case 'saveImage':
            deliver({ type: 'done', action: 'saveImage', message: 'Saved ' + message.fileName + '.' });
            break;
        }
      },
      getState() {
        return state === null ? undefined : state;
      },
      setState(next) {
        state = next;
        return next;
      },
    };
  };
})();`;
}

/** The dashboard page exactly as the host makes it, plus the fake host script (same nonce) before dashboard.js. */
export function harnessHtml(scenario: HarnessScenario, origin: string, nonce: string): string {
  const html = dashboardHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview/dashboard.js`,
    styleUris: [`${origin}/dist/webview/codicon.css`, `${origin}/dist/webview/dashboard.css`],
    title: `Harness: ${scenario.name}`,
  });
  const bundleTag = `<script nonce="${nonce}" src=`;
  if (!html.includes(bundleTag)) throw new Error('dashboardHtml no longer has the script tag the harness expects');
  return html.replace(bundleTag, `<script nonce="${nonce}">${fakeHostScript(scenario)}</script>\n    ${bundleTag}`);
}

/** Records securitypolicyviolation events from the first moment of each page (init scripts run outside the page's CSP). */
const CSP_RECORDER = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
});`;

/**
 * Poll `check` from node until it returns true. (page.waitForFunction with a string predicate
 * compiles it in the page with `new Function`, which the page's CSP rightly refuses; locators and
 * plain evaluations do not need that.)
 */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startHarness(options: { build?: boolean } = {}): Promise<Harness> {
  if (options.build !== false) buildDist();
  if (!existsSync(path.join(distWebview, 'dashboard.js'))) throw new Error(`${distWebview}/dashboard.js is missing: run npm run build`);
  const { chromium } = await import('playwright-core');

  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const match = /^\/dist\/webview\/([\w.-]+)$/.exec(url.pathname);
    const file = match ? path.join(distWebview, match[1]) : undefined;
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });

  return {
    origin,
    async open(scenario, viewport = { width: 1280, height: 900 }) {
      const nonce = randomBytes(16).toString('base64');
      const pagePath = `/${encodeURIComponent(scenario.name)}.html`;
      pages.set(pagePath, harnessHtml(scenario, origin, nonce));
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
        if (m.type() === 'warning') warnings.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await page.addInitScript({ content: CSP_RECORDER });
      await page.goto(origin + pagePath, { waitUntil: 'load' });
      const harnessPage: HarnessPage = {
        page,
        errors,
        warnings,
        cspViolations: () => page.evaluate('window.__csp') as Promise<CspViolation[]>,
        posted: () => page.evaluate('window.__posted') as Promise<Array<Record<string, unknown>>>,
        send: (message) => page.evaluate(`window.__harness.send(${JSON.stringify(message)})`) as Promise<void>,
        setTheme: (theme) => page.evaluate(`window.__harness.setTheme(${JSON.stringify(theme)})`) as Promise<void>,
        chartsDrawn: (timeoutMs = 20_000) =>
          until(
            async () => {
              const cards = await page.locator('.chart-card:visible').count();
              const drawn = await page.locator('.chart-card:visible .chart-host svg, .chart-card:visible .chart-error').count();
              return cards > 0 && drawn === cards;
            },
            'the charts to be drawn',
            timeoutMs,
          ),
      };
      return harnessPage;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
