import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readLineChunks, readLines, type LineReadOptions } from '../../src/core/io/lineReader.js';

const dir = mkdtempSync(path.join(tmpdir(), 'il-lines-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Buffer): string {
  const name = path.join(dir, `f${counter++}.txt`);
  writeFileSync(name, content);
  return name;
}

async function lines(name: string, options: LineReadOptions = {}): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const { text, line } of readLines(name, options)) out.push([line, text]);
  return out;
}

describe('readLines', () => {
  it('splits LF lines with 1-based numbers, keeping blank lines', async () => {
    assert.deepEqual(await lines(file('a\n\nb\n')), [[1, 'a'], [2, ''], [3, 'b']]);
  });

  it('reads a last line without a newline', async () => {
    assert.deepEqual(await lines(file('a\nb')), [[1, 'a'], [2, 'b']]);
  });

  it('drops the CR of CRLF endings, also when CR and LF fall in different reads', async () => {
    const name = file('ab\r\ncd\r\n\r\nef');
    const expected: Array<[number, string]> = [[1, 'ab'], [2, 'cd'], [3, ''], [4, 'ef']];
    assert.deepEqual(await lines(name), expected);
    for (let size = 1; size <= 6; size++) assert.deepEqual(await lines(name, { chunkBytes: size }), expected, `chunk ${size}`);
  });

  it('strips a UTF-8 BOM, only at the start of the file', async () => {
    const name = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x\n\ufeffy\n')]));
    assert.deepEqual(await lines(name), [[1, 'x'], [2, '\ufeffy']]);
    assert.deepEqual(await lines(name, { chunkBytes: 2 }), [[1, 'x'], [2, '\ufeffy']]);
  });

  it('never splits a multi-byte character across reads', async () => {
    const text = 'é€𝄞\nçà\n日本語\n';
    const name = file(text);
    for (let size = 1; size <= 8; size++) {
      assert.deepEqual(await lines(name, { chunkBytes: size }), [[1, 'é€𝄞'], [2, 'çà'], [3, '日本語']], `chunk ${size}`);
    }
  });

  it('handles lines longer than a read, and many reads', async () => {
    const long = 'x'.repeat(10_000);
    const rows = Array.from({ length: 500 }, (_, k) => (k % 7 === 0 ? long : `row ${k}`));
    const got = await lines(file(rows.join('\n') + '\n'), { chunkBytes: 333 });
    assert.equal(got.length, 500);
    got.forEach(([line, text], k) => {
      assert.equal(line, k + 1);
      assert.equal(text, rows[k]);
    });
  });

  it('yields nothing for an empty file', async () => {
    assert.deepEqual(await lines(file('')), []);
  });

  it('yields chunks whose firstLine continues the numbering', async () => {
    let expectNext = 1;
    for await (const chunk of readLineChunks(file('1\n2\n3\n4\n5\n6\n7\n'), { chunkBytes: 3 })) {
      assert.equal(chunk.firstLine, expectNext);
      chunk.lines.forEach((text, k) => assert.equal(text, String(chunk.firstLine + k)));
      expectNext += chunk.lines.length;
    }
    assert.equal(expectNext, 8);
  });

  it('reports progress up to the file size', async () => {
    const name = file('abc\ndef\nghi\n');
    const calls: Array<[number, number]> = [];
    await lines(name, { chunkBytes: 4, onProgress: (done, total) => calls.push([done, total]) });
    assert.ok(calls.length >= 3);
    assert.deepEqual(calls.at(-1), [12, 12]);
    for (let k = 1; k < calls.length; k++) assert.ok(calls[k][0] > calls[k - 1][0]);
  });

  it('stops with the abort reason when the signal fires', async () => {
    const name = file('a\nb\nc\nd\n');
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const { text } of readLines(name, { chunkBytes: 2, signal: controller.signal })) {
        seen.push(text);
        controller.abort();
      }
    }, { name: 'AbortError' });
    assert.deepEqual(seen, ['a']);
  });

  it('stops between lines of one read, not only between reads', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const { text } of readLines(file('a\nb\nc\n'), { signal: controller.signal })) {
        seen.push(text);
        controller.abort();
      }
    }, { name: 'AbortError' });
    assert.deepEqual(seen, ['a']);
  });

  it('rejects at once when the signal has already fired', async () => {
    await assert.rejects(lines(file('a\n'), { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
