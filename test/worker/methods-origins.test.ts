// Issue 13 findings 9 (own origin from configuration, never from Host) and 10 (405 with Allow; Accept q=0).
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { preferredType } from '../../worker/http/accept.ts';
import { ownOrigin } from '../../worker/http/origins.ts';
import { auth, call, postBatch } from './helpers.ts';

const csv = 'totalStaff,disabledCounted,monthlyMinWage\n400,9,1980\n';

describe('finding 9: the batch routes’ own origin is configuration, not the Host header', () => {
  it('Host: evil.example with Origin: http://evil.example is refused', async () => {
    const response = await exports.default.fetch(
      new Request('http://evil.example/v1/batch/overquota-reward', {
        method: 'POST',
        headers: { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'text/csv', ...auth() },
        body: csv,
      }),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden-origin');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a forged Host is refused on the preflight too', async () => {
    const response = await exports.default.fetch(
      new Request('https://evil.example/v1/batch/overquota-reward', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(response.status).toBe(403);
  });

  it('the configured PUBLIC_ORIGIN is allowed, whatever URL the request came in on', async () => {
    const response = await exports.default.fetch(
      new Request('http://elsewhere.example/v1/batch/overquota-reward', {
        method: 'POST',
        headers: { origin: 'https://rules.test', 'content-type': 'text/csv', ...auth() },
        body: csv,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://rules.test');
    await response.text();
  });

  it('PUBLIC_ORIGIN is read as an origin; unset or not a URL allows no own origin', () => {
    expect(ownOrigin('https://rules.example.org/')).toBe('https://rules.example.org');
    expect(ownOrigin(' http://127.0.0.1:8787 ')).toBe('http://127.0.0.1:8787');
    expect(ownOrigin(undefined)).toBeUndefined();
    expect(ownOrigin('')).toBeUndefined();
    expect(ownOrigin('not a url')).toBeUndefined();
  });
});

describe('finding 10: wrong methods are 405 with Allow', () => {
  const cases: [string, string][] = [
    ['/v1/rules', 'GET, HEAD, OPTIONS'],
    ['/v1/rules/overquota-reward', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/rules/no-such-rule', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/batch/overquota-reward', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/interpretations', 'GET, HEAD, OPTIONS'],
    ['/openapi.json', 'GET, HEAD, OPTIONS'],
  ];
  for (const [path, allow] of cases) {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      it(`${method} ${path} → 405, Allow: ${allow}`, async () => {
        const response = await call(path, { method, headers: { ...auth(), 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{}' });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe(allow);
        const body = (await response.json()) as { ok: boolean; error: { code: string; message: { zh: string; en: string } } };
        expect(body.ok).toBe(false);
        expect(body.error.code).toBe('method-not-allowed');
        expect(body.error.message.zh).toContain(method);
        expect(body.error.message.en).toContain(method);
      });
    }
  }

  it('a path with no route stays 404 for every method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) expect((await call('/v1/nothing-here', { method })).status).toBe(404);
  });

  it('the routes still answer their own methods (and HEAD, and CORS preflights)', async () => {
    expect((await call('/v1/rules', { method: 'HEAD' })).status).toBe(200);
    const preflight = await call('/v1/rules/overquota-reward', {
      method: 'OPTIONS',
      headers: { origin: 'https://anyone.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });
});

describe('finding 10: Accept negotiation (worker/http/accept.ts)', () => {
  const offered = ['application/json', 'text/csv'];
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/csv;q=0', undefined],
    ['text/csv;q=0, application/json', 'application/json'],
    ['text/csv; q=0, */*', 'application/json'],
    ['*/*;q=0.1, text/csv;q=0', 'application/json'],
    ['text/*', 'text/csv'],
    ['text/csv, */*', 'text/csv'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['application/json, text/csv;q=0.9', 'application/json'],
    ['TEXT/CSV', 'text/csv'],
    ['image/png', undefined],
    ['text/csv;q=abc', undefined],
  ])('Accept: %s → %s', (accept, expected) => {
    expect(preferredType(accept, offered)).toBe(expected);
  });

  it('a batch with Accept: text/csv;q=0 is not answered in CSV', async () => {
    for (const accept of ['text/csv;q=0', 'text/csv;q=0, application/json']) {
      const response = await postBatch('overquota-reward', csv, 'text/csv', { accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await response.json()) as { summary: { ok: number } }).summary.ok).toBe(1);
    }
    const wanted = await postBatch('overquota-reward', csv, 'text/csv', { accept: 'application/json;q=0.5, text/csv' });
    expect(wanted.headers.get('content-type')).toMatch(/^text\/csv/);
    await wanted.text();
  });
});
