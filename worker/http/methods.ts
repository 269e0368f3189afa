/**
 * 405 Method Not Allowed, with `Allow`, for a method the app has no route for on a path it does serve
 * (`PUT /v1/rules/{id}`), instead of 404. The allowed methods are read from the app's own routes, so a new
 * route needs nothing here. The guard runs on every request: one that hono's router already matched to a route
 * of its method goes on at once (no path split); else the routes' paths, split once, are matched, and only a
 * refused request lists them all.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env.ts';
import { apiError } from './errors.ts';

interface Route {
  method: string;
  parts: string[];
}

/** Does a route path (`/v1/rules/:id`, `/v1/batch/*`), split at '/', match a request path's parts? */
function matches(want: string[], got: string[]): boolean {
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') return true;
    if (i >= got.length) return false;
    if (want[i].startsWith(':') ? got[i] === '' : want[i] !== got[i]) return false;
  }
  return want.length === got.length;
}

/** The app's routes (not its middleware), split; read again only if routes were added since. */
const split = new WeakMap<Hono<AppEnv>, { count: number; routes: Route[] }>();

function routesOf(app: Hono<AppEnv>): Route[] {
  let known = split.get(app);
  if (known?.count !== app.routes.length) {
    const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method.toUpperCase(), parts: r.path.split('/') }));
    known = { count: app.routes.length, routes };
    split.set(app, known);
  }
  return known.routes;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods the app's routes answer on this path; HEAD with GET, OPTIONS for CORS. */
export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  const got = path.split('/');
  const methods = new Set<string>();
  for (const route of routesOf(app)) if (matches(route.parts, got)) methods.add(route.method);
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Whether a route of `method` (GET for HEAD) matches the path. */
function hasRoute(app: Hono<AppEnv>, method: string, path: string): boolean {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const got = path.split('/');
  for (const route of routesOf(app)) if (route.method === wanted && matches(route.parts, got)) return true;
  return false;
}

/** Answers 405 with `Allow` when the path has routes but none for this method. */
export const methodGuard =
  (app: Hono<AppEnv>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    // what hono routes this request to: its middleware (method ALL) and, if one matched, a route of its method (GET for HEAD)
    if (matchedRoutes(c).some((route) => route.method !== 'ALL')) return next();
    const method = c.req.method.toUpperCase();
    if (method === 'OPTIONS' || hasRoute(app, method, c.req.path)) return next();
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0 || allowed.includes(method)) return next();
    const list = allowed.join(', ');
    throw apiError('method-not-allowed', { method, allowed: list }, { headers: { allow: list } });
  };
