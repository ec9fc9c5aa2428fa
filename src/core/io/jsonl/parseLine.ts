/**
 * One JSONL line to one JSON object, with JSON.parse's complaint turned into a located
 * DatasetError (line, and the column when V8 reports a position).
 */
import { DatasetError } from '../../errors.js';

export type JsonObject = Record<string, unknown>;

export interface LineContext {
  file: string;
  line: number;
}

export function parseObjectLine(text: string, ctx: LineContext): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { message, column } = describeJsonError(error instanceof Error ? error.message : String(error), text);
    throw new DatasetError({ ...ctx, column }, `invalid JSON: ${message}`, 'each line must hold one complete JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DatasetError({ ...ctx, column: 1 }, `expected a JSON object {...} on each line, found ${jsonType(value)}`);
  }
  return value as JsonObject;
}

/** V8's message without the echo of the whole line, and a 1-based column from "at position N". */
export function describeJsonError(raw: string, text: string): { message: string; column: number | undefined } {
  const position = /\s+in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(raw);
  if (position) return { message: raw.slice(0, position.index), column: Number(position[1]) + 1 };
  if (/^Unexpected end of JSON input/.test(raw)) return { message: 'the line ends before the JSON value does', column: text.length + 1 };
  const echoed = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(raw);
  return { message: echoed ? echoed[1] : raw, column: undefined };
}

/** `an array`, `a string`, `null`, ... for messages. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? 'a number' : typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
