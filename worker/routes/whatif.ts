/**
 * 测算 (what-if): `POST /v1/whatif/{id}` (a key) answers a batch — the body exactly as `POST /v1/batch/{id}` —
 * on the stored parameters and with overrides, row by row, with the totals of both and their change;
 * `POST /v1/whatif/{id}/check` (open, as a quick check) answers one case, `{ inputs, overrides }`.
 * Overrides come as repeatable query parameters `set.<parameterId>=<value>` (every date) or, in a JSON
 * body, `"overrides": [{ "parameter", "value", "from"? }]`. Every answer is marked 测算 and lists them;
 * the audit records a what-if batch as such, with the overrides. The batch's course is the batch route's
 * (`runBatch`); this file only brings the overrides.
 */
import { Hono } from 'hono';
import { findRule, type RuleMetadata } from '../../rules/index.ts';
import { isRecord } from '../../rules/core/coerce.ts';
import type { ListedOverride } from '../../rules/tables/whatif-table.ts';
import { whatIfCheck } from '../../rules/whatif/check.ts';
import {
  echoOverrides,
  overridableParameters,
  readOverrides,
  type OverrideInput,
  type Overrides,
  type OverridesReading,
} from '../../rules/whatif/overrides.ts';
import { WhatIfTableBatch } from '../../rules/whatif/table-batch.ts';
import { requireKey } from '../http/auth.ts';
import { whatIfWriter } from '../batch/whatif-answer.ts';
import { isJsonType, readBody, utf8Text } from '../body/body.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, apiError, type HttpErrorBody } from '../http/errors.ts';
import { parseJson } from '../body/json.ts';
import { runBatch, type BatchVariant } from './batch.ts';

export const whatif = new Hono<AppEnv>();

const SET = 'set.';

/** `set.<id>=<value>` query parameters, in order (a repeated id is two overrides, refused as set twice). */
export function queryOverrides(url: string): OverrideInput[] {
  const out: OverrideInput[] = [];
  for (const [name, value] of new URL(url).searchParams) if (name.startsWith(SET)) out.push({ parameter: name.slice(SET.length), value });
  return out;
}

const refusal = (reading: Extract<OverridesReading, { ok: false }>, rule: string): never => {
  throw new ApiError(422, reading.error as HttpErrorBody, { rule });
};

const noOverrides = (rule: string): never => {
  throw apiError('missing-override', { rule });
};

const bothPlaces = (rule: string): never => {
  throw apiError('invalid-override', { why: 'both-places' }, { rule });
};

/** A JSON body's `overrides`: a list of `{ parameter, value, from? }`, or a refusal. */
function bodyOverrides(raw: unknown, rule: string): OverrideInput[] {
  if (!Array.isArray(raw) || raw.some((o) => !isRecord(o))) {
    throw apiError('invalid-override', { why: 'not-a-list' }, { rule });
  }
  return raw as OverrideInput[];
}

/** The overrides as answers list them: with the stored value they replace (on their `from`, else today) and the parameter's description. */
export function listed(overrides: Overrides, date = new Date().toISOString().slice(0, 10)): ListedOverride[] {
  const params = overridableParameters();
  return echoOverrides(overrides, date).map((o) => ({ ...o, description: params.get(o.parameter)!.description }));
}

whatif.post('/v1/whatif/:id/check', async (c) => {
  const id = c.req.param('id');
  const rule = findRule(id);
  if (!rule) throw apiError('unknown-rule', { rule: id }, { rule: id });
  const contentType = c.req.header('content-type');
  if (!isJsonType(contentType)) throw apiError('unsupported-media-type', { contentType, wanted: 'whatif-check' }, { rule: id });
  const body = await readBody(c.req.raw, 1024 * 1024);
  if (!body.ok) return body.response;
  let parsed: unknown;
  try {
    parsed = parseJson(utf8Text(body.bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw apiError('malformed-json', { detail }, { rule: id });
  }
  if (!isRecord(parsed)) {
    throw apiError('invalid-list', { expected: 'whatif-check' }, { rule: id, field: 'body' });
  }
  const { inputs, overrides: raw } = parsed as { inputs?: unknown; overrides?: unknown };
  const fromQuery = queryOverrides(c.req.url);
  if (fromQuery.length && raw !== undefined) return bothPlaces(id);
  const given = raw === undefined ? fromQuery : bodyOverrides(raw, id);
  if (!given.length) return noOverrides(id);
  const reading = readOverrides(given);
  if (!reading.ok) return refusal(reading, id);
  const answer = whatIfCheck(rule, inputs ?? {}, reading.overrides);
  const status = answer.baseline.ok || answer.reform.ok ? 200 : 422;
  return c.json(answer, status);
});

/** The batch route's course, made a what-if: the reform evaluated beside the baseline, the what-if writer, the audit's overrides. */
function whatIfVariant(fromQuery: Overrides | undefined): BatchVariant {
  let overrides = fromQuery;
  let batch: WhatIfTableBatch | undefined;
  let listing: ListedOverride[] | undefined;
  const list = () => (listing ??= listed(overrides!));
  return {
    fileSuffix: 'whatif',
    tableBatch: (rule, meta) => (batch = new WhatIfTableBatch(rule, meta, overrides)),
    accept(json: Record<string, unknown> | undefined, meta: RuleMetadata) {
      const raw = json?.overrides;
      if (raw !== undefined) {
        if (overrides) return bothPlaces(meta.id);
        const given = bodyOverrides(raw, meta.id);
        const reading = readOverrides(given);
        if (!reading.ok) return refusal(reading, meta.id);
        if (reading.overrides.list.length) overrides = reading.overrides;
        if (overrides) batch!.use(overrides);
      }
      return overrides ? undefined : noOverrides(meta.id);
    },
    writer: (format, context) => whatIfWriter(format, context, batch!, list),
    audit: () => ({ whatif: { overrides: overrides!.list } }),
    counts: () => batch!.whatIfCounts,
  };
}

whatif.post('/v1/whatif/:id', requireKey, async (c) => {
  const fromQuery = queryOverrides(c.req.url);
  let overrides: Overrides | undefined;
  if (fromQuery.length) {
    const reading = readOverrides(fromQuery);
    if (!reading.ok) return refusal(reading, c.req.param('id'));
    overrides = reading.overrides;
  }
  return runBatch(c, whatIfVariant(overrides));
});
