/**
 * CORS for the batch routes: a browser may call them only from the Worker's own origin or from an
 * origin listed in `BATCH_ORIGINS`; any other origin gets 403 (preflight included). Calls without an
 * `Origin` header (curl, servers) are not browser calls and pass to the key check.
 *
 * The own origin is configuration, `PUBLIC_ORIGIN` (e.g. `https://rules.example.org`; local runs get their
 * local URL from `scripts/local-worker.mjs`), never the request's URL or `Host` header, which a client (or
 * a self-hosted server's proxy) can set to anything: `Host: evil.example` with `Origin: http://evil.example`
 * would otherwise pass. Without `PUBLIC_ORIGIN` only the `BATCH_ORIGINS` are allowed.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from './errors.ts';

export function allowedOrigins(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** The service's own origin from `PUBLIC_ORIGIN`, or undefined when it is not configured (or not a URL). */
export function ownOrigin(configured: string | undefined): string | undefined {
  const value = configured?.trim();
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

export const batchCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (!origin) return next();
  const own = ownOrigin(c.env?.PUBLIC_ORIGIN);
  if (origin !== own && !allowedOrigins(c.env?.BATCH_ORIGINS).includes(origin)) {
    throw apiError('forbidden-origin', { origin }, { headers: { vary: 'Origin' } });
  }
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'X-Ruleset-Version',
    vary: 'Origin',
  };
  if (c.req.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        ...cors,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept',
        'access-control-max-age': '600',
      },
    });
  }
  await next();
  for (const [name, value] of Object.entries(cors)) c.res.headers.set(name, value);
};
