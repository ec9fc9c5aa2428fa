/**
 * code-server (VS Code 1.100 in the browser) as a child process, for the end-to-end tests and for
 * `npm start`: where the local install is, a fresh profile (user data, extensions, settings), the
 * packaged .vsix installed into it, a server on a free loopback port, and a stop that ends the
 * whole process group, also when the caller dies first. No browser here; see workbench.ts.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The project folder: the nearest one above this file whose package.json is this extension's. */
function projectRoot(): string {
  // __filename, not __dirname: imported from an .mjs script through tsx, __dirname is not this folder.
  for (let dir = path.dirname(__filename); ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'imbalance-lens') return dir;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return path.resolve(path.dirname(__filename), '../..');
  }
}

export const ROOT = projectRoot();
export const SETUP_COMMAND = 'bash test/e2e/setup.sh';
export const E2E_DIR = process.env.IMBALANCE_LENS_E2E_DIR ?? path.join(ROOT, '.e2e');
export const CODE_SERVER_BIN = path.join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM_BIN = process.env.IMBALANCE_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const VSIX = path.join(ROOT, 'dist', 'imbalance-lens.vsix');
export const EXTENSION_ID = 'imbalance-lens.imbalance-lens';

export type Theme = 'dark' | 'light';
export const THEME_NAMES: Record<Theme, string> = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function missingPrerequisites(options: { browser?: boolean } = {}): string | undefined {
  const missing: string[] = [];
  const shown = (file: string) => (path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file));
  if (!fs.existsSync(CODE_SERVER_BIN)) missing.push(`code-server (${shown(CODE_SERVER_BIN)})`);
  if (options.browser !== false && !fs.existsSync(CHROMIUM_BIN)) missing.push(`chromium (${CHROMIUM_BIN})`);
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not installed; run \`${SETUP_COMMAND}\` first`;
}

function vsixIsStale(): boolean {
  const inputs = ['dist/extension.js', 'dist/cli.js', 'package.json'].map((p) => path.join(ROOT, p));
  const vsixTime = fs.existsSync(VSIX) ? fs.statSync(VSIX).mtimeMs : -1;
  return inputs.some((input) => !fs.existsSync(input) || fs.statSync(input).mtimeMs > vsixTime);
}

/**
 * Builds dist/imbalance-lens.vsix (`npm run package`) when it is missing or older than the bundle
 * or the manifest. One packaging at a time: test files running in parallel wait for each other.
 */
export function ensureVsix(log: (line: string) => void = () => {}): string {
  if (!vsixIsStale()) return VSIX;
  const lock = path.join(E2E_DIR, 'package.lock');
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for 3 minutes; remove it if no packaging is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (vsixIsStale()) {
      log('packaging the extension (npm run package) ...');
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const result = spawnSync(npm, ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
      }
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return VSIX;
}

/** The preferred port when it is free on 127.0.0.1, else one the system hands out. */
export async function freePort(preferred?: number, host = '127.0.0.1'): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred !== undefined) {
    const port = await tryListen(preferred);
    if (port !== undefined) return port;
  }
  const port = await tryListen(0);
  if (port === undefined) throw new Error(`no free port on ${host}`);
  return port;
}

/** A code-server profile: its own user data, extensions, config file and XDG folders, nothing shared with ~. */
export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
}

/** Settings that keep a fresh profile quiet: no welcome page, tips, update checks or telemetry. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.reduceMotion': 'on',
  'workbench.preferredDarkColorTheme': 'Default Dark Modern',
  'workbench.preferredLightColorTheme': 'Default Light Modern',
};

/** Keys bound in the profile, so the harness can run these while a quick pick or menu stays open. */
export const KEYS = {
  /** Preferences: Toggle between Light/Dark Themes. */
  toggleTheme: 'ctrl+alt+shift+f12',
  /** View: Toggle Primary Side Bar Visibility. */
  toggleSidebar: 'ctrl+alt+shift+f11',
} as const;

export function createProfile(dir: string, settings: Record<string, unknown> = {}): Profile {
  const profile: Profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    configFile: path.join(dir, 'config.yaml'),
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
      XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    },
  };
  for (const d of [profile.userDataDir, profile.extensionsDir]) fs.mkdirSync(d, { recursive: true });
  // An explicit config file, so code-server never writes one with a password into ~/.config.
  if (!fs.existsSync(profile.configFile)) fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  const current = readUserSettings(profile);
  writeUserSettings(profile, { ...QUIET_SETTINGS, ...current, ...settings });
  const keybindings = path.join(profile.userDataDir, 'User', 'keybindings.json');
  if (!fs.existsSync(keybindings)) {
    const bindings = [
      { key: KEYS.toggleTheme, command: 'workbench.action.toggleLightDarkThemes' },
      { key: KEYS.toggleSidebar, command: 'workbench.action.toggleSidebarVisibility' },
    ];
    fs.writeFileSync(keybindings, JSON.stringify(bindings, null, 2) + '\n');
  }
  return profile;
}

export function userSettingsFile(profile: Profile): string {
  return path.join(profile.userDataDir, 'User', 'settings.json');
}

export function readUserSettings(profile: Profile): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(userSettingsFile(profile), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Replaces the user settings. Written in place, not by rename: VS Code watches this file and
 * applies a change while running (e.g. a new colour theme) only when the file itself changes.
 */
export function writeUserSettings(profile: Profile, settings: Record<string, unknown>): void {
  const file = userSettingsFile(profile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

function profileArgs(profile: Profile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/**
 * The .vsix to test: $IMBALANCE_LENS_VSIX when set (e.g. one built from another checkout), else
 * dist/imbalance-lens.vsix, packaged first when stale.
 */
export function vsixUnderTest(log?: (line: string) => void): string {
  const given = process.env.IMBALANCE_LENS_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`IMBALANCE_LENS_VSIX=${given} does not exist`);
    return path.resolve(given);
  }
  return ensureVsix(log);
}

export interface InstalledExtension {
  version: string;
  /** Where code-server unpacked it. */
  dir: string;
  /** Its package.json, as installed. */
  manifest: ExtensionManifest;
}

export interface ExtensionManifest {
  version: string;
  contributes: { commands: { command: string; title: string; category?: string }[] };
}

/** `code-server --install-extension` into the profile; returns what got installed. */
export function installVsix(profile: Profile, vsix = VSIX): InstalledExtension {
  execFileSync(CODE_SERVER_BIN, [...profileArgs(profile), '--force', '--install-extension', vsix], {
    env: profile.env,
    stdio: 'pipe',
    timeout: 120_000,
  });
  const listed = execFileSync(CODE_SERVER_BIN, [...profileArgs(profile), '--list-extensions', '--show-versions'], {
    env: profile.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = listed.split('\n').find((l) => l.startsWith(`${EXTENSION_ID}@`));
  if (!line) throw new Error(`${path.basename(vsix)} did not install; code-server lists:\n${listed}`);
  const version = line.slice(EXTENSION_ID.length + 1).trim();
  const dir = path.join(profile.extensionsDir, `${EXTENSION_ID}-${version}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as ExtensionManifest;
  return { version, dir, manifest };
}

export interface CodeServer {
  /** The workbench URL with the folder open, e.g. http://127.0.0.1:8123/?folder=/tmp/ws. */
  url: string;
  origin: string;
  port: number;
  child: ChildProcess;
  /** The server's stdout and stderr so far (the last 200 lines). */
  output(): string;
  /** Ends code-server and everything it started (extension host, file watcher); idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  profile: Profile;
  /** The folder to open. */
  folder: string;
  port?: number;
  host?: string;
  /** Lines of server output, as they come. */
  onOutput?: (line: string) => void;
  timeoutMs?: number;
}

/** Process groups started here and not yet stopped; ended when this process exits, whatever the reason. */
const running = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of running) killGroup(pid, 'SIGKILL');
  });
  // Ctrl+C reaches only the terminal's process group, and code-server runs in its own: end it here.
  // When nobody else listens for the signal, die of it as node would have.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const pid of running) killGroup(pid, 'SIGTERM');
      if (process.listenerCount(signal) === 1) {
        for (const pid of running) killGroup(pid, 'SIGKILL');
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(undefined, host));
  const args = [
    ...profileArgs(options.profile),
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    options.folder,
  ];
  installExitHook();
  // Its own process group (detached), so one kill reaches the extension host and watchers too.
  const child = spawn(CODE_SERVER_BIN, args, { env: options.profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${CODE_SERVER_BIN}`);
  running.add(pid);
  const lines: string[] = [];
  // Ready when this server says it listens and the port answers (not some other server on it).
  let listening = false;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      if (line.includes(`HTTP server listening on http://${host}:${port}`)) listening = true;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const stop = async () => {
    if (!running.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([exitedPromise, timer]);
    killGroup(pid, 'SIGKILL'); // whatever is left in the group
    running.delete(pid);
  };

  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      running.delete(pid);
      throw new Error(`code-server exited before it was ready:\n${lines.join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} in time:\n${lines.join('\n')}`);
    }
    try {
      if (listening && (await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `${origin}/?folder=${encodeURI(options.folder)}`,
    origin,
    port,
    child,
    output: () => lines.join('\n'),
    stop,
  };
}
