import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { evaluate, RULESET_VERSION } from '../../rules/index.ts';
import { auth, call, OTHER_TEST_KEY, parseCsvAnswer, postBatch } from './helpers.ts';

interface BatchAnswer {
  batchId: string;
  rule: string;
  rulesetVersion: string;
  summary: { rows: number; ok: number; mismatch: number; invalid: number; skipped: number; totals?: Record<string, unknown> };
  rows: {
    index: number;
    rowId?: string;
    status: string;
    result?: Record<string, unknown>;
    error?: { code: string; field?: string };
    claimed?: string;
    difference?: string;
  }[];
}

const header = 'rowId,totalStaff,disabledCounted,monthlyMinWage,claimed';
const csv = (...lines: string[]) => [header, ...lines].join('\r\n') + '\r\n';

describe('POST /v1/batch/{id}', () => {
  it('answers a UTF-8 CSV row by row, in order, comparing claimed amounts', async () => {
    const response = await postBatch('overquota-reward', csv('A,400,9,1980,29700', 'B,400,9,1980,30000', 'C,x,9,1980,', 'D,400,9,1980,'), 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ruleset-version')).toBe(RULESET_VERSION);
    const body = (await response.json()) as BatchAnswer;
    expect(body.rule).toBe('overquota-reward');
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    expect(body.summary).toEqual({
      rows: 4,
      ok: 2,
      mismatch: 1,
      invalid: 1,
      skipped: 0,
      // computed over the three rows that computed; claimed, the computed amounts they compare with, and the difference over the two that claimed
      totals: { rows: 3, computed: '89100.00', claimedRows: 2, claimed: '59700.00', computedClaimed: '59400.00', difference: '300.00' },
    });
    expect(body.rows.map((r) => [r.index, r.rowId, r.status])).toEqual([
      [0, 'A', 'ok'],
      [1, 'B', 'mismatch'],
      [2, 'C', 'invalid'],
      [3, 'D', 'ok'],
    ]);
    expect(body.rows[0].result).toEqual(
      (evaluate('overquota-reward', { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980' }) as { result: unknown }).result,
    );
    expect(body.rows[1].difference).toBe('300.00');
    expect(body.rows[2].error?.field).toBe('totalStaff');
  });

  it('accepts the zh input labels as headers, and a BOM', async () => {
    const text = '\uFEFF行号,在职职工总数,残疾职工折算人数,月最低工资标准\n甲,400,9,1980\n';
    const response = await postBatch('overquota-reward', text, 'text/csv; charset=utf-8');
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchAnswer;
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ rowId: '甲', status: 'ok', result: { amount: '29700.00' } });
  });

  it('reads GBK as Chinese Excel saves it, with charset= and without', async () => {
    // "行号,在职职工总数,残疾职工折算人数,月最低工资标准\r\n甲,400,9,1980\r\n" encoded as GBK by workerd's own decoder's inverse:
    const gbk = gbkBytes('行号,在职职工总数,残疾职工折算人数,月最低工资标准\r\n甲,400,9,1980\r\n乙,400,9,1980\r\n');
    for (const contentType of ['text/csv; charset=gbk', 'text/csv; charset=GB18030', 'text/csv']) {
      const response = await postBatch('overquota-reward', gbk as BodyInit, contentType);
      expect(response.status).toBe(200);
      const body = (await response.json()) as BatchAnswer;
      expect(body.rows.map((r) => [r.rowId, r.status, r.result?.amount])).toEqual([
        ['甲', 'ok', '29700.00'],
        ['乙', 'ok', '29700.00'],
      ]);
    }
  });

  it('takes JSON rows', async () => {
    const response = await postBatch(
      'overquota-reward',
      JSON.stringify({ rows: [{ rowId: 'x', totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, claimed: 29700 }, 'not a row', { totalStaff: 400 }] }),
      'application/json',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchAnswer;
    expect(body.summary).toMatchObject({
      rows: 3,
      ok: 1,
      mismatch: 0,
      invalid: 2,
      skipped: 0,
      totals: { computed: '29700.00', claimed: '29700.00', difference: '0.00' },
    });
    expect(body.rows.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('answers CSV with Accept: text/csv, neutralising every formula-like cell', async () => {
    const text =
      'rowId,totalStaff,disabledCounted,monthlyMinWage,claimed\r\n=HYPERLINK("http://x"),400,9,1980,-5\r\n+1,400,9,1980,\r\n@SUM(A1),400,9,1980,\r\n"\tTAB",400,9,1980,\r\n"\rCR",400,9,1980,\r\nplain,400,9,1980,\r\n';
    const response = await postBatch('overquota-reward', text, 'text/csv', { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsvAnswer(await response.text());
    expect(rows[0]).toEqual(['rowId', 'totalStaff', 'disabledCounted', 'monthlyMinWage', 'claimed', 'status', 'amount', 'difference', 'message']);
    expect(rows).toHaveLength(8); // header, six rows, the 合计 line
    expect(rows[7][0]).toBe('Total');
    // numbers stay numbers: a negative amount is not an injection (issue 10); every other formula start is neutralised
    for (const row of rows) for (const cell of row) if (!/^-\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[1][4]).toBe('-5.00'); // the claimed amount as read, a number
    expect(rows[1][7]).toBe('-29705.00');
    expect(rows[2][0]).toBe(`'+1`);
    expect(rows[3][0]).toBe(`'@SUM(A1)`);
    expect(rows[4][0]).toBe(`'\tTAB`);
    expect(rows[6]).toEqual(['plain', '400', '9', '1980', '', 'OK', '29700.00', '', expect.any(String)]);
  });

  it('gives exactly one answer per row whatever is wrong with it', async () => {
    const lines = ['1,400,9,1980,', ',,,,', '3,400,9,1980,abc', '4,400,9,1980,,extra', '5,"400', '6,400,9,1980,'];
    const response = await postBatch('overquota-reward', csv(...lines), 'text/csv');
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchAnswer;
    expect(body.rows.map((r) => r.index)).toEqual(body.rows.map((_, i) => i));
    expect(body.summary.rows).toBe(body.rows.length);
    // a blank row is answered `skipped` with a reason (issue 10)
    expect(body.rows.map((r) => r.status)).toEqual(['ok', 'skipped', 'invalid', 'invalid', 'invalid', 'ok']);
    expect(body.rows[4].error?.code).toBe('malformed-csv');
  });

  it('keeps extra columns (listed as ignoredColumns); refuses a header naming no input, or one input twice, before any row (422)', async () => {
    const kept = await postBatch('overquota-reward', 'totalStaff,shoeSize,disabledCounted,monthlyMinWage\n400,42,9,1980\n', 'text/csv');
    expect(kept.status).toBe(200);
    const answer = (await kept.json()) as BatchAnswer & { ignoredColumns: string[] };
    expect(answer.ignoredColumns).toEqual(['shoeSize']);
    expect(answer.rows[0]).toMatchObject({ status: 'ok', result: { amount: '29700.00' } });
    const none = await postBatch('overquota-reward', 'colour,shoeSize\nred,42\n', 'text/csv');
    expect(none.status).toBe(422);
    const body = (await none.json()) as { error: { code: string; message: { en: string } }; rulesetVersion: string };
    expect(body.error.code).toBe('unknown-column');
    expect(body.error.message.en).toContain('shoeSize');
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    const twice = await postBatch('overquota-reward', 'totalStaff,在职职工总数（人）\n400,400\n', 'text/csv');
    expect(twice.status).toBe(422);
    const error = ((await twice.json()) as { error: { code: string; field: string; message: { zh: string } } }).error;
    expect(error).toMatchObject({ code: 'unknown-column', field: 'totalStaff' });
    expect(error.message.zh).toContain('totalStaff');
    expect(error.message.zh).toContain('在职职工总数（人）');
  });

  it('empty body, header only, binary junk and a declared unknown charset are answered without a 5xx', async () => {
    expect((await postBatch('overquota-reward', '', 'text/csv')).status).toBe(422);
    const headerOnly = await postBatch('overquota-reward', `${header}\r\n`, 'text/csv');
    expect(headerOnly.status).toBe(200);
    expect(((await headerOnly.json()) as BatchAnswer).summary).toMatchObject({ rows: 0, ok: 0, mismatch: 0, invalid: 0, skipped: 0 });
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await postBatch('overquota-reward', junk as BodyInit, 'text/csv')).status).toBe(422);
    expect((await postBatch('overquota-reward', csv('1,400,9,1980,'), 'text/csv; charset=koi8-r')).status).toBe(415);
    expect((await postBatch('overquota-reward', '{"rows":', 'application/json')).status).toBe(400);
    expect((await postBatch('overquota-reward', '{"rows":3}', 'application/json')).status).toBe(422);
    expect((await postBatch('overquota-reward', 'a,b', 'application/xml')).status).toBe(415);
  });

  it('404 for an unknown rule', async () => {
    expect((await postBatch('no-such-rule', csv('1,400,9,1980,'), 'text/csv')).status).toBe(404);
  });

  it('limits rows and bytes with 413 and a clear message', async () => {
    const maxRows = Number(env.MAX_BATCH_ROWS);
    const tooMany = csv(...Array.from({ length: maxRows + 1 }, (_, i) => `${i},400,9,1980,`));
    const rows = await postBatch('overquota-reward', tooMany, 'text/csv');
    expect(rows.status).toBe(413);
    const rowsBody = (await rows.json()) as { error: { code: string; message: { zh: string; en: string } } };
    expect(rowsBody.error.code).toBe('too-many-rows');
    expect(rowsBody.error.message.en).toContain(String(maxRows));
    const justEnough = await postBatch('overquota-reward', csv(...Array.from({ length: maxRows }, (_, i) => `${i},400,9,1980,`)), 'text/csv');
    expect(justEnough.status).toBe(200);
    expect(((await justEnough.json()) as BatchAnswer).summary.rows).toBe(maxRows);

    const big = csv(`1,400,9,1980,${'9'.repeat(Number(env.MAX_BATCH_BYTES))}`);
    const bytes = await postBatch('overquota-reward', big, 'text/csv');
    expect(bytes.status).toBe(413);
    expect(((await bytes.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
    // Without a Content-Length (a stream), the limit still holds.
    const streamed = new Blob([big]).stream();
    const chunked = await call('/v1/batch/overquota-reward', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...auth() },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const jsonRows = JSON.stringify({ rows: Array.from({ length: maxRows + 1 }, () => ({ totalStaff: 1 })) });
    expect((await postBatch('overquota-reward', jsonRows, 'application/json')).status).toBe(413);
  });
});

describe('keys, origins and the audit', () => {
  it('401 without a key and with a wrong one', async () => {
    const body = csv('1,400,9,1980,');
    const none = await call('/v1/batch/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await call('/v1/batch/overquota-reward', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: 'Bearer not-the-key' },
      body,
    });
    expect(wrong.status).toBe(401);
    // The hash itself is not a key.
    const hash = env.API_KEYS.split(',')[0].split(':')[1];
    const hashAsKey = await call('/v1/batch/overquota-reward', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${hash}` },
      body,
    });
    expect(hashAsKey.status).toBe(401);
    expect((await call('/v1/batch/anything')).status).toBe(401);
  });

  it('batch CORS: own and configured origins only', async () => {
    const body = csv('1,400,9,1980,');
    const foreign = await postBatch('overquota-reward', body, 'text/csv', { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const preflight = await call('/v1/batch/overquota-reward', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    const allowed = await postBatch('overquota-reward', body, 'text/csv', { origin: 'https://allowed.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const own = await postBatch('overquota-reward', body, 'text/csv', { origin: 'https://rules.test' });
    expect(own.status).toBe(200);
  });

  it('writes one audit record per batch, holding nothing from the rows', async () => {
    const secretRowId = 'ID-150296199001011234';
    const text = csv(`${secretRowId},400,9,1980,29700`, 'B,400,9,1980,1');
    const response = await postBatch('overquota-reward', text, 'text/csv');
    const answer = (await response.json()) as BatchAnswer;
    const stored = await env.DB.prepare('SELECT * FROM batch_audit WHERE batch_id = ?').bind(answer.batchId).first<Record<string, unknown>>();
    const bytes = new TextEncoder().encode(text);
    const hmacKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(env.AUDIT_HMAC_KEY), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const hmac = [...new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(stored).toMatchObject({
      batch_id: answer.batchId,
      key_id: 'local',
      rule: 'overquota-reward',
      ruleset_version: RULESET_VERSION,
      format: 'csv',
      body_bytes: bytes.length,
      body_sha256: null,
      body_hmac: hmac,
      status: 'completed',
      row_count: 2,
      ok_count: 1,
      mismatch_count: 1,
      invalid_count: 0,
    });
    const everything = JSON.stringify(await env.DB.prepare('SELECT * FROM batch_audit').all());
    expect(everything).not.toContain(secretRowId);
    expect(everything).not.toContain('local-dev-key');
    // the amount is looked for outside the random and time fields (checked above), where its digits may occur by chance
    const { results } = await env.DB.prepare('SELECT * FROM batch_audit').all<Record<string, unknown>>();
    const chanceFree = results.map((record: Record<string, unknown>) =>
      Object.entries(record).filter(([column]) => !/^(batch_id|body_hmac|body_sha256|created_at|finished_at)$/.test(column)),
    );
    expect(JSON.stringify(chanceFree)).not.toContain('29700');
    expect(Object.keys(stored!).sort()).toEqual(
      [
        'batch_id',
        'created_at',
        'finished_at',
        'status',
        'key_id',
        'rule',
        'ruleset_version',
        'format',
        'body_bytes',
        'body_sha256',
        'body_hmac',
        'row_count',
        'ok_count',
        'mismatch_count',
        'invalid_count',
        'kind',
        'overrides',
      ].sort(),
    );

    const record = await call(`/v1/batch/${answer.batchId}`, { headers: auth() });
    expect(record.status).toBe(200);
    const recordBody = (await record.json()) as { rulesetVersion: string; batch: { batchId: string; summary: BatchAnswer['summary'] } };
    expect(recordBody.rulesetVersion).toBe(RULESET_VERSION);
    expect(recordBody.batch).toMatchObject({
      batchId: answer.batchId,
      bodyHmac: hmac,
      status: 'completed',
      summary: { rows: 2, ok: 1, mismatch: 1, invalid: 0, skipped: 0 },
    });
    expect((await call(`/v1/batch/${answer.batchId}`, { headers: auth(OTHER_TEST_KEY) })).status).toBe(404);
    expect((await call(`/v1/batch/${answer.batchId}`)).status).toBe(401);
    expect((await call('/v1/batch/00000000-0000-0000-0000-000000000000', { headers: auth() })).status).toBe(404);
  });
});

/** GBK bytes of a string, by searching the inverse of workerd's GBK decoder over the needed characters. */
function gbkBytes(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) >= 0x80));
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(table.get(ch) ?? [ch.charCodeAt(0)]));
  return new Uint8Array(out);
}
