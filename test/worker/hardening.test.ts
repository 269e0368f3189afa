// Issue 13 findings 1–4: deep nesting, look-alike digits and lost precision, GET = POST, personal inputs in URLs.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { call, parseCsvAnswer, postBatch, postJson } from './helpers.ts';

interface ErrorAnswer {
  ok: false;
  error: { code: string; field?: string; message: { zh: string; en: string } };
}
interface BatchAnswer {
  rows: { index: number; status: string; rowId?: string; error?: ErrorAnswer['error'] }[];
  summary: { rows: number; ok: number; invalid: number };
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const postText = (path: string, text: string) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });

function expectFieldError(body: unknown, code: string, field: string) {
  const { error } = body as ErrorAnswer;
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
  expect(error.message.zh).toBeTruthy();
  expect(error.message.en).toBeTruthy();
  expect(error.message.en).not.toMatch(/RangeError|internal/i);
}

describe('finding 1: deep nesting is that field’s or that row’s error, never a crash', () => {
  it('a quick-check number field nested 5,000 deep is a 422 naming the field', async () => {
    const response = await postText('/v1/rules/overquota-reward', `{"totalStaff":${deep(5000)},"disabledCounted":9,"monthlyMinWage":1980}`);
    expect(response.status).toBe(422);
    expectFieldError(await response.json(), 'invalid-number', 'totalStaff');
  });

  it('a batch row whose rowId or claimed nests 5,000 deep is that row’s error; the other rows are answered', async () => {
    const body = `{"rows":[{"rowId":${deep(5000)},"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980},{"rowId":"b","claimed":${deep(5000)},"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980},{"rowId":"c","totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}]}`;
    const response = await postBatch('overquota-reward', body, 'application/json');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.summary).toMatchObject({ rows: 3, ok: 1, invalid: 2 });
    expect(answer.rows[0].error?.field).toBe('rowId');
    expect(answer.rows[1].error?.field).toBe('claimed');
    expect(answer.rows[1].rowId).toBe('b');
    expect(answer.rows[2].status).toBe('ok');
  });

  it('the CSV answer to such a batch is written too', async () => {
    const body = `{"rows":[{"rowId":${deep(5000)},"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}]}`;
    const response = await postBatch('overquota-reward', body, 'application/json', { accept: 'text/csv' });
    expect(response.status).toBe(200);
    const rows = parseCsvAnswer(await response.text());
    expect(rows).toHaveLength(3); // header, the row, the 合计 line
    expect(rows[1].at(-1)).toContain('rowId');
  });

  it('a deep list inside a list input is that field’s error', async () => {
    const response = await postText('/v1/rules/dispatch-referral-reward', `{"employedMonths":[1,${deep(3000)}]}`);
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorAnswer).error.field).toMatch(/^employedMonths/);
  });
});

describe('finding 2: look-alike digits and lost precision are refused', () => {
  for (const lookalike of ['④⓪⓪', '¹²', '𝟒𝟎𝟎', '٤٠٠', '४००']) {
    it(`"${lookalike}" is not a number (GET and POST)`, async () => {
      const get = await call(`/v1/rules/overquota-reward?totalStaff=${encodeURIComponent(lookalike)}&disabledCounted=9&monthlyMinWage=1980`);
      const post = await postJson('/v1/rules/overquota-reward', { totalStaff: lookalike, disabledCounted: 9, monthlyMinWage: 1980 });
      for (const response of [get, post]) {
        expect(response.status).toBe(422);
        expectFieldError(await response.json(), 'invalid-number', 'totalStaff');
      }
    });
  }

  it('full-width digits, comma and point are read (as Chinese input methods type them)', async () => {
    const response = await postJson('/v1/rules/overquota-reward', { totalStaff: '４００', disabledCounted: '９．０', monthlyMinWage: '１，９８０' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { amount: string } }).result.amount).toBe('29700.00');
    const grouped = await postJson('/v1/rules/rural-startup-loan-cap', { requestedAmount: '１２，０００' });
    expect(await grouped.json()).toEqual(evaluate('rural-startup-loan-cap', { requestedAmount: 12000 }));
  });

  it('a JSON number that underflows or overflows, or has more digits than it can hold, is refused', async () => {
    const cases: [string, string, string][] = [
      ['"monthlyMinWage":1e-400', 'invalid-number', 'monthlyMinWage'],
      ['"monthlyMinWage":1980.000000000000000000001', 'invalid-number', 'monthlyMinWage'],
      ['"monthlyMinWage":1e400', 'out-of-range', 'monthlyMinWage'],
      ['"monthlyMinWage":1e99999999999', 'out-of-range', 'monthlyMinWage'],
      ['"monthlyMinWage":1e-99999999999', 'invalid-number', 'monthlyMinWage'],
    ];
    for (const [member, code, field] of cases) {
      const response = await postText('/v1/rules/overquota-reward', `{"totalStaff":400,"disabledCounted":9,${member}}`);
      expect(response.status, member).toBe(422);
      expectFieldError(await response.json(), code, field);
    }
  });

  it('a whole number too big for a double is refused, not rounded', async () => {
    const response = await postText('/v1/rules/overquota-reward', '{"totalStaff":12345678901234567891,"disabledCounted":9,"monthlyMinWage":1980}');
    expect(response.status).toBe(422);
    expectFieldError(await response.json(), 'out-of-range', 'totalStaff');
  });

  it('a yes/no given 1e-400 (or 0.0, or 2) is refused, not read as false', async () => {
    for (const value of ['1e-400', '0.0', '2', '"0.0"']) {
      const response = await postText('/v1/rules/tobacco-min-distance', `{"district":"昆都仑区","disabledApplicant":${value}}`);
      expect(response.status, value).toBe(422);
      expectFieldError(await response.json(), 'invalid-boolean', 'disabledApplicant');
    }
  });

  it('[] (or {}) in an optional field is an error, not absent', async () => {
    for (const value of ['[]', '{}', '[1]']) {
      const response = await postText('/v1/rules/tobacco-min-distance', `{"district":"昆都仑区","disabledApplicant":${value}}`);
      expect(response.status, value).toBe(422);
      expectFieldError(await response.json(), 'invalid-boolean', 'disabledApplicant');
    }
    const list = await postText('/v1/rules/dispatch-referral-reward', '{"employedMonths":[]}');
    expect(list.status).toBe(422);
    expectFieldError(await list.json(), 'invalid-list', 'employedMonths');
  });

  it('a claimed amount is read like an input: look-alikes refused, full-width read', async () => {
    const body = {
      rows: [
        { claimed: '２９，７００', totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 },
        { claimed: '𝟐𝟗𝟕𝟎𝟎', totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 },
      ],
    };
    const response = await postBatch('overquota-reward', JSON.stringify(body), 'application/json');
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.rows.map((r) => r.status)).toEqual(['ok', 'invalid']);
    expect(answer.rows[1].error?.field).toBe('claimed');
  });
});

describe('finding 3: GET and POST give one answer', () => {
  const pairs: [string, string][] = [
    ['__proto__=1&totalStaff=400&disabledCounted=9&monthlyMinWage=1980', '{"__proto__":1,"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}'],
    ['constructor=1&totalStaff=400&disabledCounted=9&monthlyMinWage=1980', '{"constructor":1,"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1980}'],
    ['totalStaff=4e2&disabledCounted=9&monthlyMinWage=1980', '{"totalStaff":4e2,"disabledCounted":9,"monthlyMinWage":1980}'],
    ['totalStaff=400&disabledCounted=9.0&monthlyMinWage=1.98E3', '{"totalStaff":400,"disabledCounted":9.0,"monthlyMinWage":1.98E3}'],
    ['totalStaff=400&disabledCounted=9&monthlyMinWage=1e-400', '{"totalStaff":400,"disabledCounted":9,"monthlyMinWage":1e-400}'],
  ];
  for (const [query, json] of pairs) {
    it(`?${query.split('&')[0]} = ${json.slice(0, 24)}…`, async () => {
      const get = await call(`/v1/rules/overquota-reward?${query}`);
      const post = await postText('/v1/rules/overquota-reward', json);
      expect(get.status).toBe(post.status);
      expect(await get.json()).toEqual(await post.json());
    });
  }

  it('?__proto__=1 is refused as an unknown input, like the POST', async () => {
    const response = await call('/v1/rules/overquota-reward?__proto__=1&totalStaff=400&disabledCounted=9&monthlyMinWage=1980');
    expect(response.status).toBe(422);
    expectFieldError(await response.json(), 'unknown-input', '__proto__');
  });
});

describe('finding 4: inputs that identify a person never travel in a URL', () => {
  const cert = '15029619650115001X42';

  it('the registry marks certificate numbers, birth dates and person ids as personal', async () => {
    const body = (await (await call('/v1/rules')).json()) as {
      rules: { id: string; inputs: { name: string; personal?: boolean; fields?: { name: string; personal?: boolean }[] }[] }[];
    };
    const personal = body.rules.flatMap((r) =>
      r.inputs.flatMap((i) => [
        ...(i.personal ? [`${r.id}.${i.name}`] : []),
        ...(i.fields ?? []).filter((f) => f.personal).map((f) => `${r.id}.${i.name}.${f.name}`),
      ]),
    );
    expect(personal.sort()).toEqual(
      [
        'cert-info.certNumber',
        'disabled-headcount.rows.certNumber',
        'public-post-end-date.birthDate',
        'retirement-date.birthDate',
        'skills-training-subsidy.personId',
      ].sort(),
    );
  });

  for (const [rule, query, field] of [
    ['cert-info', `certNumber=${cert}`, 'certNumber'],
    ['retirement-date', 'birthDate=1966-03-15&retirementCategory=male', 'birthDate'],
    ['public-post-end-date', 'startDate=2024-01-01&birthDate=1966-03-15&retirementCategory=male', 'birthDate'],
    ['skills-training-subsidy', 'personId=P1&classHours=40&days=5', 'personId'],
    ['disabled-headcount', 'rows=x', 'rows'],
  ]) {
    it(`GET /v1/rules/${rule}?${field}=… is refused with a 400 that points to POST and does not repeat the value`, async () => {
      const response = await call(`/v1/rules/${rule}?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorAnswer;
      expectFieldError(body, 'personal-input-in-url', field);
      expect(body.error.message.en).toContain(`POST /v1/rules/${rule}`);
      expect(body.error.message.zh).toContain('POST');
      expect(JSON.stringify(body)).not.toContain(cert);
      expect(JSON.stringify(body)).not.toContain('1966-03-15');
    });
  }

  it('the same inputs by POST are answered', async () => {
    const response = await postJson('/v1/rules/cert-info', { certNumber: cert });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(evaluate('cert-info', { certNumber: cert }));
  });

  it('OpenAPI lists no personal input as a query parameter', async () => {
    const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    expect(doc.paths['/v1/rules/cert-info'].get?.parameters?.map((p) => p.name) ?? []).not.toContain('certNumber');
    expect(doc.paths['/v1/rules/retirement-date'].get?.parameters?.map((p) => p.name) ?? []).not.toContain('birthDate');
  });
});

describe('worker/body/json.ts', () => {
  it('keeps numbers as written, bounds depth, and refuses what JSON refuses, with a message about the text sent', async () => {
    const { parseJson, MAX_JSON_DEPTH } = await import('../../worker/body/json.ts');
    expect(parseJson('{"a":4e2,"b":[1.50,-0],"c":"4e2","d":true,"e":null}')).toEqual({ a: '4e2', b: ['1.50', '-0'], c: '4e2', d: true, e: null });
    expect(parseJson('{"s":"a \\" [ { 1 \\\\","n":1}')).toEqual({ s: 'a " [ { 1 \\', n: '1' });
    const nested = parseJson(`{"a":${deep(MAX_JSON_DEPTH + 10)},"b":1}`) as { a: unknown; b: string };
    expect(nested.b).toBe('1');
    expect(JSON.stringify(nested.a)).toContain('"nestedTooDeep":true');
    expect(JSON.stringify(nested.a).split('[').length - 1).toBeLessThan(MAX_JSON_DEPTH);
    for (const bad of ['{"a":01}', '{"a":1.}', '[-]', '{"a":[1,]}', '"abc', `{"a":${'['.repeat(40)}1,${']'.repeat(40)}}`, '{"a":1e}'])
      expect(() => parseJson(bad), bad).toThrow(SyntaxError);
    // the message quotes the text as sent, not the rewritten one (numbers quoted)
    expect(() => parseJson('{"a":[1,]}')).toThrow('{"a":[1,]}');
  });
});
