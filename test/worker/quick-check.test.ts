import { describe, expect, it } from 'vitest';
import { evaluate, listInterpretations, listRules, RULESET_VERSION } from '../../rules/index.ts';
import { call, postJson } from './helpers.ts';

const example = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 };

describe('catalogue', () => {
  it('GET /v1/rules lists the registry with the ruleset version', async () => {
    const response = await call('/v1/rules');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ruleset-version')).toBe(RULESET_VERSION);
    const body = (await response.json()) as { rulesetVersion: string; rules: { id: string }[] };
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    expect(body.rules.map((r) => r.id)).toEqual(listRules().map((r) => r.id));
  });

  it('GET /v1/interpretations lists the interpretations', async () => {
    const response = await call('/v1/interpretations');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rulesetVersion: string; interpretations: { id: string }[] };
    expect(body.rulesetVersion).toBe(RULESET_VERSION);
    expect(body.interpretations.map((i) => i.id)).toEqual(listInterpretations().map((i) => i.id));
  });
});

describe('quick check', () => {
  it('POST answers the issue example: amount 29700.00', async () => {
    const response = await postJson('/v1/rules/overquota-reward', example);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; result: { amount: string }; rulesetVersion: string };
    expect(body.result.amount).toBe('29700.00');
    expect(body).toEqual(evaluate('overquota-reward', example));
  });

  it('GET takes the inputs from the query string', async () => {
    const response = await call('/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(evaluate('overquota-reward', { totalStaff: '400', disabledCounted: '9', monthlyMinWage: '1980' }));
  });

  it('422 with evaluate()’s error body for a bad input, naming the field', async () => {
    const response = await call('/v1/rules/overquota-reward?totalStaff=abc&disabledCounted=9&monthlyMinWage=1980');
    expect(response.status).toBe(422);
    const body = (await response.json()) as { ok: boolean; error: { code: string; field: string }; rulesetVersion: string };
    expect(body).toEqual(evaluate('overquota-reward', { totalStaff: 'abc', disabledCounted: '9', monthlyMinWage: '1980' }));
    expect(body.error.field).toBe('totalStaff');
  });

  it('422 for an unknown input and for a missing one', async () => {
    const unknown = await postJson('/v1/rules/overquota-reward', { ...example, shoeSize: 42 });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown-input');
    const missing = await postJson('/v1/rules/overquota-reward', {});
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('missing-input');
  });

  it('404 for an unknown rule, on GET and POST', async () => {
    for (const response of [await call('/v1/rules/no-such-rule'), await postJson('/v1/rules/no-such-rule', example)]) {
      expect(response.status).toBe(404);
      const body = (await response.json()) as { ok: boolean; error: { code: string; message: { zh: string; en: string } }; rulesetVersion: string };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('unknown-rule');
      expect(body.error.message.zh).toBeTruthy();
      expect(body.rulesetVersion).toBe(RULESET_VERSION);
    }
  });

  it('400 for malformed JSON and an empty body', async () => {
    for (const body of ['{"totalStaff": 400,', '']) {
      const response = await call('/v1/rules/overquota-reward', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: { code: string }; rulesetVersion: string };
      expect(answer.error.code).toBe('malformed-json');
      expect(answer.rulesetVersion).toBe(RULESET_VERSION);
    }
  });

  it('415 for a body that is not JSON', async () => {
    const response = await call('/v1/rules/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(example) });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported-media-type');
  });

  it('a JSON body that is not an object is a 422, not a crash', async () => {
    for (const body of [[1, 2], 'text', 42, null]) {
      const response = await postJson('/v1/rules/overquota-reward', body);
      expect(response.status).toBe(422);
    }
  });

  it('CORS is open for quick checks', async () => {
    const preflight = await call('/v1/rules/overquota-reward', {
      method: 'OPTIONS',
      headers: { origin: 'https://anyone.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries([...preflight.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers': 'Content-Type',
      'access-control-expose-headers': 'X-Ruleset-Version',
      'access-control-max-age': '86400',
    });
    // answers, refusals and unknown rules alike: any page may read them and their ruleset version
    for (const path of [
      '/v1/rules',
      '/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980',
      '/v1/rules/overquota-reward',
      '/v1/rules/no-such-rule',
    ]) {
      const answer = await call(path, { headers: { origin: 'https://anyone.example' } });
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-expose-headers')).toBe('X-Ruleset-Version');
      expect(answer.headers.get('x-ruleset-version')).toBe(RULESET_VERSION);
      await answer.arrayBuffer();
    }
  });

  it('unknown routes are a JSON 404 with the ruleset version', async () => {
    const response = await call('/v1/nothing-here');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { ok: boolean; error: { code: string }; rulesetVersion: string };
    expect(body).toMatchObject({ ok: false, rulesetVersion: RULESET_VERSION, error: { code: 'not-found' } });
  });
});
