// The batch audit (issue 13 findings 7 and 8): a record when the batch is accepted (`started`), completed
// at the end or marked `aborted` with the rows answered when the client hangs up; the body's hash is an
// HMAC-SHA-256 keyed with AUDIT_HMAC_KEY, so it proves what was sent without revealing it.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import type { Env } from '../../worker/env.ts';
import { auth, call, postBatch } from './helpers.ts';

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => hex(await crypto.subtle.digest('SHA-256', bytes));
async function hmac(key: string, bytes: Uint8Array<ArrayBuffer>) {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', k, bytes));
}
const stored = (batchId: string) => env.DB.prepare('SELECT * FROM batch_audit WHERE batch_id = ?').bind(batchId).first<Record<string, unknown>>();
const rowsCsv = (n: number) =>
  ['rowId,totalStaff,disabledCounted,monthlyMinWage', ...Array.from({ length: n }, (_, i) => `r${i},400,9,1980`)].join('\n') + '\n';

describe('the audit hash is keyed (finding 8)', () => {
  it('stores HMAC-SHA-256 of the body under AUDIT_HMAC_KEY, and no plain SHA-256 of it', async () => {
    const text = 'rowId,totalStaff,disabledCounted,monthlyMinWage\n150296199001011234,400,9,1980\n';
    const bytes = new TextEncoder().encode(text);
    const response = await postBatch('overquota-reward', text, 'text/csv');
    expect(response.status).toBe(200);
    const batchId = response.headers.get('x-batch-id')!;
    await response.arrayBuffer();
    const record = await stored(batchId);
    expect(record?.body_hmac).toBe(await hmac(env.AUDIT_HMAC_KEY, bytes));
    expect(JSON.stringify(record)).not.toContain(await sha256(bytes));
    const read = (await (await call(`/v1/batch/${batchId}`, { headers: auth() })).json()) as { batch: Record<string, unknown> };
    expect(read.batch.bodyHmac).toBe(await hmac(env.AUDIT_HMAC_KEY, bytes));
    expect(JSON.stringify(read)).not.toContain(await sha256(bytes));
  });

  it('hashes a body read in many blocks as the whole body, every byte once and in order', async () => {
    // near the tests' byte limit (MAX_BATCH_BYTES 200000), within their row limit: blocks of 1 KB growing to 64 KB
    const text = `${rowsCsv(900)}${'\n'.repeat(150_000)}`;
    const bytes = new TextEncoder().encode(text);
    const response = await postBatch('overquota-reward', text, 'text/csv');
    expect(response.status).toBe(200);
    const batchId = response.headers.get('x-batch-id')!;
    await response.arrayBuffer();
    expect((await stored(batchId))?.body_hmac).toBe(await hmac(env.AUDIT_HMAC_KEY, bytes));
  });

  it('keys longer than a SHA-256 block are hashed first, as HMAC says', async () => {
    const { hmacSha256Streaming } = await import('../../worker/body/hash.ts');
    for (const key of ['k', 'x'.repeat(64), 'y'.repeat(65), '审计密钥'.repeat(30)]) {
      const h = hmacSha256Streaming(key);
      const parts = [new TextEncoder().encode('a,b\n'), new Uint8Array(0), new TextEncoder().encode('1,2\n')];
      for (const p of parts) await h.update(p);
      expect(await h.hex()).toBe(await hmac(key, new TextEncoder().encode('a,b\n1,2\n')));
    }
  });

  it('refuses batches (503, nothing read) when no AUDIT_HMAC_KEY is configured', async () => {
    const response = await app.fetch(
      new Request('https://rules.test/v1/batch/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/csv', ...auth() }, body: rowsCsv(1) }),
      { ...(env as unknown as Env), AUDIT_HMAC_KEY: undefined },
      { waitUntil() {}, passThroughOnException() {}, props: {} },
    );
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('audit-not-configured');
  });
});

/**
 * A batch through the app itself (not a service binding), so the answer is produced only as it is read
 * and a hang-up can be made at a known row; `waits` collects what the Worker leaves to waitUntil.
 */
async function acceptBatch(body: string) {
  const waits: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void waits.push(p), passThroughOnException() {}, props: {} };
  const request = new Request('https://rules.test/v1/batch/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/csv', ...auth() }, body });
  return { response: await app.fetch(request, env as unknown as Env, ctx), waits };
}

describe('every accepted batch is audited (finding 7)', () => {
  it('records the batch as started before the answer is read, then completed with its counts', async () => {
    const { response, waits } = await acceptBatch(rowsCsv(1000));
    const batchId = response.headers.get('x-batch-id')!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored(batchId)).toMatchObject({ status: 'started', finished_at: null, row_count: 0 });
    const answer = (await response.json()) as { batchId: string };
    expect(answer.batchId).toBe(batchId);
    await Promise.all(waits);
    const done = await stored(batchId);
    expect(done).toMatchObject({ status: 'completed', row_count: 1000, ok_count: 1000, mismatch_count: 0, invalid_count: 0 });
    expect(String(done?.finished_at) >= String(done?.created_at)).toBe(true);
    const read = (await (await call(`/v1/batch/${batchId}`, { headers: auth() })).json()) as { batch: Record<string, unknown> };
    expect(read.batch).toMatchObject({ batchId, status: 'completed', summary: { rows: 1000, ok: 1000, mismatch: 0, invalid: 0 } });
  });

  it('a client that hangs up mid-answer leaves an aborted record with the rows answered', async () => {
    const { response, waits } = await acceptBatch(rowsCsv(1000));
    const batchId = response.headers.get('x-batch-id')!;
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // asking for the second piece shows the first was taken; the second is never read
    const second = await reader.read();
    expect(second.done).toBe(false);
    await reader.cancel('client went away');
    await Promise.all(waits);
    const record = await stored(batchId);
    expect(record).toMatchObject({ status: 'aborted' });
    expect(Number(record?.row_count)).toBeGreaterThan(0);
    expect(Number(record?.row_count)).toBeLessThan(1000);
    expect(Number(record?.ok_count) + Number(record?.mismatch_count) + Number(record?.invalid_count)).toBe(Number(record?.row_count));
  });
});
