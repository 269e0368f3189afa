/**
 * Issue 13's standing fuzz test: a bounded property test (fast-check) over the HTTP routes, inside workerd.
 * Inputs mix valid values with deep nesting, look-alike digits, extreme numbers, prototype keys, junk bodies
 * and junk CSV. Every answer: no 5xx, never `internal-error`, every error with a code and a zh/en message (and
 * the field, for errors in the inputs), and GET equal to POST for the same inputs. Bounded to run in seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPersonalInput, listRules, type RuleMetadata } from '../../rules/index.ts';
import { valueFor } from '../support/arbitraries.ts';
import { call, postBatch } from './helpers.ts';

const rules = listRules();
const SEED = 20261129;

interface ErrorBody {
  code?: unknown;
  field?: unknown;
  message?: { zh?: unknown; en?: unknown };
}

/** The checks every error answer (a response or a batch row) must pass. */
function expectGoodError(error: ErrorBody | undefined, needsField: boolean, context: string) {
  expect(error, context).toBeDefined();
  expect(typeof error!.code, context).toBe('string');
  expect(error!.code, context).not.toBe('internal-error');
  expect(typeof error!.message?.zh === 'string' && error!.message.zh.length > 0, context).toBe(true);
  expect(typeof error!.message?.en === 'string' && error!.message.en.length > 0, context).toBe(true);
  if (needsField) expect(typeof error!.field === 'string' && (error!.field as string).length > 0, context).toBe(true);
}

async function expectGoodAnswer(response: Response, context: string): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  expect(response.status, `${context}: ${text.slice(0, 300)}`).toBeLessThan(500);
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    body = JSON.parse(text);
    const b = body as { ok?: boolean; error?: ErrorBody };
    // every refusal names what it is about: an input's field, or the body, the content type, the rule
    if (response.status >= 400) expectGoodError(b.error, true, `${context}: ${text.slice(0, 300)}`);
  }
  return { status: response.status, body };
}

/** A value as JSON text and, where a query string can carry it, as that text. */
interface Raw {
  json: string;
  query?: string;
}

const str = (s: string): Raw => ({ json: JSON.stringify(s), query: s });
const num = (lexeme: string): Raw => ({ json: lexeme, query: lexeme });

const deepNesting = fc.integer({ min: 20, max: 3000 }).map((d): Raw => ({ json: '['.repeat(d) + ']'.repeat(d) }));
const lookAlikes = fc
  .constantFrom('④⓪⓪', '¹²', '𝟒𝟎𝟎', '١٢', '४००', '１２，０００', '４００', '１．５', '12,000', '1,2,3', '0x10', '1_000', 'Infinity', 'NaN', '+-1', '٫5')
  .map(str);
const extremeNumbers = fc
  .constantFrom(
    '1e-400',
    '1e400',
    '-0',
    '0.0',
    '4e2',
    '1E+2',
    '12345678901234567890',
    '0.30000000000000000001',
    '1.0',
    '-1',
    '1e-7',
    '2e15',
    '999999999999999.99',
    '5e-324',
  )
  .map(num);
const junkStrings = fc
  .oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('', ' ', '是', '否', 'TRUE', 'null', '[]', '{}'))
  .map(str);
const structures = fc.constantFrom<Raw>(
  { json: '[]' },
  { json: '{}' },
  { json: '[1,2]' },
  { json: 'null' },
  { json: 'true' },
  { json: 'false' },
  { json: '{"a":1}' },
  { json: '[[1],[2]]' },
);
const validFor = (rule: RuleMetadata, name: string) => {
  const spec = rule.inputs.find((i) => i.name === name)!;
  return valueFor(spec).map((v): Raw =>
    typeof v === 'string'
      ? str(v)
      : typeof v === 'number'
        ? num(String(v))
        : { json: JSON.stringify(v), query: typeof v === 'boolean' ? String(v) : undefined },
  );
};

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A rule and a list of [name, raw value] members: its own inputs (valid or not) and stray or prototype keys. */
const caseArb = fc.constantFrom(...rules).chain((rule) => {
  const names = rule.inputs.map((i) => i.name);
  const member = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...names)
        .chain((name) =>
          fc.tuple(
            fc.constant(name),
            fc.oneof({ weight: 4, arbitrary: validFor(rule, name) }, lookAlikes, extremeNumbers, junkStrings, structures, deepNesting),
          ),
        ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(extremeNumbers, junkStrings)) },
  );
  return fc.tuple(fc.constant(rule), fc.uniqueArray(member, { selector: ([name]) => name, maxLength: names.length + 1 }));
});

const jsonOf = (members: [string, Raw][]) => `{${members.map(([name, raw]) => `${JSON.stringify(name)}:${raw.json}`).join(',')}}`;

describe('fuzz over the HTTP routes (bounded)', () => {
  it('quick checks: no 5xx, no internal-error, good errors, and GET equal to POST', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([rule, members]) => {
        const body = jsonOf(members);
        const post = await expectGoodAnswer(
          await call(`/v1/rules/${rule.id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
          `POST ${rule.id} ${body.slice(0, 200)}`,
        );
        if (members.every(([, raw]) => raw.query !== undefined)) {
          const query = new URLSearchParams(members.map(([name, raw]) => [name, raw.query!])).toString();
          const get = await expectGoodAnswer(await call(`/v1/rules/${rule.id}?${query}`), `GET ${rule.id}?${query.slice(0, 200)}`);
          const personal = members.some(([name]) => rule.inputs.some((i) => i.name === name && isPersonalInput(i)));
          if (personal) expect(get.status).toBe(400);
          else {
            expect(get.status, `GET ≠ POST for ${rule.id} ${body}`).toBe(post.status);
            expect(get.body, `GET ≠ POST for ${rule.id} ${body}`).toEqual(post.body);
          }
        }
      }),
      { numRuns: 250, seed: SEED },
    );
  });

  it('junk bodies: malformed JSON, wrong shapes, wrong types, deep nesting of the whole body', async () => {
    const junkBody = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        '{',
        '[',
        '{"a":',
        '{"a":01}',
        '{"a":1.}',
        '{"a":-}',
        'null',
        '[]',
        '"x"',
        '1e999',
        '{"__proto__":{"x":1}}',
        '{"a":"\\u0000"}',
        '\uFEFF{}',
      ),
      fc.integer({ min: 1, max: 5000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
      fc.integer({ min: 1, max: 5000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...rules), junkBody, contentType, async (rule, body, type) => {
        await expectGoodAnswer(
          await call(`/v1/rules/${rule.id}`, { method: 'POST', headers: { 'content-type': type }, body }),
          `POST ${rule.id} (${type}) ${body.slice(0, 120)}`,
        );
        if (type.startsWith('application/json')) {
          const response = await postBatch(rule.id, `{"rows":[${body || 'null'}]}`, type);
          const answer = await expectGoodAnswer(response, `batch ${rule.id} ${body.slice(0, 120)}`);
          for (const row of (answer.body as { rows?: { status: string; error?: ErrorBody }[] }).rows ?? []) {
            if (row.status === 'invalid') expectGoodError(row.error, false, `batch row ${rule.id} ${body.slice(0, 120)}`);
          }
        }
      }),
      { numRuns: 120, seed: SEED },
    );
  });

  it('junk CSV batches: every row answered, every row error with a code and a zh/en message', async () => {
    const csvRules = rules.filter((r) => !r.inputs.some((i) => i.type === 'records'));
    const cell = fc.oneof(
      fc.constantFrom(
        '400',
        '9',
        '1980',
        '４００',
        '④⓪⓪',
        '𝟒𝟎𝟎',
        '1e-400',
        '4e2',
        '"1,980"',
        '"',
        '""',
        '=1+1',
        '是',
        ' ',
        '昆都仑区',
        '2024-06-30',
        '２０２４-０６-３０',
      ),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(cell, { maxLength: 8 }).map((cells) => cells.join(fc.sample(fc.constantFrom(',', ';', '\t'), { numRuns: 1, seed: cells.length })[0]));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...csvRules),
        fc.boolean(),
        fc.array(line, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        async (rule, goodHeader, lines, eol) => {
          const header = goodHeader ? [...rule.inputs.map((i) => i.name), 'rowId', 'claimed'].join(',') : (lines.shift() ?? '');
          const body = [header, ...lines].join(eol);
          const response = await postBatch(rule.id, body, 'text/csv');
          const answer = await expectGoodAnswer(response, `CSV ${rule.id} ${JSON.stringify(body).slice(0, 200)}`);
          if (answer.status === 200) {
            const rows = (answer.body as { rows: { status: string; error?: ErrorBody }[] }).rows;
            for (const row of rows) if (row.status === 'invalid') expectGoodError(row.error, false, `CSV row ${rule.id} ${JSON.stringify(body).slice(0, 200)}`);
          }
        },
      ),
      { numRuns: 120, seed: SEED },
    );
  });
});
