/**
 * The hono app: routes generated from the rules registry, one error shape, `rulesetVersion` on every
 * answer (in the body, and as the `X-Ruleset-Version` header).
 */
import { Hono } from 'hono';
import { RULESET_VERSION } from '../rules/index.ts';
import type { AppEnv } from './env.ts';
import { AnswerHeaders, finishAnswerHeaders, startAnswerHeaders, type HeaderEntries } from './http/answer-headers.ts';
import { apiError, onError } from './http/errors.ts';
import { methodGuard } from './http/methods.ts';
import { securityHeaderEntriesFor } from './http/security-headers.ts';
import { openCors } from './http/open-cors.ts';
import { pathOf } from './http/path.ts';
import { batchCors } from './http/origins.ts';
import { batch } from './routes/batch.ts';
import { catalogue } from './routes/catalogue.ts';
import { home } from './routes/home.ts';
import { openapi } from './routes/openapi.ts';
import { parameters } from './routes/parameters.ts';
import { quickCheck } from './routes/quick-check.ts';
import { template } from './routes/template.ts';
import { whatif } from './routes/whatif.ts';

export const app = new Hono<AppEnv>();

/** Every answer's own headers: the ruleset version and its path's security headers (one set per policy). */
const ownHeaders = new Map<HeaderEntries, AnswerHeaders>();
function ownHeadersFor(path: string): AnswerHeaders {
  const security = securityHeaderEntriesFor(path);
  let set = ownHeaders.get(security);
  if (!set) ownHeaders.set(security, (set = new AnswerHeaders([['X-Ruleset-Version', RULESET_VERSION], ...security])));
  return set;
}

// Set on every answer once it is made, with those the middleware within adds (worker/http/answer-headers.ts).
app.use('*', async (c, next) => {
  startAnswerHeaders(c, ownHeadersFor(pathOf(c.req.url)));
  await next();
  finishAnswerHeaders(c);
});

// A served path with a method it has no route for: 405 with Allow, not 404.
app.use('*', methodGuard(app));

// Quick checks and the catalogue are open to any page; batches only to configured origins and our own.
app.use('/v1/rules', openCors);
app.use('/v1/rules/*', openCors);
app.use('/v1/interpretations', openCors);
app.use('/v1/parameters', openCors);
app.use('/v1/policies', openCors);
app.use('/openapi.json', openCors);
app.use('/v1/batch/*', batchCors);
// A what-if batch is a batch (a key, configured origins); its one-case check is open as a quick check.
app.use('/v1/whatif/:id/check', openCors);
app.use('/v1/whatif/:id', batchCors);

app.route('/', home);
app.route('/', catalogue);
app.route('/', parameters);
app.route('/', template);
app.route('/', quickCheck);
app.route('/', batch);
app.route('/', whatif);
app.route('/', openapi);

app.notFound((c) => apiError('not-found', { route: { method: c.req.method, path: pathOf(c.req.url) } }).getResponse());

// Routes refuse bad input by throwing an ApiError; this one handler answers it, and keeps anything unexpected from
// becoming a bare 500 page (worker/http/errors.ts).
app.onError(onError);
