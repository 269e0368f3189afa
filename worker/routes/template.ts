/**
 * `GET /v1/rules/{id}/template.csv` and `/template.xlsx`: a table to fill in, generated from the registry
 * (rules/tables/template.ts) for every rule that takes a table.
 */
import { Hono } from 'hono';
import { findRule, metadataOf } from '../../rules/index.ts';
import { takesTable, templateCsv, templateXlsx } from '../../rules/tables/index.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../http/errors.ts';
import { XLSX_TYPE } from '../batch/answer.ts';

export const template = new Hono<AppEnv>();

// `(?:…)`, not `(…)`: a capturing group in a route's pattern makes hono's fast router (RegExpRouter) refuse the
// app's routes, and every request is then matched by the slower TrieRouter (test/worker/router.test.ts).
template.get('/v1/rules/:id/:file{template\\.(?:csv|xlsx)}', (c) => {
  const id = c.req.param('id');
  const rule = findRule(id);
  if (!rule) throw apiError('unknown-rule', { rule: id }, { rule: id });
  const meta = metadataOf(rule);
  if (!takesTable(meta)) throw apiError('records-not-in-csv', { rule: id }, { rule: id });
  const xlsx = c.req.param('file').endsWith('.xlsx');
  const name = `${id}-template.${xlsx ? 'xlsx' : 'csv'}`;
  const body = xlsx ? templateXlsx(meta) : templateCsv(meta);
  return new Response(body as BodyInit, {
    headers: {
      'content-type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'public, max-age=3600',
    },
  });
});
