/**
 * The row limit (`maxRows`, `--max-rows`, `imbalanceLens.maxRows`): for every format, the analysis
 * of the first N data rows equals the analysis of a copy of the file cut after its N-th data row;
 * the partial-analysis note appears exactly when rows were left unread; malformed rows skipped do
 * not count; the rest of the file is never read (a malformed tail goes unnoticed, a 32 MB CSV that
 * would be scanned in parallel is read for one chunk only); bad limits are usage errors; and
 * evaluation always reads the whole truth.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Uri } from 'vscode';
import { buildSync } from 'esbuild';
import { analyzeDataset, type AnalysisReport, type AnalyzeOptions } from '../../src/core/analysis/analyzeDataset.js';
import { evaluatePredictions, type EvaluateOptions } from '../../src/core/analysis/evaluatePredictions.js';
import { DatasetError, UsageError } from '../../src/core/errors.js';
import { PARALLEL_MIN_BYTES } from '../../src/core/io/csv/index.js';
import { scanLabels } from '../../src/core/io/open.js';
import { rowLimitNote, rowLimitOf } from '../../src/core/io/rowLimit.js';
import { runCli } from '../../src/cli/main.js';
import type * as SettingsModule from '../../src/extension/settings.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const tickets = path.join(root, 'examples', 'support-tickets.csv');
const work = mkdtempSync(path.join(tmpdir(), 'il-max-rows-'));
let dirs = 0;

/** A file in a fresh folder (so a copy can keep the original's name, and a MULAN .xml its base name). */
function write(name: string, content: string, companions: string[] = []): string {
  const dir = path.join(work, `d${dirs++}`);
  mkdirSync(dir);
  for (const companion of companions) copyFileSync(companion, path.join(dir, path.basename(companion)));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/**
 * `text` cut after its n-th data line: the lines before the first data line are kept, data lines
 * are those `isData` accepts (blank lines and comments between them are kept too).
 */
function firstDataLines(text: string, n: number, headerLines: number, isData: (line: string) => boolean): string {
  const lines = text.split('\n');
  const kept = lines.slice(0, headerLines);
  let data = 0;
  for (const line of lines.slice(headerLines)) {
    if (data === n) break;
    kept.push(line);
    if (isData(line)) data++;
  }
  return kept.join('\n') + '\n';
}

const nonBlank = (line: string): boolean => line.trim() !== '';
const arffData = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('%');
/** Lines up to and including `@data`. */
function arffHeaderLines(text: string): number {
  return text.split('\n').findIndex((l) => /^\s*@data\b/i.test(l)) + 1;
}

/** Everything the analysis measured, without where the file was, how long it took, and the row-limit note. */
function measured(report: AnalysisReport): Omit<AnalysisReport, 'file' | 'elapsedMs' | 'rowLimit'> {
  const { file: _file, elapsedMs: _elapsed, rowLimit: _limit, ...rest } = report;
  return { ...rest, notes: report.notes.filter((n) => !n.startsWith('Only the first')) };
}

function limitNotes(report: AnalysisReport): string[] {
  return report.notes.filter((n) => n.startsWith('Only the first'));
}

/**
 * The core check: with maxRows n, the report is that of the file cut after n data rows (same name,
 * same companions), with the note; `more` says whether the file really has more data rows.
 */
async function assertLimitMatchesCut(file: string, cut: string, n: number, more: boolean, options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const limited = await analyzeDataset(file, { ...options, maxRows: n });
  const reference = await analyzeDataset(cut, options);
  assert.equal(limited.instances, reference.instances);
  assert.deepEqual(measured(limited), measured(reference), `maxRows ${n} measures the first ${n} rows of ${path.basename(file)}`);
  assert.deepEqual(limitNotes(limited), more ? [rowLimitNote(n)] : [], `the note, only when ${path.basename(file)} has more than ${n} rows`);
  assert.equal(limited.rowLimit, more ? n : null, 'rowLimit says the analysis is partial, only when it is');
  assert.deepEqual(limitNotes(reference), []);
  return limited;
}

/** For a line-based file: limits 1, a few, and one short of the end give the cut file's analysis; the full count and beyond give the full analysis, without the note. */
async function checkLineFormat(file: string, headerLines: number, isData: (line: string) => boolean, companions: string[] = [], options: AnalyzeOptions = {}): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const total = text.split('\n').slice(headerLines).filter(isData).length;
  for (const n of [1, 7, Math.floor(total / 3), total - 1]) {
    const cut = write(path.basename(file), firstDataLines(text, n, headerLines, isData), companions);
    const report = await assertLimitMatchesCut(file, cut, n, true, options);
    assert.equal(report.instances, n);
  }
  const full = await analyzeDataset(file, options);
  for (const n of [total, total + 1, total * 10]) {
    const limited = await analyzeDataset(file, { ...options, maxRows: n });
    assert.deepEqual(measured(limited), measured(full), `maxRows ${n} >= ${total} rows: the full analysis`);
    assert.deepEqual(limitNotes(limited), []);
  }
}

describe('the note', () => {
  test('says how many rows were read, with thousands separators, and that the file has more', () => {
    assert.equal(rowLimitNote(10_000), 'Only the first 10,000 data rows were read (max rows); the file has more.');
    assert.equal(rowLimitNote(7), 'Only the first 7 data rows were read (max rows); the file has more.');
    assert.equal(rowLimitNote(1), 'Only the first data row was read (max rows); the file has more.');
  });
});

describe('each format: the first N rows, as if the file ended there', () => {
  test('CSV one-hot: yeast', { skip: skipUnlessDatasets('csv/yeast.csv') }, async () => {
    await checkLineFormat(datasetPath('csv/yeast.csv')!, 1, nonBlank);
  });

  test('CSV label list: the support tickets (| separated tags, quoted subjects)', async () => {
    await checkLineFormat(tickets, 1, nonBlank);
  });

  test('TSV: yeast with tabs', { skip: skipUnlessDatasets('csv/yeast.csv') }, async () => {
    const tsv = write('yeast.tsv', readFileSync(datasetPath('csv/yeast.csv')!, 'utf8').replaceAll(',', '\t'));
    await checkLineFormat(tsv, 1, nonBlank);
  });

  test('JSONL: Reuters-21578', { skip: skipUnlessDatasets('reuters21578-modapte.jsonl') }, async () => {
    await checkLineFormat(datasetPath('reuters21578-modapte.jsonl')!, 0, nonBlank);
  });

  test('ARFF dense: emotions (MULAN)', { skip: skipUnlessDatasets('emotions/emotions.arff', 'emotions/emotions.xml') }, async () => {
    const arff = datasetPath('emotions/emotions.arff')!;
    await checkLineFormat(arff, arffHeaderLines(readFileSync(arff, 'utf8')), arffData, [datasetPath('emotions/emotions.xml')!]);
  });

  test('ARFF sparse: enron (MULAN)', { skip: skipUnlessDatasets('enron/enron.arff', 'enron/enron.xml') }, async () => {
    const arff = datasetPath('enron/enron.arff')!;
    await checkLineFormat(arff, arffHeaderLines(readFileSync(arff, 'utf8')), arffData, [datasetPath('enron/enron.xml')!]);
  });

  test('crafted CSV: label detection sees only the rows read (a 0/1 column that is not 0/1 later)', async () => {
    // "flag" holds 0/1 in the first 3 rows and 2 after: a label there, a feature in the whole file
    const rows = ['x,flag,a,b', '0.5,0,1,0', '1.5,1,0,1', '2.5,0,1,1', '3.5,2,0,0', '4.5,1,1,0'];
    const file = write('t.csv', rows.join('\n') + '\n');
    const limited = await assertLimitMatchesCut(file, write('t.csv', rows.slice(0, 4).join('\n') + '\n'), 3, true);
    assert.equal(limited.labels, 3);
    assert.equal((await analyzeDataset(file)).labels, 2);
  });

  test('crafted TSV with CRLF line ends and a label list', async () => {
    const lines = ['id\ttext\ttags', ...Array.from({ length: 40 }, (_, i) => `r${i}\tword ${i}\t${['a', 'b|c', 'a|c', '', 'd'][i % 5]}`)];
    const file = write('t.tsv', lines.join('\r\n') + '\r\n');
    for (const n of [1, 4, 5, 39]) await assertLimitMatchesCut(file, write('t.tsv', lines.slice(0, n + 1).join('\r\n') + '\r\n'), n, true);
    await assertLimitMatchesCut(file, file, 40, false);
  });

  test('crafted JSONL: arrays and 0/1 objects, blank lines between rows', async () => {
    const lines = ['{"id": 1, "labels": ["a"]}', '', '{"id": 2, "labels": {"b": 1, "z": 0}}', '   ', '{"id": 3, "labels": ["c", "a"]}', '{"id": 4, "labels": ["q"]}'];
    const file = write('t.jsonl', lines.join('\n') + '\n');
    // the label space is what the rows read name: "q" only with row 4, "z" from row 2 on
    const two = await assertLimitMatchesCut(file, write('t.jsonl', lines.slice(0, 3).join('\n') + '\n'), 2, true);
    assert.deepEqual(two.perLabel.map((l) => l.name), ['a', 'b', 'z']);
    await assertLimitMatchesCut(file, write('t.jsonl', lines.slice(0, 5).join('\n') + '\n'), 3, true);
    await assertLimitMatchesCut(file, file, 4, false);
  });

  test('crafted ARFF (MEKA -C 2), dense and sparse rows with comments between them', async () => {
    const header = ["@relation 'moods: -C 2'", '@attribute happy {0,1}', '@attribute sad {0,1}', '@attribute tempo numeric', '@attribute key {C,D}', '@data'];
    const data = ['1,0,120,C', '% a comment', '{0 1,2 90}', '', '0,1,60,D', '{1 1,3 D}', '1,1,100,C'];
    const file = write('t.arff', [...header, ...data].join('\n') + '\n');
    for (const [n, upTo] of [[1, 1], [2, 3], [3, 5], [4, 6]] as const) {
      await assertLimitMatchesCut(file, write('t.arff', [...header, ...data.slice(0, upTo)].join('\n') + '\n'), n, true);
    }
    await assertLimitMatchesCut(file, file, 5, false);
  });
});

describe('whether the file has more', () => {
  test('blank lines (and ARFF comments) after the last row read are not more rows', async () => {
    const csv = write('t.csv', 'x,a,b\n1,1,0\n2,0,1\n\n\r\n\n');
    const jsonl = write('t.jsonl', '{"labels": ["a"]}\n{"labels": ["b"]}\n\n  \n');
    const arff = write('t.arff', "@relation 'r: -C 1'\n@attribute a {0,1}\n@attribute x numeric\n@data\n1,3\n0,4\n% the end\n\n");
    for (const file of [csv, jsonl, arff]) {
      const report = await analyzeDataset(file, { maxRows: 2 });
      assert.equal(report.instances, 2);
      assert.deepEqual(limitNotes(report), [], path.basename(file));
    }
  });

  test('a malformed row after the last row read is more, and is neither read nor reported', async () => {
    const cases = [
      write('t.csv', 'x,a,b\n1,1,0\n2,0,1\n3,oops\n'),
      write('t.jsonl', '{"labels": ["a"]}\n{"labels": ["b"]}\n{not json\n'),
      write('t.arff', "@relation 'r: -C 1'\n@attribute a {0,1}\n@attribute x numeric\n@data\n1,3\n0,4\n7,7,7\n"),
    ];
    for (const file of cases) {
      await assert.rejects(analyzeDataset(file), DatasetError, `${path.basename(file)} without a limit fails on its last row`);
      const report = await analyzeDataset(file, { maxRows: 2 });
      assert.equal(report.instances, 2);
      assert.equal(report.skippedCount, 0);
      assert.deepEqual(limitNotes(report), [rowLimitNote(2)], path.basename(file));
    }
  });

  test('scanLabels reports moreRows only when a data row follows', async () => {
    const file = write('t.csv', 'x,a\n1,1\n2,0\n3,1\n');
    assert.equal((await scanLabels(file, { maxRows: 2 })).moreRows, true);
    assert.equal((await scanLabels(file, { maxRows: 3 })).moreRows, undefined);
    assert.equal((await scanLabels(file)).moreRows, undefined);
  });
});

describe('skipped rows do not count', () => {
  test('CSV, JSONL and ARFF: N good rows are read past the malformed ones, which are reported', async () => {
    // good rows, then a bad one (field count, invalid JSON), a good one, a bad label value, a good one, and one more
    const cases: { name: string; text: string; cutAfterLine: number; badLines: number[]; options?: AnalyzeOptions }[] = [
      { name: 't.csv', text: 'x,a,b\n1,1,0\n2,1\n3,0,1\n4,7,0\n5,1,1\n6,0,0\n', cutAfterLine: 6, badLines: [3, 5], options: { labels: ['a', 'b'] } },
      { name: 't.jsonl', text: '{"labels": ["a"]}\n{bad\n{"labels": ["b"]}\n{"labels": true}\n{"labels": ["a", "b"]}\n{"labels": []}\n', cutAfterLine: 5, badLines: [2, 4] },
      { name: 't.arff', text: "@relation 'r: -C 2'\n@attribute a {0,1}\n@attribute b {0,1}\n@attribute x numeric\n@data\n1,0,1\n1,0\n0,1,2\n5,0,3\n1,1,4\n0,0,5\n", cutAfterLine: 10, badLines: [7, 9] },
    ];
    for (const { name, text, cutAfterLine, badLines, options } of cases) {
      const file = write(name, text);
      const cut = write(name, text.split('\n').slice(0, cutAfterLine).join('\n') + '\n');
      const report = await assertLimitMatchesCut(file, cut, 3, true, { ...options, skipBadRows: true });
      assert.equal(report.instances, 3, name);
      assert.equal(report.skippedCount, 2, name);
      assert.deepEqual(report.skippedRows.map((r) => r.line), badLines, name);
    }
  });
});

describe('a CSV large enough for the parallel scan', () => {
  let workerScript = '';
  let big = '';
  let bigTotalRows = 0;
  const header = 'f0,f1,id,y0,y1,y2,y3,y4';

  before(() => {
    workerScript = path.join(work, 'csvScanWorker.js');
    const entry = path.resolve(__dirname, '../../src/core/io/csv/scanWorker.ts');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
    // just over PARALLEL_MIN_BYTES of well-formed one-hot rows, then a malformed row, then more rows
    const parts: string[] = [header + '\n'];
    let bytes = parts[0].length;
    let seed = 11;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    let r = 0;
    let block: string[] = [];
    while (bytes < PARALLEL_MIN_BYTES + (4 << 20)) {
      if (r === Math.floor(PARALLEL_MIN_BYTES / 40)) block.push('0.1,0.2,malformed,1,0\n');
      const y = Array.from({ length: 5 }, (_, k) => (rnd() < 0.6 / (k + 1) ? '1' : '0'));
      const line = `${rnd().toFixed(6)},${(rnd() * 100).toFixed(3)},${r},${y.join(',')}\n`;
      block.push(line);
      bytes += line.length;
      r++;
      if (block.length === 10_000) {
        parts.push(block.join(''));
        block = [];
      }
    }
    parts.push(block.join(''));
    bigTotalRows = r;
    big = write('big.csv', parts.join(''));
  });

  test('without a limit the parallel scan reaches the malformed row; with one it stops in the first chunk', async () => {
    const parallel: AnalyzeOptions = { workerScript, threads: 2 };
    await assert.rejects(analyzeDataset(big, parallel), (e: unknown) => e instanceof DatasetError && /expected 8 fields/.test(e.message));
    let furthest = 0;
    const n = 5000;
    const limited = await analyzeDataset(big, { ...parallel, maxRows: n, onProgress: (done) => (furthest = Math.max(furthest, done)) });
    assert.equal(limited.instances, n);
    assert.deepEqual(limitNotes(limited), [rowLimitNote(n)]);
    assert.ok(furthest > 0 && furthest <= 2 << 20, `read ${furthest} bytes of ${PARALLEL_MIN_BYTES + (4 << 20)}: only the first chunk`);
    const text = readFileSync(big, 'utf8');
    const cut = write('big.csv', text.slice(0, text.split('\n', n + 1).join('\n').length + 1));
    assert.deepEqual(measured(limited), measured(await analyzeDataset(cut, parallel)));
  });

  test('skipping bad rows, a limit of exactly the good rows reads to the end: every row, the bad one reported, no note', async () => {
    const report = await analyzeDataset(big, { workerScript, threads: 2, skipBadRows: true, maxRows: bigTotalRows });
    assert.equal(report.instances, bigTotalRows);
    assert.equal(report.skippedCount, 1);
    assert.deepEqual(limitNotes(report), []);
  });
});

describe('bad limits', () => {
  test('negative, fractional, non-finite or non-number limits are usage errors; 0 and absent mean every row', async () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '10', null]) {
      assert.throws(() => rowLimitOf(bad), UsageError, String(bad));
      await assert.rejects(analyzeDataset(tickets, { maxRows: bad as number }), (e: unknown) => e instanceof UsageError && /maxRows must be a positive whole number/.test(e.message), String(bad));
    }
    // checked before the file is even looked at
    await assert.rejects(scanLabels(path.join(work, 'missing.csv'), { maxRows: -5 }), UsageError);
    const full = await analyzeDataset(tickets);
    const zero = await analyzeDataset(tickets, { maxRows: 0 });
    assert.deepEqual(measured(zero), measured(full));
    assert.deepEqual(limitNotes(zero), []);
    assert.equal(rowLimitOf(0), undefined);
    assert.equal(rowLimitOf(undefined), undefined);
    assert.equal(rowLimitOf(12), 12);
  });
});

describe('command line', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false }, new AbortController().signal);
    return { code, stdout, stderr };
  }

  test('analyze --max-rows N reads N rows and says the analysis is partial', async () => {
    const { code, stdout } = await cli('analyze', tickets, '--max-rows', '250');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.instances, 250);
    assert.ok(report.notes.includes('Only the first 250 data rows were read (max rows); the file has more.'));
    const cut = write('support-tickets.csv', firstDataLines(readFileSync(tickets, 'utf8'), 250, 1, nonBlank));
    const reference = JSON.parse((await cli('analyze', cut)).stdout);
    assert.deepEqual(report.perLabel, reference.perLabel);
    assert.equal(report.meanIR, reference.meanIR);
    const table = await cli('analyze', tickets, '--max-rows=250', '--format', 'table');
    assert.match(table.stdout, /Only the first 250 data rows were read \(max rows\); the file has more\./);
  });

  test('analyze --max-rows 0 and a limit beyond the file read everything, without the note', async () => {
    for (const n of ['0', '3000', '100000']) {
      const report = JSON.parse((await cli('analyze', tickets, '--max-rows', n)).stdout);
      assert.equal(report.instances, 3000, n);
      assert.ok(!report.notes.some((note: string) => note.startsWith('Only the first')), n);
    }
  });

  test('weights --max-rows: weights of the rows read, and the note on stderr', async () => {
    const limited = await cli('weights', tickets, '--max-rows', '100', '--format', 'json');
    assert.equal(limited.code, 0);
    const cut = write('support-tickets.csv', firstDataLines(readFileSync(tickets, 'utf8'), 100, 1, nonBlank));
    const reference = JSON.parse((await cli('weights', cut, '--format', 'json')).stdout);
    const json = JSON.parse(limited.stdout);
    assert.deepEqual(json.selected, reference.selected);
    assert.deepEqual(json.schemes, reference.schemes);
    assert.match(limited.stderr, /note: Only the first 100 data rows were read \(max rows\); the file has more\./);
    const full = await cli('weights', tickets, '--format', 'json');
    assert.doesNotMatch(full.stderr, /Only the first/);
  });

  test('bad values exit 2 with a message; evaluate does not take --max-rows; help lists it', async () => {
    for (const [value, message] of [['-3', /--max-rows must be a positive whole number of data rows \(0: all rows\), got -3/], ['2.5', /--max-rows expects a whole number, got "2\.5"/], ['many', /--max-rows expects a whole number/]] as const) {
      for (const command of ['analyze', 'weights']) {
        const result = await cli(command, tickets, '--max-rows', value);
        assert.equal(result.code, 2, `${command} --max-rows ${value}`);
        assert.match(result.stderr, message);
      }
    }
    const evaluate = await cli('evaluate', '--truth', tickets, '--pred', tickets, '--max-rows', '10');
    assert.equal(evaluate.code, 2);
    assert.match(evaluate.stderr, /unknown option --max-rows/);
    assert.match((await cli('analyze', '--help')).stdout, /--max-rows N\s+read only the first N data rows/);
    assert.match((await cli('weights', '--help')).stdout, /--max-rows N/);
    assert.doesNotMatch((await cli('evaluate', '--help')).stdout, /--max-rows/);
  });
});

describe('evaluation reads the whole truth', () => {
  const truthText = 'id,x,a,b\n' + Array.from({ length: 12 }, (_, i) => `r${i},${i},${i % 2},${i % 3 === 0 ? 1 : 0}`).join('\n') + '\n';
  const predText = 'id,a,b\n' + Array.from({ length: 12 }, (_, i) => `r${i},${(i % 4) / 4},${i % 3 === 0 ? 0.9 : 0.2}`).join('\n') + '\n';

  test('a maxRows slipped into the options is ignored, joined by position or by id', async () => {
    const truth = write('truth.csv', truthText);
    const pred = write('pred.csv', predText);
    const byPosition = write('pred.csv', predText.replace(/^id,/, '').replace(/\nr\d+,/g, '\n'));
    for (const predictions of [pred, byPosition]) {
      const full = await evaluatePredictions(truth, predictions);
      const slipped = await evaluatePredictions(truth, predictions, { maxRows: 3 } as EvaluateOptions);
      assert.equal(slipped.perLabel.reduce((s, l) => s + l.support, 0), 4 + 6);
      assert.deepEqual(slipped.perLabel, full.perLabel);
      assert.equal(slipped.joinedBy, full.joinedBy);
      assert.ok(!slipped.notes.some((n) => n.startsWith('Only the first')));
    }
  });

  test('EvaluateOptions has no maxRows (the type)', () => {
    // @ts-expect-error: evaluation takes no row limit
    const options: EvaluateOptions = { maxRows: 3 };
    assert.ok(options);
  });
});

describe('setting imbalanceLens.maxRows', () => {
  const base = createFakeVscode();
  let values: Record<string, unknown> = {};
  const vscode = {
    ...base.vscode,
    workspace: {
      ...base.vscode.workspace,
      getConfiguration: () => ({ get: <T>(key: string, fallback: T): T => (key in values ? (values[key] as T) : fallback) }),
    },
  };
  const settings = requireWithVscode(path.join(root, 'src/extension/settings.ts'), vscode) as typeof SettingsModule;
  const csv = base.Uri.file('/data/train.csv') as unknown as Uri;
  const pred = base.Uri.file('/data/train.pred.csv') as unknown as Uri;

  test('a positive value limits the analysis, never the evaluation; 0 and bad values mean every row', () => {
    values = { maxRows: 5000 };
    assert.equal(settings.analyzeOptionsFromSettings(csv).maxRows, 5000);
    assert.ok(!('maxRows' in settings.evaluateOptionsFromSettings(pred, csv)));
    for (const value of [0, -4, 2.5, '100', null, true]) {
      values = { maxRows: value };
      assert.ok(!('maxRows' in settings.analyzeOptionsFromSettings(csv)), String(value));
    }
  });

  test('declared in package.json: integer, default 0, minimum 0, resource scope, described', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['imbalanceLens.maxRows'];
    assert.equal(setting.type, 'integer');
    assert.equal(setting.default, 0);
    assert.equal(setting.minimum, 0);
    assert.equal(setting.scope, 'resource');
    assert.match(setting.markdownDescription, /quick look at a huge file/);
    assert.match(setting.markdownDescription, /describe those rows only/);
  });
});
