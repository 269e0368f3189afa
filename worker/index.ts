/** The Worker's entry (wrangler.toml `main`): the hono app answers /v1/* and /openapi.json; the rest is static assets. */
import { app } from './app.ts';

export default app;
