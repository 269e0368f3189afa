/**
 * Every answer's headers, exactly, on each kind of route: the ruleset version and the path's security headers
 * (worker/app.ts), an open route's CORS (open-cors.ts), a batch route's own CORS, gathered by
 * worker/http/answer-headers.ts whether the route makes its answer with them (a quick check) or not.
 */
import { describe, expect, it } from 'vitest';
import { RULESET_VERSION } from '../../rules/index.ts';
import { CSP } from '../../worker/http/security-headers.ts';
import { call, postJson } from './helpers.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const OWN = { 'content-security-policy': CSP.api, 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'x-ruleset-version': RULESET_VERSION };
const OPEN = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'X-Ruleset-Version' };

const headersOf = async (response: Promise<Response>) => {
  const answer = await response;
  await answer.arrayBuffer();
  return { status: answer.status, headers: Object.fromEntries(answer.headers) };
};
const quick = '/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980';

describe('answer headers', () => {
  it.each([
    ['GET a quick check', () => call(quick), 200],
    ['HEAD a quick check', () => call(quick, { method: 'HEAD' }), 200],
    ['GET a quick check that is refused', () => call('/v1/rules/overquota-reward?totalStaff=x'), 422],
    ['GET an unknown rule', () => call('/v1/rules/nope'), 404],
    ['POST a quick check', () => postJson('/v1/rules/overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }), 200],
    ['POST a quick check as text', () => call('/v1/rules/overquota-reward', { method: 'POST', body: 'x' }), 415],
    ['GET the parameters without a date', () => call('/v1/parameters'), 422],
    ['POST a what-if check', () => postJson('/v1/whatif/overquota-reward/check', { inputs: {} }), 422],
  ])('%s: JSON, its own headers and open CORS', async (_name, request, status) => {
    expect(await headersOf(request())).toEqual({ status, headers: { 'content-type': JSON_TYPE, ...OWN, ...OPEN } });
  });

  it.each([
    ['GET the catalogue', () => call('/v1/rules')],
    ['GET the OpenAPI document', () => call('/openapi.json')],
  ])('%s: hono’s JSON, its own headers and open CORS', async (_name, request) => {
    expect(await headersOf(request())).toEqual({ status: 200, headers: { 'content-type': 'application/json', ...OWN, ...OPEN } });
  });

  it('a template file: its own type, no JSON', async () => {
    const { status, headers } = await headersOf(call('/v1/rules/overquota-reward/template.csv'));
    expect(status).toBe(200);
    expect(headers).toMatchObject({ ...OWN, ...OPEN });
    expect(headers['content-type']).toMatch(/^text\/csv/);
  });

  it('a route with no CORS (unknown path, refused method): its own headers only', async () => {
    expect(await headersOf(call('/v1/nothing'))).toEqual({ status: 404, headers: { 'content-type': JSON_TYPE, ...OWN } });
    expect(await headersOf(call('/v1/rules/overquota-reward', { method: 'PUT' }))).toEqual({
      status: 405,
      headers: { 'content-type': JSON_TYPE, allow: 'GET, HEAD, POST, OPTIONS', ...OWN },
    });
  });

  it('a preflight on an open route: hono’s CORS answer, with its own headers', async () => {
    const response = call('/v1/rules/overquota-reward', {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'GET' },
    });
    expect(await headersOf(response)).toEqual({
      status: 204,
      headers: {
        ...OWN,
        ...OPEN,
        'access-control-allow-headers': 'Content-Type',
        'access-control-allow-methods': 'GET,POST,OPTIONS',
        'access-control-max-age': '86400',
        vary: 'Access-Control-Request-Headers',
      },
    });
  });

  it('a batch route: its own CORS for an allowed origin, none for a call without one', async () => {
    expect(await headersOf(call('/v1/batch/overquota-reward', { method: 'POST', headers: { origin: 'https://allowed.example' } }))).toEqual({
      status: 401,
      headers: {
        'content-type': JSON_TYPE,
        'www-authenticate': 'Bearer',
        ...OWN,
        'access-control-allow-origin': 'https://allowed.example',
        'access-control-expose-headers': 'X-Ruleset-Version',
        vary: 'Origin',
      },
    });
    expect(await headersOf(call('/v1/batch/overquota-reward', { method: 'POST' }))).toEqual({
      status: 401,
      headers: { 'content-type': JSON_TYPE, 'www-authenticate': 'Bearer', ...OWN },
    });
  });
});
