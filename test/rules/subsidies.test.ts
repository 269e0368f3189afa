/** What the subsidies' tables of cases cannot say: skills-training-subsidy's limits across a batch's rows (per person and year, repeats within a year). */
import { describe, expect, it } from 'vitest';
import { evaluateBatch } from '../../rules/index.ts';

describe('skills-training-subsidy (m10.2)', () => {
  it('in a batch, flags the 4th session of a person in a calendar year and a repeat within 12 months', () => {
    const session = (personId: string, d: string, project: string, level = '初级') => ({
      personId,
      project,
      level,
      date: d,
      classHours: 40,
      days: 5,
      claimed: 1500,
    });
    const outcome = evaluateBatch('skills-training-subsidy', [
      session('A', '2024-01-10', '电商'),
      session('A', '2024-03-10', '按摩'),
      session('A', '2024-05-10', '烹饪'),
      session('A', '2024-07-10', '手工'), // 4th in 2024
      session('B', '2023-06-01', '电商'),
      session('B', '2024-05-31', '电商'), // same project and level within a year
      session('B', '2024-06-01', '电商', '中级'), // another level: fine
      session('C', '2023-06-01', '电商'),
      session('C', '2024-06-01', '电商'), // exactly a year later: fine
    ]);
    expect(outcome.rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'mismatch', 'ok', 'mismatch', 'ok', 'ok', 'ok']);
    expect(outcome.rows[3].failedConditions).toMatchObject([{ code: 'sessions-per-year' }]);
    expect(outcome.rows[3].difference).toBe('1500.00');
    expect(outcome.rows[5].failedConditions).toMatchObject([{ code: 'repeat-within-year' }]);
    expect(outcome.summary).toEqual({ rows: 9, ok: 7, mismatch: 2, invalid: 0, skipped: 0 });
  });

  it('"within a year" of 29 February ends on 28 February (民法典 第二百零二条)', () => {
    const session = (personId: string, d: string) => ({
      personId,
      project: '电商',
      level: '初级',
      date: d,
      classHours: 40,
      days: 5,
      applyOutsideValidity: true,
    });
    const outcome = evaluateBatch('skills-training-subsidy', [
      session('D', '2024-02-29'),
      session('D', '2025-02-28'), // the last day of the year from 2024-02-29: a repeat
      session('E', '2024-02-29'),
      session('E', '2025-03-01'), // the day after: fine
    ]);
    expect(outcome.rows.map((r) => r.result !== undefined && r.eligible !== false)).toEqual([true, false, true, true]);
    expect(outcome.rows[1].failedConditions).toMatchObject([{ code: 'repeat-within-year' }]);
    const relied = evaluateBatch('skills-training-subsidy', [session('F', '2024-03-01'), session('F', '2024-09-01')]);
    expect(relied.rows[1].result).toBeDefined();
    expect(relied.rows[1].eligible).toBe(false);
  });
});
