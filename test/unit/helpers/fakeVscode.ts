/**
 * A stand-in for the `vscode` module, just wide enough to activate the bundled extension and run
 * its commands, dashboards, custom editor, diagnostics and status bar outside VS Code. It records
 * what the extension asked the editor to do (diagnostic collections, code action providers, file
 * watchers and status bar items included), and lets a test play the user (active editors and
 * tabs, save dialog answers, files deleted or renamed), the file system (watcher events) and the
 * webview (messages to the host). Where VS Code checks its arguments or refuses a disposed object,
 * so does the fake, so that a mistake fails here rather than only in the editor.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  /** As in VS Code: `thisArgs` is bound, and the subscription is pushed onto `disposables` when given. */
  event = (listener: Listener<T>, thisArgs?: unknown, disposables?: { dispose(): unknown }[]) => {
    const bound: Listener<T> = thisArgs === undefined ? listener : listener.bind(thisArgs);
    this.listeners.push(bound);
    const subscription = { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== bound)) };
    disposables?.push(subscription);
    return subscription;
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/**
 * Structurally a `vscode.Uri`, so tests can pass it to typed code. `toString` is not encoded, and
 * a URI without an authority prints as `scheme:path` (`file:/a/b.csv`), unlike VS Code's `file:///`.
 */
export class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
    readonly authority = '',
    readonly query = '',
    readonly fragment = '',
  ) {}
  get fsPath(): string {
    return this.path;
  }
  with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(
      change.scheme ?? this.scheme,
      change.path ?? this.path,
      change.authority ?? this.authority,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString(): string {
    const authority = this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): { scheme: string; path: string; authority?: string; query?: string; fragment?: string } {
    const { scheme, path, authority, query, fragment } = this;
    return { scheme, path, ...(authority && { authority }), ...(query && { query }), ...(fragment && { fragment }) };
  }
  static file(p: string): Uri {
    return new Uri('file', path.resolve(p));
  }
  /** `scheme://authority/path?query#fragment`, split as VS Code does (RFC 3986) and percent-decoded. */
  static parse(value: string): Uri {
    const match = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/.exec(value)!;
    const decode = (part = '') => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    };
    return new Uri(match[2] || 'file', decode(match[5]), decode(match[4]), decode(match[7]), decode(match[9]));
  }
  static from(parts: { scheme: string; path?: string; authority?: string; query?: string; fragment?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '', parts.authority, parts.query, parts.fragment);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: path.join(base.path, ...segments) });
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {
    if (line < 0) throw new Error('Illegal argument: line must be non-negative');
    if (character < 0) throw new Error('Illegal argument: character must be non-negative');
  }
  isBefore(other: Position): boolean {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isEqual(other: Position): boolean {
    return this.line === other.line && this.character === other.character;
  }
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

/** `new Range(start, end)` or `new Range(startLine, startCharacter, endLine, endCharacter)`; start and end are put in order, as in VS Code. */
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position, end: Position);
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number);
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    let start: Position;
    let end: Position;
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number') {
      start = new Position(a, b);
      end = new Position(c, d);
    } else if (isPosition(a) && isPosition(b)) {
      start = new Position(a.line, a.character);
      end = new Position(b.line, b.character);
    } else {
      throw new Error('Invalid arguments');
    }
    [this.start, this.end] = end.isBefore(start) ? [end, start] : [start, end];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  get isSingleLine(): boolean {
    return this.start.line === this.end.line;
  }
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;
type DiagnosticSeverityValue = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  tags?: number[];
  constructor(public range: Range, public message: string, public severity: DiagnosticSeverityValue = DiagnosticSeverity.Error) {
    if (!(range instanceof Range)) throw new TypeError('range must be set');
    if (!message) throw new TypeError('message must be set');
  }
}

/** A hierarchical kind such as `quickfix` or `refactor.extract`, compared by `value` as in VS Code. */
export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = CodeActionKind.Empty.append('quickfix');
  static readonly Refactor = CodeActionKind.Empty.append('refactor');
  static readonly Source = CodeActionKind.Empty.append('source');
  private constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === other.value || this.value === '' || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  command?: { command: string; title: string; arguments?: unknown[] };
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(readonly title: string, readonly kind?: CodeActionKind) {}
}

/** A glob relative to a folder; `base` is the folder's file system path, as in VS Code. */
export class RelativePattern {
  readonly baseUri: Uri;
  constructor(base: Uri | string, readonly pattern: string) {
    this.baseUri = typeof base === 'string' ? Uri.file(base) : base;
  }
  get base(): string {
    return this.baseUri.fsPath;
  }
}

/** Whether `file` matches `glob` (`*`, `**`, `?`, `{a,b}`, `[...]`), `/` separated. */
function globMatches(glob: string, file: string): boolean {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[' && glob.indexOf(']', i + 1) > i + 1) {
      const close = glob.indexOf(']', i + 1);
      source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(file);
}

/** A watcher from workspace.createFileSystemWatcher. Events it was told to ignore are never delivered, as in VS Code. */
export class FakeFileSystemWatcher {
  disposed = false;
  private readonly created = new EventEmitter<Uri>();
  private readonly changed = new EventEmitter<Uri>();
  private readonly deleted = new EventEmitter<Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;
  constructor(
    readonly globPattern: string | RelativePattern,
    readonly ignoreCreateEvents = false,
    readonly ignoreChangeEvents = false,
    readonly ignoreDeleteEvents = false,
  ) {}
  /** Whether a change to `uri` concerns this watcher. */
  matches(uri: Uri): boolean {
    if (typeof this.globPattern === 'string') return globMatches(this.globPattern, uri.fsPath.split(path.sep).join('/'));
    const relative = path.relative(this.globPattern.baseUri.fsPath, uri.fsPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return globMatches(this.globPattern.pattern, relative.split(path.sep).join('/'));
  }
  /** The file system reports `uri` created, changed or deleted (nothing happens once disposed). */
  fire(kind: 'create' | 'change' | 'delete', uri: Uri): void {
    if (this.disposed) return;
    if (kind === 'create' && !this.ignoreCreateEvents) this.created.fire(uri);
    if (kind === 'change' && !this.ignoreChangeEvents) this.changed.fire(uri);
    if (kind === 'delete' && !this.ignoreDeleteEvents) this.deleted.fire(uri);
  }
  dispose(): void {
    this.disposed = true;
    this.created.dispose();
    this.changed.dispose();
    this.deleted.dispose();
  }
}

/**
 * languages.createDiagnosticCollection, as VS Code's extension host implements it: entries by
 * URI, `get` a frozen copy (an empty array for a URI without entries, so use `has` to tell),
 * `set(uri, undefined)` a delete, and every use after `dispose` an error.
 */
export class FakeDiagnosticCollection {
  private readonly data = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
  private isDisposed = false;
  constructor(private readonly collectionName: string) {}

  get name(): string {
    this.checkDisposed();
    return this.collectionName;
  }
  /** Whether the extension disposed it (readable after dispose, unlike everything else). */
  get disposed(): boolean {
    return this.isDisposed;
  }
  set(uri: Uri, diagnostics: readonly Diagnostic[] | undefined): void;
  set(entries: readonly [Uri, readonly Diagnostic[] | undefined][]): void;
  set(first: Uri | readonly [Uri, readonly Diagnostic[] | undefined][] | undefined, diagnostics?: readonly Diagnostic[]): void {
    if (!first) return this.clear();
    this.checkDisposed();
    if (first instanceof Uri) {
      if (!diagnostics) return this.delete(first);
      this.data.set(first.toString(), { uri: first, diagnostics: diagnostics.slice() });
      return;
    }
    // Tuples of the same URI are merged; `[uri, undefined]` drops what came before it.
    const merged = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
    for (const [uri, list] of first) {
      const entry = merged.get(uri.toString()) ?? { uri, diagnostics: [] };
      merged.set(uri.toString(), entry);
      if (list) entry.diagnostics.push(...list);
      else entry.diagnostics.length = 0;
    }
    for (const [key, entry] of merged) {
      if (entry.diagnostics.length === 0) this.data.delete(key);
      else this.data.set(key, entry);
    }
  }
  delete(uri: Uri): void {
    this.checkDisposed();
    this.data.delete(uri.toString());
  }
  clear(): void {
    this.checkDisposed();
    this.data.clear();
  }
  forEach(callback: (uri: Uri, diagnostics: readonly Diagnostic[], collection: FakeDiagnosticCollection) => unknown, thisArg?: unknown): void {
    for (const [uri, diagnostics] of this) callback.call(thisArg, uri, diagnostics, this);
  }
  *[Symbol.iterator](): IterableIterator<[uri: Uri, diagnostics: readonly Diagnostic[]]> {
    this.checkDisposed();
    for (const { uri } of [...this.data.values()]) yield [uri, this.get(uri)];
  }
  get(uri: Uri): readonly Diagnostic[] {
    this.checkDisposed();
    const entry = this.data.get(uri.toString());
    return entry ? Object.freeze(entry.diagnostics.slice()) : [];
  }
  has(uri: Uri): boolean {
    this.checkDisposed();
    return this.data.has(uri.toString());
  }
  dispose(): void {
    this.data.clear();
    this.isDisposed = true;
  }
  private checkDisposed(): void {
    if (this.isDisposed) throw new Error('illegal state - object is disposed');
  }
}

export const StatusBarAlignment = { Left: 1, Right: 2 } as const;

/** An item from window.createStatusBarItem: what the extension set, and whether it is shown. */
export class FakeStatusBarItem {
  name?: string;
  text = '';
  tooltip?: string | { value: string };
  color?: unknown;
  backgroundColor?: unknown;
  command?: string | { command: string; title: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string; role?: string };
  visible = false;
  disposed = false;
  constructor(readonly id: string, readonly alignment: number, readonly priority: number | undefined) {}
  show(): void {
    if (!this.disposed) this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.disposed = true;
    this.visible = false;
  }
}

/** The input of a text editor tab. */
export class TabInputText {
  constructor(readonly uri: Uri) {}
}

/** The input of a custom editor tab. */
export class TabInputCustom {
  constructor(readonly uri: Uri, readonly viewType: string) {}
}

/** The input of a webview panel's tab (no file). */
export class TabInputWebview {
  constructor(readonly viewType: string) {}
}

export interface FakeTab {
  readonly label: string;
  readonly input: unknown;
  readonly isActive: boolean;
  readonly isDirty: boolean;
  readonly isPinned: boolean;
  readonly isPreview: boolean;
}

/** What VS Code passes around for an open text file: enough for the extension's checks. */
export class FakeTextDocument {
  isClosed = false;
  constructor(readonly uri: Uri, private readonly text = '') {}
  getText(): string {
    return this.text;
  }
}

/** A text editor whose edits are recorded, with its cursor at `selection`. */
export class FakeTextEditor {
  readonly edits: { range: Range; text: string }[] = [];
  selection: Range;
  constructor(readonly document: FakeTextDocument, readonly viewColumn = 1, cursorLine = 0) {
    this.selection = new Range(new Position(cursorLine, 0), new Position(cursorLine, 0));
  }
  async edit(callback: (builder: { replace(range: Range, text: string): void; insert(at: Position, text: string): void }) => void): Promise<boolean> {
    callback({
      replace: (range, text) => this.edits.push({ range, text }),
      insert: (at, text) => this.edits.push({ range: new Range(at, at), text }),
    });
    return true;
  }
  revealRange(): void {}
}

/** The webview of a panel or custom editor: posted messages are kept; `send` plays the page. */
export class FakeWebview {
  options: Record<string, unknown>;
  html = '';
  readonly cspSource = 'https://fake.vscode-cdn.net';
  /** Every message the host posted, as the page would receive it (JSON round trip). */
  readonly posted: { type: string; [key: string]: unknown }[] = [];
  private readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;

  constructor(options: Record<string, unknown> = {}) {
    this.options = options;
  }
  asWebviewUri(uri: Uri): Uri {
    return new Uri('https', `/fake-webview-resource${uri.path}`);
  }
  async postMessage(message: unknown): Promise<boolean> {
    this.posted.push(JSON.parse(JSON.stringify(message)));
    return true;
  }
  /** A message from the page to the host. */
  send(message: unknown): void {
    this.received.fire(message);
  }
}

export class FakeWebviewPanel {
  title: string;
  iconPath: unknown;
  visible = true;
  disposed = false;
  reveals = 0;
  readonly webview: FakeWebview;
  private readonly disposeEmitter = new EventEmitter<void>();
  private readonly viewStateEmitter = new EventEmitter<unknown>();
  readonly onDidDispose = this.disposeEmitter.event;
  readonly onDidChangeViewState = this.viewStateEmitter.event;

  constructor(
    readonly viewType: string,
    title: string,
    readonly showOptions: unknown = undefined,
    readonly panelOptions: Record<string, unknown> = {},
  ) {
    this.title = title;
    this.webview = new FakeWebview({ ...panelOptions });
  }
  reveal(): void {
    this.reveals++;
  }
  /** The user hides the panel (another tab in front) or shows it again. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.viewStateEmitter.fire({ webviewPanel: this });
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
  }
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}

/** What a TreeDataProvider returns from getTreeItem. */
export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | { value: string };
  iconPath?: unknown;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  resourceUri?: Uri;
  constructor(public label: string | { label: string }, public collapsibleState: number = TreeItemCollapsibleState.None) {}
}

/** A tree data provider as VS Code calls it: children of a node (the roots for undefined) and their items. */
export interface FakeTreeDataProvider<T = unknown> {
  getChildren(element?: T): T[] | undefined | null | Thenable<T[] | undefined | null>;
  getTreeItem(element: T): TreeItem | Thenable<TreeItem>;
  onDidChangeTreeData?: (listener: (e: unknown) => void) => { dispose(): unknown };
}

/** A view from window.createTreeView: its options, whether it was disposed, and how often its provider said it changed. */
export class FakeTreeView {
  disposed = false;
  /** onDidChangeTreeData events heard since creation. */
  changes = 0;
  selection: unknown[] = [];
  message?: string;
  title?: string;
  description?: string;
  readonly visible = true;
  private readonly subscription: { dispose(): unknown } | undefined;
  constructor(readonly id: string, readonly options: { treeDataProvider: FakeTreeDataProvider; canSelectMany?: boolean; showCollapseAll?: boolean }) {
    this.subscription = options.treeDataProvider.onDidChangeTreeData?.(() => this.changes++);
  }
  get provider(): FakeTreeDataProvider {
    return this.options.treeDataProvider;
  }
  /** The items of `element`'s children (the roots for undefined), as the tree would draw them. */
  async items(element?: unknown): Promise<{ node: unknown; item: TreeItem }[]> {
    const children = (await this.provider.getChildren(element)) ?? [];
    return Promise.all(children.map(async (node) => ({ node, item: await this.provider.getTreeItem(node) })));
  }
  async reveal(): Promise<void> {}
  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
  }
}

/** A progress notification the extension showed: what it reported, and the user's Cancel button. */
export interface FakeProgress {
  title: string;
  cancellable: boolean;
  reports: { message?: string; increment?: number }[];
  /** True once the task's promise settled (the notification is gone). */
  ended: boolean;
  /** The user presses Cancel. */
  cancel(): void;
}

export interface Recorded {
  commands: Map<string, (...args: unknown[]) => unknown>;
  executed: { command: string; args: unknown[] }[];
  errors: string[];
  warnings: string[];
  infos: string[];
  logs: string[];
  clipboard: string;
  contentProviders: Map<string, { provideTextDocumentContent(uri: Uri): string }>;
  /** What showInformationMessage / showErrorMessage answer (a button label or undefined). */
  answer: string | undefined;
  /** The labels offered by the last quick pick; the fake picks the first item (unless `quickPickAnswers` says otherwise). */
  quickPickLabels: string[];
  /** Every quick pick shown, in order: its title, placeholder and item labels. */
  quickPicks: { title?: string; placeHolder?: string; labels: string[] }[];
  /**
   * What the next quick picks answer, in order: the label of an item (the fake throws if none has
   * it), or undefined for Escape. Once empty, a quick pick takes its first item (Enter).
   */
  quickPickAnswers: (string | string[] | undefined)[];
  /** Every input box shown, in order, with its options (call `validateInput` to see what it says of a text). */
  inputBoxes: InputBoxOptions[];
  /**
   * What the next input boxes answer, in order: a text, or undefined for Escape. Once empty, an
   * input box answers its prefilled value (Enter). A text that `validateInput` refuses throws: in
   * VS Code the user cannot submit it.
   */
  inputAnswers: (string | undefined)[];
  /** Every modal message (`{ modal: true }`) shown, in order, with its detail and buttons. */
  modals: { message: string; detail?: string; items: string[] }[];
  /** What the next modal messages answer, in order: a button, or undefined (Cancel). Once empty, Cancel. */
  modalAnswers: (string | undefined)[];
  /** The titles of every progress notification. */
  progressTitles: string[];
  /** When true, the user cancels every progress notification as soon as it starts. */
  cancelProgress: boolean;
  /** Webview panels the extension created, in order. */
  panels: FakeWebviewPanel[];
  serializers: Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> | void }>;
  customEditors: Map<string, { provider: unknown; options: unknown }>;
  /** The options of every save dialog shown; `saveAnswer` is what the dialog returns. */
  saveDialogs: { defaultUri?: Uri; filters?: Record<string, string[]>; title?: string }[];
  saveAnswer: Uri | undefined;
  /** Files written through workspace.fs. */
  fsWrites: { uri: Uri; bytes: Uint8Array }[];
  /** Documents shown with showTextDocument. */
  shownDocuments: unknown[];
  /** Every diagnostic collection created, in order (disposed ones too: see `disposed`). */
  diagnosticCollections: FakeDiagnosticCollection[];
  /** Every code action provider registered, in order; `disposed` once its registration is. */
  codeActionProviders: CodeActionProviderRegistration[];
  /** Every file system watcher created, in order (disposed ones too). */
  fileWatchers: FakeFileSystemWatcher[];
  /** Every status bar item created, in order (disposed ones too). */
  statusBarItems: FakeStatusBarItem[];
  /** Every tree view created, in order. */
  treeViews: FakeTreeView[];
  /** Context keys set with `setContext`, by name. */
  contextKeys: Map<string, unknown>;
  /** Every progress notification, in order, with its reports and a Cancel button (see `cancelProgress` for cancelling at once). */
  progress: FakeProgress[];
  /** The items of every quick pick, in order (labels, descriptions, details, and `picked` for multi-select). */
  quickPickItems: { label: string; description?: string; detail?: string; picked?: boolean }[][];
  /** What `workspace.getConfiguration(section).get(key)` answers, by full key (`imbalanceLens.training.epochs`); else the fallback. */
  settings: Record<string, unknown>;
}

export interface InputBoxOptions {
  title?: string;
  prompt?: string;
  value?: string;
  validateInput?: (text: string) => string | undefined | null | { message: string } | Thenable<string | undefined | null | { message: string }>;
}

export interface CodeActionProviderRegistration {
  selector: unknown;
  provider: {
    provideCodeActions(document: unknown, range: unknown, context: { diagnostics: readonly Diagnostic[]; only?: CodeActionKind; triggerKind?: number }, token?: unknown): unknown;
  };
  metadata: { providedCodeActionKinds?: readonly CodeActionKind[] } | undefined;
  disposed: boolean;
}

export function createFakeVscode() {
  const recorded: Recorded = {
    commands: new Map(),
    executed: [],
    errors: [],
    warnings: [],
    infos: [],
    logs: [],
    clipboard: '',
    contentProviders: new Map(),
    answer: undefined,
    quickPickLabels: [],
    quickPicks: [],
    quickPickAnswers: [],
    inputBoxes: [],
    inputAnswers: [],
    modals: [],
    modalAnswers: [],
    progressTitles: [],
    cancelProgress: false,
    panels: [],
    serializers: new Map(),
    customEditors: new Map(),
    saveDialogs: [],
    saveAnswer: undefined,
    fsWrites: [],
    shownDocuments: [],
    diagnosticCollections: [],
    codeActionProviders: [],
    fileWatchers: [],
    statusBarItems: [],
    treeViews: [],
    contextKeys: new Map(),
    progress: [],
    quickPickItems: [],
    settings: {},
  };
  const log = (level: string) => (message: string) => recorded.logs.push(`${level}: ${message}`);
  const activeEditorChanged = new EventEmitter<FakeTextEditor | undefined>();
  const tabsChanged = new EventEmitter<{ opened: readonly FakeTab[]; closed: readonly FakeTab[]; changed: readonly FakeTab[] }>();
  const tabGroupsChanged = new EventEmitter<{ opened: readonly unknown[]; closed: readonly unknown[]; changed: readonly unknown[] }>();
  /** The one editor group; its `activeTab` may be set directly (then fire an event), or through `setActiveTab`. */
  const activeTabGroup = { isActive: true, viewColumn: 1, activeTab: undefined as FakeTab | undefined, tabs: [] as FakeTab[] };
  const filesDeleted = new EventEmitter<{ files: readonly Uri[] }>();
  const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const workspaceFoldersChanged = new EventEmitter<{ added: readonly unknown[]; removed: readonly unknown[] }>();
  const filesRenamed = new EventEmitter<{ files: readonly { oldUri: Uri; newUri: Uri }[] }>();
  const window = {
    activeTextEditor: undefined as FakeTextEditor | undefined,
    visibleTextEditors: [] as FakeTextEditor[],
    onDidChangeActiveTextEditor: activeEditorChanged.event,
    createOutputChannel: () => ({
      trace: log('trace'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      show: () => undefined,
      dispose: () => undefined,
    }),
    async withProgress<T>(options: { title?: string; cancellable?: boolean }, task: (progress: unknown, token: unknown) => Promise<T>): Promise<T> {
      recorded.progressTitles.push(options?.title ?? '');
      let listeners: (() => void)[] = [];
      const token = {
        isCancellationRequested: recorded.cancelProgress,
        // As in VS Code, a listener added to a token that is already cancelled is called at once (asynchronously).
        onCancellationRequested: (listener: () => void) => {
          if (token.isCancellationRequested) setImmediate(listener);
          else listeners.push(listener);
          return { dispose: () => void (listeners = listeners.filter((l) => l !== listener)) };
        },
      };
      const record: FakeProgress = {
        title: options?.title ?? '',
        cancellable: options?.cancellable === true,
        reports: [],
        ended: false,
        cancel: () => {
          if (token.isCancellationRequested) return;
          token.isCancellationRequested = true;
          for (const l of listeners.splice(0)) l();
        },
      };
      recorded.progress.push(record);
      const progress = { report: (value: { message?: string; increment?: number }) => void record.reports.push({ ...value }) };
      try {
        return await task(progress, token);
      } finally {
        record.ended = true;
      }
    },
    async showErrorMessage(message: string) {
      recorded.errors.push(message);
      return recorded.answer;
    },
    async showWarningMessage(message: string, ...rest: unknown[]) {
      const options = rest[0];
      if (typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal) {
        const items = rest.slice(1).map((i) => (typeof i === 'string' ? i : (i as { title: string }).title));
        recorded.modals.push({ message, detail: (options as { detail?: string }).detail, items });
        const answer = recorded.modalAnswers.shift();
        if (answer !== undefined && !items.includes(answer)) throw new Error(`the modal "${message}" has no button "${answer}" (it has ${items.join(', ')})`);
        return answer;
      }
      recorded.warnings.push(message);
      return recorded.answer;
    },
    async showInformationMessage(message: string) {
      recorded.infos.push(message);
      return recorded.answer;
    },
    async showQuickPick<T extends { label: string; description?: string; detail?: string; picked?: boolean }>(
      items: T[],
      options?: { title?: string; placeHolder?: string; canPickMany?: boolean },
    ): Promise<T | T[] | undefined> {
      recorded.quickPickLabels = items.map((i) => i.label);
      recorded.quickPicks.push({ title: options?.title, placeHolder: options?.placeHolder, labels: recorded.quickPickLabels });
      recorded.quickPickItems.push(items.map(({ label, description, detail, picked }) => ({ label, description, detail, ...(picked !== undefined ? { picked } : {}) })));
      if (options?.canPickMany) {
        // Multi-select: an answer is a list of labels (or undefined for Escape); none left: OK on the items checked beforehand.
        if (recorded.quickPickAnswers.length === 0) return items.filter((i) => i.picked === true);
        const answer = recorded.quickPickAnswers.shift();
        if (answer === undefined) return undefined;
        const labels = Array.isArray(answer) ? answer : [answer];
        return labels.map((label) => {
          const item = items.find((i) => i.label === label);
          if (!item) throw new Error(`the quick pick "${options?.title ?? ''}" has no item "${label}" (it has ${recorded.quickPickLabels.join(' | ')})`);
          return item;
        });
      }
      if (recorded.quickPickAnswers.length === 0) return items[0];
      const answer = recorded.quickPickAnswers.shift();
      if (answer === undefined) return undefined;
      if (Array.isArray(answer)) throw new Error(`the quick pick "${options?.title ?? ''}" takes one item, not ${answer.join(', ')}`);
      const item = items.find((i) => i.label === answer);
      if (!item) throw new Error(`the quick pick "${options?.title ?? ''}" has no item "${answer}" (it has ${recorded.quickPickLabels.join(' | ')})`);
      return item;
    },
    async showInputBox(options: InputBoxOptions = {}): Promise<string | undefined> {
      recorded.inputBoxes.push(options);
      const answer = recorded.inputAnswers.length > 0 ? recorded.inputAnswers.shift() : (options.value ?? '');
      if (answer === undefined) return undefined;
      const verdict = await options.validateInput?.(answer);
      const problem = typeof verdict === 'object' && verdict !== null ? verdict.message : verdict;
      if (problem) throw new Error(`the input box "${options.title ?? ''}" does not accept "${answer}": ${problem}`);
      return answer;
    },
    async showOpenDialog() {
      return undefined;
    },
    async showSaveDialog(options: Recorded['saveDialogs'][number]) {
      recorded.saveDialogs.push(options);
      return recorded.saveAnswer;
    },
    async showTextDocument(document: unknown, options?: { viewColumn?: number }) {
      recorded.shownDocuments.push(document);
      if (document instanceof FakeTextDocument) {
        const editor = new FakeTextEditor(document, options?.viewColumn ?? 1);
        window.visibleTextEditors.push(editor);
        return editor;
      }
      return { document, revealRange: () => undefined };
    },
    createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: Record<string, unknown> = {}) {
      const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
      recorded.panels.push(panel);
      return panel;
    },
    registerWebviewPanelSerializer(viewType: string, serializer: Recorded['serializers'] extends Map<string, infer S> ? S : never) {
      if (recorded.serializers.has(viewType)) throw new Error(`a serializer for ${viewType} is already registered`);
      recorded.serializers.set(viewType, serializer);
      return { dispose: () => recorded.serializers.delete(viewType) };
    },
    registerCustomEditorProvider(viewType: string, provider: unknown, options?: unknown) {
      if (recorded.customEditors.has(viewType)) throw new Error(`a custom editor ${viewType} is already registered`);
      recorded.customEditors.set(viewType, { provider, options });
      return { dispose: () => recorded.customEditors.delete(viewType) };
    },
    /** `(alignment?, priority?)` or `(id, alignment?, priority?)`, as in VS Code. */
    createStatusBarItem(idOrAlignment?: string | number, alignmentOrPriority?: number, priorityAfterId?: number) {
      const withId = typeof idOrAlignment === 'string';
      const alignment = (withId ? alignmentOrPriority : idOrAlignment) ?? StatusBarAlignment.Left;
      const item = new FakeStatusBarItem(withId ? idOrAlignment : '', alignment, withId ? priorityAfterId : alignmentOrPriority);
      recorded.statusBarItems.push(item);
      return item;
    },
    createTreeView(id: string, options: FakeTreeView['options']) {
      const view = new FakeTreeView(id, options);
      recorded.treeViews.push(view);
      return view;
    },
    registerTreeDataProvider(id: string, provider: FakeTreeDataProvider) {
      const view = new FakeTreeView(id, { treeDataProvider: provider });
      recorded.treeViews.push(view);
      return { dispose: () => view.dispose() };
    },
    tabGroups: {
      get all() {
        return [activeTabGroup];
      },
      activeTabGroup,
      onDidChangeTabs: tabsChanged.event,
      onDidChangeTabGroups: tabGroupsChanged.event,
    },
  };
  const vscode = {
    Uri,
    EventEmitter,
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity,
    CodeAction,
    CodeActionKind,
    RelativePattern,
    StatusBarAlignment,
    TabInputText,
    TabInputCustom,
    TabInputWebview,
    TreeItem,
    TreeItemCollapsibleState,
    ThemeIcon,
    ThemeColor,
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { InCenter: 2 },
    commands: {
      registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
        if (recorded.commands.has(id)) throw new Error(`command ${id} registered twice`);
        recorded.commands.set(id, handler);
        return { dispose: () => recorded.commands.delete(id) };
      },
      async executeCommand(command: string, ...args: unknown[]) {
        recorded.executed.push({ command, args });
        if (command === 'setContext') recorded.contextKeys.set(String(args[0]), args[1]);
        return recorded.commands.get(command)?.(...args);
      },
    },
    window,
    workspace: {
      isTrusted: true,
      /** The open folders (none by default); set it to play a workspace. */
      workspaceFolders: undefined as { uri: Uri; name: string; index: number }[] | undefined,
      /** The folder holding `uri`, the innermost when folders nest, as in VS Code. */
      getWorkspaceFolder(uri: Uri) {
        const inside = (vscode.workspace.workspaceFolders ?? []).filter((f) => {
          const relative = path.relative(f.uri.fsPath, uri.fsPath);
          return !relative.startsWith('..') && !path.isAbsolute(relative);
        });
        return inside.sort((a, b) => b.uri.fsPath.length - a.uri.fsPath.length)[0];
      },
      getConfiguration: (section?: string) => ({
        get: <T>(key: string, fallback: T): T => {
          const full = section ? `${section}.${key}` : key;
          return full in recorded.settings ? (recorded.settings[full] as T) : fallback;
        },
      }),
      onDidChangeConfiguration: configurationChanged.event,
      onDidChangeWorkspaceFolders: workspaceFoldersChanged.event,
      registerTextDocumentContentProvider(scheme: string, provider: { provideTextDocumentContent(uri: Uri): string }) {
        recorded.contentProviders.set(scheme, provider);
        return { dispose: () => recorded.contentProviders.delete(scheme) };
      },
      async openTextDocument(uri: Uri) {
        return { uri, getText: () => recorded.contentProviders.get(uri.scheme)?.provideTextDocumentContent(uri) ?? '' };
      },
      fs: {
        async writeFile(uri: Uri, bytes: Uint8Array) {
          recorded.fsWrites.push({ uri, bytes });
        },
      },
      onDidDeleteFiles: filesDeleted.event,
      onDidRenameFiles: filesRenamed.event,
      createFileSystemWatcher(globPattern: string | RelativePattern, ignoreCreateEvents?: boolean, ignoreChangeEvents?: boolean, ignoreDeleteEvents?: boolean) {
        const watcher = new FakeFileSystemWatcher(globPattern, ignoreCreateEvents, ignoreChangeEvents, ignoreDeleteEvents);
        recorded.fileWatchers.push(watcher);
        return watcher;
      },
    },
    languages: {
      setTextDocumentLanguage: async (document: unknown) => document,
      /** Several collections may share a name (VS Code only logs a warning). */
      createDiagnosticCollection(name = '') {
        const collection = new FakeDiagnosticCollection(name);
        recorded.diagnosticCollections.push(collection);
        return collection;
      },
      /** What the live collections hold for `uri`, or every [uri, diagnostics] pair. */
      getDiagnostics(uri?: Uri) {
        const live = recorded.diagnosticCollections.filter((c) => !c.disposed);
        if (uri) return live.flatMap((c) => [...c.get(uri)]);
        const all = new Map<string, [Uri, Diagnostic[]]>();
        for (const c of live) {
          for (const [u, ds] of c) {
            const entry = all.get(u.toString()) ?? [u, []];
            all.set(u.toString(), entry);
            entry[1].push(...ds);
          }
        }
        return [...all.values()];
      },
      registerCodeActionsProvider(selector: unknown, provider: CodeActionProviderRegistration['provider'], metadata?: CodeActionProviderRegistration['metadata']) {
        const registration: CodeActionProviderRegistration = { selector, provider, metadata, disposed: false };
        recorded.codeActionProviders.push(registration);
        return { dispose: () => void (registration.disposed = true) };
      },
    },
    env: {
      clipboard: {
        writeText: async (text: string) => {
          recorded.clipboard = text;
        },
        readText: async () => recorded.clipboard,
      },
    },
  };

  /**
   * The user focuses `editor` (undefined: something that is not a text editor, e.g. a webview).
   * The active tab follows: a text tab on the editor's file, or none.
   */
  function setActiveTextEditor(editor: FakeTextEditor | undefined): void {
    window.activeTextEditor = editor;
    if (editor && !window.visibleTextEditors.includes(editor)) window.visibleTextEditors.push(editor);
    activeEditorChanged.fire(editor);
    setActiveTab(editor ? new TabInputText(editor.document.uri) : undefined);
  }

  /**
   * Makes a tab with `input` (a TabInputText, TabInputCustom, TabInputWebview, or anything) the
   * active one, or leaves the group without tabs; then fires onDidChangeTabs, or with `via:
   * 'groups'` onDidChangeTabGroups (the user moved to another editor group).
   */
  function setActiveTab(input: unknown, via: 'tabs' | 'groups' = 'tabs'): FakeTab | undefined {
    const previous = activeTabGroup.activeTab;
    const label = input && typeof input === 'object' && 'uri' in input && input.uri instanceof Uri ? path.basename(input.uri.path) : '';
    const tab: FakeTab | undefined = input === undefined ? undefined : { label, input, isActive: true, isDirty: false, isPinned: false, isPreview: false };
    activeTabGroup.activeTab = tab;
    activeTabGroup.tabs = tab ? [tab] : [];
    if (via === 'groups') tabGroupsChanged.fire({ opened: [], closed: [], changed: [activeTabGroup] });
    else tabsChanged.fire({ opened: tab ? [tab] : [], closed: previous ? [previous] : [], changed: [] });
    return tab;
  }

  /**
   * The user deleted files or folders in VS Code (explorer, refactoring): workspace.onDidDeleteFiles
   * only. A real deletion also reaches the file system watchers: add `fireFileSystemEvent` for that.
   */
  function fireDidDeleteFiles(...files: Uri[]): void {
    filesDeleted.fire({ files });
  }

  /** The user renamed or moved files or folders in VS Code: workspace.onDidRenameFiles only. */
  function fireDidRenameFiles(...files: { oldUri: Uri; newUri: Uri }[]): void {
    filesRenamed.fire({ files });
  }

  /**
   * The file system reports `uri` created, changed or deleted (e.g. by a program outside VS Code):
   * every live watcher whose pattern matches it hears of it, unless it ignores that kind of event.
   */
  function fireFileSystemEvent(kind: 'create' | 'change' | 'delete', uri: Uri): void {
    for (const watcher of [...recorded.fileWatchers]) if (watcher.matches(uri)) watcher.fire(kind, uri);
  }

  /** The user changed these settings (full keys): `settings` takes the values, then onDidChangeConfiguration fires. */
  function changeSettings(values: Record<string, unknown>): void {
    Object.assign(recorded.settings, values);
    const keys = Object.keys(values);
    configurationChanged.fire({ affectsConfiguration: (section) => keys.some((k) => k === section || k.startsWith(`${section}.`)) });
  }

  /** The workspace's folders become `folders` (absolute paths), then onDidChangeWorkspaceFolders fires. */
  function setWorkspaceFolders(...folders: string[]): void {
    const previous = vscode.workspace.workspaceFolders ?? [];
    vscode.workspace.workspaceFolders = folders.length === 0 ? undefined : folders.map((f, index) => ({ uri: Uri.file(f), name: path.basename(f), index }));
    workspaceFoldersChanged.fire({ added: vscode.workspace.workspaceFolders ?? [], removed: previous });
  }

  /** A text editor on `file` (not made active). */
  function textEditor(file: string, options: { viewColumn?: number; cursorLine?: number } = {}): FakeTextEditor {
    return new FakeTextEditor(new FakeTextDocument(Uri.file(file)), options.viewColumn ?? 1, options.cursorLine ?? 0);
  }

  return {
    vscode,
    recorded,
    Uri,
    setActiveTextEditor,
    textEditor,
    setActiveTab,
    fireDidDeleteFiles,
    fireDidRenameFiles,
    fireFileSystemEvent,
    changeSettings,
    setWorkspaceFolders,
  };
}

/** A real 2x2 RGBA PNG (signature, IHDR, IDAT, IEND with their CRCs), like a chart export's bytes. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const row = [0, 255, 0, 0, 255, 0, 0, 255, 255]; // filter byte, then a red and a blue pixel
  const pixels = deflateSync(Buffer.from([...row, ...row]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
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
