/** What Cloudflare's platform decides before the Worker runs, done by the self-hosted entry. */

/** wrangler.toml's `run_worker_first` (a test keeps the two equal). */
export const WORKER_FIRST = ['/', '/wps/', '/v1/*', '/openapi.json'];

/** The patterns as tests, made once (every request is routed by them). */
const WORKER_FIRST_TESTS = WORKER_FIRST.map((p) => (p.endsWith('/*') ? { prefix: p.slice(0, -1) } : { path: p }));

export const workerFirst = (path: string) => WORKER_FIRST_TESTS.some((t) => (t.prefix === undefined ? path === t.path : path.startsWith(t.prefix)));

/**
 * The client's address is taken only from the configured proxy header (TRUST_PROXY_HEADER, e.g.
 * X-Real-IP set by nginx) and handed on as Cloudflare does, in CF-Connecting-IP; a client's own
 * CF-Connecting-IP is dropped. In a list (X-Forwarded-For) the last entry is the one our proxy added.
 */
export function withClientAddress(request: Request, trustProxyHeader: string | undefined): Request {
  const header = trustProxyHeader?.trim();
  const sent = request.headers; // read once: each read of a request's property is a call into the runtime
  const given = header ? sent.get(header) : null;
  if (given === null && !sent.has('cf-connecting-ip')) return request;
  const headers = new Headers(sent);
  headers.delete('cf-connecting-ip');
  const address = given?.split(',').pop()?.trim();
  if (address) headers.set('cf-connecting-ip', address);
  return new Request(request, { headers });
}
