// The HTTP contract, held to on both servers (self-hosted workerd and wrangler dev): the same answers
// as evaluate() for every rule, batches as evaluateBatch(), keys, the audit (lifecycle, keyed hash,
// nothing lost under concurrency or on hang-up), and static files served alike.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { evaluate, evaluateBatch, listRules } from '../../rules/index.ts';
import { validInputsFor } from '../support/arbitraries.ts';
import { auditHmac, auth, overquotaCsv, postBatch, readAudit, settledAudit, sha256 } from './client.ts';

const servers = inject('servers');
const rules = listRules();
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe.each(servers.map((s) => [s.name, s.url] as const))('%s', (_name, url) => {
  it('every rule: POST /v1/rules/{id} answers exactly evaluate()', async () => {
    for (const meta of rules) {
      for (const inputs of fc.sample(validInputsFor(meta), { numRuns: 4, seed: 15 })) {
        const expected = evaluate(meta.id, inputs);
        const response = await fetch(`${url}/v1/rules/${meta.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(inputs),
        });
        expect(response.status, meta.id).toBe(expected.ok ? 200 : 422);
        expect(await response.json(), meta.id).toEqual(json(expected));
      }
    }
  });

  it('every rule: a JSON batch answers exactly evaluateBatch(), and is audited', async () => {
    for (const meta of rules) {
      const rows = fc.sample(validInputsFor(meta), { numRuns: 5, seed: 16 });
      const body = JSON.stringify({ rows });
      const response = await postBatch(url, meta.id, body, 'application/json');
      expect(response.status, meta.id).toBe(200);
      const batchId = response.headers.get('x-batch-id')!;
      const answer = (await response.json()) as { batchId: string; rows: unknown[]; summary: { totals?: unknown } };
      const expected = json(evaluateBatch(meta.id, rows));
      expect(answer.batchId).toBe(batchId);
      expect(answer.rows, meta.id).toEqual(expected.rows);
      // the counts are evaluateBatch()'s exactly; the table layer adds the money totals (checked in test/worker/equivalence.test.ts)
      const { totals, ...counts } = answer.summary;
      expect(counts, meta.id).toEqual(expected.summary);
      const { record } = await readAudit(url, batchId);
      expect(record, meta.id).toMatchObject({
        batchId,
        status: 'completed',
        bodyBytes: Buffer.byteLength(body),
        bodyHmac: auditHmac(body),
        summary: expected.summary,
      });
    }
  });

  it('batch keys: 401 without a key or with a wrong one; a record only for its own key', async () => {
    const body = overquotaCsv(1);
    expect((await fetch(`${url}/v1/batch/overquota-reward`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body })).status).toBe(401);
    expect(
      (await fetch(`${url}/v1/batch/overquota-reward`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: 'Bearer wrong' }, body }))
        .status,
    ).toBe(401);
    const response = await postBatch(url, 'overquota-reward', body, 'text/csv');
    const batchId = response.headers.get('x-batch-id')!;
    await response.arrayBuffer();
    expect((await fetch(`${url}/v1/batch/${batchId}`)).status).toBe(401);
    expect((await fetch(`${url}/v1/batch/${batchId}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await readAudit(url, batchId)).status).toBe(200);
  });

  it('the audit holds a keyed hash of the body, never its plain SHA-256 or its contents', async () => {
    const body = 'rowId,totalStaff,disabledCounted,monthlyMinWage\n150296199001011234,400,9,1980\n';
    const response = await postBatch(url, 'overquota-reward', body, 'text/csv');
    const batchId = response.headers.get('x-batch-id')!;
    await response.arrayBuffer();
    const raw = await (await fetch(`${url}/v1/batch/${batchId}`, { headers: auth })).text();
    expect(JSON.parse(raw).batch.bodyHmac).toBe(auditHmac(body));
    expect(raw).not.toContain(sha256(body));
    expect(raw).not.toContain('150296199001011234');
  });

  it('20 batches from 5 clients at once: 20 audit records, each complete', async () => {
    const clients = Array.from({ length: 5 }, async (_, client) => {
      const ids: string[] = [];
      for (let n = 0; n < 4; n++) {
        const response = await postBatch(url, 'overquota-reward', overquotaCsv(50 + client * 4 + n), 'text/csv');
        expect(response.status).toBe(200);
        ids.push(response.headers.get('x-batch-id')!);
        await response.arrayBuffer();
      }
      return ids;
    });
    const ids = (await Promise.all(clients)).flat();
    expect(new Set(ids).size).toBe(20);
    const records = await Promise.all(ids.map((id) => readAudit(url, id)));
    expect(records.map((r) => r.record?.status)).toEqual(Array(20).fill('completed'));
    expect(records.map((r) => r.record!.summary.rows).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 50 + i));
  });

  it('a client that hangs up mid-answer: the batch id came first, and the record says aborted with the rows answered', async () => {
    const rows = 50_000;
    const controller = new AbortController();
    const response = await postBatch(url, 'overquota-reward', overquotaCsv(rows), 'text/csv', { signal: controller.signal });
    expect(response.status).toBe(200);
    const batchId = response.headers.get('x-batch-id')!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort();
    const record = await settledAudit(url, batchId);
    expect(record?.status).toBe('aborted');
    expect(record!.summary.rows).toBeLessThan(rows);
    expect(record!.summary.ok + record!.summary.mismatch + record!.summary.invalid).toBe(record!.summary.rows);
  });
});

/** Every file the site holds, as URL paths. */
function sitePaths(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sitePaths(path, root) : [`/${relative(root, path)}`];
  });
}

describe('static files: the self-hosted server serves them as Cloudflare does (wrangler dev)', () => {
  const site = inject('siteDir');
  it('same status, content type and bytes for every file, for /, directories and missing paths; no redirects', async () => {
    const paths = [...sitePaths(site), '/', '/addin', '/addin/', '/index', '/addin/taskpane', '/nope.html', '/.env'];
    expect(paths).toContain('/addin/taskpane.html');
    for (const path of paths) {
      const [a, b] = await Promise.all(servers.map((s) => fetch(`${s.url}${path}`, { redirect: 'manual' })));
      expect([a.status, path]).toEqual([b.status, path]);
      expect([a.status >= 300 && a.status < 400, path]).toEqual([false, path]);
      expect([a.headers.get('content-type'), path]).toEqual([b.headers.get('content-type'), path]);
      const [bytesA, bytesB] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
      if (a.status === 200) {
        expect(bytesA.equals(bytesB), path).toBe(true);
        if (path !== '/') expect(bytesA.equals(readFileSync(join(site, path))), path).toBe(true);
      }
    }
  });
});
