/**
 * The OpenAPI 3.1 document, generated from the registry's metadata (`listRules()`): every route, and
 * every rule's inputs and outputs as schemas. A new rule appears here without a line of this file changing.
 */
import { takesTable } from '../../rules/tables/template.ts';
import { BOOLEAN_WORDS } from '../../rules/core/coerce.ts';
import { answerSchemas } from './answers.ts';
import { isPersonalInput, listRules, RULESET_VERSION, type InputSpec, type OutputSpec, type RuleMetadata } from '../../rules/index.ts';
import { whatIfPaths, whatIfSchemas } from './openapi-whatif.ts';

type Schema = Record<string, unknown>;

const describe = (spec: { label: { zh: string; en: string }; description?: { zh: string; en: string }; unit?: { zh: string; en: string } }) =>
  `${spec.label.en} / ${spec.label.zh}${spec.description ? ` — ${spec.description.en} / ${spec.description.zh}` : ''}${spec.unit ? ` (${spec.unit.en})` : ''}`;

const numeric = (spec: InputSpec, type: 'integer' | 'number'): Schema => {
  const n: Schema = { type };
  if (spec.min !== undefined) n[spec.minExclusive ? 'exclusiveMinimum' : 'minimum'] = Number(spec.min);
  if (spec.max !== undefined) n.maximum = Number(spec.max);
  return { anyOf: [n, { type: 'string', description: 'the same number as text, e.g. "1,980.50"' }] };
};

/** JSON Schema of one input as JSON bodies carry it (numbers may also come as strings). */
export function inputSchema(spec: InputSpec): Schema {
  const base: Schema = (() => {
    switch (spec.type) {
      case 'integer':
        return numeric(spec, 'integer');
      case 'decimal':
      case 'money':
        return numeric(spec, 'number');
      case 'boolean':
        return {
          anyOf: [
            { type: 'boolean' },
            { type: 'string', enum: [...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false], description: 'any case' },
            { type: 'integer', enum: [0, 1] },
          ],
        };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'district':
        return { type: 'string', description: 'district name: full, short or English' };
      case 'choice':
        return {
          type: 'string',
          enum: spec.choices!.map((c) => c.value),
          'x-aliases': Object.fromEntries(spec.choices!.map((c) => [c.value, [c.label.zh, c.label.en, ...(c.aliases ?? [])]])),
        };
      case 'text':
        return { type: 'string' };
      case 'integer-list':
        return {
          anyOf: [
            { type: 'array', items: { type: 'integer' } },
            { type: 'string', description: 'comma-separated, e.g. "12,14,6"' },
          ],
        };
      case 'records':
        return { type: 'array', minItems: 1, items: objectSchema(spec.fields ?? []) };
    }
  })();
  const schema: Schema = { ...base, description: describe(spec), 'x-label': spec.label };
  if (spec.aliases?.length) schema['x-header-aliases'] = spec.aliases;
  if (spec.default !== undefined) schema.default = spec.default;
  if (spec.example !== undefined) schema.example = spec.example;
  return schema;
}

function objectSchema(specs: readonly InputSpec[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(specs.map((s) => [s.name, inputSchema(s)])),
    required: specs.filter((s) => s.required).map((s) => s.name),
  };
}

const text = answerSchemas.Text;

export function outputSchema(spec: OutputSpec): Schema {
  const base: Schema = (() => {
    switch (spec.type) {
      case 'money':
        return { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' };
      case 'integer':
        return { type: 'integer' };
      case 'decimal':
      case 'ratio':
        return { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
      case 'boolean':
        return { type: 'boolean' };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'text':
        return { type: 'string' };
      case 'conditions':
        return { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: text }, required: ['code', 'message'] } };
      case 'records':
        return { type: 'array', items: { type: 'object' } };
    }
  })();
  return { ...base, description: describe(spec) };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

function ruleSchemas(meta: RuleMetadata): Record<string, Schema> {
  const fn = meta.functionName;
  return {
    [`${fn}_Inputs`]: { ...objectSchema(meta.inputs), description: `${meta.title.en} / ${meta.title.zh}` },
    [`${fn}_Result`]: {
      type: 'object',
      properties: Object.fromEntries(meta.outputs.map((o) => [o.name, outputSchema(o)])),
      'x-primary': meta.primary,
    },
    [`${fn}_Success`]: {
      allOf: [ref('SuccessBase'), { type: 'object', properties: { rule: { const: meta.id }, result: ref(`${fn}_Result`) } }],
    },
  };
}

function rulePaths(meta: RuleMetadata): Record<string, unknown> {
  const fn = meta.functionName;
  const summary = `${meta.title.en} / ${meta.title.zh} (clause ${meta.clause.id})`;
  const answers = {
    200: { description: 'The evaluation', content: json(ref(`${fn}_Success`)) },
    404: errorResponse('Unknown rule'),
    422: { description: 'An input is missing or invalid; error names the field', content: json(ref('Failure')) },
  };
  const queryInputs = meta.inputs.filter((i) => i.type !== 'records');
  return {
    [`/v1/rules/${meta.id}`]: {
      get: {
        operationId: `get_${fn}`,
        summary,
        description: meta.description.en,
        tags: ['quick check'],
        // Inputs that identify a person are never taken from a URL: 400 `personal-input-in-url`, use POST.
        parameters: queryInputs
          .filter((i) => !isPersonalInput(i))
          .map((i) => ({ name: i.name, in: 'query', required: !!i.required, description: describe(i), schema: { type: 'string' } })),
        responses: { ...answers, 400: errorResponse('An input that identifies a person was put in the query string: send it by POST') },
      },
      post: {
        operationId: `post_${fn}`,
        summary,
        description: meta.description.en,
        tags: ['quick check'],
        requestBody: { required: true, content: json(ref(`${fn}_Inputs`)) },
        responses: { ...answers, 400: errorResponse('Malformed JSON'), 413: errorResponse('Body too large'), 415: errorResponse('Not application/json') },
      },
    },
    [`/v1/batch/${meta.id}`]: {
      post: {
        operationId: `batch_${fn}`,
        summary: `Batch: ${summary}`,
        tags: ['batch'],
        security: [{ bearer: [] }],
        parameters: [
          {
            name: 'sheet',
            in: 'query',
            required: false,
            description:
              'Workbooks: the sheet to read. Without it, the first sheet whose header matches the rule (empty sheets and 填表说明/instruction sheets passed over); the answer lists every sheet looked at (`sheets`).',
            schema: { type: 'string' },
          },
          {
            name: 'columns',
            in: 'query',
            required: false,
            description:
              'The clerk\'s explicit column mapping, a URL-encoded JSON object from header text (as written) to an input name, `rowId` or `claimed`, e.g. {"职工合计":"totalStaff"}. In a JSON body, `columns` beside `rows`. Unknown targets: 422 unknown-column (field columns) naming them.',
            schema: { type: 'string' },
          },
          { name: 'lang', in: 'query', required: false, description: 'Answer language (zh|en)', schema: { enum: ['zh', 'en'] } },
          { name: 'cells', in: 'query', required: false, description: "JSON: 1 adds `columns` and each row's echoed `cells`", schema: { enum: ['1'] } },
        ],
        requestBody: {
          required: true,
          content: {
            'text/csv': {
              schema: { type: 'string' },
              description: `A table or an office's form: the header (${queryInputs.map((i) => `${i.name} (${[i.label.zh, ...(i.aliases ?? [])].join('/')})`).join(', ')}, optional rowId and claimed) is found among the first rows (title and 填报单位 lines, empty leading rows and columns passed over; a grouped two-row header read as one; marks * ＊ ※ (必填) and units ignored). Rows above it are the preamble. UTF-8 (BOM optional), UTF-16 or GBK/GB18030.`,
            },
            'application/json': {
              schema: {
                type: 'object',
                required: ['rows'],
                properties: {
                  rows: { type: 'array', items: { allOf: [ref(`${fn}_Inputs`), ref('BatchColumns')] } },
                  columns: {
                    type: 'object',
                    additionalProperties: { type: 'string' },
                    description: 'Explicit mapping of keys to input names, rowId or claimed (as ?columns=)',
                  },
                },
              },
            },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
              description:
                'An .xlsx workbook, read as a form (see text/csv): merged cells belong to every row they cover; hidden and filtered rows are computed with a warning and counted in summary.hidden; ?sheet= picks a sheet',
            },
            'application/vnd.ms-excel': { schema: { type: 'string', format: 'binary' }, description: 'An .xls workbook' },
          },
        },
        responses: {
          200: {
            description: 'One answer per row, in order (JSON; or a table with Accept: text/csv or the xlsx type; ?lang=zh|en)',
            content: {
              ...json(ref('BatchAnswer')),
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          400: errorResponse('Malformed JSON'),
          401: errorResponse('No key or a wrong key'),
          403: errorResponse('Origin not allowed'),
          404: errorResponse('Unknown rule'),
          413: errorResponse('Too many rows or bytes'),
          415: errorResponse('Unsupported content type or charset'),
          422: {
            description:
              'Unknown or unusable columns, or no header (unknown-column, field header). When no header is found, the body also carries `sheets` (every sheet and what was found on it) and `closest` (the row nearest to a header), so a page can offer a mapping.',
            content: json(ref('TableRefusal')),
          },
        },
      },
    },
    ...(takesTable(meta) ? templatePaths(meta) : {}),
  };
}

/** The rule's fill-in templates (rules/tables/template.ts). */
function templatePaths(meta: RuleMetadata): Record<string, unknown> {
  const get = (kind: string, type: string) => ({
    get: {
      operationId: `template_${kind}_${meta.functionName}`,
      summary: `Template (${kind}): ${meta.title.en} / ${meta.title.zh}`,
      tags: ['batch'],
      responses: { 200: { description: 'Chinese headers with units, an example row and notes', content: { [type]: { schema: { type: 'string' } } } } },
    },
  });
  return {
    [`/v1/rules/${meta.id}/template.csv`]: get('csv', 'text/csv'),
    [`/v1/rules/${meta.id}/template.xlsx`]: get('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  };
}

/** A parameter's value: a number, a decimal as a string, a list (districts, categories), or null. */
const parameterValue = { anyOf: [{ type: ['string', 'number', 'null'] }, { type: 'array', items: { type: ['string', 'number'] } }] };

const commonSchemas: Record<string, Schema> = {
  ...answerSchemas,
  ParametersOnDate: {
    type: 'object',
    required: ['rulesetVersion', 'date', 'policy', 'parameters'],
    properties: {
      rulesetVersion: { type: 'string' },
      date: { type: 'string', format: 'date' },
      policy: { anyOf: [ref('Policy'), { type: 'null' }], description: 'The plan in force on the date, or null' },
      parameters: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'unit', 'description', 'value', 'from', 'source', 'history'],
          properties: {
            id: { type: 'string' },
            unit: { type: 'string' },
            description: ref('Text'),
            value: {
              ...parameterValue,
              description: 'In force on the date; null where none is (not yet, or lapsed). Decimals are strings; a list (districts, categories) is an array',
            },
            from: {
              type: ['string', 'null'],
              format: 'date',
              description: 'The day that value started to apply (0000-01-01: before every date these rules handle)',
            },
            source: { anyOf: [ref('Source'), { type: 'null' }] },
            overridable: { type: 'boolean', description: 'a 测算 (POST /v1/whatif/{id}) may set it' },
            kind: { enum: ['integer', 'decimal'], description: 'what an override of it takes (overridable ones only)' },
            history: {
              type: 'array',
              items: {
                type: 'object',
                required: ['from', 'value', 'source'],
                properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' }, value: parameterValue, source: ref('Source') },
              },
            },
          },
        },
      },
    },
  },
  Policies: {
    type: 'object',
    required: ['rulesetVersion', 'policies'],
    properties: {
      rulesetVersion: { type: 'string' },
      policies: {
        type: 'array',
        items: {
          allOf: [
            ref('Policy'),
            {
              type: 'object',
              properties: {
                publishedOn: { type: 'string', format: 'date' },
                issuedOn: { type: 'string', format: 'date' },
                clauses: { type: 'array', items: { type: 'string' } },
              },
            },
          ],
        },
      },
    },
  },
};

export function openApiDocument(): Record<string, unknown> {
  const rules = listRules();
  const schemas: Record<string, Schema> = { ...commonSchemas };
  const paths: Record<string, unknown> = {
    '/v1/rules': {
      get: {
        operationId: 'listRules',
        summary: 'The rules and their inputs and outputs',
        tags: ['catalogue'],
        responses: {
          200: {
            description: 'Registry metadata',
            content: json({ type: 'object', properties: { rulesetVersion: { type: 'string' }, rules: { type: 'array' } } }),
          },
        },
      },
    },
    '/v1/parameters': {
      get: {
        operationId: 'listParametersOnDate',
        summary: "Every parameter's value in force on a date, with its source and its dated history",
        tags: ['catalogue'],
        parameters: [{ name: 'date', in: 'query', required: true, description: 'The date, YYYY-MM-DD / 日期', schema: { type: 'string', format: 'date' } }],
        responses: {
          200: { description: 'The parameters on that date', content: json(ref('ParametersOnDate')) },
          422: { description: 'date missing or invalid', content: json(ref('Error')) },
        },
      },
    },
    '/v1/policies': {
      get: {
        operationId: 'listPolicies',
        summary: 'The plans, with their validity windows',
        tags: ['catalogue'],
        responses: { 200: { description: 'The plans', content: json(ref('Policies')) } },
      },
    },
    '/v1/interpretations': {
      get: {
        operationId: 'listInterpretations',
        summary: 'Readings chosen where the text is ambiguous',
        tags: ['catalogue'],
        responses: {
          200: {
            description: 'Interpretations',
            content: json({ type: 'object', properties: { rulesetVersion: { type: 'string' }, interpretations: { type: 'array' } } }),
          },
        },
      },
    },
    '/v1/batch/{batchId}': {
      get: {
        operationId: 'getBatchAudit',
        summary: 'The audit record of a batch made with the same key',
        tags: ['batch'],
        security: [{ bearer: [] }],
        parameters: [{ name: 'batchId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The record', content: json(ref('AuditAnswer')) },
          401: errorResponse('No key or a wrong key'),
          404: errorResponse('No such batch for this key'),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        tags: ['catalogue'],
        responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
      },
    },
  };
  for (const meta of rules) {
    Object.assign(schemas, ruleSchemas(meta));
    Object.assign(paths, rulePaths(meta));
  }
  // 测算 (what-if): worker/openapi-whatif.ts
  Object.assign(schemas, whatIfSchemas);
  for (const meta of rules) Object.assign(paths, whatIfPaths(meta));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baotou disability-employment rules (包府办发〔2023〕43号)',
      version: RULESET_VERSION,
      description: 'The same answers as the spreadsheet add-in, from one rules package. Every answer carries rulesetVersion.',
    },
    'x-rulesetVersion': RULESET_VERSION,
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A batch key; local development: local-dev-key' } } },
  };
}
