// A JSON batch body read as it is answered (worker/body/json-scan.ts, worker/batch/json-source.ts): the scan refuses
// exactly what JSON.parse refuses, and the rows, read a block at a time, are the rows parseJson reads from the whole text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from '../../worker/body/json.ts';
import { LIST_BLOCK_BYTES, scanJson, type ListBlock } from '../../worker/body/json-scan.ts';
import { JsonListSource, UNREADABLE_ROW } from '../../worker/batch/json-source.ts';
import { postBatch } from './helpers.ts';

const SEED = 20261202;
const encoder = new TextEncoder();

/** The bytes of `text` with the 0 the scan wants after them. */
function bytesOf(text: string | Uint8Array): { bytes: Uint8Array; size: number } {
  const raw = typeof text === 'string' ? encoder.encode(text) : text;
  const bytes = new Uint8Array(raw.length + 1);
  bytes.set(raw);
  return { bytes, size: raw.length };
}

/** Whether the Worker's former reading (decode, then JSON.parse) takes the bytes. */
function jsonParseTakes(raw: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder().decode(raw));
    return true;
  } catch {
    return false;
  }
}

/** Every row of a body, read block by block. */
function rowsRead(text: string): { rows: unknown[]; keys: string[]; count: number; blocks: number } {
  const { bytes, size } = bytesOf(text);
  const scan = scanJson(bytes, size, MAX_JSON_DEPTH);
  if (!scan?.list) throw new Error(`no list in ${text.slice(0, 80)}`);
  const source = new JsonListSource(bytes, scan.list.blocks);
  const rows: unknown[] = [];
  for (let row = source.read(); row !== undefined; row = source.read()) rows.push(row);
  return { rows, keys: scan.list.keys, count: scan.list.count, blocks: scan.list.blocks.length };
}

/** The keys the rows name, read from the whole body (each object's `Object.keys`, first seen first). */
function keysOf(rows: unknown[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) if (row !== null && typeof row === 'object' && !Array.isArray(row)) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** A JSON value as text, with numbers written as clients write them (canonical or not) and keys JSON.parse reorders or repeats. */
const numberText = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1.50',
    '29700.00',
    '4e2',
    '1E3',
    '0.000001',
    '0.0000001',
    '1e-400',
    '12345678901234567890',
    '0.1000000000000000055511151231257827',
  ),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);
const stringText = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\u0041\\n\\"\\\\\\/"', '"中文"', '"\\ud800"'),
);
const keyText = fc.oneof(fc.constantFrom('"totalStaff"', '"rowId"', '"0"', '"12"', '"__proto__"', '"t\\u006ftalStaff"', '"甲"'), stringText);
const deep = (depth: number) => '['.repeat(depth) + '1.0' + ']'.repeat(depth);
const valueText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberText,
    stringText,
    fc.constantFrom('true', 'false', 'null'),
    fc.integer({ min: MAX_JSON_DEPTH - 3, max: MAX_JSON_DEPTH + 3 }).map(deep),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(keyText, tie('value')), { maxLength: 4 }).map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
})).value as fc.Arbitrary<string>;
/** A row: mostly an object of the same few keys (so rows share their keys, as in a real batch), now and then anything. */
const rowText = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(numberText, numberText, stringText).map(([a, b, s]) => `{"rowId":${s},"totalStaff":${a},"disabledCounted":${b}}`) },
  { weight: 1, arbitrary: valueText },
);
const space = fc.constantFrom('', ' ', '\n', ' \t\r\n ');

describe('the scan takes exactly what JSON.parse takes', () => {
  it('on hand-picked bodies', () => {
    const bodies = [
      '{"rows":[]}',
      ' {"rows" : [ {"a" : 1} , [ ] , { } ] } ',
      '\uFEFF{"rows":[1]}',
      '{"rows":[1]}\uFEFF',
      ' \uFEFF{"rows":[1]}',
      '{"rows":["\\u12g4"]}',
      '{"rows":["\t"]}',
      '{"rows":["\\x"]}',
      '{"rows":[01]}',
      '{"rows":[1.]}',
      '{"rows":[-]}',
      '{"rows":[+1]}',
      '{"rows":[.5]}',
      '{"rows":[1e]}',
      '{"rows":[1,]}',
      '{"rows":[1 2]}',
      '{"rows":[{"a":1,}]}',
      '{"rows":[{"a" 1}]}',
      '{"rows":[{a:1}]}',
      '{"rows":[tru]}',
      '{"rows":[nulll]}',
      '{"rows":[NaN]}',
      '{"rows":[]}x',
      '{"rows":[]',
      '{"rows":[{"a":1}{"a":2}]}',
      '',
      ' ',
      '"x"',
      `{"rows":[${deep(5_000)}]}`,
      `{"rows":[${deep(5_000).slice(1)}]}`,
    ];
    for (const body of bodies) {
      const raw = encoder.encode(body);
      expect(scanJson(bytesOf(raw).bytes, raw.length, MAX_JSON_DEPTH) !== undefined, body.slice(0, 40)).toBe(jsonParseTakes(raw));
    }
    // invalid UTF-8 is U+FFFD once decoded: inside a string it is a character, outside one an error
    for (const raw of [Uint8Array.of(0x5b, 0x22, 0xff, 0x22, 0x5d), Uint8Array.of(0x5b, 0xff, 0x5d), Uint8Array.of(0x5b, 0x22, 0xe4, 0xb8, 0x22, 0x5d)])
      expect(scanJson(bytesOf(raw).bytes, raw.length, MAX_JSON_DEPTH) !== undefined).toBe(jsonParseTakes(raw));
  });

  it('on rows of one shape (read by their values only), with any one of them broken in its values or around them', () => {
    const good = (i: number) => `{"rowId":"r${i}","totalStaff":${400 + i},"ok":true,"note":null,"x":-0.5}`;
    const broken = [
      '{"rowId":"r","totalStaff":01,"ok":true,"note":null,"x":-0.5}',
      '{"rowId":"r","totalStaff":1,"ok":tru,"note":null,"x":-0.5}',
      '{"rowId":"r\\u12g4","totalStaff":1,"ok":true,"note":null,"x":-0.5}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":nul,"x":-0.5}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null,"x":-.5}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null,"x":-0.5,}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null,"x":-0.5',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null "x":-0.5}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null,"x":[-0.5}',
      '{"rowId":"r","totalStaff":1,"ok":true,"note":null,"x":-0.5}}',
      '{"rowId":"r","totalStaff":1e,"ok":true,"note":null,"x":-0.5}',
      '{"rowId":"r	","totalStaff":1,"ok":true,"note":null,"x":-0.5}',
    ];
    for (const row of broken)
      for (const at of [1, 2, 50]) {
        const rows = Array.from({ length: 60 }, (_, i) => (i === at ? row : good(i)));
        for (const ws of ['', ' ', '\n  ']) {
          const raw = encoder.encode(`{"rows":[${rows.join(`,${ws}`)}]}`);
          expect(scanJson(bytesOf(raw).bytes, raw.length, MAX_JSON_DEPTH) !== undefined, row).toBe(jsonParseTakes(raw));
        }
      }
    // a body that ends inside a row of the shape before it
    for (let cut = 1; cut < good(9).length; cut++) {
      const raw = encoder.encode(`{"rows":[${good(1)},${good(2)},${good(3).slice(0, cut)}`);
      expect(scanJson(bytesOf(raw).bytes, raw.length, MAX_JSON_DEPTH)).toBeUndefined();
    }
  });

  it('on JSON bodies and on every one-character change to them', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...'{}[]",:0123456789.-+eE \t\n\\truefalsn\u0001é'), fc.constantFrom('insert', 'delete', 'replace'));
    fc.assert(
      fc.property(fc.array(rowText, { maxLength: 8 }), space, fc.array(edit, { maxLength: 2 }), (rows, ws, edits) => {
        let body = `{${ws}"rows"${ws}:${ws}[${rows.join(`${ws},${ws}`)}]${ws}}`;
        const raw0 = encoder.encode(body);
        expect(scanJson(bytesOf(raw0).bytes, raw0.length, MAX_JSON_DEPTH), body).toBeDefined();
        for (const [at, char, how] of edits) {
          const i = at % (body.length + 1);
          body = how === 'insert' ? body.slice(0, i) + char + body.slice(i) : body.slice(0, i) + (how === 'replace' ? char : '') + body.slice(i + 1);
        }
        const raw = encoder.encode(body);
        expect(scanJson(bytesOf(raw).bytes, raw.length, MAX_JSON_DEPTH) !== undefined, body).toBe(jsonParseTakes(raw));
      }),
      { numRuns: 1_500, seed: SEED },
    );
  });
});

describe('rows read a block at a time are the rows read whole', () => {
  it('numbers as written, depth bounded, keys as Object.keys gives them, across many blocks', () => {
    fc.assert(
      fc.property(fc.array(rowText, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (rows, times) => {
        // repeated, so the body spans several blocks
        const body = `{"rows":[${Array.from({ length: times }, () => rows.join(',')).join(',')}]}`;
        const whole = (parseJson(body) as { rows: unknown[] }).rows;
        const read = rowsRead(body);
        expect(read.count).toBe(whole.length);
        expect(read.rows).toEqual(whole);
        expect(read.keys).toEqual(keysOf(whole));
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('a 5,000-row body is read in blocks of about LIST_BLOCK_BYTES, and each row as its own text says', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `{"rowId":"r${i}","totalStaff":${400 + i},"disabledCounted":${i % 7}.50,"monthlyMinWage":1.98e3}`);
    const body = `{"rows":[${rows.join(',')}]}`;
    const read = rowsRead(body);
    expect(read.blocks).toBeGreaterThanOrEqual(Math.floor(body.length / LIST_BLOCK_BYTES));
    expect(read.blocks).toBeLessThanOrEqual(Math.ceil(body.length / LIST_BLOCK_BYTES));
    expect(read.rows[4_999]).toEqual({ rowId: 'r4999', totalStaff: '5399', disabledCounted: '1.50', monthlyMinWage: '1.98e3' });
    expect(read.keys).toEqual(['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage']);
  });

  it('the last "rows" counts, and the other members are where the scan says', () => {
    const body = '{"columns":{"a":"totalStaff"},"rows":[{"a":1}],"note":"x","rows":[{"b":2.0},3],"columns":null}';
    const { bytes, size } = bytesOf(body);
    const scan = scanJson(bytes, size, MAX_JSON_DEPTH)!;
    expect(scan.object).toBe(true);
    expect(scan.list).toMatchObject({ count: 2, keys: ['b'] });
    const text = (m: { start: number; end: number }) => new TextDecoder().decode(bytes.subarray(m.start, m.end));
    expect(scan.members.map((m) => [m.key, text(m)])).toEqual([
      ['columns', '{"a":"totalStaff"}'],
      ['rows', '[{"a":1}]'],
      ['note', '"x"'],
      ['rows', '[{"b":2.0},3]'],
      ['columns', 'null'],
    ]);
    expect(rowsRead(body).rows).toEqual([{ b: '2.0' }, '3']);
    expect(scanJson(...(Object.values(bytesOf('{"rows":[1],"rows":2}')) as [Uint8Array, number]), MAX_JSON_DEPTH)?.list).toBeUndefined();
  });

  it('a block that will not parse after all is answered row by row as unreadable, never thrown', () => {
    const { bytes } = bytesOf('[1,2,3]');
    const source = new JsonListSource(bytes, [{ start: 0, end: 7, count: 2, canonical: true }]);
    expect([source.read(), source.read(), source.read()]).toEqual([UNREADABLE_ROW, UNREADABLE_ROW, undefined]);
  });
});

describe('rows of one shape are read by their values alone', () => {
  /** The rows of a body read block by block, with `kept` keys' canonical numbers handed out as numbers, and each block's scan. */
  function shapedRead(text: string | Uint8Array, kept: string[] = []): { rows: unknown[]; blocks: ListBlock[] } {
    const { bytes, size } = bytesOf(text);
    const scan = scanJson(bytes, size, MAX_JSON_DEPTH)!;
    const source = new JsonListSource(bytes, scan.list!.blocks);
    source.keepNumbers(
      new Set(kept),
      scan.list!.keys.filter((key) => !kept.includes(key)),
    );
    const rows: unknown[] = [];
    for (let row = source.read(); row !== undefined; row = source.read()) rows.push(row);
    return { rows, blocks: scan.list!.blocks };
  }
  const plainText = fc.oneof(numberText, stringText, fc.constantFrom('true', 'false', 'null'));

  it('as the rows read whole, keys in the same order, whatever their keys, values and spaces', () => {
    const body = fc.tuple(fc.uniqueArray(keyText, { minLength: 1, maxLength: 5 }), space, fc.integer({ min: 1, max: 400 })).chain(([keys, ws, times]) =>
      fc.array(fc.array(plainText, { minLength: keys.length, maxLength: keys.length }), { minLength: 1, maxLength: 8 }).map((rows) => {
        const rowText = (values: string[]) => `{${ws}${keys.map((k, i) => `${k}${ws}:${ws}${values[i]}`).join(`${ws},${ws}`)}${ws}}`;
        return `{"rows":[${Array.from({ length: times }, (_, t) => rowText(rows[t % rows.length])).join(`${ws},${ws}`)}]}`;
      }),
    );
    fc.assert(
      fc.property(body, (text) => {
        const whole = (parseJson(text) as { rows: unknown[] }).rows;
        const read = shapedRead(text);
        expect(read.rows).toEqual(whole);
        expect(read.rows.map((row) => Object.keys(row as object))).toEqual(whole.map((row) => Object.keys(row as object)));
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('over many blocks, with keys and values in any script, escapes and spaces; kept numbers are the numbers of their texts', () => {
    const row = (i: number) =>
      `{ "序号" : "甲${i}😀", "t\\u006ftalStaff":${400 + i} ,"disabledCounted": ${(i % 40) / 4},"note":"a \\"b\\" \\\\ \\u00e9 \\ud800 ${i}","ok":${i % 2 ? 'true' : 'false'},"none":null,"x":-${i}.25 }`;
    const text = `{"rows":[${Array.from({ length: 3_000 }, (_, i) => row(i)).join(' ,\n')}]}`;
    const whole = (parseJson(text) as { rows: Record<string, unknown>[] }).rows;
    const read = shapedRead(text, ['totalStaff', 'x']);
    expect(read.blocks.length).toBeGreaterThan(5);
    expect(read.blocks.every((block) => block.oneShape && block.canonical)).toBe(true);
    expect(read.rows.map((r) => Object.keys(r as object))).toEqual(whole.map((r) => Object.keys(r)));
    read.rows.forEach((r, i) => {
      const { totalStaff, x, ...rest } = r as Record<string, unknown>;
      const { totalStaff: staffText, x: xText, ...wholeRest } = whole[i];
      expect([totalStaff, x]).toEqual([Number(staffText), Number(xText)]);
      expect([String(totalStaff), String(x)]).toEqual([staffText, xText]);
      expect(rest).toEqual(wholeRest);
    });
    expect(read.rows[2_999]).toMatchObject({
      序号: '甲2999😀',
      totalStaff: 3399,
      disabledCounted: '9.75',
      note: 'a "b" \\ é \ud800 2999',
      ok: true,
      none: null,
      x: -2999.25,
    });
  });

  it('a block of one shape but a repeated key, a "__proto__" key or a U+FFFD in its text is parsed instead, and reads the same', () => {
    for (const row of [
      (i: number) => `{"a":${i},"b":1.50,"a":"${i}"}`,
      (i: number) => `{"a":${i},"__proto__":{"x":1}}`,
      (i: number) => `{"a":${i},"__proto__":1}`,
      (i: number) => `{"a":"\\uFFFD\uFFFD${i}","b":2}`,
    ]) {
      const text = `{"rows":[${Array.from({ length: 2_000 }, (_, i) => row(i)).join(',')}]}`;
      const whole = (parseJson(text) as { rows: unknown[] }).rows;
      const read = shapedRead(text);
      expect(read.rows, row(0)).toEqual(whole);
      expect(read.rows.map((r) => Object.keys(r as object))).toEqual(whole.map((r) => Object.keys(r as object)));
      expect(read.rows.every((r) => Object.getPrototypeOf(r) === Object.prototype)).toBe(true);
    }
    // invalid UTF-8 in a string value (two bytes of a three-byte sequence): one U+FFFD, as decoding makes it
    const rows = encoder.encode(`{"rows":[${Array.from({ length: 2_000 }, (_, i) => `{"a":"x${i}","b":${i}}`).join(',')}]}`);
    const cut = rows.indexOf(0x78, 5_000) + 1;
    const raw = Uint8Array.from([...rows.subarray(0, cut), 0xe4, 0xb8, ...rows.subarray(cut)]);
    const whole = (parseJson(new TextDecoder().decode(raw)) as { rows: unknown[] }).rows;
    expect(shapedRead(raw).rows).toEqual(whole);
  });
});

describe('JSON batches over HTTP, read as they are answered', () => {
  const row = (i: number) => `{"rowId":"r${i}","totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}`;

  it('a "columns" mapping after the rows is honoured', async () => {
    const response = await postBatch(
      'overquota-reward',
      '{"rows":[{"行号":"甲","职工":400,"残疾":9,"工资":1980}],"columns":{"行号":"rowId","职工":"totalStaff","残疾":"disabledCounted","工资":"monthlyMinWage"}}',
      'application/json',
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { rows: { rowId?: string; status: string; result?: { amount: string } }[] };
    expect(answer.rows).toMatchObject([{ rowId: '甲', status: 'ok', result: { amount: '29700.00' } }]);
  });

  it('the last "rows" is the one answered, as JSON.parse keeps it', async () => {
    const response = await postBatch('overquota-reward', `{"rows":[${row(1)}],"rows":[${row(2)},${row(3)}]}`, 'application/json');
    const answer = (await response.json()) as { rows: { rowId?: string }[] };
    expect(answer.rows.map((r) => r.rowId)).toEqual(['r2', 'r3']);
  });

  it('malformed JSON after many blocks of good rows is refused before any row is answered, with JSON.parse’s own message', async () => {
    // as many rows as the tests' row cap allows (MAX_BATCH_ROWS), over two blocks
    const body = `{"rows":[${Array.from({ length: 990 }, (_, i) => row(i)).join(',')},{"totalStaff":01}]}`;
    expect(body.length).toBeGreaterThan(2 * LIST_BLOCK_BYTES);
    let message = '';
    try {
      JSON.parse(body);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    const response = await postBatch('overquota-reward', body, 'application/json');
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { ok: boolean; error: { code: string; message: { en: string } } };
    expect(answer.error.code).toBe('malformed-json');
    expect(answer.error.message.en).toBe(`The body is not valid JSON: ${message}`);
  });
});
