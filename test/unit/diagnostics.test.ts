/**
 * The findings an analysis leaves on a dataset file, and where they go: crafted files with rare
 * and absent labels, rows with no label and skipped rows (exact lines, columns and messages), the
 * shipped sample, and the real benchmark datasets (their @attribute lines found independently).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { analyzeDataset, type AnalyzeOptions } from '../../src/core/analysis/analyzeDataset.js';
import { findArffDeclarations } from '../../src/extension/diagnostics/arffDeclarations.js';
import { headerFieldSpans, readHeaderLine } from '../../src/extension/diagnostics/csvHeader.js';
import { readDatasetLayout } from '../../src/extension/diagnostics/datasetLayout.js';
import { datasetFindings, type Finding, type FindingsReport } from '../../src/extension/diagnostics/findings.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const root = path.resolve(__dirname, '../..');
const MLDR = 'https://cran.r-project.org/package=mldr';
const BCE = 'https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html';
const RFC4180 = 'https://www.rfc-editor.org/rfc/rfc4180';
const ARFF = 'https://waikato.github.io/weka-wiki/formats_and_processing/arff_stable/';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-diagnostics-'));
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function findingsOf(file: string, options: AnalyzeOptions = {}): Promise<Finding[]> {
  const report = await analyzeDataset(file, options);
  return datasetFindings(report, await readDatasetLayout(report));
}

/** The text a finding marks, read back from the file. */
function marked(file: string, f: Finding): string {
  const line = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/)[f.line - 1];
  return line.slice(f.start, f.end);
}

describe('findings of crafted files', () => {
  test('CSV one-hot: each label at its column name, dataset-wide findings across the label columns, skipped rows on their lines', async () => {
    // line 1 is blank: the header row is line 2
    const file = write('small.csv', '\nid,text,"a",b,c,d\n1,hello,1,0,0,1\n2,world,1,1,0,0\n3,foo,1,0,0,0\n4,bar,0,0,0,0\n5,baz,1,0\n6,qux,1,1,0,0\n7,x,1,0,maybe,0\n8,y,1,0,0,0\n');
    const findings = await findingsOf(file, { labels: ['a', 'b', 'c', 'd'], skipBadRows: true, rareThreshold: 3 });
    assert.deepEqual(findings, [
      {
        line: 2, start: 8, end: 17, severity: 'information', code: 'empty-rows',
        message: '1 row has no label (16.7% of 6). It counts in the measures as the empty labelset.',
      },
      {
        line: 2, start: 8, end: 17, severity: 'warning', code: 'skipped-rows', docs: RFC4180,
        message: '2 malformed rows were skipped (imbalanceLens.skipBadRows is on); the measures leave them out.',
      },
      {
        line: 2, start: 12, end: 13, severity: 'warning', code: 'rare-label', labels: ['b'], docs: MLDR,
        message: 'Label "b" is rare: 2 positive rows of 6 (33.3%), fewer than 3 (imbalanceLens.minPositives). Its metrics will be noisy.',
      },
      {
        line: 2, start: 14, end: 15, severity: 'warning', code: 'absent-label', labels: ['c'], docs: BCE,
        message: 'Label "c" never occurs: no row has it, so it gets no loss weight and no recall or AP.',
      },
      {
        line: 2, start: 16, end: 17, severity: 'warning', code: 'rare-label', labels: ['d'], docs: MLDR,
        message: 'Label "d" is rare: 1 positive row of 6 (16.7%), fewer than 3 (imbalanceLens.minPositives). Its metrics will be noisy.',
      },
      {
        line: 7, start: 0, severity: 'error', code: 'skipped-row', docs: RFC4180,
        message: 'Malformed row, skipped: column 5: expected 6 fields as in the header, found 4.',
      },
      {
        line: 9, start: 0, severity: 'error', code: 'skipped-row', docs: RFC4180,
        message: 'Malformed row, skipped: column 5: expected 0 or 1 in label column "c", found "maybe".',
      },
    ]);
    assert.deepEqual(findings.filter((f) => f.labels).map((f) => marked(file, f)), ['b', 'c', 'd']);
  });

  test('TSV with a quoted label name: the column is found by its unquoted name', async () => {
    const file = write('small.tsv', 'x\t"rare ""one"""\tcommon\n0.5\t0\t1\n0.7\t1\t1\n0.1\t0\t1\n');
    const findings = await findingsOf(file, { labels: ['rare "one"', 'common'], rareThreshold: 2 });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'rare-label');
    assert.equal(marked(file, findings[0]), '"rare ""one"""');
  });

  test('ARFF: labels on their @attribute names (quoted, escaped, uppercase keyword), the rest on @data, skipped rows from their character', async () => {
    const file = write('small.arff', "% c\n@relation 'r: -C 2'\n@attribute 'lab one' {0,1}\n@ATTRIBUTE lab2{0,1}\n@attribute f numeric\n@data\n1,0,0.5\n1,1\n0,0,1.5\n1,2,3\n");
    const findings = await findingsOf(file, { skipBadRows: true, rareThreshold: 2 });
    assert.deepEqual(findings, [
      {
        line: 3, start: 11, end: 20, severity: 'warning', code: 'rare-label', labels: ['lab one'], docs: MLDR,
        message: 'Label "lab one" is rare: 1 positive row of 2 (50.0%), fewer than 2 (imbalanceLens.minPositives). Its metrics will be noisy.',
      },
      {
        line: 4, start: 11, end: 15, severity: 'warning', code: 'absent-label', labels: ['lab2'], docs: BCE,
        message: 'Label "lab2" never occurs: no row has it, so it gets no loss weight and no recall or AP.',
      },
      {
        line: 6, start: 0, end: 5, severity: 'information', code: 'empty-rows',
        message: '1 row has no label (50.0% of 2). It counts in the measures as the empty labelset.',
      },
      {
        line: 6, start: 0, end: 5, severity: 'warning', code: 'skipped-rows', docs: ARFF,
        message: '2 malformed rows were skipped (imbalanceLens.skipBadRows is on); the measures leave them out.',
      },
      {
        line: 8, start: 3, severity: 'error', code: 'skipped-row', docs: ARFF,
        message: 'Malformed row, skipped: column 4: expected 3 values (one per @attribute), found 2.',
      },
      {
        line: 10, start: 2, severity: 'error', code: 'skipped-row', docs: ARFF,
        message: "Malformed row, skipped: column 3: label 'lab2' must be 0 or 1, found '2'.",
      },
    ]);
    assert.deepEqual(findings.slice(0, 3).map((f) => marked(file, f)), ["'lab one'", 'lab2', '@data']);
  });

  test('JSONL: everything at the label field on the first line; a skipped row marked from its character', async () => {
    const file = write('small.jsonl', '{"id": 1, "labels": ["x"]}\n{"id": 2, "labels": ["x", "y"]}\n\n{"id": 3, "labels": ["x"]\n{"id": 4, "labels": "x"}\n{"id": 5, "labels": []}\n');
    const findings = await findingsOf(file, { skipBadRows: true, rareThreshold: 2 });
    assert.deepEqual(findings, [
      {
        line: 1, start: 10, end: 18, severity: 'warning', code: 'rare-label', labels: ['y'], docs: MLDR,
        message: 'Label "y" is rare: 1 positive row of 4 (25.0%), fewer than 2 (imbalanceLens.minPositives). Its metrics will be noisy.',
      },
      {
        line: 1, start: 10, end: 18, severity: 'information', code: 'empty-rows',
        message: '1 row has no label (25.0% of 4). It counts in the measures as the empty labelset.',
      },
      {
        line: 1, start: 10, end: 18, severity: 'warning', code: 'skipped-rows', docs: 'https://jsonlines.org/',
        message: '1 malformed row was skipped (imbalanceLens.skipBadRows is on); the measures leave it out.',
      },
      {
        line: 4, start: 25, severity: 'error', code: 'skipped-row', docs: 'https://jsonlines.org/',
        message: "Malformed row, skipped: column 26: invalid JSON: Expected ',' or '}' after property value.",
      },
    ]);
    assert.equal(marked(file, findings[0]), '"labels"');
  });

  test('a partial analysis (maxRows) says its findings are about the rows read', async () => {
    // b occurs only after row 3, so in the first 3 rows it "never occurs".
    const file = write('partial.csv', 'id,a,b\n1,1,0\n2,1,0\n3,0,0\n4,0,1\n5,1,1\n');
    const partial = await findingsOf(file, { maxRows: 3 });
    assert.ok(partial.length > 0);
    for (const f of partial) assert.match(f.message, /^In the first 3 rows read \(imbalanceLens\.maxRows\): /);
    assert.ok(partial.some((f) => f.code === 'absent-label' && /"b" never occurs/.test(f.message)));
    const whole = await findingsOf(file);
    assert.ok(whole.every((f) => !/In the first/.test(f.message)), 'no prefix when every row was read');
    assert.ok(!whole.some((f) => f.code === 'absent-label'));
  });

  test('a clean file has no findings', async () => {
    const file = write('clean.csv', 'a,b\n1,0\n0,1\n1,1\n');
    assert.deepEqual(await findingsOf(file, { rareThreshold: 2 }), []);
  });

  test('a file gone since the analysis: findings go to the start of the file', async () => {
    const file = write('gone.csv', 'a,b\n1,0\n0,0\n');
    const report = await analyzeDataset(file, { rareThreshold: 2 });
    fs.unlinkSync(file);
    const layout = await readDatasetLayout(report);
    assert.deepEqual(layout, { header: { line: 1, start: 0, end: 0 }, labels: new Map() });
    assert.deepEqual(datasetFindings(report, layout).map((f) => [f.code, f.line, f.start]), [
      ['rare-label', 1, 0],
      ['absent-label', 1, 0],
      ['empty-rows', 1, 0],
    ]);
  });
});

describe('findings of the shipped sample workspace', () => {
  test('song-moods.arff: angry is rare on its @attribute line, 19 songs without a mood on @data', async () => {
    const file = path.join(root, 'examples', 'song-moods.arff');
    const findings = await findingsOf(file);
    assert.deepEqual(findings, [
      {
        line: 10, start: 11, end: 16, severity: 'warning', code: 'rare-label', labels: ['angry'], docs: MLDR,
        message: 'Label "angry" is rare: 6 positive rows of 360 (1.7%), fewer than 10 (imbalanceLens.minPositives). Its metrics will be noisy.',
      },
      {
        line: 20, start: 0, end: 5, severity: 'information', code: 'empty-rows',
        message: '19 rows have no label (5.3% of 360). They count in the measures as the empty labelset.',
      },
    ]);
    assert.deepEqual(findings.map((f) => marked(file, f)), ['angry', '@data']);
  });

  test('support-tickets.csv: label findings on the tags list column of the header', async () => {
    const file = path.join(root, 'examples', 'support-tickets.csv');
    const findings = await findingsOf(file);
    assert.deepEqual(findings.map((f) => [f.code, f.line, marked(file, f)]), [
      ['rare-label', 1, 'tags'],
      ['empty-rows', 1, 'tags'],
    ]);
    assert.equal(findings[0].message, 'Label "gdpr" is rare: 9 positive rows of 3,000 (0.3%), fewer than 10 (imbalanceLens.minPositives). Its metrics will be noisy.');
    assert.equal(findings[1].message, '84 rows have no label (2.8% of 3,000). They count in the measures as the empty labelset.');
  });
});

describe('findings of the real datasets', () => {
  /** The 1-based line of `@attribute <name>` found by plain text search, independently of the reader. */
  function attributeLine(file: string, declared: string): number {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((l) => l.startsWith(`@attribute ${declared} `));
    assert.ok(index >= 0, `@attribute ${declared} in ${file}`);
    return index + 1;
  }

  test('enron: each of the 10 rare labels on its own @attribute line', { skip: skipUnlessDatasets('enron/enron.arff') }, async () => {
    const file = datasetPath('enron/enron.arff')!;
    const findings = await findingsOf(file);
    const rare = findings.filter((f) => f.code === 'rare-label');
    assert.equal(rare.length, 10);
    assert.equal(findings.length, 10, 'enron has no absent labels and no empty rows');
    for (const f of rare) {
      const name = f.labels![0];
      assert.equal(f.line, attributeLine(file, name), name);
      assert.equal(marked(file, f), name);
    }
    assert.match(rare.find((f) => f.labels![0] === 'D.D18')!.message, /^Label "D\.D18" is rare: 1 positive row of 1,702 \(0\.06%\), fewer than 10/);
  });

  test('birds: quoted label names with escaped quotes, and the 143 rows without a bird', { skip: skipUnlessDatasets('birds/birds-train.arff') }, async () => {
    const file = datasetPath('birds/birds-train.arff')!;
    const findings = await findingsOf(file);
    const warbler = findings.find((f) => f.labels?.[0] === "MacGillivray's Warbler")!;
    assert.equal(warbler.line, attributeLine(file, "'MacGillivray\\'s Warbler'"));
    assert.equal(marked(file, warbler), "'MacGillivray\\'s Warbler'");
    assert.equal(findings.filter((f) => f.code === 'rare-label').length, 7);
    const empty = findings.find((f) => f.code === 'empty-rows')!;
    assert.equal(marked(file, empty), '@data');
    assert.equal(empty.message, '143 rows have no label (44.4% of 322). They count in the measures as the empty labelset.');
  });

  test('reuters: 26 rare labels become one finding at the "labels" field', { skip: skipUnlessDatasets('reuters21578-modapte.jsonl') }, async () => {
    const file = datasetPath('reuters21578-modapte.jsonl')!;
    const findings = await findingsOf(file);
    assert.equal(findings.length, 1);
    const [grouped] = findings;
    assert.equal(grouped.code, 'rare-labels');
    assert.equal(grouped.line, 1);
    assert.equal(marked(file, grouped), '"labels"');
    assert.equal(grouped.labels!.length, 26);
    assert.match(grouped.message, /^26 labels are rare, with fewer than 10 positive rows each: "castor-oil" \(2\), .* and 16 more\. Their metrics will be noisy \(imbalanceLens\.minPositives\)\.$/);
  });

  test('yeast (CSV) has nothing to mark', { skip: skipUnlessDatasets('csv/yeast.csv') }, async () => {
    assert.deepEqual(await findingsOf(datasetPath('csv/yeast.csv')!), []);
  });
});

describe('grouping and caps', () => {
  const layout = { header: { line: 1, start: 0, end: 9 }, labels: new Map([['l0', { line: 1, start: 0, end: 2 }]]) };
  const base: FindingsReport = {
    format: 'csv', instances: 1000, rareLabels: [], absentLabels: [], emptyRows: 0, skippedRows: [], skippedCount: 0, rareThreshold: 10,
  };
  const names = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`);

  test('up to 20 absent labels get one finding each; 21 get one grouped finding naming the first 10', () => {
    const twenty = datasetFindings({ ...base, absentLabels: names(20), rareLabels: names(20).map((name) => ({ name, count: 0 })) }, layout);
    assert.equal(twenty.length, 20);
    assert.ok(twenty.every((f) => f.code === 'absent-label'), 'absent labels are not also reported as rare');
    assert.deepEqual([twenty[0].start, twenty[1].start], [0, 0]);
    const many = datasetFindings({ ...base, absentLabels: names(21) }, layout);
    assert.deepEqual(many, [{
      line: 1, start: 0, end: 9, severity: 'warning', code: 'absent-labels', labels: names(21), docs: BCE,
      message: '21 labels never occur: "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9" and 11 more. No row has them, so they get no loss weight and no recall or AP.',
    }]);
  });

  test('more rare labels than the limit become one finding on the header', () => {
    const rareLabels = names(3).map((name, i) => ({ name, count: i + 1 }));
    const findings = datasetFindings({ ...base, rareLabels }, layout, { groupAbove: 2, namesInGroup: 2 });
    assert.deepEqual(findings, [{
      line: 1, start: 0, end: 9, severity: 'warning', code: 'rare-labels', labels: ['l0', 'l1', 'l2'], docs: MLDR,
      message: '3 labels are rare, with fewer than 10 positive rows each: "l0" (1), "l1" (2) and 1 more. Their metrics will be noisy (imbalanceLens.minPositives).',
    }]);
  });

  test('skipped rows past the cap are counted in the summary, not marked', () => {
    const skippedRows = Array.from({ length: 100 }, (_, i) => ({ line: i + 2, reason: 'column 3: expected 0 or 1' }));
    const findings = datasetFindings({ ...base, skippedRows, skippedCount: 250 }, layout, { maxSkippedRows: 5 });
    assert.equal(findings.length, 6);
    assert.deepEqual(findings[0], {
      line: 1, start: 0, end: 9, severity: 'warning', code: 'skipped-rows', docs: RFC4180,
      message: '250 malformed rows were skipped (imbalanceLens.skipBadRows is on); the measures leave them out. The first 5 are marked; 245 more are not.',
    });
    assert.deepEqual(findings.slice(1).map((f) => [f.line, f.code]), [[2, 'skipped-row'], [3, 'skipped-row'], [4, 'skipped-row'], [5, 'skipped-row'], [6, 'skipped-row']]);
    assert.equal(datasetFindings({ ...base, skippedRows, skippedCount: 250 }, layout).length, 101, 'default cap: 100 rows');
  });
});

describe('ARFF @attribute lines', () => {
  test('found by name with quotes, escapes, comments and any keyword case; nothing after @data is read', async () => {
    const file = write('header.arff', [
      '% a comment',
      "@RELATION 'x: -C 3'",
      '',
      "  @attribute 'a b' {0,1}   % trailing comment",
      "@Attribute \"it's\" numeric",
      "@attribute 'q\\'s'{0,1}",
      '@attribute plain {0,1}',
      '@data',
      '@attribute late numeric',
    ].join('\n'));
    const { attributes, data } = await findArffDeclarations(file);
    assert.deepEqual([...attributes], [
      ['a b', { line: 4, start: 13, end: 18 }],
      ["it's", { line: 5, start: 11, end: 17 }],
      ["q's", { line: 6, start: 11, end: 17 }],
      ['plain', { line: 7, start: 11, end: 16 }],
    ]);
    assert.deepEqual(data, { line: 8, start: 0, end: 5 });
  });

  test('a header without @data: the attributes, and no @data line', async () => {
    const file = write('nodata.arff', '@relation r\n@attribute a {0,1}\n');
    assert.deepEqual(await findArffDeclarations(file), { attributes: new Map([['a', { line: 2, start: 11, end: 12 }]]) });
  });
});

describe('CSV header line', () => {
  test('blank lines before the header are skipped as the reader does: LF, CRLF and a lone CR, after a BOM', async () => {
    const file = write('blank.csv', '\ufeff\r\n\n\r\r\nid,"a,b",c\r\n1,2,3\r\n');
    assert.deepEqual(await readHeaderLine(file), { line: 5, text: 'id,"a,b",c' });
    assert.equal(await readHeaderLine(write('empty.csv', '\n\n')), undefined);
    assert.deepEqual(await readHeaderLine(write('noeol.csv', 'a,b')), { line: 1, text: 'a,b' });
  });

  test('the header line and the reader count lines alike', async () => {
    const file = write('counted.csv', '\ufeff\r\n\n\r\r\nid,"a,b",c\r\n1,2\r\n3,4,1\r\n5,6,0\r\n');
    const findings = await findingsOf(file, { labels: ['c'], skipBadRows: true, rareThreshold: 2 });
    assert.deepEqual(findings.map((f) => [f.code, f.line, f.start, f.end]), [
      ['rare-label', 5, 9, 10],
      ['empty-rows', 5, 9, 10],
      ['skipped-rows', 5, 9, 10],
      ['skipped-row', 6, 0, undefined],
    ]);
  });

  test('cells with their offsets: quotes, doubled quotes, delimiters inside quotes, empty names', () => {
    assert.deepEqual(headerFieldSpans('id,"a,b","say ""hi""",,z', ','), [
      { name: 'id', start: 0, end: 2 },
      { name: 'a,b', start: 3, end: 8 },
      { name: 'say "hi"', start: 9, end: 21 },
      { name: 'column4', start: 22, end: 22 },
      { name: 'z', start: 23, end: 24 },
    ]);
    assert.deepEqual(headerFieldSpans('a\tb c', '\t'), [{ name: 'a', start: 0, end: 1 }, { name: 'b c', start: 2, end: 5 }]);
    assert.deepEqual(headerFieldSpans('a,"open', ','), [{ name: 'a', start: 0, end: 1 }], 'a quote left open stops the cells');
    assert.deepEqual(headerFieldSpans('a,"b"x,c', ','), [{ name: 'a', start: 0, end: 1 }], 'text after a closing quote stops the cells');
  });
});
