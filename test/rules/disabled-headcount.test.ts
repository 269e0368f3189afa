import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { fakeCert } from './fake-cert.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'disabled-headcount';
const ok = { paidAtLeastMinWage: true, socialInsurance: true, contractMonths: 12 };
const count = (rows: Record<string, unknown>[]) => expectOk(evaluate(rule, { rows }));
type RowOut = { index: number; weight: number; counted: boolean; contribution: string; reasons: { zh: string; en: string }[] };
const rowsOf = (result: Record<string, unknown>) => result.rows as RowOut[];

describe('disabled-headcount (helper for m3.2)', () => {
  it('weighs and counts a typical list', () => {
    const r = count([
      { certNumber: fakeCert({ category: 4, grade: 2 }), ...ok }, // grade 2: 2
      { category: 4, grade: 3, ...ok }, // physical grade 3: 1
      { category: 5, grade: 4, ...ok }, // intellectual grade 4: 2
      { veteranGrade: 3, ...ok }, // veteran grade 3: 2
      { veteranGrade: 4, ...ok }, // veteran grade 4: 1
      { category: 1, grade: 4, ...ok, monthsEmployed: 6 }, // half a year: 0.5
      { category: 6, grade: 3, ...ok, contractMonths: 6 }, // contract too short: not counted
    ]);
    expect(r.result.disabledCounted).toBe('8.5');
    expect(r.result.personMonths).toBe(102);
    expect(r.result.persons).toBe(6);
    expect(rowsOf(r.result).map((row) => [row.index, row.weight, row.counted, row.contribution])).toEqual([
      [0, 2, true, '2'],
      [1, 1, true, '1'],
      [2, 2, true, '2'],
      [3, 2, true, '2'],
      [4, 1, true, '1'],
      [5, 1, true, '0.5'],
      [6, 2, false, '0'],
    ]);
    expect(rowsOf(r.result)[6].reasons.map((x) => x.en)).toEqual([
      'Certificate: mental, grade 3: counts as 2',
      'labour contract of 6 months, less than one year (12 months)',
      'not counted',
    ]);
    expect(r.steps.map((s) => s.en)).toEqual([
      '7 records, 6 counted; not counted: rows[6]',
      'Σ weight × months employed = 102',
      '102 ÷ 12 = 8.5 persons',
      'Part-year employment counts as months ÷ 12, not rounded',
    ]);
    expect(r.interpretations.map((i) => i.id)).toEqual(['partial-year']);
    expect(r.hints[0].en).toBe("If rows[6] met the conditions (see each record's reasons), 2 more persons would count");
    expect(r.clause.id).toBe('m3.2');
  });

  it('takes category and grade from the certificate number and never echoes it', () => {
    const cert = fakeCert({ category: 6, grade: 4, sequence: '123' });
    const r = count([{ certNumber: cert, onEstablishment: true, paidAtLeastMinWage: true, socialInsurance: true }]);
    expect(r.result.disabledCounted).toBe('2');
    const everything = JSON.stringify(r);
    expect(everything).not.toContain(cert);
    expect(everything).not.toContain(cert.slice(0, 18));
    // a consistent category and grade beside the number are accepted
    expect(count([{ certNumber: cert, category: 6, grade: 4, ...ok }]).result.disabledCounted).toBe('2');
  });

  it('sums person-months as integers and divides once: 7 + 5 months is exactly 1 person', () => {
    const r = count([
      { category: 4, grade: 3, ...ok, monthsEmployed: 7 },
      { category: 4, grade: 3, ...ok, monthsEmployed: 5 },
    ]);
    expect(r.result.disabledCounted).toBe('1');
    expect(rowsOf(r.result).map((row) => row.contribution)).toEqual(['0.583333333333333333333333333333', '0.416666666666666666666666666667']);
    const third = count([{ category: 4, grade: 3, ...ok, monthsEmployed: 4 }]);
    expect(third.result.disabledCounted).toBe('0.333333333333333333333333333333');
    expect(third.steps[2].en).toBe('4 ÷ 12 ≈ 0.3333 persons');
  });

  it('counts the weight-2 cases: grade 1–2 of any category, category 5/6 at any grade, veteran 1–3', () => {
    const weights = (rows: Record<string, unknown>[]) => rowsOf(count(rows).result).map((row) => row.weight);
    expect(weights([1, 2, 3, 4].map((grade) => ({ category: 1, grade, ...ok })))).toEqual([2, 2, 1, 1]);
    expect(weights([1, 2, 3, 4, 5, 6, 7].map((category) => ({ category, grade: 3, ...ok })))).toEqual([1, 1, 1, 1, 2, 2, 1]);
    expect(weights([1, 2, 3, 4, 10].map((veteranGrade) => ({ veteranGrade, ...ok })))).toEqual([2, 2, 2, 1, 1]);
    // the heavier of a certificate and a veteran's certificate
    expect(weights([{ category: 4, grade: 4, veteranGrade: 2, ...ok }])).toEqual([2]);
  });

  it('counts a contract of exactly 12 months, not 11; on the establishment needs no contract', () => {
    const r = count([
      { category: 4, grade: 3, ...ok, contractMonths: 12 },
      { category: 4, grade: 3, ...ok, contractMonths: 11 },
      { category: 4, grade: 3, onEstablishment: true, paidAtLeastMinWage: true, socialInsurance: true },
      { category: 4, grade: 3, onEstablishment: true, contractMonths: 0, paidAtLeastMinWage: true, socialInsurance: true },
    ]);
    expect(rowsOf(r.result).map((row) => row.counted)).toEqual([true, false, true, true]);
    expect(r.interpretations).toEqual([]);
  });

  it('does not count without the minimum wage or social insurance, naming each reason', () => {
    const r = count([{ category: 4, grade: 3, contractMonths: 24, paidAtLeastMinWage: false, socialInsurance: false }]);
    expect(r.result.disabledCounted).toBe('0');
    expect(r.result.persons).toBe(0);
    expect(rowsOf(r.result)[0].reasons.map((x) => x.en)).toEqual([
      'Certificate: physical, grade 3: counts as 1',
      'paid less than the local minimum wage',
      'social insurance not paid',
      'not counted',
    ]);
  });

  it('refuses bad rows naming the row and field', () => {
    const bad = fakeCert().slice(0, 19) + '9';
    expectError(
      evaluate(rule, {
        rows: [
          { category: 4, grade: 3, ...ok },
          { certNumber: bad, ...ok },
        ],
      }),
      'invalid-certificate',
      'rows[1].certNumber',
    );
    const error = expectError(evaluate(rule, { rows: [{ certNumber: fakeCert().slice(0, 17) + 'Y00', ...ok }] }), 'invalid-certificate', 'rows[0].certNumber');
    expect(error.message.en).not.toContain(fakeCert().slice(0, 17));
    expectError(evaluate(rule, { rows: [{ certNumber: fakeCert({ category: 4, grade: 2 }), category: 5, ...ok }] }), 'inconsistent-input', 'rows[0].category');
    expectError(evaluate(rule, { rows: [{ certNumber: fakeCert({ category: 4, grade: 2 }), grade: 3, ...ok }] }), 'inconsistent-input', 'rows[0].grade');
    expectError(evaluate(rule, { rows: [{ category: 4, ...ok }] }), 'missing-input', 'rows[0].grade');
    expectError(evaluate(rule, { rows: [{ grade: 2, ...ok }] }), 'missing-input', 'rows[0].category');
    expectError(evaluate(rule, { rows: [{ ...ok }] }), 'missing-input', 'rows[0].certNumber');
    expectError(
      evaluate(rule, { rows: [{ category: 4, grade: 3, paidAtLeastMinWage: true, socialInsurance: true }] }),
      'missing-input',
      'rows[0].contractMonths',
    );
    expectError(
      evaluate(rule, { rows: [{ category: 4, grade: 3, contractMonths: 12, socialInsurance: true }] }),
      'missing-input',
      'rows[0].paidAtLeastMinWage',
    );
    expectError(
      evaluate(rule, { rows: [{ category: 4, grade: 3, contractMonths: 12, paidAtLeastMinWage: true }] }),
      'missing-input',
      'rows[0].socialInsurance',
    );
    expectError(evaluate(rule, { rows: [{ category: 8, grade: 3, ...ok }] }), 'out-of-range', 'rows[0].category');
    expectError(evaluate(rule, { rows: [{ category: 4, grade: 0, ...ok }] }), 'out-of-range', 'rows[0].grade');
    expectError(evaluate(rule, { rows: [{ veteranGrade: 11, ...ok }] }), 'out-of-range', 'rows[0].veteranGrade');
    expectError(evaluate(rule, { rows: [{ category: 4, grade: 3, ...ok, monthsEmployed: 13 }] }), 'out-of-range', 'rows[0].monthsEmployed');
    expectError(evaluate(rule, { rows: [{ category: 4, grade: 3, ...ok, monthsEmployed: 2.5 }] }), 'not-an-integer', 'rows[0].monthsEmployed');
    expectError(evaluate(rule, { rows: [{ category: 4, grade: 3, ...ok, contractMonths: -1 }] }), 'out-of-range', 'rows[0].contractMonths');
    expectError(evaluate(rule, { rows: [{ category: 4, grade: 3, ...ok, name: 'x' }] }), 'unknown-input', 'rows[0].name');
    expectError(evaluate(rule, { rows: [] }), 'invalid-list', 'rows');
    expectError(evaluate(rule, {}), 'missing-input', 'rows');
  });
});
