// A batch evaluates its rows in one context renewed per row (Context.renew), not one made per row: nothing a row wrote
// (warnings, failed conditions, the date it was read on, the plan) may reach the next. For every rule without cross-row
// state, each row of a random run of rows (valid ones on a few dates and none, and junk) gets from the batch what
// evaluate() gives it alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchEvaluator } from '../../rules/batch.ts';
import { evaluate, metadataOf, rules } from '../../rules/index.ts';
import { isRecord } from '../../rules/core/coerce.ts';
import { junkInputs, validInputsFor } from '../support/arbitraries.ts';

/** Dates across both plans' windows and the wage change of 2024-12-01, and none: a run of rows changes date often. */
const dates = fc.constantFrom<string | undefined>(undefined, '2023-04-22', '2024-06-30', '2024-12-01', '2025-03-01', '2026-06-30');

const stateless = rules.filter((rule) => rule.batchState === undefined);

describe('a batch row, in the one context a batch renews per row', () => {
  it('covers nearly every rule', () => expect(stateless.length).toBeGreaterThan(20));

  it.each(stateless.map((rule) => [rule.id, rule] as const))('%s: each row is answered as evaluate() answers it alone', (_id, rule) => {
    const named = (name: string) => rule.inputs.some((input) => input.name === name);
    // a rule whose claim date comes from another input (a year, a start date) is mostly given one in the plans' windows
    const validRow = fc
      .tuple(validInputsFor(metadataOf(rule)), dates, fc.integer({ min: 2022, max: 2027 }), fc.boolean())
      .map(([inputs, date, year, within]) => {
        const row = { ...inputs };
        if (named('date') && date !== undefined && row.date === undefined) row.date = date;
        if (rule.claimDate && within && named('year')) row.year = year;
        if (rule.claimDate && within && named('startDate') && date !== undefined) row.startDate = date;
        return row;
      });
    const row = fc.oneof({ weight: 5, arbitrary: validRow }, { weight: 1, arbitrary: junkInputs });
    let answered = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 12 }), (rows) => {
        const batch = new BatchEvaluator(rule);
        for (const raw of rows) {
          const got = batch.add(raw);
          // a batch's own ways, which a lone evaluation has not: a blank row is skipped, rowId and claimed are the row's, a
          // row that is no object is refused by its number
          if (got.status === 'skipped' || !isRecord(raw) || 'rowId' in raw || 'claimed' in raw) continue;
          const alone = evaluate(rule.id, raw);
          if (!alone.ok) {
            expect(got.status).toBe('invalid');
            expect(got.error).toEqual(alone.error);
            continue;
          }
          answered++;
          expect(got.status).toBe('ok');
          expect(got.result).toEqual(alone.result);
          expect(got.warnings ?? []).toEqual(alone.warnings);
          expect(got.eligible ?? true).toBe(alone.eligible);
          expect(got.failedConditions ?? []).toEqual(alone.failedConditions);
        }
      }),
      { numRuns: 60 },
    );
    // the rows must reach the rule's answers, not only its refusals
    expect(answered).toBeGreaterThan(20);
  });
});
