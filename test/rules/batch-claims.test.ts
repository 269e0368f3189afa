/**
 * A batch row's claimed figure is compared with the rule's primary output only when that output is an
 * amount or a count. Beside a date or a verdict (report-deadline's deadline, tobacco-licence-check's ok)
 * a claim is refused for that row, with the rule named, never read as a number (it once threw a
 * DecimalError mid-answer for report-deadline).
 */
import { describe, expect, it } from 'vitest';
import { evaluateBatch, rules } from '../../rules/index.ts';

const AMOUNTS = new Set(['money', 'integer', 'decimal', 'ratio']);
const primaryType = (rule: (typeof rules)[number]) => rule.outputs.find((o) => o.name === rule.primary)!.type;

describe('a claimed figure beside a rule that gives no amount', () => {
  it('report-deadline: each row with a claim is refused as having no amount; rows without one are answered', () => {
    const outcome = evaluateBatch('report-deadline', [
      { rowId: 'a', year: 2024, claimed: '2024-11-30' },
      { rowId: 'b', year: 2024 },
      { rowId: 'c', year: 2024, claimed: 100 },
    ]);
    expect(outcome.rows.map((r) => r.status)).toEqual(['invalid', 'ok', 'invalid']);
    for (const row of [outcome.rows[0], outcome.rows[2]]) {
      expect(row.error).toMatchObject({ code: 'unknown-input', field: 'claimed' });
      expect(row.error!.message.zh).toContain('不是金额或数量');
      expect(row.rowId).toBeDefined();
    }
    expect(outcome.summary).toMatchObject({ rows: 3, ok: 1, invalid: 2 });
  });

  it('every rule whose primary output is not an amount refuses a claim the same way', () => {
    const others = rules.filter((rule) => !AMOUNTS.has(primaryType(rule)));
    expect(others.map((r) => r.id)).toContain('report-deadline');
    for (const rule of others) {
      const [row] = evaluateBatch(rule.id, [{ claimed: '1' }]).rows;
      expect(row.error, rule.id).toMatchObject({ code: 'unknown-input', field: 'claimed' });
    }
  });

  it('a rule whose primary output is an amount still compares the claim', () => {
    const [row] = evaluateBatch('overquota-reward', [{ totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, claimed: '29,700.01' }]).rows;
    expect(row).toMatchObject({ status: 'mismatch', claimed: '29700.01', difference: '0.01' });
  });
});
