/**
 * A small, strict command-line parser: `--name value`, `--name=value`, boolean `--flag`,
 * positional arguments. Unknown options and bad values are UsageErrors with a suggestion.
 */
import { UsageError } from '../core/errors.js';

export type OptionType = 'string' | 'number' | 'integer' | 'boolean' | 'list';

export interface OptionSpec {
  type: OptionType;
  description: string;
  /** Allowed values for a string option. */
  choices?: readonly string[];
  /** Placeholder shown in help, e.g. `N` or `a,b,c`. */
  valueName?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValue = string | number | boolean | string[];

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, OptionValue>;
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, OptionValue>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"; options start with --`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}${suggestion(name, Object.keys(specs))}`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new UsageError(`--${name} needs a value (${spec.valueName ?? spec.type})`);
      i++;
    }
    options.set(name, convert(name, raw, spec));
  }
  return { positionals, options };
}

function convert(name: string, raw: string, spec: OptionSpec): OptionValue {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) {
        throw new UsageError(`--${name} expects ${spec.type === 'integer' ? 'a whole number' : 'a number'}, got "${raw}"`);
      }
      return value;
    }
    case 'list': {
      const items = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      if (!items.length) throw new UsageError(`--${name} expects a comma-separated list, got "${raw}"`);
      return items;
    }
    case 'string':
      if (spec.choices && !spec.choices.includes(raw)) {
        throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${raw}"`);
      }
      return raw;
    case 'boolean':
      return true;
  }
}

/** ", did you mean --x?" for a near miss (edit distance at most 2). */
function suggestion(name: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ? `; did you mean --${best}?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const v = args.options.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const v = args.options.get(name);
  return Array.isArray(v) ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
