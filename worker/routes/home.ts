/**
 * `GET /`: the quick-check page (dist/site/index.html). Assets are served under their own file names
 * (`html_handling = "none"`, so the add-in manifest's `…/taskpane.html` answers 200, not a redirect),
 * which means the bare `/` is routed here and answered with the page, and `/wps/` with the WPS add-in's index.html.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../http/errors.ts';

export const home = new Hono<AppEnv>();

/** A folder's address answers its index.html: `/` the page, `/wps/` the WPS add-in's entry (WPS loads the add-in from its folder URL). */
const indexOf = (file: string) => async (c: Context<AppEnv>) => {
  if (!c.env.ASSETS) throw apiError('not-found', { page: 'unbuilt' });
  const page = await c.env.ASSETS.fetch(new Request(new URL(file, c.req.url)));
  return new Response(page.body, page);
};

home.get('/', indexOf('/index.html'));
home.get('/wps/', indexOf('/wps/index.html'));
