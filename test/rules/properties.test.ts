import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateBatch, listRules } from '../../rules/index.ts';
import { Dec, money } from '../../rules/core/decimal.ts';
import { MAX_DECIMAL_PLACES } from '../../rules/core/coerce.ts';
import { junkInputs, validInputsFor } from '../support/arbitraries.ts';

const MONEY = /^-?\d+\.\d{2}$/;

describe.each(listRules().map((rule) => [rule.id, rule] as const))('%s: properties', (_id, rule) => {
  const moneyOutputs = rule.outputs.filter((o) => o.type === 'money').map((o) => o.name);

  it('random valid inputs never throw; amounts are ≥ 0 with exactly two decimals; refusals carry a code', () => {
    let answered = 0;
    fc.assert(
      fc.property(validInputsFor(rule), (inputs) => {
        const r = evaluate(rule.id, inputs);
        if (!r.ok) {
          expect(r.error.code).not.toBe('internal-error');
          expect(r.error.message.zh && r.error.message.en).toBeTruthy();
          return;
        }
        answered++;
        for (const name of moneyOutputs) {
          const value = r.result[name];
          if (value === undefined) continue;
          expect(value).toMatch(MONEY);
          expect(Number.parseFloat(value as string)).toBeGreaterThanOrEqual(0);
        }
        expect(r.clause.text.length).toBeGreaterThan(0);
        expect(r.steps.length + r.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    // the generator must reach the rule's answers, not only its refusals
    expect(answered).toBeGreaterThan(30);
  });

  it('random junk gives ok: false with a code, never a throw', () => {
    fc.assert(
      fc.property(junkInputs, (junk) => {
        const r = evaluate(rule.id, junk);
        if (!r.ok) {
          expect(r.error.code).toMatch(/^[a-z-]+$/);
          expect(r.error.code).not.toBe('internal-error');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('evaluateBatch', () => {
  it('keeps row count and order on mixed good and bad rows', () => {
    const rule = listRules().find((r) => r.id === 'overquota-reward')!;
    fc.assert(
      fc.property(fc.array(fc.oneof(validInputsFor(rule), junkInputs), { maxLength: 40 }), (rows) => {
        const outcome = evaluateBatch(
          rule.id,
          rows.map((row, i) => (row && typeof row === 'object' && !Array.isArray(row) ? { ...row, rowId: `r${i}` } : row)),
        );
        expect(outcome.rows).toHaveLength(rows.length);
        outcome.rows.forEach((row, i) => {
          expect(row.index).toBe(i);
          expect(['ok', 'mismatch', 'invalid']).toContain(row.status);
        });
        const { ok, mismatch, invalid } = outcome.summary;
        expect(ok + mismatch + invalid).toBe(rows.length);
      }),
      { numRuns: 100 },
    );
  });

  it('compares claimed with the computed amount: ok, mismatch with claimed − computed, invalid', () => {
    const base = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' };
    const outcome = evaluateBatch('overquota-reward', [
      { ...base, rowId: 'a', claimed: '29700.00' },
      { ...base, rowId: 'b', claimed: '29700.01' },
      { ...base, rowId: 'c', claimed: 'lots' },
      { ...base, rowId: 'd', totalStaff: -1 },
      { ...base, rowId: 'e' },
      null,
    ]);
    expect(outcome.rows.map((r) => [r.rowId, r.status])).toEqual([
      ['a', 'ok'],
      ['b', 'mismatch'],
      ['c', 'invalid'],
      ['d', 'invalid'],
      ['e', 'ok'],
      [undefined, 'invalid'],
    ]);
    expect(outcome.rows[1].difference).toBe('0.01');
    expect(outcome.rows[2].error?.field).toBe('claimed');
    expect(outcome.rows[3].error?.field).toBe('totalStaff');
    expect(outcome.summary).toEqual({ rows: 6, ok: 2, mismatch: 1, invalid: 3, skipped: 0 });
  });

  it('prints claimed and claimed − computed exactly, whatever form claimed takes', () => {
    const base = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2024-06-30' };
    const claimedValues = fc.oneof(
      fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((cents) => (cents / 100).toFixed(2)),
      fc.integer({ min: 0, max: 10_000_000 }).map(String),
      fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
      fc.stringMatching(/^-?\d{1,16}(\.\d{1,4})?$/),
    );
    fc.assert(
      fc.property(claimedValues, (claimed) => {
        const [row] = evaluateBatch('overquota-reward', [{ ...base, claimed }]).rows;
        const exact = new Dec(String(claimed));
        if (exact.decimalPlaces() > MAX_DECIMAL_PLACES) {
          // More decimals than any amount has (e.g. a double of 1e-300): refused, not rounded to 0 (issue 13, finding 2).
          expect(row.status).toBe('invalid');
          expect(row.error?.field).toBe('claimed');
          return;
        }
        expect(row.claimed).toBe(money(exact));
        expect(row.difference).toBe(money(exact.minus('29700')));
        expect(row.status).toBe(exact.eq(29700) ? 'ok' : 'mismatch');
      }),
      { numRuns: 2000 },
    );
  });

  it('answers every row of an unknown rule as invalid', () => {
    const outcome = evaluateBatch('nope', [{}, {}]);
    expect(outcome.rows.map((r) => r.error?.code)).toEqual(['unknown-rule', 'unknown-rule']);
  });
});
