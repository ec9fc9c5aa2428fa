/**
 * A real VS Code workbench (code-server) driven through Debian's chromium with playwright-core,
 * as a person would use it: the command palette, Quick Open, the explorer's context menu,
 * notifications, the Problems panel, webviews, the clipboard, and screenshots in both themes.
 *
 * One Workbench per test file: `Workbench.open()` in `before`, `close()` in `after` (it always
 * ends code-server and chromium, also when opening failed half-way).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';
import {
  CHROMIUM_BIN,
  ROOT,
  THEME_NAMES,
  KEYS,
  createProfile,
  installVsix,
  vsixUnderTest,
  startCodeServer,
  type CodeServer,
  type InstalledExtension,
  type Profile,
  type Theme,
} from './codeServer.js';

export const SHOTS_DIR = process.env.IMBALANCE_LENS_E2E_SHOTS ?? path.join(ROOT, '.e2e-shots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface WorkbenchOptions {
  /** Name of the screenshot folder under .e2e-shots/ (one per test file). */
  suite: string;
  /** The folder to open; the workbench gets a copy, so the original is never touched. */
  workspace: string;
  theme?: Theme;
  /** More user settings (merged over the quiet defaults and the theme). */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
}

export interface ConsoleEntry {
  type: string;
  text: string;
  /** The script or document the message came from. */
  url: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface NotificationInfo {
  severity: Severity;
  message: string;
  source: string;
  buttons: string[];
}

export interface ProblemInfo {
  severity: Severity;
  /** The row's accessible text, e.g. "Error: Expected comma at line 2 column 3". */
  text: string;
}

/** IMBALANCE_LENS_E2E_DEBUG=1: timings of each step, and code-server's output, on stderr. */
const debug = process.env.IMBALANCE_LENS_E2E_DEBUG ? (line: string) => process.stderr.write(`[e2e] ${line}\n`) : () => {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** "ctrl+alt+shift+f12" (VS Code's form) -> "Control+Alt+Shift+F12" (Playwright's). */
const playwrightKey = (key: string) => key.split('+').map((part) => (part === 'ctrl' ? 'Control' : part.charAt(0).toUpperCase() + part.slice(1))).join('+');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(100);
  }
}

export class Workbench {
  /** Everything chromium logged as an error or warning, from the workbench and from every webview. */
  readonly console: ConsoleEntry[] = [];
  /** Uncaught exceptions in any frame. */
  readonly pageErrors: string[] = [];
  private shotIndex = 0;

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly browser: Browser,
    readonly server: CodeServer,
    readonly profile: Profile,
    /** The extension under test, as installed (its manifest gives the command titles). */
    readonly extension: InstalledExtension,
    /** The workspace folder code-server has open (a copy of the one given). */
    readonly folder: string,
    private readonly tempDir: string,
    private readonly shotsDir: string,
    private theme: Theme,
  ) {}

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const theme = options.theme ?? 'dark';
    const started = Date.now();
    const step = (what: string) => debug(`${options.suite}: ${what} at ${Date.now() - started} ms`);
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-'));
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      const folder = path.join(tempDir, 'workspace', path.basename(options.workspace));
      fs.cpSync(options.workspace, folder, { recursive: true });
      const profile = createProfile(path.join(tempDir, 'profile'), {
        'workbench.colorTheme': THEME_NAMES[theme],
        ...options.settings,
      });
      const vsix = vsixUnderTest(debug);
      step(`vsix ready (${vsix})`);
      const extension = installVsix(profile, vsix);
      step(`installed ${extension.version}`);
      server = await startCodeServer({ profile, folder, onOutput: (line) => debug(`code-server: ${line}`) });
      step(`code-server up at ${server.origin}`);
      browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_ARGS });
      step('chromium up');
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await context.newPage();
      const shotsDir = path.join(SHOTS_DIR, options.suite);
      fs.rmSync(shotsDir, { recursive: true, force: true });
      fs.mkdirSync(shotsDir, { recursive: true });
      const workbench = new Workbench(page, context, browser, server, profile, extension, folder, tempDir, shotsDir, theme);
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          workbench.console.push({ type: message.type(), text: message.text(), url: message.location().url });
        }
      });
      page.on('pageerror', (error) => workbench.pageErrors.push(`${error.name}: ${error.message}`));
      await page.goto(server.url);
      step('page loaded');
      await workbench.waitForWorkbench();
      step('workbench ready');
      return workbench;
    } catch (e) {
      await browser?.close().catch(() => {});
      await server?.stop();
      const output = server ? `\ncode-server said:\n${server.output()}` : '';
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw new Error(`${e instanceof Error ? e.message : String(e)}${output}`);
    }
  }

  /**
   * Ends chromium and code-server (all of its processes) and removes the temp profile and
   * workspace (kept with IMBALANCE_LENS_E2E_KEEP=1). Saves a last screenshot first, "at-close",
   * which shows where a failed test left the window.
   */
  async close(): Promise<void> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    await this.screenshot('at-close').catch(() => undefined);
    try {
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)));
      await Promise.race([this.browser.close(), timeout]);
    } finally {
      clearTimeout(timer); // a pending timer would keep the test process alive
      await this.server.stop();
      debug(`closed in ${Date.now() - started} ms`);
      if (!process.env.IMBALANCE_LENS_E2E_KEEP) fs.rmSync(this.tempDir, { recursive: true, force: true });
    }
  }

  /** Until the explorer lists the folder and the configured theme and file icons are painted. */
  private async waitForWorkbench(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await this.page.waitForSelector('.part.statusbar', { timeout: 10_000 });
    const workbench = this.page.locator('.monaco-workbench');
    await poll(`the ${this.theme} theme and file icons`, 30_000, async () => {
      const classes = (await workbench.getAttribute('class')) ?? '';
      const themed = /\bvscode-theme-/.test(classes) && /\bvs-dark\b/.test(classes) === (this.theme === 'dark');
      return themed && /\bfile-icons-enabled\b/.test(classes) ? true : undefined;
    });
  }

  /** An absolute path inside the open workspace. */
  path(relative: string): string {
    return path.join(this.folder, relative);
  }

  // ---- commands, files, menus -----------------------------------------------------------------

  /** A command's title as the installed manifest gives it: "Category: Title" (the palette's form), or the bare title (menus). */
  commandTitle(command: string, form: 'palette' | 'menu' = 'palette'): string {
    const entry = this.extension.manifest.contributes.commands.find((c) => c.command === command);
    if (!entry) throw new Error(`the installed extension contributes no command ${command}`);
    return form === 'palette' && entry.category ? `${entry.category}: ${entry.title}` : entry.title;
  }

  /** Runs one of the extension's commands from the palette, by its id (the title comes from the manifest). */
  async runExtensionCommand(command: string, options: { beforeAccept?: () => Promise<unknown> } = {}): Promise<void> {
    await this.runCommand(this.commandTitle(command), options);
  }

  /**
   * Runs a command by its full title ("Imbalance Lens: Analyze Dataset") through the command
   * palette (F1). `beforeAccept` runs while the palette shows the command (e.g. a screenshot).
   */
  async runCommand(title: string, options: { beforeAccept?: () => Promise<unknown> } = {}): Promise<void> {
    await this.openQuickInput('F1');
    await this.page.locator('.quick-input-box input').fill(`>${title}`);
    await this.acceptQuickInputRow(title, 'command palette', undefined, options.beforeAccept);
  }

  /** Opens a workspace file in an editor through Quick Open (Ctrl+P) and waits for its tab to be active. */
  async openFile(relative: string): Promise<void> {
    const name = path.basename(relative);
    await this.openQuickInput('Control+P');
    await this.page.locator('.quick-input-box input').fill(relative);
    await this.acceptQuickInputRow(name, 'Quick Open', (label) => label.startsWith(name));
    await this.page.locator('.tabs-container .tab.active .label-name', { hasText: exactly(name) }).waitFor({ timeout: 10_000 });
  }

  /** Picks an item (by its label) in the quick pick that is open, e.g. the truth file for Evaluate Predictions. */
  async pickQuickPickItem(label: string, options: { beforeAccept?: () => Promise<unknown> } = {}): Promise<void> {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.locator('.quick-input-box input').fill(label);
    await this.acceptQuickInputRow(label, 'quick pick', undefined, options.beforeAccept);
  }

  /** Accepts the input box that is open as it stands (its prefilled value), e.g. a wizard's default. */
  async acceptInputBox(expectedValue: string): Promise<void> {
    const input = this.page.locator('.quick-input-box input');
    await poll(`an input box holding "${expectedValue}"`, 10_000, async () =>
      (await this.page.locator('.quick-input-widget').isVisible()) && (await input.inputValue()) === expectedValue ? true : undefined,
    );
    const title = await this.page.locator('.quick-input-title').innerText();
    await this.page.keyboard.press('Enter');
    const widget = this.page.locator('.quick-input-widget');
    await poll('the input box to take its value', 10_000, async () =>
      !(await widget.isVisible()) || (await this.page.locator('.quick-input-title').innerText()) !== title ? true : undefined,
    );
  }

  /** The labels of the rows in the open quick pick, top to bottom. */
  async quickPickLabels(): Promise<string[]> {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
    return this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  }

  /**
   * Right-clicks a file in the explorer (by its name, as the tree shows it) and clicks a context
   * menu item. `beforeClick` runs while the menu is open (e.g. a screenshot).
   */
  async explorerContextMenu(file: string, item: string, options: { beforeClick?: () => Promise<unknown> } = {}): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(file) }) });
    const entry = this.page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: exactly(item) });
    // Items whose `when` needs the workspace trust state (training) are missing from a menu opened
    // before the workbench has settled it at startup: close such a menu and open it again.
    for (let attempt = 1; ; attempt++) {
      await row.first().click({ button: 'right', timeout: 10_000 });
      try {
        await entry.first().waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : 10_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.keyboard.press('Escape');
        await sleep(1_000);
      }
    }
    await options.beforeClick?.();
    await entry.first().click({ timeout: 10_000 });
    // A click landing while the menu is still settling can be swallowed: the item stays highlighted
    // and the menu open. Then the highlighted item is taken with Enter, as a keyboard user would.
    const menu = this.page.locator('.monaco-menu');
    try {
      await menu.first().waitFor({ state: 'hidden', timeout: 2_000 });
    } catch {
      await entry.first().hover();
      await this.page.keyboard.press('Enter');
      await menu.first().waitFor({ state: 'hidden', timeout: 5_000 });
    }
  }

  /** Presses a key until the quick input opens (the first press may land while a webview has focus). */
  private async openQuickInput(key: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    // A key pressed while a webview has focus can reach the workbench twice (opening, then closing the input).
    if (await this.page.evaluate<boolean>('document.activeElement?.tagName === "IFRAME"')) await this.focusWorkbench();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await widget.waitFor({ state: 'visible', timeout: 3_000 });
        await sleep(250); // still open a moment later: not toggled shut by a forwarded second press
        if (await widget.isVisible()) return;
      } catch {
        // not opened: fall through
      }
      // Give the workbench the keyboard back: click the empty part of the status bar.
      await this.focusWorkbench();
    }
    throw new Error(`the quick input did not open on ${key}`);
  }

  private async focusWorkbench(): Promise<void> {
    const bar = await this.page.locator('.part.statusbar').boundingBox();
    if (bar) await this.page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
  }

  /** Waits for the row whose label is `label` (or passes `matches`), and accepts it (Enter when focused, else a click). */
  private async acceptQuickInputRow(
    label: string,
    what: string,
    matches = (l: string) => l === label,
    beforeAccept?: () => Promise<unknown>,
  ): Promise<void> {
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const index = await poll(`"${label}" in the ${what}`, 15_000, async () => {
      const labels = await rows.evaluateAll((els) =>
        els.map((el) => ({
          label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
          focused: el.classList.contains('focused'),
        })),
      );
      const i = labels.findIndex((l) => matches(l.label));
      return i < 0 ? undefined : { i, focused: labels[i].focused };
    });
    await beforeAccept?.();
    const input = this.page.locator('.quick-input-box input');
    const typed = await input.inputValue();
    if (index.focused) await this.page.keyboard.press('Enter');
    else await rows.nth(index.i).click();
    // Accepted when the quick input closes, or when another one replaces it (a command that asks next).
    const widget = this.page.locator('.quick-input-widget');
    await poll(`the ${what} to take "${label}"`, 10_000, async () =>
      !(await widget.isVisible()) || (await input.inputValue()) !== typed ? true : undefined,
    );
  }

  // ---- what the workbench shows ---------------------------------------------------------------

  /** The notification toasts on screen now, newest first. */
  async notifications(): Promise<NotificationInfo[]> {
    return this.page.locator('.notifications-toasts .notification-list-item').evaluateAll((items) =>
      items.map((item) => {
        const icon = item.querySelector('.notification-list-item-icon');
        const severity = icon?.classList.contains('codicon-error') ? 'error' : icon?.classList.contains('codicon-warning') ? 'warning' : 'info';
        return {
          severity: severity as 'error' | 'warning' | 'info',
          message: (item.querySelector('.notification-list-item-message')?.textContent ?? '').trim(),
          source: (item.querySelector('.notification-list-item-source')?.textContent ?? '').replace(/^Source:\s*/, '').trim(),
          buttons: [...item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => (b.textContent ?? '').trim()),
        };
      }),
    );
  }

  /** Waits for a toast whose message matches, of the given severity when given. */
  async waitForNotification(message: RegExp, options: { severity?: Severity; timeoutMs?: number } = {}): Promise<NotificationInfo> {
    return poll(`a notification matching ${message}`, options.timeoutMs ?? 30_000, async () =>
      (await this.notifications()).find((n) => message.test(n.message) && (!options.severity || n.severity === options.severity)),
    );
  }

  /** Clicks a button of the toast whose message matches. */
  async clickNotificationButton(message: RegExp, button: string): Promise<void> {
    await this.waitForNotification(message);
    const toast = this.page.locator('.notifications-toasts .notification-list-item', {
      has: this.page.locator('.notification-list-item-message', { hasText: message }),
    });
    await toast.first().locator('.notification-list-item-buttons-container .monaco-button', { hasText: exactly(button) }).click();
  }

  /** Dismisses every notification, so the next wait sees only new ones. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await poll('the toasts to go', 5_000, async () => ((await this.notifications()).length === 0 ? true : undefined));
  }

  /** The rows of the Problems panel (opened if needed). */
  async problems(): Promise<ProblemInfo[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    await sleep(300);
    const rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((el) => ({
        text: el.getAttribute('aria-label') ?? (el.textContent ?? '').trim(),
        icon: el.querySelector('.marker-icon')?.className ?? '',
      })),
    );
    return rows
      .filter((row) => row.icon !== '') // file rows carry no severity icon
      .map((row) => ({
        severity: /error/.test(row.icon) ? 'error' : /warning/.test(row.icon) ? 'warning' : 'info',
        text: row.text,
      }));
  }

  /** The active editor tab's label. */
  async activeTab(): Promise<string> {
    return (await this.page.locator('.tabs-container .tab.active .label-name').first().innerText()).trim();
  }

  /** The cursor position the status bar shows, e.g. { line: 5, column: 1 }; with `line`, waits until it is on that line. */
  async cursorPosition(options: { line?: number; timeoutMs?: number } = {}): Promise<{ line: number; column: number }> {
    const item = this.page.locator('[id="status.editor.selection"]');
    let last = '';
    try {
      return await poll(`the cursor${options.line ? ` on line ${options.line}` : ''} in the status bar`, options.timeoutMs ?? 10_000, async () => {
        last = (await item.innerText()).trim();
        const match = /Ln (\d+), Col (\d+)/.exec(last);
        if (!match) return undefined;
        const position = { line: Number(match[1]), column: Number(match[2]) };
        return options.line === undefined || position.line === options.line ? position : undefined;
      });
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the status bar shows "${last}"`);
    }
  }

  /**
   * The document inside the visible webview (a Markdown preview today, the dashboard later): the
   * `#active-frame` inside the visible `iframe.webview.ready`. With `hasText`, waits until that
   * document's text matches (a webview shown before may still be the visible one for a moment).
   */
  async webviewFrame(options: { hasText?: RegExp; timeoutMs?: number } = {}): Promise<Frame> {
    return poll(`a visible webview${options.hasText ? ` showing ${options.hasText}` : ''}`, options.timeoutMs ?? 30_000, async () => {
      for (const handle of await this.page.locator('iframe.webview.ready').elementHandles()) {
        if (!(await handle.isVisible())) continue;
        const outer = await handle.contentFrame();
        const innerHandle = await outer?.$('#active-frame');
        const inner = await innerHandle?.contentFrame();
        if (!inner) continue;
        if (options.hasText) {
          const text = await inner.locator('body').innerText({ timeout: 1_000 });
          if (!options.hasText.test(text)) continue;
        }
        return inner;
      }
      return undefined;
    });
  }

  /** What the extension put on the clipboard. */
  async clipboardText(): Promise<string> {
    return this.page.evaluate<string>('navigator.clipboard.readText()');
  }

  /** Console errors and warnings that are Content Security Policy violations (from any frame). */
  cspViolations(): ConsoleEntry[] {
    return this.console.filter((entry) => /Content Security Policy/i.test(entry.text));
  }

  /** Console errors from webview documents (their URLs are under .../webview/...). */
  webviewConsoleErrors(): ConsoleEntry[] {
    return this.console.filter((entry) => entry.type === 'error' && /webview/i.test(entry.url));
  }

  // ---- screenshots and themes -----------------------------------------------------------------

  get currentTheme(): Theme {
    return this.theme;
  }

  /**
   * Switches the colour theme with "Preferences: Toggle between Light/Dark Themes" (bound to a key
   * in the profile, so it works while a quick pick or menu stays open) and waits for the repaint.
   * (A settings.json edited from outside is not picked up by a running code-server.)
   */
  async setTheme(theme: Theme): Promise<void> {
    if (theme === this.theme) return;
    // A key pressed while a webview has focus can reach the workbench twice (once forwarded by
    // the webview), toggling back: give the keyboard to the workbench first. A quick pick keeps
    // its focus (blurring it would close it).
    await this.page.evaluate("document.activeElement && document.activeElement.tagName === 'IFRAME' && document.activeElement.blur()");
    await this.page.keyboard.press(playwrightKey(KEYS.toggleTheme));
    const isTheme = async () => /\bvs-dark\b/.test((await this.page.locator('.monaco-workbench').getAttribute('class')) ?? '') === (theme === 'dark');
    await poll(`the ${theme} theme`, 15_000, async () => ((await isTheme()) ? true : undefined));
    await sleep(400); // webviews restyle from the new --vscode-* variables
    if (!(await isTheme())) throw new Error(`the workbench switched to the ${theme} theme and back`);
    this.theme = theme;
    // Seen with the dashboard webview open in headless chromium: after a theme change the page
    // stops repainting (screenshots keep the old colours) until the webview is laid out again.
    // Hiding and showing the side bar does that and leaves the layout as it was; it would also
    // close an open quick pick, so not then.
    if ((await this.visibleWebviews()) > 0 && !(await this.page.locator('.quick-input-widget').isVisible())) {
      for (let i = 0; i < 2; i++) {
        await this.page.keyboard.press(playwrightKey(KEYS.toggleSidebar));
        await sleep(300);
      }
    }
  }

  private async visibleWebviews(): Promise<number> {
    let visible = 0;
    for (const frame of await this.page.locator('iframe.webview').elementHandles()) if (await frame.isVisible()) visible++;
    return visible;
  }

  /** Saves a PNG of the whole window under .e2e-shots/<suite>/NN-name-<theme>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shotIndex += 1;
    const file = path.join(this.shotsDir, `${String(this.shotIndex).padStart(2, '0')}-${name}-${this.theme}.png`);
    await sleep(150); // let a toast or menu that just appeared settle
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /** The same step in both themes: the current one first, then the other (which stays on). */
  async screenshotBothThemes(name: string): Promise<string[]> {
    const first = await this.screenshot(name);
    this.shotIndex -= 1; // same number for the pair
    await this.setTheme(this.theme === 'dark' ? 'light' : 'dark');
    return [first, await this.screenshot(name)];
  }

  /** Locators for assertions the helpers above do not cover. */
  locator(selector: string): Locator {
    return this.page.locator(selector);
  }
}
