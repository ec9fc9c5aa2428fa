/**
 * A stand-in for the `vscode` module, just wide enough to activate the bundled extension and run
 * its commands outside VS Code. It records what the extension asked the editor to do.
 */
import Module from 'node:module';
import * as path from 'node:path';

type Listener<T> = (value: T) => void;

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Uri {
  constructor(readonly scheme: string, readonly path: string) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
  static file(p: string): Uri {
    return new Uri('file', path.resolve(p));
  }
  static from(parts: { scheme: string; path: string }): Uri {
    return new Uri(parts.scheme, parts.path);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, path.join(base.path, ...segments));
  }
}

export interface Recorded {
  commands: Map<string, (...args: unknown[]) => unknown>;
  executed: { command: string; args: unknown[] }[];
  errors: string[];
  infos: string[];
  logs: string[];
  clipboard: string;
  contentProviders: Map<string, { provideTextDocumentContent(uri: Uri): string }>;
  /** What showInformationMessage / showErrorMessage answer (a button label or undefined). */
  answer: string | undefined;
  /** The labels offered by the last quick pick; the fake picks the first item. */
  quickPickLabels: string[];
}

export function createFakeVscode() {
  const recorded: Recorded = {
    commands: new Map(),
    executed: [],
    errors: [],
    infos: [],
    logs: [],
    clipboard: '',
    contentProviders: new Map(),
    answer: undefined,
    quickPickLabels: [],
  };
  const log = (level: string) => (message: string) => recorded.logs.push(`${level}: ${message}`);
  const vscode = {
    Uri,
    EventEmitter,
    ProgressLocation: { Notification: 15 },
    Position: class {
      constructor(readonly line: number, readonly character: number) {}
    },
    Range: class {
      constructor(readonly start: unknown, readonly end: unknown) {}
    },
    TextEditorRevealType: { InCenter: 2 },
    commands: {
      registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
        if (recorded.commands.has(id)) throw new Error(`command ${id} registered twice`);
        recorded.commands.set(id, handler);
        return { dispose: () => recorded.commands.delete(id) };
      },
      async executeCommand(command: string, ...args: unknown[]) {
        recorded.executed.push({ command, args });
        return recorded.commands.get(command)?.(...args);
      },
    },
    window: {
      activeTextEditor: undefined,
      createOutputChannel: () => ({
        info: log('info'),
        warn: log('warn'),
        error: log('error'),
        show: () => undefined,
        dispose: () => undefined,
      }),
      async withProgress<T>(_options: unknown, task: (progress: unknown, token: unknown) => Promise<T>): Promise<T> {
        const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
        return task({ report: () => undefined }, token);
      },
      async showErrorMessage(message: string) {
        recorded.errors.push(message);
        return recorded.answer;
      },
      async showInformationMessage(message: string) {
        recorded.infos.push(message);
        return recorded.answer;
      },
      async showQuickPick<T extends { label: string }>(items: T[]): Promise<T | undefined> {
        recorded.quickPickLabels = items.map((i) => i.label);
        return items[0];
      },
      async showOpenDialog() {
        return undefined;
      },
      async showTextDocument(document: unknown) {
        return { document, revealRange: () => undefined };
      },
    },
    workspace: {
      getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
      registerTextDocumentContentProvider(scheme: string, provider: { provideTextDocumentContent(uri: Uri): string }) {
        recorded.contentProviders.set(scheme, provider);
        return { dispose: () => recorded.contentProviders.delete(scheme) };
      },
      async openTextDocument(uri: Uri) {
        return { uri, getText: () => recorded.contentProviders.get(uri.scheme)?.provideTextDocumentContent(uri) ?? '' };
      },
    },
    languages: { setTextDocumentLanguage: async (document: unknown) => document },
    env: {
      clipboard: {
        writeText: async (text: string) => {
          recorded.clipboard = text;
        },
      },
    },
  };
  return { vscode, recorded, Uri };
}

/** Loads a CommonJS bundle with `require('vscode')` answered by `fake`. */
export function requireWithVscode(bundle: string, fake: object): unknown {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'vscode') return fake;
    return original.call(this, request, parent, isMain);
  };
  try {
    const require = Module.createRequire(bundle);
    delete require.cache[bundle];
    return require(bundle);
  } finally {
    loader._load = original;
  }
}
