// A JSON batch's numbers are read as their texts: a row whose numbers are JSON numbers is answered byte for byte as the
// same row with every number sent as its text ("59" for 59), in every answer (JSON with its echoed cells, CSV, xlsx),
// for every rule, under every kind of column (the row id, each input type, the claimed amount, extra columns).
// The Worker hands some numbers over as JS numbers (worker/batch/sources.ts `numberKeys`): this is what that must keep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRule, listRules, metadataOf, type RuleMetadata } from '../../rules/index.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { answerWriter, type AnswerFormat } from '../../worker/batch/answer.ts';
import { EchoBudget } from '../../worker/batch/echo.ts';
import { jsonRows } from '../../worker/batch/sources.ts';
import { Utf8Chunk } from '../../worker/batch/utf8-chunk.ts';
import { strFromU8, unzipSync } from 'fflate';
import { valueFor } from '../support/arbitraries.ts';
import { auth, call } from './helpers.ts';

const SEED = 20261203;
const encoder = new TextEncoder();

/** Numbers a client sends, under any column: whole, fractions, dates as eight digits, Excel serials, yes/no as 0/1, negatives, large. */
const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 4_000 }).map((n) => n / 2),
  fc.constantFrom(20240630, 20241301, 19000101, 45000, 45000.5, 0.5, 0.25, 29700, 1980.5, 123456789012345, 10000000, -0.5, 0.000001, 1e21, 1e-7),
);

/** Rows of a rule: every input, the row id, the claimed amount and an extra column, each a number or a value the input takes. */
const rowsFor = (meta: RuleMetadata) => {
  const columns: [string, fc.Arbitrary<unknown>][] = [
    ['rowId', fc.oneof(number, fc.constant('r1'))],
    ['claimed', fc.oneof(number, fc.constant('29,700.00'))],
    ['备注', number],
    ...meta.inputs.map((spec): [string, fc.Arbitrary<unknown>] => [
      spec.name,
      fc.oneof({ weight: 3, arbitrary: number }, { weight: 1, arbitrary: valueFor(spec) }),
    ]),
  ];
  return fc.array(fc.record(Object.fromEntries(columns), { requiredKeys: [] }), { minLength: 1, maxLength: 6 });
};

/** The same JSON with every number a string of its text. */
const numbersQuoted = (value: unknown): unknown =>
  typeof value === 'number'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? value.map(numbersQuoted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersQuoted(v)]))
        : value;

/** A batch's answer as the Worker writes it (worker/routes/batch.ts, answer-stream.ts), without HTTP: its bytes as text, or the refusal. */
function answer(id: string, body: unknown, format: AnswerFormat): string {
  const rule = findRule(id)!;
  const meta = metadataOf(rule);
  const batch = new TableBatch(rule, meta);
  try {
    const rows = jsonRows([encoder.encode(JSON.stringify(body))], meta, 1_000, batch, undefined);
    const head = { batchId: 'x', rule: id, rulesetVersion: 'v', ignoredColumns: rows.ignoredColumns, droppedColumns: rows.droppedColumns, form: rows.form };
    const writer = answerWriter(format, { head, meta, columns: rows.columns, lang: 'zh', withCells: true, read: rows.read });
    const echo = new EchoBudget({ cellChars: 2_000, answerChars: 1_000_000 }, 'zh');
    const chunk = new Utf8Chunk(encoder);
    writer.head(chunk);
    for (let first = true; ; first = false) {
      const answered = rows.next(batch);
      if (!answered) break;
      writer.row({ row: answered.row, cells: echo.cap(answered.cells) }, first, chunk);
    }
    writer.tail(batch.summary(), chunk);
    const bytes = chunk.bytes();
    if (format !== 'xlsx') return new TextDecoder().decode(bytes);
    // a workbook's files (their zip entries carry the time they were written)
    return Object.entries(unzipSync(bytes))
      .map(([name, data]) => `${name}\n${strFromU8(data)}`)
      .join('\n');
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

const FORMATS: AnswerFormat[] = ['json', 'csv', 'xlsx'];

describe('JSON numbers are answered as their texts', () => {
  it('for every rule, in JSON (with cells), CSV and xlsx', () => {
    for (const meta of listRules())
      fc.assert(
        fc.property(rowsFor(meta), (rows) => {
          for (const format of FORMATS)
            expect(answer(meta.id, { rows }, format), `${meta.id} ${format}`).toBe(answer(meta.id, { rows: numbersQuoted(rows) }, format));
        }),
        { numRuns: 15, seed: SEED },
      );
  }, 120_000);

  it('in a body of many blocks, rows of one shape', () => {
    const rows = Array.from({ length: 900 }, (_, i) => ({
      rowId: i,
      totalStaff: 400 + i,
      disabledCounted: (i % 20) / 2,
      monthlyMinWage: 1980,
      claimed: i % 7 ? 29700 + i / 4 : 20240630,
      备注: i,
    }));
    for (const format of FORMATS) expect(answer('overquota-reward', { rows }, format)).toBe(answer('overquota-reward', { rows: numbersQuoted(rows) }, format));
  });

  it('in a what-if batch over HTTP', async () => {
    const rows = [
      { rowId: 1, totalStaff: 400, disabledCounted: 9.5, monthlyMinWage: 1980, claimed: 20240630 },
      { rowId: 2, totalStaff: 59, disabledCounted: 0.5, monthlyMinWage: 2270.5, 备注: 3 },
    ];
    const overrides = [{ parameter: 'plan.overquotaReward.minimumWageMultiplier', value: 4 }];
    const post = async (body: unknown, accept: string) => {
      const response = await call('/v1/whatif/overquota-reward?cells=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...auth() },
        body: JSON.stringify(body),
      });
      return `${response.status} ${(await response.text()).replace(/"batchId":"[^"]*"/, '')}`;
    };
    for (const accept of ['application/json', 'text/csv']) {
      const asNumbers = await post({ rows, overrides }, accept);
      expect(asNumbers).toMatch(/^200 /);
      expect(asNumbers).toBe(await post({ rows: numbersQuoted(rows), overrides }, accept));
    }
  });
});
