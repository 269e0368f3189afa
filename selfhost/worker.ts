/**
 * The self-hosted entry (workerd, `npm run serve`): the same hono app as on Cloudflare
 * (worker/app.ts), with what Cloudflare's platform does around it done here:
 * - static files from dist/site (the SITE disk service), same paths and content types, no redirects
 *   and no index files (wrangler.toml: html_handling = "none"); the Worker's own paths go to the app
 *   first (wrangler.toml: run_worker_first), and a path with no file goes to the app too (its 404);
 * - the audit in the AUDIT_LOG Durable Object, SQLite under DATA_DIR (worker/audit/durable.ts).
 */
import { app } from '../worker/app.ts';
import type { Env } from '../worker/env.ts';
import { pathOf } from '../worker/http/path.ts';
import { securityHeadersFor } from '../worker/http/security-headers.ts';
import { contentTypeOf } from './content-types.ts';
import { withClientAddress, workerFirst } from './routing.ts';

export { AuditLog } from '../worker/audit/durable.ts';

interface SelfHostEnv extends Env {
  TRUST_PROXY_HEADER?: string;
  SITE: { fetch(request: Request): Promise<Response> };
}
interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

async function staticFile(request: Request, env: SelfHostEnv): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = pathOf(request.url);
  // Directories, dot files, Cloudflare's _headers and anything outside the site are not files here.
  if (path.endsWith('/') || path === '/_headers' || path.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = await env.SITE.fetch(new Request(new URL(path, 'http://site'), { method: request.method }));
  // workerd's disk service answers a file as application/octet-stream, a directory as a JSON listing.
  if (file.status !== 200 || file.headers.get('content-type') !== 'application/octet-stream') {
    await file.body?.cancel();
    return undefined;
  }
  const headers = new Headers({ 'content-type': contentTypeOf(path), ...securityHeadersFor(path) });
  const length = file.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
}

/** The app's env: the bindings, and ASSETS (the app reads the page through it, as on Cloudflare); made once per env, not per request. */
const appEnvs = new WeakMap<SelfHostEnv, Env>();
function appEnvOf(env: SelfHostEnv): Env {
  let appEnv = appEnvs.get(env);
  if (!appEnv) {
    const ASSETS = { fetch: async (r: Request) => (await staticFile(r, env)) ?? notFound() };
    appEnvs.set(env, (appEnv = { ...env, ASSETS } as Env));
  }
  return appEnv;
}

const notFound = () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export default {
  async fetch(request: Request, env: SelfHostEnv, ctx: Ctx): Promise<Response> {
    request = withClientAddress(request, env.TRUST_PROXY_HEADER);
    const path = pathOf(request.url);
    if (!workerFirst(path)) {
      const file = await staticFile(request, env);
      if (file) return file;
    }
    return app.fetch(request, appEnvOf(env), ctx as never);
  },
};
