// Second-round hardening inside workerd: rows counted as records, the encoding read from the whole body,
// bodies that arrive too slowly or break off, configuration checked, and bounded answers.
import { describe, expect, it } from 'vitest';
import { parseCsvAnswer, postBatch } from './helpers.ts';

interface ErrorAnswer {
  ok: false;
  error: { code: string; field?: string; message: { zh: string; en: string } };
}

const HEADER = 'rowId,totalStaff,disabledCounted,monthlyMinWage,note';

describe('rows are counted as records, not lines', () => {
  it('a one-row CSV whose quoted note holds more line breaks than the row limit is one row', async () => {
    const note = `"${'x\n'.repeat(5_000)}"`; // the test Worker's limit is 1,000 rows
    const response = await postBatch('overquota-reward', `${HEADER}\r\n1,400,9,1980,${note}\r\n`, 'text/csv');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { summary: { rows: number } };
    expect(answer.summary.rows).toBe(1);
  });

  it('a CSV over the row limit is still refused, naming the rows it has', async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) => `${i},400,9,1980,"a\nb"`).join('\r\n');
    const response = await postBatch('overquota-reward', `${HEADER}\r\n${rows}\r\n`, 'text/csv');
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as ErrorAnswer;
    expect(error.code).toBe('too-many-rows');
    expect(error.message.en).toContain('has 1001');
  });
});

describe('the encoding is read from the whole body', () => {
  // 路 is C2 B7 in GBK: also valid UTF-8 (U+00B7 ·). 包头 (B0FC CDB7) is not UTF-8.
  const gbkLu = [0xc2, 0xb7];
  const gbkBaotou = [0xb0, 0xfc, 0xcd, 0xb7];
  const ascii = (text: string) => [...new TextEncoder().encode(text)];

  it('GBK text after 4 KB of UTF-8-looking bytes is decoded as GBK', async () => {
    const bytes = [
      ...ascii(`${HEADER}\r\n1,400,9,1980,`),
      ...Array.from({ length: 1_500 }, () => gbkLu).flat(),
      ...ascii('\r\n2,400,9,1980,'),
      ...Array.from({ length: 1_500 }, () => gbkLu).flat(),
      ...ascii('\r\n3,400,9,1980,'),
      ...gbkBaotou,
      ...ascii('\r\n'),
    ];
    const response = await postBatch('overquota-reward', new Uint8Array(bytes), 'text/csv', { accept: 'text/csv' });
    expect(response.status).toBe(200);
    const rows = parseCsvAnswer(await response.text());
    expect(rows[1][4] === '路'.repeat(1_500), rows[1][4].slice(0, 10)).toBe(true);
    expect(rows[2][4] === '路'.repeat(1_500)).toBe(true);
    expect(rows[3][4]).toBe('包头');
  });

  it('a body declared UTF-8 that is not UTF-8 is refused with the byte where it goes wrong, never changed', async () => {
    const bytes = [...ascii(`${HEADER}\r\n1,400,9,1980,`), ...Array.from({ length: 3_000 }, () => gbkLu).flat(), ...ascii('\r\n2,400,9,1980,'), ...gbkBaotou];
    const response = await postBatch('overquota-reward', new Uint8Array(bytes), 'text/csv; charset=utf-8');
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorAnswer;
    expect(error.code).toBe('invalid-encoding');
    expect(error.field).toBe('charset');
    expect(error.message.en).toContain(`byte ${bytes.length - 3}`);
  });
});

describe('invalidUtf8At', () => {
  it('finds the first byte that is not UTF-8 wherever the chunks are cut', async () => {
    const { invalidUtf8At } = await import('../../worker/body/decode.ts');
    const valid = new TextEncoder().encode('a包头😀b');
    const invalid = new Uint8Array([...valid, 0xb0, 0xfc]);
    for (let cut = 0; cut <= valid.length; cut++) {
      expect(invalidUtf8At([valid.subarray(0, cut), valid.subarray(cut)])).toBeUndefined();
      expect(invalidUtf8At([invalid.subarray(0, cut), invalid.subarray(cut)])).toBe(valid.length);
    }
    expect(invalidUtf8At([valid.subarray(0, 2)])).toBe(1); // cut off by the end of the body
  });
});

// Slow and broken bodies are tested on a real socket against the self-hosted server (test/contract/slow-bodies.test.ts).
describe('request bodies that trickle', () => {
  const encoder = new TextEncoder();
  it('a body trickled one byte per chunk is read whole, and answered as the same body sent at once', async () => {
    const text = `${HEADER}\r\n${Array.from({ length: 50 }, (_, i) => `${i},400,9,1980,包头${i}`).join('\r\n')}\r\n`;
    const bytes = encoder.encode(text);
    let at = 0;
    const trickled = new ReadableStream<Uint8Array>({
      pull: (controller) => (at < bytes.length ? controller.enqueue(bytes.slice(at, ++at)) : controller.close()),
    });
    const a = await postBatch('overquota-reward', trickled, 'text/csv', { accept: 'text/csv' });
    const b = await postBatch('overquota-reward', bytes, 'text/csv', { accept: 'text/csv' });
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(await b.text());
  });

  it('a size refusal says which size', async () => {
    const response = await postBatch('overquota-reward', 'x'.repeat(200_001), 'text/csv');
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorAnswer).error.message.en).toBe(
      'The request body exceeds the limit of 200000 bytes (got 200001 bytes); split it into smaller batches',
    );
  });
});
