/**
 * The hono app: routes generated from the rules registry, one error shape, `rulesetVersion` on every
 * answer (in the body, and as the `X-Ruleset-Version` header).
 */
import { Hono } from 'hono';
import { RULESET_VERSION } from '../rules/index.ts';
import type { AppEnv } from './env.ts';
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

app.use('*', async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('X-Ruleset-Version', RULESET_VERSION);
  for (const [name, value] of securityHeaderEntriesFor(pathOf(c.req.url))) headers.set(name, value);
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
