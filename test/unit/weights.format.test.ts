/** The PyTorch snippet and CSV exports, read back and compared with the weights. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/core/errors.js';
import { formatPythonFloat, formatWeightsCsv, formatWeightsPytorch, suggestWeights, WEIGHT_SCHEMES, type WeightScheme } from '../../src/core/weights/index.js';

const s = suggestWeights([1, 2, 5, 0, 10, 3], 10, ['one', 'two, with comma', 'five "quoted"', 'none', 'ten', 'three\nlines']);

/** The numbers inside `name = torch.tensor([...])`, one per line. */
function tensorValues(snippet: string, name: string): number[] {
  const lines = snippet.split('\n');
  const start = lines.indexOf(`${name} = torch.tensor([`);
  assert.ok(start >= 0, `no ${name} tensor`);
  const values: number[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith(']')) break;
    const match = /^\s+([-+0-9.eE]+),\s+#/.exec(line);
    assert.ok(match, `unexpected tensor line: ${line}`);
    values.push(Number(match[1]));
  }
  return values;
}

describe('formatWeightsPytorch', () => {
  for (const scheme of WEIGHT_SCHEMES) {
    it(`${scheme}: values read back to 6 significant digits, absent label as 1.0`, () => {
      const snippet = formatWeightsPytorch(s, scheme);
      const values = tensorValues(snippet, scheme === 'pos' ? 'pos_weight' : 'class_weight');
      assert.equal(values.length, s.labels.length);
      values.forEach((v, l) => {
        const w = s.schemes[scheme][l];
        if (w === null) assert.equal(v, 1);
        else assert.ok(Math.abs(v - w) <= 5e-6 * Math.abs(w), `${scheme}[${l}]: ${v} vs ${w}`);
      });
      assert.match(snippet, /^import torch$/m);
      assert.match(snippet, /^import torch\.nn as nn$/m);
      assert.match(snippet, /BCEWithLogitsLoss/);
      assert.doesNotMatch(snippet, /Sigmoid/);
      assert.match(snippet, /never occurs/);
      assert.match(snippet, /torch\.sigmoid/);
      // every line is Python code or a comment: a label's line break must not escape its comment
      for (const line of snippet.split('\n')) assert.doesNotMatch(line, /^lines/);
    });
  }

  it('pos uses pos_weight=, the class-weight schemes use weight= and say they are not pos_weight', () => {
    assert.match(formatWeightsPytorch(s, 'pos'), /^criterion = nn\.BCEWithLogitsLoss\(pos_weight=pos_weight\)$/m);
    for (const scheme of ['inverse', 'sqrt', 'effective'] as const) {
      const snippet = formatWeightsPytorch(s, scheme);
      assert.match(snippet, /^criterion = nn\.BCEWithLogitsLoss\(weight=class_weight, reduction="mean"\)$/m);
      assert.match(snippet, /NOT a pos_weight/);
      assert.doesNotMatch(snippet, /pos_weight=/);
    }
  });

  it('rejects an unknown scheme', () => {
    assert.throws(() => formatWeightsPytorch(s, 'focal' as WeightScheme), UsageError);
  });
});

describe('formatPythonFloat', () => {
  it('at most 6 significant digits, no trailing noise, floats stay floats', () => {
    assert.equal(formatPythonFloat(9), '9.0');
    assert.equal(formatPythonFloat(1000), '1000.0');
    assert.equal(formatPythonFloat(2 / 9), '0.222222');
    assert.equal(formatPythonFloat(0.1 + 0.2), '0.3');
    assert.equal(formatPythonFloat(1234567.8), '1234570.0');
    assert.equal(formatPythonFloat(1e-9 / 3), '3.33333e-10');
  });
});

describe('formatWeightsCsv', () => {
  it('label,count,weight with RFC 4180 quoting and an empty weight for an absent label', () => {
    const csv = formatWeightsCsv(s, 'pos');
    assert.equal(
      csv,
      'label,count,weight\none,1,9\n"two, with comma",2,4\n"five ""quoted""",5,1\nnone,0,\nten,10,0\n"three\nlines",3,' + String(7 / 3) + '\n',
    );
  });
});
