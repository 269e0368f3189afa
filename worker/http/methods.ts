/**
 * 405 Method Not Allowed, with `Allow`, for a method the app has no route for on a path it does serve
 * (`PUT /v1/rules/{id}`), instead of 404. The allowed methods are read from the app's own routes, so a new
 * route needs nothing here.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from './errors.ts';

/** Does a route path (`/v1/rules/:id`, `/v1/batch/*`) match a request path? */
function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') return true;
    if (i >= got.length) return false;
    if (want[i].startsWith(':') ? got[i] === '' : want[i] !== got[i]) return false;
  }
  return want.length === got.length;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods the app's routes (not its middleware) answer on this path; HEAD with GET, OPTIONS for CORS. */
export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) if (route.method !== 'ALL' && matches(route.path, path)) methods.add(route.method.toUpperCase());
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Answers 405 with `Allow` when the path has routes but none for this method. */
export const methodGuard =
  (app: Hono<AppEnv>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const method = c.req.method.toUpperCase();
    if (method === 'OPTIONS') return next();
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0 || allowed.includes(method)) return next();
    const list = allowed.join(', ');
    throw apiError('method-not-allowed', { method, allowed: list }, { headers: { allow: list } });
  };
