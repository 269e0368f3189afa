/**
 * `GET /v1/rules/{id}?input=value…` and `POST /v1/rules/{id}` (a JSON object of inputs): one rule,
 * answered with `evaluate()`'s own body — 200 on success, 422 on an error in the inputs, 404 for an
 * unknown rule. Generated from the registry: nothing here knows a rule by name.
 */
import { Hono } from 'hono';
import { evaluate, findRule, type Evaluation } from '../../rules/index.ts';
import { isJsonType, readBody, utf8Text } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse } from '../errors.ts';

/** Quick checks are small; `disabled-headcount` rows are the largest legitimate body. */
const QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024;

export const quickCheck = new Hono<AppEnv>();

function answer(evaluation: Evaluation): Response {
  const status = evaluation.ok ? 200 : evaluation.error.code === 'unknown-rule' ? 404 : 422;
  return new Response(JSON.stringify(evaluation), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** Query-string inputs: strings, coerced by the rules package; a repeated name becomes a list. */
function queryInputs(url: string): Record<string, unknown> {
  const params = new URL(url).searchParams;
  const inputs: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    inputs[name] = values.length === 1 ? values[0] : values;
  }
  return inputs;
}

quickCheck.get('/v1/rules/:id', (c) => answer(evaluate(c.req.param('id'), queryInputs(c.req.url))));

quickCheck.post('/v1/rules/:id', async (c) => {
  const id = c.req.param('id');
  if (!findRule(id)) return answer(evaluate(id, {}));
  const contentType = c.req.header('content-type');
  if (!isJsonType(contentType)) {
    return errorResponse(
      415,
      errorBody(
        'unsupported-media-type',
        `请以 Content-Type: application/json 提交输入项对象，收到 ${contentType ?? '（无）'}`,
        `Send the inputs as a JSON object with Content-Type: application/json; got ${contentType ?? '(none)'}`,
      ),
      { rule: id },
    );
  }
  const body = await readBody(c.req.raw, QUICK_CHECK_MAX_BYTES);
  if (!body.ok) return body.response;
  let inputs: unknown;
  try {
    inputs = JSON.parse(utf8Text(body.bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorResponse(400, errorBody('malformed-json', `请求体不是有效的 JSON：${detail}`, `The body is not valid JSON: ${detail}`), { rule: id });
  }
  return answer(evaluate(id, inputs));
});
