import { describe, expect, it } from 'vitest';
import { evaluate, listRules } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'levy-due';
const base = { totalStaff: 400, disabledCounted: 4, averageWage: 80000, socialAverageWage: 90000, year: 2024 };
const levy = (inputs: Record<string, unknown>) => expectOk(evaluate(rule, { ...base, ...inputs }));

describe('levy-due (helper for m2-levy)', () => {
  it('a unit at exactly 1 % pays 50 % of the shortfall times the average wage', () => {
    const r = levy({});
    expect(r.result).toEqual({ amount: '80000.00', shortfallPersons: '2', wageBase: '80000.00', reductionRate: '0.5', exempt: false });
    expect(r.steps.map((s) => s.en)).toEqual([
      'The levy for the data year 2024 is collected in 2025: the rules in force on the collection date apply (财税〔2015〕72号)',
      '1.5% × 400 = 6',
      '6 − 4 = 2 persons (not rounded)',
      'The average wage 80000.00 is within 2 × the social average (180000.00, 财税〔2018〕39号): used as it is',
      '2 × 80000.00 = 160000.00',
      '4 ≥ 1% × 400 = 4: 50% of the levy is payable (财政部公告2023年第8号)',
      '160000.00 × 0.5 = 80000.00 (rounded to 0.01)',
    ]);
    expect(r.hints.map((h) => h.en)).toEqual(['2 more counted disabled employees would remove the levy']);
    expect(r.clause.id).toBe('m2');
    expect(r.clause.text).toContain('残疾人就业保障金');
    expect(r.sources).toEqual(
      expect.arrayContaining(['财税〔2015〕72号', '财税〔2017〕18号', '财税〔2018〕39号', '财政部公告2019年第98号', '财政部公告2023年第8号']),
    );
    expect(r.warnings).toEqual([]);
    const reading = r.interpretations.find((i) => i.id === 'levy-year');
    expect(reading?.basis?.zh).toContain('财税〔2015〕72号');
  });

  it('labels year as the data year collected the next year, and date as the collection date', () => {
    const meta = listRules().find((m) => m.id === rule)!;
    const year = meta.inputs.find((i) => i.name === 'year')!;
    expect(year.label.zh).toBe('所属年度'); // the levy documents' own term, and the header clerks' tables use
    expect(year.label.en).toBe('Data year (所属年度; levy collected the next year)');
    expect(year.description.zh).toContain('数据年度，不是征收年度');
    expect(year.description.zh).toContain('在次年征收');
    expect(year.description.zh).toContain('按征收日期适用');
    const date = meta.inputs.find((i) => i.name === 'date')!;
    expect(date.label).toEqual({ zh: '征收日期', en: 'Collection date' });
  });

  it('just below 1 % pays 90 %, with a hint how many more reach 1 %', () => {
    const r = levy({ disabledCounted: '3.99' });
    expect(r.result.reductionRate).toBe('0.9');
    expect(r.result.shortfallPersons).toBe('2.01');
    expect(r.result.amount).toBe('144720.00'); // 2.01 × 80000 × 0.9
    expect(r.hints.map((h) => h.en)).toEqual([
      '0.01 more counted disabled employees (reaching 1%) would cut the share payable to 50%',
      '2.01 more counted disabled employees would remove the levy',
    ]);
  });

  it('exactly 1.5 % owes nothing', () => {
    const r = levy({ disabledCounted: 6 });
    expect(r.result).toEqual({ amount: '0.00', shortfallPersons: '0', wageBase: '80000.00', reductionRate: '1', exempt: false });
    expect(r.hints).toEqual([]);
    expect(levy({ disabledCounted: '5.99' }).result.amount).toBe('400.00'); // 0.01 × 80000 × 0.5
  });

  it('keeps the shortfall exact: 1.5 % of 1100 is 16.5, not 16.499999…', () => {
    const r = levy({ totalStaff: 1100, disabledCounted: 10, averageWage: 60000 });
    expect(r.result.shortfallPersons).toBe('6.5');
    expect(r.result.amount).toBe('351000.00'); // 6.5 × 60000 × 0.9
  });

  it('rounds once, at the end', () => {
    // 200 staff, 1.5 counted: shortfall 1.5, below 1 % → 90 %; 1.5 × 666.67 = 1000.005; × 0.9 = 900.0045 → 900.00
    // (rounding the base first would give 1000.01 × 0.9 = 900.009 → 900.01)
    const r = levy({ totalStaff: 200, disabledCounted: '1.5', averageWage: '666.67' });
    expect(r.result.amount).toBe('900.00');
    expect(r.steps.map((s) => s.en)).toContain('1.5 × 666.67 = 1000.005 (kept exact; rounded only at the end)');
    expect(r.steps.at(-1)!.en).toBe('1000.005 × 0.9 = 900.00 (rounded to 0.01)');
  });

  it('caps the wage at 3 × the social average from 2017-04-01 (财税〔2017〕18号) and 2 × from 2018-04-01 (财税〔2018〕39号), by collection date', () => {
    // social average 90000: 3 × = 270000, 2 × = 180000; data years before 2019 have no reduced rates (collected before 2020)
    const wage = { averageWage: 300000 };
    const before = levy({ ...wage, year: 2016, date: '2017-03-31' });
    expect(before.result.wageBase).toBe('300000.00');
    expect(before.steps.map((s) => s.en)).toContain('Collected before 财税〔2017〕18号 (cap from 2017-04-01): the actual average wage 300000.00 yuan, no cap');
    const three = levy({ ...wage, year: 2016, date: '2017-04-01' });
    expect(three.result.wageBase).toBe('270000.00');
    expect(three.steps.some((s) => s.en.includes('3 × the social average 90000.00 (财税〔2017〕18号)'))).toBe(true);
    expect(levy({ ...wage, year: 2017, date: '2018-03-31' }).result.wageBase).toBe('270000.00');
    const two = levy({ ...wage, year: 2017, date: '2018-04-01' });
    expect(two.result.wageBase).toBe('180000.00');
    expect(two.steps.some((s) => s.en.includes('2 × the social average 90000.00 (财税〔2018〕39号)'))).toBe(true);
    expect(levy({ ...wage, year: 2018 }).result.wageBase).toBe('180000.00'); // collected in 2019
    expect(levy({ averageWage: 180000 }).result.wageBase).toBe('180000.00'); // exactly 2 × is not above it
    const capped = levy({ averageWage: 200000 });
    expect(capped.result.amount).toBe('180000.00'); // 2 × 180000 × 0.5
    const unchecked = expectOk(evaluate(rule, { ...base, socialAverageWage: undefined, averageWage: 200000 }));
    expect(unchecked.result.wageBase).toBe('200000.00');
    expect(unchecked.warnings.map((w) => w.en)).toEqual(['No socialAverageWage given: the 2 × social-average-wage cap (财税〔2018〕39号) was not checked']);
  });

  it('asks for the collection date where the rules changed within the collection year', () => {
    const y2016 = evaluate(rule, { ...base, year: 2016 });
    expectError(y2016, 'collection-date-needed', 'date');
    if (!y2016.ok) expect(y2016.error.message.zh).toContain('2017-04-01（财税〔2017〕18号）');
    const y2017 = evaluate(rule, { ...base, year: 2017 });
    expectError(y2017, 'collection-date-needed', 'date');
    if (!y2017.ok) expect(y2017.error.message.en).toContain('2018-04-01 (财税〔2018〕39号)');
    expectError(evaluate(rule, { ...base, year: 2014 }), 'collection-date-needed', 'date'); // 72号 from 2015-10-01
    // a change on 1 January (the reduced rates) is no ambiguity
    expect(levy({ year: 2019 }).result.reductionRate).toBe('0.5');
  });

  it('refuses a collection date inside the data year', () => {
    expectError(evaluate(rule, { ...base, year: 2024, date: '2024-12-31' }), 'inconsistent-input', 'date');
    expect(levy({ year: 2024, date: '2025-01-01' }).result.amount).toBe('80000.00');
  });

  it('exempts enterprises of 30 staff or fewer from 2017-04-01 with no end date (财税〔2017〕18号), not 31, not other units', () => {
    const thirty = levy({ totalStaff: 30, disabledCounted: 0, averageWage: 60000 });
    expect(thirty.result).toEqual({ amount: '0.00', shortfallPersons: '0.45', wageBase: '60000.00', reductionRate: '0', exempt: true });
    expect(thirty.steps.at(-1)!.en).toBe('An enterprise with 30 staff (30 or fewer) is exempt (财税〔2017〕18号, from 2017-04-01, no end date)');
    const thirtyOne = levy({ totalStaff: 31, disabledCounted: 0, averageWage: 60000 });
    expect(thirtyOne.result).toEqual({ amount: '25110.00', shortfallPersons: '0.465', wageBase: '60000.00', reductionRate: '0.9', exempt: false });
    const agency = levy({ totalStaff: 30, disabledCounted: 0, averageWage: 60000, unitKind: '事业单位' });
    expect(agency.result.exempt).toBe(false);
    expect(agency.result.amount).toBe('24300.00'); // 0.45 × 60000 × 0.9
    expect(agency.steps.some((s) => s.en.includes('the exemption is for enterprises only'))).toBe(true);
    // from the first collection day, outside the 2020–2027 reductions, and after them
    expect(levy({ year: 2016, date: '2017-04-01', totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(true);
    expect(levy({ year: 2018, totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(true); // collected 2019
    expect(levy({ year: 2027, totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(true); // collected 2028
    expect(levy({ year: 2040, totalStaff: 30, disabledCounted: 0 }).result.exempt).toBe(true);
  });

  it('before 2017-04-01 refuses, rather than guesses, the 20-staff exemption that needs the registration date (财税〔2015〕72号)', () => {
    const small = evaluate(rule, { ...base, year: 2016, date: '2017-03-31', totalStaff: 20, disabledCounted: 0 });
    expectError(small, 'registration-date-needed', 'totalStaff');
    if (!small.ok) expect(small.error.message.zh).toContain('财税〔2015〕72号');
    // 21 staff: no exemption could apply; other units: never exempt; quota met: nothing owed either way
    expect(levy({ year: 2016, date: '2017-03-31', totalStaff: 21, disabledCounted: 0, averageWage: 60000 }).result.amount).toBe('18900.00'); // 0.315 × 60000
    expect(levy({ year: 2016, date: '2017-03-31', totalStaff: 20, disabledCounted: 0, averageWage: 60000, unitKind: '机关' }).result.amount).toBe('18000.00');
    expect(levy({ year: 2016, date: '2017-03-31', totalStaff: 20, disabledCounted: 1 }).result.amount).toBe('0.00');
    expect(levy({ year: 2015, totalStaff: 21, disabledCounted: 0, averageWage: 60000 }).result.amount).toBe('18900.00'); // collected 2016
  });

  it('applies the reduced rates to collections in 2020–2027 (财政部公告2019年第98号, 2023年第8号), then the full levy with a warning', () => {
    expect(levy({ year: 2018 }).result.reductionRate).toBe('1'); // collected 2019
    expect(levy({ year: 2018 }).result.amount).toBe('160000.00');
    const y2019 = levy({ year: 2019 }); // collected 2020
    expect(y2019.result.amount).toBe('80000.00');
    expect(y2019.steps.some((s) => s.en.includes('(财政部公告2019年第98号)'))).toBe(true);
    expect(levy({ year: 2022 }).steps.some((s) => s.en.includes('(财政部公告2023年第8号)'))).toBe(true);
    expect(levy({ year: 2026 }).result.amount).toBe('80000.00'); // collected 2027
    expect(levy({ year: 2026 }).warnings).toEqual([]);
    expect(levy({ year: 2026, date: '2027-12-31' }).result.reductionRate).toBe('0.5');
    const after = levy({ year: 2026, date: '2028-01-01' });
    expect(after.result.reductionRate).toBe('1');
    expect(after.warnings[0].en).toContain('ended 2027-12-31');
    const y2027 = levy({ year: 2027 }); // collected 2028
    expect(y2027.result.amount).toBe('160000.00');
    expect(y2027.warnings[0].en).toBe(
      'The reduced rates (财政部公告2023年第8号) ended 2027-12-31; collected 2028, the full levy is due: check for newer rules',
    );
  });

  it('has no rule for collections before 财税〔2015〕72号 (2015-10-01)', () => {
    expectError(evaluate(rule, { ...base, year: 2013 }), 'no-levy-rule-for-year', 'year');
    expectError(evaluate(rule, { ...base, year: 2014, date: '2015-09-30' }), 'no-levy-rule-for-year', 'date');
    expect(levy({ year: 2014, date: '2015-10-01' }).result.amount).toBe('160000.00');
  });

  it('refuses bad input with a code and the field', () => {
    expectError(evaluate(rule, { ...base, totalStaff: 0 }), 'out-of-range', 'totalStaff');
    expectError(evaluate(rule, { ...base, totalStaff: 12.5 }), 'not-an-integer', 'totalStaff');
    expectError(evaluate(rule, { ...base, disabledCounted: -1 }), 'out-of-range', 'disabledCounted');
    expectError(evaluate(rule, { ...base, disabledCounted: 801 }), 'inconsistent-input', 'disabledCounted');
    expectError(evaluate(rule, { ...base, averageWage: 0 }), 'out-of-range', 'averageWage');
    expectError(evaluate(rule, { ...base, socialAverageWage: 'abc' }), 'invalid-number', 'socialAverageWage');
    expectError(evaluate(rule, { ...base, year: undefined }), 'missing-input', 'year');
    expectError(evaluate(rule, { ...base, year: 2024.5 }), 'not-an-integer', 'year');
    expectError(evaluate(rule, { ...base, unitKind: 'company' }), 'invalid-choice', 'unitKind');
  });
});
