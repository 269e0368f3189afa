import type { RuleCases } from '../../core/cases.ts';

/** Paid at least the minimum wage, insured, on a year's contract (months employed left to its default, the whole year). */
const ok = { paidAtLeastMinWage: true, socialInsurance: true, contractMonths: 12 };
const physical3 = { category: 4, grade: 3, ...ok };
const person = (fields: Record<string, unknown>) => ({ monthsEmployed: 12, contractMonths: 12, paidAtLeastMinWage: true, socialInsurance: true, ...fields });

/** Inner Mongolia's counting: grade 1–2, or 智力/精神 grade 3–4, count 2; a year's contract, the minimum wage and insurance; part years by months. */
export default {
  rule: 'disabled-headcount',
  cases: [
    {
      name: '肢体 grade 3 counts 1, grade 2 counts 2',
      input: { rows: [person({ category: 4, grade: 3 }), person({ category: 4, grade: 2 })] },
      output: { disabledCounted: '3', persons: 2 },
    },
    { name: '智力 grade 4 counts 2', input: { rows: [person({ category: 5, grade: 4 })] }, output: { disabledCounted: '2' } },
    {
      name: 'six months of a year count 0.5',
      input: { rows: [person({ category: 4, grade: 3, monthsEmployed: 6 })] },
      output: { disabledCounted: '0.5' },
      interpretations: ['partial-year'],
    },
    {
      name: 'an 11-month contract does not count',
      input: { rows: [person({ category: 4, grade: 3, contractMonths: 11 })] },
      output: { disabledCounted: '0', persons: 0 },
    },
    { name: 'an empty list is refused', input: { rows: [] }, error: { code: 'invalid-list', field: 'rows' } },
    {
      name: 'a typical list: 8.5 persons from 102 person-months, each record weighed and counted with its reasons',
      input: {
        rows: [
          { certNumber: '15029619650115001X42', ...ok }, // 肢体 grade 2 on the certificate: 2
          { category: 4, grade: 3, ...ok }, // 肢体 grade 3: 1
          { category: 5, grade: 4, ...ok }, // 智力 grade 4: 2
          { veteranGrade: 3, ...ok }, // veteran grade 3: 2
          { veteranGrade: 4, ...ok }, // veteran grade 4: 1
          { category: 1, grade: 4, ...ok, monthsEmployed: 6 }, // half a year: 0.5
          { category: 6, grade: 3, ...ok, contractMonths: 6 }, // contract too short: not counted
        ],
      },
      output: {
        disabledCounted: '8.5',
        personMonths: 102,
        persons: 6,
        rows: [
          { index: 0, weight: 2, counted: true, contribution: '2' },
          { index: 1, weight: 1, counted: true, contribution: '1' },
          { index: 2, weight: 2, counted: true, contribution: '2' },
          { index: 3, weight: 2, counted: true, contribution: '2' },
          { index: 4, weight: 1, counted: true, contribution: '1' },
          { index: 5, weight: 1, counted: true, contribution: '0.5' },
          {
            index: 6,
            weight: 2,
            counted: false,
            contribution: '0',
            reasons: [
              { en: 'Certificate: mental, grade 3: counts as 2' },
              { en: 'labour contract of 6 months, less than one year (12 months)' },
              { en: 'not counted' },
            ],
          },
        ],
      },
      steps: [
        '7 records, 6 counted; not counted: rows[6]',
        'Σ weight × months employed = 102',
        '102 ÷ 12 = 8.5 persons',
        'Part-year employment counts as months ÷ 12, not rounded',
      ],
      interpretations: ['partial-year'],
      hints: ["If rows[6] met the conditions (see each record's reasons), 2 more persons would count"],
      clause: 'm3.2',
      exact: ['steps', 'interpretations', 'hints'],
    },
    {
      name: 'a certificate number with a consistent category and grade beside it: 精神 grade 4 counts 2',
      input: { rows: [{ certNumber: '15029619650115123164', category: 6, grade: 4, ...ok }] },
      output: { disabledCounted: '2' },
    },
    {
      name: 'person-months are summed as integers and divided once: 7 + 5 months is exactly 1 person',
      input: {
        rows: [
          { ...physical3, monthsEmployed: 7 },
          { ...physical3, monthsEmployed: 5 },
        ],
      },
      output: { disabledCounted: '1', rows: [{ contribution: '0.583333333333333333333333333333' }, { contribution: '0.416666666666666666666666666667' }] },
    },
    {
      name: '4 months is a third of a person, kept exact, shown to 4 places in the step',
      input: { rows: [{ ...physical3, monthsEmployed: 4 }] },
      output: { disabledCounted: '0.333333333333333333333333333333' },
      steps: ['1 records, 1 counted', 'Σ weight × months employed = 4', '4 ÷ 12 ≈ 0.3333 persons', 'Part-year employment counts as months ÷ 12, not rounded'],
      exact: ['steps'],
    },
    {
      name: 'grades 1–2 (重度) weigh 2, grades 3–4 of 视力 weigh 1',
      input: { rows: [1, 2, 3, 4].map((grade) => ({ category: 1, grade, ...ok })) },
      output: { rows: [{ weight: 2 }, { weight: 2 }, { weight: 1 }, { weight: 1 }] },
    },
    {
      name: 'at grade 3, only 智力 (5) and 精神 (6) weigh 2',
      input: { rows: [1, 2, 3, 4, 5, 6, 7].map((category) => ({ category, grade: 3, ...ok })) },
      output: { rows: [{ weight: 1 }, { weight: 1 }, { weight: 1 }, { weight: 1 }, { weight: 2 }, { weight: 2 }, { weight: 1 }] },
    },
    {
      name: 'a veteran’s certificate of grades 1–3 weighs 2, grades 4 and 10 weigh 1',
      input: { rows: [1, 2, 3, 4, 10].map((veteranGrade) => ({ veteranGrade, ...ok })) },
      output: { rows: [{ weight: 2 }, { weight: 2 }, { weight: 2 }, { weight: 1 }, { weight: 1 }] },
    },
    {
      name: 'the heavier of a certificate (肢体 grade 4) and a veteran’s certificate (grade 2)',
      input: { rows: [{ category: 4, grade: 4, veteranGrade: 2, ...ok }] },
      output: { rows: [{ weight: 2 }] },
    },
    {
      name: 'a contract of exactly 12 months counts, 11 does not; on the establishment needs no contract',
      input: {
        rows: [
          { ...physical3, contractMonths: 12 },
          { ...physical3, contractMonths: 11 },
          { category: 4, grade: 3, onEstablishment: true, paidAtLeastMinWage: true, socialInsurance: true },
          { category: 4, grade: 3, onEstablishment: true, contractMonths: 0, paidAtLeastMinWage: true, socialInsurance: true },
        ],
      },
      output: { rows: [{ counted: true }, { counted: false }, { counted: true }, { counted: true }] },
      interpretations: [],
    },
    {
      name: 'paid below the minimum wage and not insured: not counted, each reason named',
      input: { rows: [{ category: 4, grade: 3, contractMonths: 24, paidAtLeastMinWage: false, socialInsurance: false }] },
      output: {
        disabledCounted: '0',
        persons: 0,
        rows: [
          {
            reasons: [
              { en: 'Certificate: physical, grade 3: counts as 1' },
              { en: 'paid less than the local minimum wage' },
              { en: 'social insurance not paid' },
              { en: 'not counted' },
            ],
          },
        ],
      },
    },
    {
      name: 'a certificate number with grade 9 is refused, naming the record and field',
      input: { rows: [physical3, { certNumber: '15029619650115001X49', ...ok }] },
      error: { code: 'invalid-certificate', field: 'rows[1].certNumber' },
    },
    {
      name: 'a category beside a certificate number that says another is refused',
      input: { rows: [{ certNumber: '15029619650115001X42', category: 5, ...ok }] },
      error: { code: 'inconsistent-input', field: 'rows[0].category' },
    },
    {
      name: 'a grade beside a certificate number that says another is refused',
      input: { rows: [{ certNumber: '15029619650115001X42', grade: 3, ...ok }] },
      error: { code: 'inconsistent-input', field: 'rows[0].grade' },
    },
    { name: 'a category needs its grade', input: { rows: [{ category: 4, ...ok }] }, error: { code: 'missing-input', field: 'rows[0].grade' } },
    { name: 'a grade needs its category', input: { rows: [{ grade: 2, ...ok }] }, error: { code: 'missing-input', field: 'rows[0].category' } },
    { name: 'a record with no certificate at all is refused', input: { rows: [{ ...ok }] }, error: { code: 'missing-input', field: 'rows[0].certNumber' } },
    {
      name: 'the contract must be said unless on the establishment',
      input: { rows: [{ category: 4, grade: 3, paidAtLeastMinWage: true, socialInsurance: true }] },
      error: { code: 'missing-input', field: 'rows[0].contractMonths' },
    },
    {
      name: 'the minimum wage must be said',
      input: { rows: [{ category: 4, grade: 3, contractMonths: 12, socialInsurance: true }] },
      error: { code: 'missing-input', field: 'rows[0].paidAtLeastMinWage' },
    },
    {
      name: 'social insurance must be said',
      input: { rows: [{ category: 4, grade: 3, contractMonths: 12, paidAtLeastMinWage: true }] },
      error: { code: 'missing-input', field: 'rows[0].socialInsurance' },
    },
    { name: 'category 8 does not exist', input: { rows: [{ category: 8, grade: 3, ...ok }] }, error: { code: 'out-of-range', field: 'rows[0].category' } },
    { name: 'grade 0 does not exist', input: { rows: [{ category: 4, grade: 0, ...ok }] }, error: { code: 'out-of-range', field: 'rows[0].grade' } },
    { name: 'veteran grade 11 does not exist', input: { rows: [{ veteranGrade: 11, ...ok }] }, error: { code: 'out-of-range', field: 'rows[0].veteranGrade' } },
    {
      name: 'a year has no 13th month',
      input: { rows: [{ ...physical3, monthsEmployed: 13 }] },
      error: { code: 'out-of-range', field: 'rows[0].monthsEmployed' },
    },
    {
      name: 'months employed are whole months',
      input: { rows: [{ ...physical3, monthsEmployed: 2.5 }] },
      error: { code: 'not-an-integer', field: 'rows[0].monthsEmployed' },
    },
    {
      name: 'a negative contract is refused',
      input: { rows: [{ ...physical3, contractMonths: -1 }] },
      error: { code: 'out-of-range', field: 'rows[0].contractMonths' },
    },
    {
      name: 'an unknown field of a record is refused',
      input: { rows: [{ ...physical3, name: 'x' }] },
      error: { code: 'unknown-input', field: 'rows[0].name' },
    },
    { name: 'the list is required', input: {}, error: { code: 'missing-input', field: 'rows' } },
  ],
} satisfies RuleCases;
