// Answers bounded by what was sent: echoed text is capped per cell (with a marker) and per answer, each piece
// of the stream does a bounded amount of work, and the audit says `completed` only after the last byte was taken.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import { DEFAULT_ECHO_CELL_CHARS, ECHO_ANSWER_MIN_CHARS } from '../../worker/batch/echo.ts';
import { PULL_CHARS } from '../../worker/batch/answer-stream.ts';
import type { Env } from '../../worker/env.ts';
import { amplificationWorkbook } from '../support/hostile-xlsx.ts';
import { auth, postBatch } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const stored = (batchId: string) => env.DB.prepare('SELECT * FROM batch_audit WHERE batch_id = ?').bind(batchId).first<Record<string, unknown>>();

describe('answer amplification', () => {
  // 900 rows × a 30,000-character shared string (under the reader's cap on one cell's text): a few KB sent, 27 million characters if echoed whole.
  const workbook = amplificationWorkbook(900, 30_000);

  it('the workbook is small', () => {
    expect(workbook.length).toBeLessThan(20_000);
  });

  for (const [label, accept, query] of [
    ['CSV', 'text/csv', ''],
    ['JSON with cells (the page)', 'application/json', '?cells=1'],
    ['xlsx', XLSX, ''],
  ] as const) {
    it(`a ${label} answer echoes each cell at most ${DEFAULT_ECHO_CELL_CHARS} characters, with a marker, and the answer at most ${ECHO_ANSWER_MIN_CHARS}`, async () => {
      const response = await postBatch(`overquota-reward${query}`, workbook, XLSX, { accept, 'accept-language': 'en' });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // every character of the string is 3 bytes in UTF-8: the answer stays near the per-answer cap
      expect(bytes.length).toBeLessThan(ECHO_ANSWER_MIN_CHARS * 3 + 900 * 1_000);
      if (accept === XLSX) return;
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain(`${'备'.repeat(10)}…[cut: 30000 characters]`);
      // no run of the string's character longer than the cap (the longest run, read in one pass: searching the
      // 3-MB answer for a run one longer than the cap takes seconds, a worst case of substring search)
      expect(Math.max(0, ...(text.match(/备+/g) ?? []).map((run) => run.length))).toBeLessThanOrEqual(DEFAULT_ECHO_CELL_CHARS);
      // past the answer's budget, a cell is the marker alone
      expect(text).toMatch(/[,"]…\[cut: 30000 characters\]/);
    });
  }

  it('each piece of the stream echoes a bounded number of characters (so an xlsx answer yields to other requests)', async () => {
    const response = await postBatch('overquota-reward', workbook, XLSX, { accept: XLSX });
    const reader = response.body!.getReader();
    let pieces = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces++;
      expect(value.length).toBeLessThan((PULL_CHARS + DEFAULT_ECHO_CELL_CHARS) * 3 + 64 * 1024);
    }
    // 1,000,000 echoed characters in pieces of at most PULL_CHARS: several pieces, not one
    expect(pieces).toBeGreaterThanOrEqual(Math.floor(ECHO_ANSWER_MIN_CHARS / (PULL_CHARS + DEFAULT_ECHO_CELL_CHARS)));
  });
});

describe('the audit says what was delivered', () => {
  async function acceptBatch(rows: number) {
    const waits: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void waits.push(p), passThroughOnException() {}, props: {} };
    const csv = ['rowId,totalStaff,disabledCounted,monthlyMinWage', ...Array.from({ length: rows }, (_, i) => `r${i},400,9,1980`)].join('\n') + '\n';
    const request = new Request('https://rules.test/v1/batch/overquota-reward', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...auth() },
      body: csv,
    });
    return { response: await app.fetch(request, env as unknown as Env, ctx), waits };
  }

  it('a client that reads only the head and hangs up leaves the batch aborted with no rows delivered', async () => {
    const { response, waits } = await acceptBatch(500);
    const batchId = response.headers.get('x-batch-id')!;
    await new Promise((r) => setTimeout(r, 50)); // the runtime had every chance to read ahead
    expect(await stored(batchId)).toMatchObject({ status: 'started' });
    await response.body!.cancel('client went away');
    await Promise.all(waits);
    expect(await stored(batchId)).toMatchObject({ status: 'aborted', row_count: 0 });
  });

  it('a client that took every piece but not the end leaves the batch aborted with the rows it took; reading to the end completes it', async () => {
    const { response, waits } = await acceptBatch(500);
    const batchId = response.headers.get('x-batch-id')!;
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false); // all 500 rows, in one piece
    expect(await stored(batchId)).toMatchObject({ status: 'started' });
    await reader.cancel();
    await Promise.all(waits);
    expect(await stored(batchId)).toMatchObject({ status: 'aborted', row_count: 0 });

    const again = await acceptBatch(500);
    const id = again.response.headers.get('x-batch-id')!;
    await again.response.arrayBuffer();
    await Promise.all(again.waits);
    expect(await stored(id)).toMatchObject({ status: 'completed', row_count: 500 });
  });
});
