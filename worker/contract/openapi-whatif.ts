/**
 * OpenAPI for 测算 (what-if): `POST /v1/whatif/{id}` (a batch with overrides) and `POST /v1/whatif/{id}/check`
 * (one case), their overrides and answers. Kept apart from worker/contract/openapi.ts, which adds these in one place.
 */
import type { RuleMetadata } from '../../rules/index.ts';

type Schema = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const side = (description: string): Schema => ({
  type: 'object',
  description,
  required: ['rows', 'computed'],
  properties: {
    rows: { type: 'integer' },
    computed: { type: 'string', description: 'the primary amount summed, money as text' },
    cityShare: { type: 'string' },
    districtShare: { type: 'string' },
    byDistrict: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { rows: { type: 'integer' }, computed: { type: 'string' }, cityShare: { type: 'string' }, districtShare: { type: 'string' } },
      },
    },
  },
});

export const whatIfSchemas: Record<string, Schema> = {
  Override: {
    type: 'object',
    required: ['parameter', 'value'],
    description:
      'A parameter set by a what-if: its id (GET /v1/parameters lists which are `overridable`, and their `kind`), a value of its kind (no negative; a ratio at most 1; money to the fen), and the day it applies from (absent: every date)',
    properties: { parameter: { type: 'string' }, value: { type: ['number', 'string'] }, from: { type: 'string', format: 'date' } },
  },
  ListedOverride: {
    allOf: [
      ref('Override'),
      {
        type: 'object',
        required: ['current'],
        properties: { current: { type: ['number', 'string', 'null'], description: 'the stored value it replaces, on its `from` (else today)' } },
      },
    ],
  },
  WhatIfRow: {
    type: 'object',
    required: ['index', 'status'],
    properties: {
      index: { type: 'integer' },
      rowId: { type: 'string' },
      status: {
        enum: ['ok', 'invalid', 'skipped'],
        description: 'ok: both sides computed; invalid: either could not (error says why); skipped: a blank or total row (reason)',
      },
      baseline: { description: 'the primary output on the stored parameters (money as text)' },
      reform: { description: 'the primary output with the overrides' },
      change: { type: 'string', description: 'reform − baseline' },
      eligible: {
        type: 'object',
        properties: { baseline: { type: 'boolean' }, reform: { type: 'boolean' } },
        description: 'present when a side fails a condition of the clause',
      },
      failedConditions: {
        type: 'object',
        properties: { baseline: { type: 'array', items: ref('FailedCondition') }, reform: { type: 'array', items: ref('FailedCondition') } },
      },
      warnings: { type: 'array', items: ref('Text') },
      error: { type: 'object' },
      reason: ref('Text'),
      cells: { type: 'array', description: 'with ?cells=1: the row’s echoed cells' },
    },
  },
  WhatIfAnswer: {
    type: 'object',
    required: ['ok', 'whatif', 'mark', 'batchId', 'rule', 'rulesetVersion', 'overrides', 'rows', 'summary'],
    properties: {
      ok: { const: true },
      whatif: { const: true, description: '测算: a what-if, never the check of a claim' },
      mark: ref('Text'),
      batchId: { type: 'string' },
      rule: { type: 'string' },
      rulesetVersion: { type: 'string' },
      overrides: { type: 'array', items: ref('ListedOverride') },
      ignoredColumns: { type: 'array', items: { type: 'string' } },
      rows: { type: 'array', items: ref('WhatIfRow') },
      summary: {
        type: 'object',
        properties: {
          rows: { type: 'integer' },
          ok: { type: 'integer' },
          invalid: { type: 'integer' },
          skipped: { type: 'integer' },
          totals: {
            type: 'object',
            required: ['baseline', 'reform', 'change'],
            properties: { baseline: side('on the stored parameters'), reform: side('with the overrides'), change: side('reform − baseline, line by line') },
          },
        },
      },
    },
  },
  WhatIfCheck: {
    type: 'object',
    required: ['whatif', 'mark', 'rule', 'overrides', 'baseline', 'reform'],
    properties: {
      whatif: { const: true },
      mark: ref('Text'),
      rule: { type: 'string' },
      overrides: { type: 'array', items: ref('ListedOverride') },
      baseline: { description: 'the quick check’s answer on the stored parameters' },
      reform: { description: 'the same with the overrides; its first steps name each overridden parameter the case read, from what, to what' },
      change: { type: 'string', description: 'reform − baseline of the primary output' },
    },
  },
};

/** The what-if routes of one rule. */
export function whatIfPaths(meta: RuleMetadata): Record<string, unknown> {
  const fn = meta.functionName;
  const summary = `${meta.title.en} / ${meta.title.zh}`;
  return {
    [`/v1/whatif/${meta.id}`]: {
      post: {
        operationId: `whatif_${fn}`,
        summary: `What-if batch (测算): ${summary}`,
        description:
          'The body exactly as POST /v1/batch/{id} (CSV, xlsx/xls, or JSON {"rows": [...]}, which may also carry "overrides"); each row answered on the stored parameters and with the overrides. Every answer (JSON, CSV, xlsx with a 汇总 sheet) is marked 测算 and lists the overrides; the audit records it as a what-if batch.',
        tags: ['what-if'],
        security: [{ bearer: [] }],
        parameters: [
          {
            name: 'set.<parameterId>',
            in: 'query',
            required: false,
            description: 'Repeatable: set.<parameterId>=<value>, applying on every date (e.g. set.plan.overquotaReward.minimumWageMultiplier=4)',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/json': {
              schema: {
                type: 'object',
                required: ['rows'],
                properties: { rows: { type: 'array', items: ref(`${fn}_Inputs`) }, overrides: { type: 'array', items: ref('Override') } },
              },
            },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          200: {
            description: 'One answer per row, in order, with both columns and the totals of both (JSON; or Accept: text/csv or the xlsx type)',
            content: {
              ...json(ref('WhatIfAnswer')),
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          400: error('Malformed JSON'),
          401: error('No key or a wrong key'),
          403: error('Origin not allowed'),
          404: error('Unknown rule'),
          413: error('Too many rows or bytes'),
          415: error('Unsupported content type or charset'),
          422: error('An override refused (error.field names the parameter), none given, or the table unusable'),
        },
      },
    },
    [`/v1/whatif/${meta.id}/check`]: {
      post: {
        operationId: `whatif_check_${fn}`,
        summary: `What-if quick check (测算): ${summary}`,
        tags: ['what-if'],
        parameters: [
          {
            name: 'set.<parameterId>',
            in: 'query',
            required: false,
            description: 'Repeatable, instead of "overrides" in the body',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: json({ type: 'object', properties: { inputs: ref(`${fn}_Inputs`), overrides: { type: 'array', items: ref('Override') } } }),
        },
        responses: {
          200: { description: 'The baseline, the reform and the change', content: json(ref('WhatIfCheck')) },
          400: error('Malformed JSON'),
          404: error('Unknown rule'),
          415: error('Not application/json'),
          422: error('An override refused (error.field names the parameter), or the case refused on both sides'),
        },
      },
    },
  };
}
