/** What the resample and split wizards accept in their input boxes (src/extension/resample/parseInputs.ts), against hand-worked cases. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNeighbours, parsePercent, parseRatios, validationMessage } from '../../src/extension/resample/parseInputs.js';

const valueOf = <T>(parsed: { value: T } | { error: string }): T | undefined => ('value' in parsed ? parsed.value : undefined);

describe('parsePercent: (0, 100], as the engine checks --percent', () => {
  test('numbers with or without a % sign and spaces', () => {
    assert.equal(valueOf(parsePercent('25')), 25);
    assert.equal(valueOf(parsePercent(' 12.5 % ')), 12.5);
    assert.equal(valueOf(parsePercent('100')), 100);
    assert.equal(valueOf(parsePercent('1e-3')), 0.001);
  });
  test('0, negatives, above 100, text and nothing are refused with a sentence', () => {
    for (const bad of ['0', '-1', '100.01', 'ten', '', '%', '25%%', 'NaN', 'Infinity']) {
      const parsed = parsePercent(bad);
      assert.ok('error' in parsed && parsed.error.length > 10, `"${bad}"`);
    }
  });
});

describe('parseNeighbours: a whole number >= 1', () => {
  test('accepts 1 and 5, refuses 0, fractions and text', () => {
    assert.equal(valueOf(parseNeighbours('1')), 1);
    assert.equal(valueOf(parseNeighbours(' 5 ')), 5);
    for (const bad of ['0', '-3', '2.5', 'five', '']) assert.ok('error' in parseNeighbours(bad), `"${bad}"`);
  });
});

describe('parseRatios: two or more sizes adding up to 1 or 100', () => {
  test('percentages and proportions, with any of , / ; : or spaces between', () => {
    assert.deepEqual(valueOf(parseRatios('70/15/15')), [0.7, 0.15, 0.15]);
    assert.deepEqual(valueOf(parseRatios('0.8, 0.2')), [0.8, 0.2]);
    assert.deepEqual(valueOf(parseRatios('25 25 25 25')), [0.25, 0.25, 0.25, 0.25]);
    assert.deepEqual(valueOf(parseRatios('50;50')), [0.5, 0.5]);
  });
  test('the result adds up to 1 within the engine’s 1e-9, whatever the rounding of the input', () => {
    for (const text of ['0.7,0.15,0.15', '33.3333333/33.3333333/33.3333334', '0.1 0.2 0.3 0.4', '1/1/98']) {
      const ratios = valueOf(parseRatios(text))!;
      assert.ok(Math.abs(ratios.reduce((a, b) => a + b, 0) - 1) <= 1e-12, text);
    }
  });
  test('one part, a zero or negative part, text, or a sum other than 1 and 100 are refused', () => {
    assert.match((parseRatios('1') as { error: string }).error, /two or more/);
    assert.match((parseRatios('0/100') as { error: string }).error, /above 0/);
    assert.match((parseRatios('-10/110') as { error: string }).error, /above 0/);
    assert.match((parseRatios('a/b') as { error: string }).error, /two or more/);
    assert.match((parseRatios('50/40') as { error: string }).error, /add up to 90; they must add up to 1 or 100/);
    assert.match((parseRatios('0.5, 0.4') as { error: string }).error, /add up to 0\.9;/);
  });
});

test('validationMessage: the error for the input box, undefined when the text is fine', () => {
  const validate = validationMessage(parsePercent);
  assert.equal(validate('25'), undefined);
  assert.equal(validate('0'), 'The percentage must be above 0 and at most 100');
});
