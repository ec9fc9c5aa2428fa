/**
 * Errors a user can cause (bad file, wrong column, no labels found). They carry where the
 * problem is and what was expected, so the UI can show one clear line and never a stack trace.
 */
export interface DatasetErrorLocation {
  /** Path of the file as the user gave it. */
  file: string;
  /** 1-based line number in the file, when the problem is on a line. */
  line?: number;
  /** 1-based column: a field number for CSV/TSV, a character position elsewhere. */
  column?: number;
}

export class DatasetError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** What to do about it, when there is something the user can do. */
  readonly hint: string | undefined;

  constructor(location: DatasetErrorLocation, message: string, hint?: string) {
    super(message);
    this.name = 'DatasetError';
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.hint = hint;
  }

  /** `file:line:column: message (hint)`, the form editors and terminals turn into links. */
  describe(): string {
    let where = this.file;
    if (this.line !== undefined) where += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    return `${where}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

/** Bad arguments or options (not the file's fault): a flag with a wrong value, an unknown scheme. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isUserError(e: unknown): e is DatasetError | UsageError {
  return e instanceof DatasetError || e instanceof UsageError;
}

/** An error as it crosses a thread boundary (structured clone keeps no class): enough to rebuild a user error. */
export type SerializedError =
  | { kind: 'dataset'; file: string; line?: number; column?: number; message: string; hint?: string }
  | { kind: 'usage'; message: string }
  | { kind: 'other'; name: string; message: string };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof DatasetError) return { kind: 'dataset', file: e.file, line: e.line, column: e.column, message: e.message, hint: e.hint };
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  return { kind: 'other', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
}

/** The error serializeError described: a DatasetError or UsageError again, else a plain Error. */
export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'dataset') return new DatasetError({ file: s.file, line: s.line, column: s.column }, s.message, s.hint);
  if (s.kind === 'usage') return new UsageError(s.message);
  const error = new Error(s.message);
  error.name = s.name;
  return error;
}
