import { inForce as date, type RuleCases } from '../../core/cases.ts';

const fiscalFundedStep = { zh: '不符合：财政拨款的单位不享受超比例奖励（包府办发〔2023〕43号 m3.2：“不含财政拨款的单位和集中安排残疾人就业机构”）' };
const centralisedStep = { zh: '不符合：集中安排残疾人就业机构不享受超比例奖励（包府办发〔2023〕43号 m3.2：“不含财政拨款的单位和集中安排残疾人就业机构”）' };
const excludedNothingElse = { amount: '0.00', excessPersons: 0, quotaPersons: '6' };

/** m3.2: per whole person above (超过) 1.5 % of staff, 5 × the monthly minimum wage; fiscal-funded and centralised-employment units excluded. */
export default {
  rule: 'overquota-reward',
  cases: [
    {
      name: 'the worked example: 400 staff, 9 counted, 1980 → 3 whole persons above 6, 3 × 5 × 1980 = 29700.00, every step said',
      input: { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date },
      output: { amount: '29700.00', excessPersons: 3, quotaPersons: '6', monthlyMinWage: '1980.00' },
      steps: ['1.5% × 400 = 6', '9 − 6 = 3; 3 whole persons above the quota', 'Monthly minimum wage (given): 1980.00 yuan', '3 × 5 × 1980.00 = 29700.00'],
      clause: 'm3.2',
      interpretations: ['overquota-whole-persons'],
      warnings: [],
      exact: ['output', 'steps'],
    },
    {
      name: 'exactly 1.5 % is not “超过” (above) the quota: 0, and one more counted person would earn the reward',
      input: { totalStaff: 400, disabledCounted: 6, monthlyMinWage: 1980, date },
      output: { amount: '0.00', excessPersons: 0 },
      hints: ['1 more counted disabled employees earn the reward'],
      exact: ['hints'],
    },
    {
      name: 'whole persons only: 7.99 counted over a quota of 6 is 1 person, 0.01 short of the next',
      input: { totalStaff: 400, disabledCounted: '7.99', monthlyMinWage: 1980, date },
      output: { amount: '9900.00', excessPersons: 1 },
      interpretations: ['overquota-whole-persons'],
      hints: ['0.01 more counted disabled employees reach the next step (+9900.00 yuan a year)'],
      exact: ['hints'],
    },
    {
      name: 'exact decimals: 1.5 % of 1100 is exactly 16.5 (binary floats give 16.499…), so 17.5 counted is 1 person above',
      input: { totalStaff: 1100, disabledCounted: '17.5', monthlyMinWage: 1980, date },
      output: { quotaPersons: '16.5', excessPersons: 1 },
    },
    {
      name: 'the wage of 昆区 looked up on 2024-11-30, the day before the change: 1980',
      input: { totalStaff: 400, disabledCounted: 9, district: '昆区', date: '2024-11-30' },
      output: { amount: '29700.00' },
    },
    {
      name: 'the wage of Kundulun looked up on 2024-12-01, the day of the change: 2270 (the wage in force on the claim date)',
      input: { totalStaff: 400, disabledCounted: 9, district: 'Kundulun', date: '2024-12-01' },
      output: { amount: '34050.00' },
      interpretations: ['min-wage-date'],
    },
    {
      name: 'no date, and the wage of 昆都仑区 changes inside the window: refused, with the figure on each side of 2024-12-01',
      input: { totalStaff: 400, disabledCounted: 9, district: '昆都仑区' },
      error: {
        code: 'missing-input',
        field: 'date',
        says: { zh: '2024-12-01 之前 29,700.00 元；自 2024-12-01 起 34,050.00 元', en: '29,700.00 yuan before 2024-12-01' },
      },
      byDate: [
        { from: '2023-04-22', to: '2024-11-30', output: { amount: '29700.00' } },
        { from: '2024-12-01', to: '2024-12-31', output: { amount: '34050.00' } },
      ],
    },
    {
      name: 'the side before the change: 昆都仑区 on 2024-11-30 is 29700.00, with no figures by date',
      input: { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-11-30' },
      output: { amount: '29700.00' },
      byDate: [],
    },
    {
      name: 'the side from the change: 昆都仑区 on 2024-12-01 is 34050.00',
      input: { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-12-01' },
      output: { amount: '34050.00' },
    },
    {
      name: 'no date, but a wage given: the answer does not depend on the date, no figures by date',
      input: { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 },
      output: { amount: '29700.00' },
      byDate: [],
    },
    {
      name: 'no date, nothing above the quota: the same on both sides, no figures by date',
      input: { totalStaff: 400, disabledCounted: 5, district: '昆都仑区' },
      output: { amount: '0.00' },
      byDate: [],
    },
    {
      name: 'the wage of 达茂旗 (class 2) looked up on 2024-06-01: 1910',
      input: { totalStaff: 400, disabledCounted: 9, district: '达茂旗', date: '2024-06-01' },
      output: { monthlyMinWage: '1910.00' },
    },
    {
      name: 'the wage of 固阳县 (class 2) from 2024-12-01: 2200',
      input: { totalStaff: 400, disabledCounted: 7, district: '固阳县', date: '2024-12-01' },
      output: { amount: '11000.00', monthlyMinWage: '2200.00' },
    },
    {
      name: 'a fiscal-funded unit: 0, with no wage needed',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', date },
      output: { amount: '0.00', excessPersons: 0 },
    },
    {
      name: '财政拨款的单位 (in the clause’s words) is excluded, and the step says so',
      input: { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, unitKind: '财政拨款的单位', date },
      output: { amount: '0.00' },
      steps: ['Not met: fiscal-funded units are excluded from the reward (plan clause m3.2)'],
    },
    {
      name: 'a fiscal-funded unit is not eligible: the condition it fails is the kind of unit',
      input: { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, unitKind: 'fiscal-funded', date },
      output: { amount: '0.00' },
      eligible: false,
      failed: ['excluded-unit-kind'],
    },
    {
      name: 'exclusions first: a fiscal-funded unit, no wage and no date: 0 with the clause’s reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded' },
      output: excludedNothingElse,
      steps: [fiscalFundedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: a fiscal-funded unit in 稀土高新区, whose wage no table has: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', district: '稀土高新区', date },
      output: excludedNothingElse,
      steps: [fiscalFundedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: a fiscal-funded unit in 昆区 without a date for the wage: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', district: '昆区' },
      output: excludedNothingElse,
      steps: [fiscalFundedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: a centralised-employment institution, no wage and no date: 0 with the clause’s reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'centralized-employment' },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'a centralised-employment institution in 稀土高新区 (no wage table): 0',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'centralized-employment', district: '稀土高新区', date },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: a centralised-employment institution in 昆区 without a date: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'centralized-employment', district: '昆区' },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: 集中安排 (the clause’s short word), no wage and no date: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: '集中安排' },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: 集中安排 in 稀土高新区: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: '集中安排', district: '稀土高新区', date },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'exclusions first: 集中安排 in 昆区 without a date: 0 with the reason',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: '集中安排', district: '昆区' },
      output: excludedNothingElse,
      steps: [centralisedStep],
      exact: ['output'],
    },
    {
      name: 'an excluded unit that gives a wage still sees it reported as given',
      input: { totalStaff: 400, disabledCounted: 9, unitKind: 'fiscal-funded', monthlyMinWage: 1980 },
      output: { monthlyMinWage: '1980.00' },
    },
    {
      name: 'nobody above the quota (6.99 over 6): 0 without a wage, even in 稀土高新区',
      input: { totalStaff: 400, disabledCounted: '6.99', district: '稀土高新区', date },
      output: excludedNothingElse,
      exact: ['output'],
    },
    { name: 'exactly the quota, no wage and no date: 0', input: { totalStaff: 400, disabledCounted: 6 }, output: { amount: '0.00' } },
    {
      name: 'one whole person above the quota needs the wage: 稀土高新区 has no wage table',
      input: { totalStaff: 400, disabledCounted: 7, district: '稀土高新区', date },
      error: { code: 'no-wage-table', field: 'district' },
    },
    {
      name: 'one whole person above the quota needs the wage: none given',
      input: { totalStaff: 400, disabledCounted: 7 },
      error: { code: 'missing-input', field: 'monthlyMinWage' },
    },
    { name: 'a reward needs a wage', input: { totalStaff: 400, disabledCounted: 9, date }, error: { code: 'missing-input', field: 'monthlyMinWage' } },
    {
      name: 'in-service staff of 0 is refused',
      input: { totalStaff: 0, disabledCounted: 1, monthlyMinWage: 1980 },
      error: { code: 'out-of-range', field: 'totalStaff' },
    },
    {
      name: 'staff is a whole number',
      input: { totalStaff: 10.5, disabledCounted: 1, monthlyMinWage: 1980 },
      error: { code: 'not-an-integer', field: 'totalStaff' },
    },
    {
      name: 'a negative count is refused',
      input: { totalStaff: 10, disabledCounted: -1, monthlyMinWage: 1980 },
      error: { code: 'out-of-range', field: 'disabledCounted' },
    },
    {
      name: 'more counted than twice the staff cannot be (each person counts at most 2)',
      input: { totalStaff: 10, disabledCounted: 21, monthlyMinWage: 1980 },
      error: { code: 'inconsistent-input', field: 'disabledCounted' },
    },
    {
      name: 'a reward above the quota needs a wage or a district',
      input: { totalStaff: 10, disabledCounted: 2 },
      error: { code: 'missing-input', field: 'monthlyMinWage' },
    },
    {
      name: 'a district’s wage needs the date it is looked up on',
      input: { totalStaff: 10, disabledCounted: 2, district: '昆区' },
      error: { code: 'missing-input', field: 'date' },
    },
    {
      name: '稀土高新区 has no wage table',
      input: { totalStaff: 10, disabledCounted: 2, district: '稀土高新区', date: '2024-01-01' },
      error: { code: 'no-wage-table', field: 'district' },
    },
    {
      name: 'a district that is not in Baotou is refused',
      input: { totalStaff: 10, disabledCounted: 1, district: 'Atlantis', date: '2024-01-01' },
      error: { code: 'unknown-district', field: 'district' },
    },
    {
      name: 'a wage of 0 is refused',
      input: { totalStaff: 10, disabledCounted: 1, monthlyMinWage: 0 },
      error: { code: 'out-of-range', field: 'monthlyMinWage' },
    },
    {
      name: 'a misspelt input is refused, not ignored',
      input: { totalStaff: 10, disabledCount: 1, monthlyMinWage: 1980 },
      error: { code: 'unknown-input', field: 'disabledCount' },
    },
  ],
} satisfies RuleCases;
