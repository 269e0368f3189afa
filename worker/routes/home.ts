/**
 * `GET /`: the quick-check page (dist/site/index.html). Assets are served under their own file names
 * (`html_handling = "none"`, so the add-in manifest's `…/taskpane.html` answers 200, not a redirect),
 * which means the bare `/` is routed here and answered with the page.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse } from '../errors.ts';

export const home = new Hono<AppEnv>();

home.get('/', async (c) => {
  if (!c.env.ASSETS) return errorResponse(404, errorBody('not-found', '页面未构建（npm run build）', 'The page is not built (npm run build)'));
  const page = await c.env.ASSETS.fetch(new Request(new URL('/index.html', c.req.url)));
  return new Response(page.body, page);
});
