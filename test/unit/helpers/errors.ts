/** Asserting the errors users see: a DatasetError with its message and, when given, its place. */
import assert from 'node:assert/strict';
import { DatasetError } from '../../../src/core/errors.js';

export async function expectDatasetError(p: Promise<unknown>, message: RegExp, where: { line?: number; column?: number } = {}): Promise<DatasetError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof DatasetError, `expected a DatasetError, got ${String(caught)}`);
  assert.match(caught.message, message);
  if ('line' in where) assert.equal(caught.line, where.line, `line of: ${caught.message}`);
  if ('column' in where) assert.equal(caught.column, where.column, `column of: ${caught.message}`);
  return caught;
}
