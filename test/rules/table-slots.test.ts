// A table's row is read into its inputs' slots and evaluated without an object naming them (TableBatch → BatchEvaluator.addSlots):
// for every rule, each row of cells gets the answer the batch gives the object its cells name (each cell read by its column,
// blank cells left out), after the same skip tests, row after row (so the rules' cross-row state is the same too).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchEvaluator } from '../../rules/batch.ts';
import { metadataOf, rules } from '../../rules/index.ts';
import { cellForInput, claimedCell, readHeader, rowIdCell, skipReason, TableBatch, type TableColumn } from '../../rules/tables/index.ts';
import { valueFor } from '../support/arbitraries.ts';
import type { InputSpec } from '../../rules/core/schema.ts';

/** A cell as a clerk's table may hold it: the value as text or as it is, blank in several ways, or words no input reads. */
const cellFor = (spec: InputSpec): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: valueFor(spec).map((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)) },
    { weight: 2, arbitrary: valueFor(spec) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u3000', null, undefined) },
    { weight: 1, arbitrary: fc.constantFrom('元', '人', 'abc', '12.5元', '-1', '１２') },
  );

const rowIdFor = fc.constantFrom<unknown>('', 'r1', ' 7 ', 7, undefined, '合计');
const claimedFor = fc.constantFrom<unknown>('', undefined, '100.00', '￥1,000.50', '0', 'x', '2024-06-30');

/** The object the row's cells name, as a batch is given it: each filled cell read by its column's reader. */
function objectOf(cells: readonly unknown[], columns: readonly TableColumn[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value =
      column.kind === 'input'
        ? cellForInput(cells[i], column.spec)
        : column.kind === 'rowId'
          ? rowIdCell(cells[i])
          : column.kind === 'claimed'
            ? claimedCell(cells[i])
            : undefined;
    if (value !== undefined) raw[column.kind === 'input' ? column.name : column.kind] = value;
  });
  return raw;
}

const tabled = rules.filter((rule) => !rule.inputs.some((i) => i.type === 'records' || i.type === 'integer-list'));

describe('a table row read into slots', () => {
  it('covers most rules', () => expect(tabled.length).toBeGreaterThan(15));

  it.each(tabled.map((rule) => [rule.id, rule] as const))('%s: every row is answered as the object its cells name', (_id, rule) => {
    const meta = metadataOf(rule);
    const header = readHeader(['rowId', ...rule.inputs.map((i) => i.name), 'claimed'], meta);
    if (!header.ok) throw new Error(header.error.message.en);
    const columns = header.columns;
    const rowArb = fc.tuple(rowIdFor, fc.tuple(...rule.inputs.map(cellFor)), claimedFor).map(([id, inputs, claimed]) => [id, ...inputs, claimed]);
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (rows) => {
        const table = new TableBatch(rule, meta);
        const batch = new BatchEvaluator(rule);
        for (const cells of rows) {
          const reason = skipReason(cells, columns);
          const expected = reason ? batch.skip(reason, rowIdCell(cells[0])) : batch.add(objectOf(cells, columns));
          expect(table.addCells(cells, columns)).toEqual(expected);
        }
        expect(table.evaluator.summary).toEqual(batch.summary);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
