/**
 * CORS for the open routes (quick checks, the catalogue, parameters, the OpenAPI document): any page may
 * call them. A preflight is answered by hono's `cors`; on every other request the two headers are added to
 * the answer's (answer-headers.ts), set once it is made (hono's `cors` sets them before the route runs,
 * which makes a response early and a copy of the route's own afterwards: on a quick check, the most
 * frequent request, that was most of the app's own cost).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.ts';
import { addAnswerHeaders, type HeaderEntries } from './answer-headers.ts';

const EXPOSED = 'X-Ruleset-Version';

const preflight = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: [EXPOSED],
  maxAge: 86400,
});

const OPEN: HeaderEntries = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', EXPOSED],
];

export const openCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') return preflight(c, next);
  addAnswerHeaders(c, OPEN);
  await next();
};
