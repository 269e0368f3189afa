// Issue 21: every request is routed by hono's RegExpRouter (one regular expression per method), not the
// slower TrieRouter that hono's SmartRouter falls back to when any route's pattern is one RegExpRouter
// cannot take (a capturing group such as `template\.(csv|xlsx)`). The fallback is silent, so it is tested.
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import { call } from './helpers.ts';

describe("the app's routes", () => {
  it('are all taken by RegExpRouter', () => {
    const router = new RegExpRouter<unknown>();
    for (const route of app.routes) router.add(route.method, route.path, route.handler);
    // RegExpRouter builds its expressions at the first match, and throws there for a route it cannot take
    expect(() => router.match('GET', '/v1/rules/overquota-reward')).not.toThrow();
    expect(() => router.match('GET', '/v1/rules/overquota-reward/template.xlsx')).not.toThrow();
  });

  it('still tell a template from another file name', async () => {
    expect((await call('/v1/rules/overquota-reward/template.csv')).status).toBe(200);
    expect((await call('/v1/rules/overquota-reward/template.xlsx')).status).toBe(200);
    for (const name of ['template.txt', 'template.csvx', 'xtemplate.csv', 'template_csv']) {
      expect((await call(`/v1/rules/overquota-reward/${name}`)).status, name).toBe(404);
    }
  });
});
