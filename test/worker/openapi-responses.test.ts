// Every route's real answers, validated against the schema OpenAPI documents for that path, method and status.
import { describe, expect, it } from 'vitest';
import { findRule, inputsOf, isPersonalInput, listRules, type BatchRow, type Failure, type Success } from '../../rules/index.ts';
import { takesTable } from '../../rules/tables/index.ts';
import type { TableSummary } from '../../rules/tables/rows.ts';
import { BOOLEAN_WORDS } from '../../rules/core/coerce.ts';
import type { AnswerOf } from '../../worker/contract/answers.ts';
import { XLSX_TYPE } from '../../worker/batch/answer.ts';
import { validate } from '../support/json-schema.ts';
import { auth, call, postBatch, postJson } from './helpers.ts';

type Schema = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

// What the rules package produces fits the answer schemas the clients' types are derived from (checked by tsc).
type Writable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
export const conforms = {
  success: (s: Writable<Success>): AnswerOf<'SuccessBase'> => s,
  failure: (f: Failure): AnswerOf<'Failure'> => f,
  row: (r: BatchRow): AnswerOf<'BatchRow'> => r,
  summary: (s: TableSummary): AnswerOf<'BatchAnswer'>['summary'] => s,
};

const example = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 };
const csv = 'rowId,totalStaff,disabledCounted,monthlyMinWage,claimed\r\nA,400,9,1980,29700\r\nB,x,9,1980,\r\n';
const personalRule = listRules().find((m) => m.inputs.some((i) => i.type !== 'records' && isPersonalInput(i)));
const recordsRule = listRules().find((m) => !takesTable(m));

let doc: Doc | undefined;
const openapi = async () => (doc ??= (await (await call('/openapi.json')).json()) as Doc);

interface Case {
  name: string;
  request: () => Promise<Response>;
  /** The OpenAPI path and method; absent for a request no operation covers (an unknown address, a method a path has none for). */
  operation?: [string, string];
  status: number;
}

const cases: Case[] = [
  {
    name: 'quick check GET ok',
    request: () => call('/v1/rules/overquota-reward?totalStaff=400&disabledCounted=9&monthlyMinWage=1980'),
    operation: ['/v1/rules/overquota-reward', 'get'],
    status: 200,
  },
  {
    name: 'quick check POST ok',
    request: () => postJson('/v1/rules/overquota-reward', example),
    operation: ['/v1/rules/overquota-reward', 'post'],
    status: 200,
  },
  {
    name: 'quick check refused',
    request: () => postJson('/v1/rules/overquota-reward', { totalStaff: 400 }),
    operation: ['/v1/rules/overquota-reward', 'post'],
    status: 422,
  },
  {
    name: 'quick check refused (GET)',
    request: () => call('/v1/rules/overquota-reward?totalStaff=abc'),
    operation: ['/v1/rules/overquota-reward', 'get'],
    status: 422,
  },
  {
    name: 'quick check malformed JSON',
    request: () => call('/v1/rules/overquota-reward', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    operation: ['/v1/rules/overquota-reward', 'post'],
    status: 400,
  },
  {
    name: 'quick check not JSON',
    request: () => call('/v1/rules/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
    operation: ['/v1/rules/overquota-reward', 'post'],
    status: 415,
  },
  {
    name: 'quick check body too large',
    request: () =>
      call('/v1/rules/overquota-reward', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"totalStaff":"${'1'.repeat(4 * 1024 * 1024)}"}`,
      }),
    operation: ['/v1/rules/overquota-reward', 'post'],
    status: 413,
  },
  {
    name: 'quick check personal input in the URL',
    request: () => call(`/v1/rules/${personalRule!.id}?${personalRule!.inputs.find((i) => isPersonalInput(i))!.name}=x`),
    operation: [`/v1/rules/${personalRule?.id}`, 'get'],
    status: 400,
  },
  { name: 'unknown rule', request: () => postJson('/v1/rules/no-such-rule', example), status: 404 },
  { name: 'unknown address', request: () => call('/v1/nothing-here'), status: 404 },
  { name: 'method not allowed', request: () => call('/v1/rules/overquota-reward', { method: 'PUT' }), status: 405 },
  { name: 'rules', request: () => call('/v1/rules'), operation: ['/v1/rules', 'get'], status: 200 },
  { name: 'interpretations', request: () => call('/v1/interpretations'), operation: ['/v1/interpretations', 'get'], status: 200 },
  { name: 'parameters', request: () => call('/v1/parameters?date=2024-06-30'), operation: ['/v1/parameters', 'get'], status: 200 },
  { name: 'parameters without a date', request: () => call('/v1/parameters'), operation: ['/v1/parameters', 'get'], status: 422 },
  { name: 'parameters, bad date', request: () => call('/v1/parameters?date=2024-02-30'), operation: ['/v1/parameters', 'get'], status: 422 },
  { name: 'policies', request: () => call('/v1/policies'), operation: ['/v1/policies', 'get'], status: 200 },
  { name: 'openapi', request: () => call('/openapi.json'), operation: ['/openapi.json', 'get'], status: 200 },
  { name: 'template of a records rule', request: () => call(`/v1/rules/${recordsRule!.id}/template.csv`), status: 404 },
  {
    name: 'batch JSON',
    request: () =>
      postBatch('overquota-reward', JSON.stringify({ rows: [{ ...example, rowId: 'A', claimed: 29700 }, { totalStaff: 'x' }] }), 'application/json'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 200,
  },
  {
    name: 'batch CSV, JSON answer with cells',
    request: () => postBatch('overquota-reward?cells=1', csv, 'text/csv'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 200,
  },
  {
    name: 'batch without a key',
    request: () => call('/v1/batch/overquota-reward', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 401,
  },
  {
    name: 'batch from another origin',
    request: () => postBatch('overquota-reward', csv, 'text/csv', { origin: 'https://elsewhere.example' }),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 403,
  },
  {
    name: 'batch, malformed JSON',
    request: () => postBatch('overquota-reward', '{"rows": [', 'application/json'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 400,
  },
  {
    name: 'batch, too many rows',
    request: () => postBatch('overquota-reward', `totalStaff\n${'400\n'.repeat(1001)}`, 'text/csv'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 413,
  },
  {
    name: 'batch, unsupported type',
    request: () => postBatch('overquota-reward', csv, 'image/png'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 415,
  },
  {
    name: 'batch, not a workbook',
    request: () => postBatch('overquota-reward', 'not a workbook', 'application/octet-stream'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 422,
  },
  {
    name: 'batch, no header',
    request: () => postBatch('overquota-reward', ',\n1,2\n', 'text/csv'),
    operation: ['/v1/batch/overquota-reward', 'post'],
    status: 422,
  },
  { name: 'batch of an unknown rule', request: () => postBatch('no-such-rule', csv, 'text/csv'), status: 404 },
  {
    name: '测算 batch, JSON answer',
    request: () => postBatch('../whatif/overquota-reward?set.plan.overquotaReward.minimumWageMultiplier=4', csv, 'text/csv'),
    operation: ['/v1/whatif/overquota-reward', 'post'],
    status: 200,
  },
  {
    name: '测算 batch, overrides in a JSON body',
    request: () =>
      postBatch(
        '../whatif/overquota-reward',
        JSON.stringify({ rows: [example], overrides: [{ parameter: 'plan.overquotaReward.minimumWageMultiplier', value: 4, from: '2024-01-01' }] }),
        'application/json',
      ),
    operation: ['/v1/whatif/overquota-reward', 'post'],
    status: 200,
  },
  {
    name: '测算 batch without overrides',
    request: () => postBatch('../whatif/overquota-reward', csv, 'text/csv'),
    operation: ['/v1/whatif/overquota-reward', 'post'],
    status: 422,
  },
  {
    name: '测算 batch, unknown parameter',
    request: () => postBatch('../whatif/overquota-reward?set.no.such.parameter=4', csv, 'text/csv'),
    operation: ['/v1/whatif/overquota-reward', 'post'],
    status: 422,
  },
  {
    name: '测算 quick check',
    request: () =>
      postJson('/v1/whatif/overquota-reward/check', { inputs: example, overrides: [{ parameter: 'plan.overquotaReward.minimumWageMultiplier', value: 4 }] }),
    operation: ['/v1/whatif/overquota-reward/check', 'post'],
    status: 200,
  },
  {
    name: '测算 quick check, negative multiplier',
    request: () =>
      postJson('/v1/whatif/overquota-reward/check', { inputs: example, overrides: [{ parameter: 'plan.overquotaReward.minimumWageMultiplier', value: -1 }] }),
    operation: ['/v1/whatif/overquota-reward/check', 'post'],
    status: 422,
  },
  {
    name: 'audit record of no batch',
    request: () => call('/v1/batch/00000000-0000-4000-8000-000000000000', { headers: auth() }),
    operation: ['/v1/batch/{batchId}', 'get'],
    status: 404,
  },
];

/** The schema OpenAPI gives an answer: its operation's, or the shared Error where no operation covers the request. */
function schemaOf(doc: Doc, operation: Case['operation'], status: number, type: string): Schema | undefined {
  if (!operation) return status >= 400 ? { $ref: '#/components/schemas/Error' } : undefined;
  const [path, method] = operation;
  return doc.paths[path]?.[method]?.responses[String(status)]?.content?.[type]?.schema;
}

async function expectDocumented(response: Response, operation: Case['operation'], status: number): Promise<void> {
  expect(response.status).toBe(status);
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  const document = await openapi();
  const schema = schemaOf(document, operation, status, type);
  expect(schema, `OpenAPI documents ${type} for ${operation?.join(' ') ?? 'this request'} ${status}`).toBeDefined();
  if (type !== 'application/json') return void (await response.arrayBuffer());
  expect(validate(schema!, await response.json(), document.components.schemas)).toEqual([]);
}

describe('the schema check', () => {
  it('finds what does not fit, with where', async () => {
    const components = (await openapi()).components;
    expect(validate({ $ref: '#/components/schemas/Text' }, { zh: '是' }, components.schemas)).toEqual(['$: en is missing']);
    expect(validate({ $ref: '#/components/schemas/BatchRow' }, { index: 0, status: 'fine' }, components.schemas)).toEqual([
      '$.status: "fine" is not one of ["ok","mismatch","invalid","skipped"]',
    ]);
    expect(validate({ type: 'string', format: 'date' }, '2024/6/30', {})).toEqual(['$: "2024/6/30" is not a date']);
    expect(validate({ type: 'object', unknownKeyword: 1 }, {}, {})).toHaveLength(1);
  });

  it('documents the yes/no words coercion accepts', async () => {
    const components = (await openapi()).components;
    const meta = listRules().find((m) => m.inputs.some((i) => i.type === 'boolean'))!;
    const input = meta.inputs.find((i) => i.type === 'boolean')!;
    const schema = (components.schemas[`${meta.functionName}_Inputs`].properties as Record<string, { anyOf: { type: string; enum?: unknown[] }[] }>)[
      input.name
    ];
    expect(schema.anyOf.find((s) => s.type === 'string')?.enum).toEqual([...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false]);
  });
});

describe('every route answers as OpenAPI documents', () => {
  it('the checked paths and rules exist', () => {
    expect(personalRule).toBeDefined();
    expect(recordsRule).toBeDefined();
  });

  it.each(cases)('$name: $status', async ({ request, operation, status }) => {
    await expectDocumented(await request(), operation, status);
  });

  it('table answers and templates are documented types', async () => {
    for (const accept of ['text/csv', XLSX_TYPE]) {
      await expectDocumented(await postBatch('overquota-reward', csv, 'text/csv', { accept }), ['/v1/batch/overquota-reward', 'post'], 200);
    }
    for (const file of ['template.csv', 'template.xlsx']) {
      await expectDocumented(await call(`/v1/rules/overquota-reward/${file}`), [`/v1/rules/overquota-reward/${file}`, 'get'], 200);
    }
  });

  it('an audit record', async () => {
    const answer = await postBatch('overquota-reward', csv, 'text/csv');
    const batchId = answer.headers.get('x-batch-id')!;
    await answer.arrayBuffer();
    await expectDocumented(await call(`/v1/batch/${batchId}`, { headers: auth() }), ['/v1/batch/{batchId}', 'get'], 200);
  });

  it('every rule’s answer to its own example fits its documented schema', async () => {
    const document = await openapi();
    for (const meta of listRules()) {
      const rule = findRule(meta.id)!;
      const inputs = Object.fromEntries(
        inputsOf(rule)
          .filter((i) => i.example !== undefined)
          .map((i) => [i.name, i.example]),
      );
      const response = await postJson(`/v1/rules/${meta.id}`, inputs);
      const schema = schemaOf(document, [`/v1/rules/${meta.id}`, 'post'], response.status, 'application/json');
      expect(schema, `${meta.id} ${response.status}`).toBeDefined();
      expect([meta.id, validate(schema!, await response.json(), document.components.schemas)]).toEqual([meta.id, []]);
    }
  });
});
