/**
 * `GET /v1/rules/{id}?input=value…` and `POST /v1/rules/{id}` (a JSON object of inputs): one rule,
 * answered with `evaluate()`'s own body — 200 on success, 422 on an error in the inputs, 404 for an
 * unknown rule. Generated from the registry: nothing here knows a rule by name.
 *
 * GET and POST reach the same coercion with the same kind of values: the query string gives texts, and the
 * JSON body gives texts too for its numbers (`worker/body/json.ts` keeps each number as written), so
 * `?totalStaff=4e2` and `{"totalStaff":4e2}`, or `?__proto__=1` and `{"__proto__":1}`, get one answer.
 * Inputs that identify a person (`personal` in their spec) are refused in a query string: URLs end up in
 * logs, proxies and browser histories.
 */
import { Hono, type Context } from 'hono';
import { evaluate, findRule, inputsOf, isPersonalInput, type Evaluation, type InputSpec, type RuleDefinition } from '../../rules/index.ts';
import { isJsonType, readBody, utf8Text } from '../body/body.ts';
import type { AppEnv } from '../env.ts';
import { withAnswerBody } from '../http/answer-bytes.ts';
import { respond } from '../http/answer-headers.ts';
import { apiError } from '../http/errors.ts';
import { queryPairs } from '../http/query.ts';
import { parseJson } from '../body/json.ts';
import { bodyTimingOf } from '../body/limits.ts';

/** Quick checks are small; `disabled-headcount` rows are the largest legitimate body. */
const QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024;

export const quickCheck = new Hono<AppEnv>();

function answer(c: Context<AppEnv>, evaluation: Evaluation): Response {
  const status = evaluation.ok ? 200 : evaluation.error.code === 'unknown-rule' ? 404 : 422;
  return withAnswerBody(evaluation, (body) => respond(c, body, status, 'application/json; charset=utf-8'));
}

/**
 * Query-string inputs: strings, coerced by the rules package; a repeated name becomes a list. The object has
 * no prototype and every name is its own property, so `__proto__` is an input name like any other (and refused
 * as unknown, as in a JSON body).
 */
export function queryInputs(pairs: Iterable<readonly [string, string]>): Record<string, unknown> {
  const inputs: Record<string, unknown> = Object.create(null);
  for (const [name, value] of pairs) {
    // with no prototype there is no `__proto__` setter: every name, that one too, is set as an own property
    if (!(name in inputs)) inputs[name] = value;
    else if (Array.isArray(inputs[name])) (inputs[name] as string[]).push(value);
    else inputs[name] = [inputs[name] as string, value];
  }
  return inputs;
}

/** A rule's inputs that identify a person, found once per rule (most rules have none). */
const personalInputs = new WeakMap<RuleDefinition, InputSpec[]>();
function personalInputsOf(rule: RuleDefinition): InputSpec[] {
  let specs = personalInputs.get(rule);
  if (!specs) personalInputs.set(rule, (specs = inputsOf(rule).filter(isPersonalInput)));
  return specs;
}

/** The first input in the query string that identifies a person, if any. */
const personalInQuery = (rule: RuleDefinition, inputs: Record<string, unknown>) => personalInputsOf(rule).find((spec) => spec.name in inputs);

quickCheck.get('/v1/rules/:id', (c) => {
  const id = c.req.param('id');
  const inputs = queryInputs(queryPairs(c.req.url));
  const rule = findRule(id);
  const personal = rule && personalInQuery(rule, inputs);
  if (personal) throw apiError('personal-input-in-url', { rule: id, name: personal.name, label: personal.label }, { field: personal.name, rule: id });
  return answer(c, evaluate(id, inputs));
});

quickCheck.post('/v1/rules/:id', async (c) => {
  const id = c.req.param('id');
  if (!findRule(id)) return answer(c, evaluate(id, {}));
  const contentType = c.req.header('content-type');
  if (!isJsonType(contentType)) throw apiError('unsupported-media-type', { contentType, wanted: 'json' }, { rule: id });
  const body = await readBody(c.req.raw, QUICK_CHECK_MAX_BYTES, undefined, bodyTimingOf(c.env));
  if (!body.ok) return body.response;
  let inputs: unknown;
  try {
    inputs = parseJson(utf8Text(body.bytes));
  } catch (error) {
    throw apiError('malformed-json', { detail: error instanceof Error ? error.message : String(error) }, { rule: id });
  }
  return answer(c, evaluate(id, inputs));
});
