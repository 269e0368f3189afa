/** What Cloudflare's platform decides before the Worker runs, done by the self-hosted entry. */

/** wrangler.toml's `run_worker_first` (a test keeps the two equal). */
export const WORKER_FIRST = ['/', '/wps/', '/v1/*', '/openapi.json'];

export const workerFirst = (path: string) => WORKER_FIRST.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : path === p));

/**
 * The client's address is taken only from the configured proxy header (TRUST_PROXY_HEADER, e.g.
 * X-Real-IP set by nginx) and handed on as Cloudflare does, in CF-Connecting-IP; a client's own
 * CF-Connecting-IP is dropped. In a list (X-Forwarded-For) the last entry is the one our proxy added.
 */
export function withClientAddress(request: Request, trustProxyHeader: string | undefined): Request {
  const header = trustProxyHeader?.trim();
  const given = header ? request.headers.get(header) : null;
  if (!request.headers.has('cf-connecting-ip') && given === null) return request;
  const headers = new Headers(request.headers);
  headers.delete('cf-connecting-ip');
  const address = given?.split(',').pop()?.trim();
  if (address) headers.set('cf-connecting-ip', address);
  return new Request(request, { headers });
}
