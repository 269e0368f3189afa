/**
 * The Worker's answers, each defined once as a JSON Schema: OpenAPI's component schemas are these objects
 * (worker/contract/openapi.ts), and the TypeScript types of the page's and the task pane's clients are derived from
 * them (`AnswerOf<'BatchAnswer'>`), so an answer's shape is written in one place.
 */

const text = { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const ref = <N extends string>(name: N) => ({ $ref: `#/components/schemas/${name}` }) as const;
const date = { type: 'string', format: 'date' } as const;

export const answerSchemas = {
  Text: text,
  /** The `error` member of every refusal. */
  ErrorBody: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string' },
      field: { type: 'string' },
      message: ref('Text'),
      control: {
        type: 'object',
        description:
          'the input the message asks to set (field, label, type, value, and the message before the pointer), so that each client can name its own control',
        required: ['field', 'label', 'type', 'value', 'lead'],
        properties: {
          field: { type: 'string' },
          label: ref('Text'),
          type: { type: 'string' },
          value: { type: ['boolean', 'number', 'string'] },
          lead: ref('Text'),
        },
      },
    },
  },
  Error: {
    type: 'object',
    required: ['ok', 'rulesetVersion', 'error'],
    properties: { ok: { const: false }, rule: { type: 'string' }, rulesetVersion: { type: 'string' }, error: ref('ErrorBody') },
  },
  /** A quick check's refusal: the error, and when only the date is missing the answer for each period. */
  Failure: {
    type: 'object',
    required: ['ok', 'rule', 'rulesetVersion', 'error'],
    properties: {
      ok: { const: false },
      rule: { type: 'string' },
      rulesetVersion: { type: 'string' },
      error: ref('ErrorBody'),
      byDate: { type: 'array', items: ref('DatedAnswer') },
    },
  },
  SuccessBase: {
    type: 'object',
    required: [
      'ok',
      'rule',
      'result',
      'eligible',
      'failedConditions',
      'clause',
      'policy',
      'sources',
      'rulesetVersion',
      'steps',
      'warnings',
      'interpretations',
      'hints',
    ],
    properties: {
      ok: { const: true },
      rule: { type: 'string' },
      result: { type: 'object', additionalProperties: {} },
      eligible: { type: 'boolean', description: 'false when the case fails a condition of the clause (then the amount is 0.00 and failedConditions says why)' },
      failedConditions: { type: 'array', items: ref('FailedCondition') },
      byDate: {
        type: 'array',
        items: ref('DatedAnswer'),
        description: 'present when no date was given and the answer changes inside the plan’s validity: the answer for each period',
      },
      clause: { type: 'object', required: ['id', 'text', 'heading'], properties: { id: { type: 'string' }, text: { type: 'string' }, heading: ref('Text') } },
      policy: ref('Policy'),
      sources: { type: 'array', items: { type: 'string' } },
      rulesetVersion: { type: 'string' },
      steps: { type: 'array', items: ref('Text') },
      warnings: { type: 'array', items: ref('Text') },
      interpretations: { type: 'array', items: ref('Interpretation') },
      hints: { type: 'array', items: ref('Text') },
    },
  },
  Interpretation: {
    type: 'object',
    required: ['id', 'quote', 'reading', 'alternative', 'chosenIn'],
    properties: {
      id: { type: 'string' },
      quote: { type: 'string', description: 'the words of the text that are ambiguous' },
      reading: ref('Text'),
      alternative: ref('Text'),
      chosenIn: { enum: ['RULES.md', 'rules package'] },
      basis: ref('Text'),
    },
  },
  Source: { type: 'object', required: ['document'], properties: { document: { type: 'string' }, clause: { type: 'string' } } },
  Policy: {
    type: 'object',
    required: ['id', 'title', 'validFrom', 'validTo'],
    properties: { id: { type: 'string' }, title: ref('Text'), validFrom: date, validTo: date },
  },
  FailedCondition: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: ref('Text') } },
  DatedAnswer: {
    type: 'object',
    required: ['from', 'to', 'eligible', 'result'],
    properties: { from: date, to: date, eligible: { type: 'boolean' }, result: { type: 'object', additionalProperties: {} } },
  },
  BatchColumns: { type: 'object', properties: { rowId: { type: 'string' }, claimed: { anyOf: [{ type: 'number' }, { type: 'string' }] } } },
  MoneyTotals: {
    type: 'object',
    description:
      'Money sums, each over a stated row set: computed (and the shares) over `rows`, the rows that computed (ok or mismatch); claimed, computedClaimed and difference over `claimedRows`, those of them with a claimed amount (difference = claimed − computedClaimed)',
    required: ['rows', 'computed', 'claimedRows', 'claimed', 'computedClaimed', 'difference'],
    properties: {
      rows: { type: 'integer' },
      computed: { type: 'string' },
      claimedRows: { type: 'integer' },
      claimed: { type: 'string' },
      computedClaimed: { type: 'string' },
      difference: { type: 'string' },
      cityShare: { type: 'string' },
      districtShare: { type: 'string' },
    },
  },
  BatchRow: {
    type: 'object',
    required: ['index', 'status'],
    properties: {
      index: { type: 'integer' },
      rowId: { type: 'string' },
      status: { enum: ['ok', 'mismatch', 'invalid', 'skipped'] },
      reason: ref('Text'),
      hidden: { const: true, description: 'Tables: the row is hidden in the sheet or by a filter (still computed, with a warning)' },
      result: { type: 'object', additionalProperties: {} },
      warnings: { type: 'array', items: ref('Text') },
      eligible: { const: false, description: 'present when the row fails a condition of the clause' },
      failedConditions: { type: 'array', items: ref('FailedCondition') },
      error: { allOf: [ref('ErrorBody'), { type: 'object', properties: { cell: { type: 'string', description: 'Tables: the cell refused (e.g. D12)' } } }] },
      claimed: { type: 'string' },
      difference: { type: 'string' },
      cells: { type: 'array', description: 'with ?cells=1: the row’s cells as given, one per column' },
    },
  },
  BatchAnswer: {
    type: 'object',
    required: ['ok', 'batchId', 'rule', 'rulesetVersion', 'clause', 'policy', 'ignoredColumns', 'summary', 'rows'],
    properties: {
      ok: { const: true },
      batchId: { type: 'string', format: 'uuid' },
      rule: { type: 'string' },
      rulesetVersion: { type: 'string' },
      clause: { type: 'object', required: ['id', 'text'], properties: { id: { type: 'string' }, text: { type: 'string' } } },
      policy: ref('Policy'),
      ignoredColumns: {
        type: 'array',
        items: { type: 'string' },
        description: 'Header texts that named nothing the rule reads (kept as unmatchedColumns too)',
      },
      unmatchedColumns: {
        type: 'array',
        items: { type: 'string' },
        description: 'Header texts that named nothing the rule reads: columns a mapping could name',
      },
      droppedColumns: { type: 'integer' },
      sheet: { type: 'string', description: 'Workbooks: the sheet read' },
      sheets: { type: 'array', items: ref('SheetFound'), description: 'Workbooks: every sheet, with what was found on it' },
      headerRow: { type: 'integer', description: 'Tables: the 1-based row where the header begins' },
      preamble: {
        type: 'array',
        items: { type: 'string' },
        description: 'Tables: the rows above the header (title, 填报单位 …) as text lines; kept above the header in CSV/xlsx answers',
      },
      columns: { type: 'array', items: { type: 'string' }, description: 'with ?cells=1: the columns as given' },
      summary: {
        type: 'object',
        required: ['rows', 'ok', 'mismatch', 'invalid', 'skipped'],
        properties: {
          rows: { type: 'integer' },
          ok: { type: 'integer' },
          mismatch: { type: 'integer' },
          invalid: { type: 'integer' },
          skipped: { type: 'integer' },
          hidden: { type: 'integer', description: 'Rows hidden in the sheet or by a filter (computed, each with a warning); present when there are any' },
          totals: {
            allOf: [ref('MoneyTotals'), { type: 'object', properties: { byDistrict: { type: 'object', additionalProperties: ref('MoneyTotals') } } }],
            description: 'Money sums over stated row sets, in all and by district (未填旗县区 for the rows naming none: the lines add up to the total)',
          },
        },
      },
      rows: { type: 'array', items: ref('BatchRow') },
    },
  },
  AuditRecord: {
    type: 'object',
    required: ['batchId', 'createdAt', 'status', 'rule', 'rulesetVersion', 'format', 'bodyBytes'],
    properties: {
      batchId: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      finishedAt: { type: ['string', 'null'], format: 'date-time' },
      status: {
        enum: ['started', 'completed', 'aborted'],
        description: 'started when accepted; completed at the end; aborted when the client hung up (summary counts the rows answered by then)',
      },
      keyId: { type: 'string' },
      rule: { type: 'string' },
      rulesetVersion: { type: 'string' },
      format: { enum: ['csv', 'json', 'xlsx', 'xls'] },
      bodyBytes: { type: 'integer' },
      bodyHmac: { type: 'string', description: 'HMAC-SHA-256 (hex) of the body bytes, keyed with the secret AUDIT_HMAC_KEY' },
      bodySha256: { type: 'string', description: 'Plain SHA-256, on records written before the keyed hash only' },
      summary: { type: ['object', 'null'] },
      whatif: {
        type: 'object',
        description: 'present on a 测算 (what-if) batch: the overrides it applied (ids and values only)',
        properties: {
          overrides: {
            type: 'array',
            items: {
              type: 'object',
              required: ['parameter', 'value'],
              properties: { parameter: { type: 'string' }, value: { type: ['string', 'number'] }, from: date },
            },
          },
        },
      },
    },
  },
  SheetFound: { type: 'object', required: ['name', 'found'], properties: { name: { type: 'string' }, found: ref('Text') } },
  /** A table refused for its header (422 unknown-column): every sheet and what was found on it, and the row closest to a header. */
  TableRefusal: {
    type: 'object',
    required: ['ok', 'rulesetVersion', 'error'],
    properties: {
      ok: { const: false },
      rule: { type: 'string' },
      rulesetVersion: { type: 'string' },
      error: ref('ErrorBody'),
      sheets: { type: 'array', items: ref('SheetFound') },
      closest: {
        type: 'object',
        required: ['row', 'cells'],
        properties: { sheet: { type: 'string' }, row: { type: 'integer', description: '1-based' }, cells: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
  AuditAnswer: {
    type: 'object',
    required: ['ok', 'rulesetVersion', 'batch'],
    properties: { ok: { const: true }, rulesetVersion: { type: 'string' }, batch: ref('AuditRecord') },
  },
} as const;

type Schemas = typeof answerSchemas;

/** The TypeScript type of a JSON value a schema of this subset describes (`$ref`s resolved among `answerSchemas`). */
export type FromSchema<S> = S extends { $ref: `#/components/schemas/${infer N extends keyof Schemas}` }
  ? FromSchema<Schemas[N]>
  : S extends { const: infer C }
    ? C
    : S extends { enum: readonly (infer E)[] }
      ? E
      : S extends { anyOf: readonly (infer A)[] }
        ? FromSchema<A>
        : S extends { allOf: readonly [infer A, infer B] }
          ? FromSchema<A> & FromSchema<B>
          : S extends { type: readonly (infer T)[] }
            ? T extends unknown
              ? FromSchema<{ type: T }>
              : never
            : S extends { type: 'object' }
              ? ObjectOf<S>
              : S extends { type: 'array' }
                ? (S extends { items: infer I } ? FromSchema<I> : unknown)[]
                : S extends { type: 'string' }
                  ? string
                  : S extends { type: 'integer' | 'number' }
                    ? number
                    : S extends { type: 'boolean' }
                      ? boolean
                      : S extends { type: 'null' }
                        ? null
                        : unknown;

type RequiredOf<S> = S extends { required: readonly (infer R)[] } ? R : never;
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<S> = S extends { properties: infer P }
  ? Flat<
      { -readonly [K in keyof P as K extends RequiredOf<S> ? K : never]: FromSchema<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredOf<S> ? never : K]?: FromSchema<P[K]>;
      }
    >
  : S extends { additionalProperties: infer V }
    ? Record<string, FromSchema<V>>
    : object;

/** The type of one named answer: `AnswerOf<'BatchAnswer'>`. */
export type AnswerOf<N extends keyof Schemas> = FromSchema<Schemas[N]>;
