// The HTTP answer equals evaluate() for the same inputs, for every rule in the registry; and no body,
// however broken, gets a 5xx.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch, listRules, type BatchRow } from '../../rules/index.ts';
import { TotalsAccumulator } from '../../rules/tables/index.ts';
import { junkInputs, validInputsFor } from '../support/arbitraries.ts';
import { call, postBatch, postJson } from './helpers.ts';

describe.each(listRules().map((meta) => [meta.id, meta] as const))('rule %s over HTTP', (id, meta) => {
  it('POST /v1/rules/{id} answers exactly evaluate()', async () => {
    await fc.assert(
      fc.asyncProperty(validInputsFor(meta), async (inputs) => {
        const expected = evaluate(id, inputs);
        const response = await postJson(`/v1/rules/${id}`, inputs);
        expect(response.status).toBe(expected.ok ? 200 : 422);
        expect(await response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 40 },
    );
  });

  it('a JSON batch answers exactly as evaluateBatch() does, row by row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validInputsFor(meta), { minLength: 1, maxLength: 5 }), async (rows) => {
        const response = await postBatch(id, JSON.stringify({ rows }), 'application/json');
        expect(response.status).toBe(200);
        const body = (await response.json()) as { summary: unknown; rows: unknown[] };
        const expected = JSON.parse(JSON.stringify(evaluateBatch(id, rows)));
        expect(body.rows).toEqual(expected.rows);
        // the counts as evaluateBatch() gives them, and the totals (issue 10) summed from its rows
        const { totals, ...counts } = body.summary as { totals?: unknown };
        expect(counts).toEqual(expected.summary);
        const sums = new TotalsAccumulator(meta);
        expected.rows.forEach((row: BatchRow, i: number) => sums.add(row, rows[i] as Record<string, unknown>));
        expect(totals).toEqual(sums.totals());
      }),
      { numRuns: 15 },
    );
  });

  it('junk inputs never give a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(junkInputs, async (junk) => {
        const response = await postJson(`/v1/rules/${id}`, junk);
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 60 },
    );
  });
});

describe('arbitrary bodies', () => {
  const ruleIds = listRules().map((r) => r.id);
  const bodies = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
    fc.json().map((s) => new TextEncoder().encode(s)),
  );
  const contentTypes = fc.constantFrom(
    'text/csv',
    'text/csv; charset=gbk',
    'text/csv; charset=utf-8',
    'application/json',
    'text/plain',
    'application/octet-stream',
    '',
  );
  const paths = fc.oneof(fc.constantFrom(...ruleIds), fc.string({ maxLength: 20 }).map(encodeURIComponent));

  it('never produce a 5xx on any route', async () => {
    await fc.assert(
      fc.asyncProperty(paths, bodies, contentTypes, fc.constantFrom('rules', 'batch'), async (id, bytes, contentType, route) => {
        const headers: Record<string, string> = { authorization: 'Bearer local-dev-key' };
        if (contentType) headers['content-type'] = contentType;
        const response = await call(`/v1/${route}/${id}`, { method: 'POST', headers, body: bytes as BodyInit });
        expect(response.status).toBeLessThan(500);
        const text = await response.text();
        if (response.headers.get('content-type')?.startsWith('application/json')) expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('CSV rows built from arbitrary cells each get one answer, in order', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String), fc.constantFrom('"', '""', ',', '\n', '=1', '昆都仑区'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), async (grid) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = ['rowId,totalStaff,disabledCounted,monthlyMinWage,claimed', ...grid.map((row) => row.map(quote).join(','))].join('\n');
        const response = await postBatch('overquota-reward', text, 'text/csv');
        expect(response.status).toBe(200);
        const body = (await response.json()) as { summary: { rows: number }; rows: { index: number }[] };
        expect(body.rows.map((r) => r.index)).toEqual(grid.map((_, i) => i));
        expect(body.summary.rows).toBe(grid.length);
      }),
      { numRuns: 40 },
    );
  });
});
