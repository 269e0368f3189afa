import { inForce as date, type RuleCases } from '../../core/cases.ts';

const notSubsidised = { zh: '依据包府办发〔2023〕43号 m3.2（不含公益性岗位；须签订一年以上劳动合同并办理社会保险；补贴年限 3 年）：不予补贴，补贴为0' };

/** m3.2: 一年以上 contract and social insurance, not a public-welfare post: 5 × the monthly minimum wage per person per year, 3 years. */
export default {
  rule: 'graduate-hire-subsidy',
  cases: [
    {
      name: 'a 12-month contract is 一年以上: 2 × 5 × 1980',
      input: { persons: 2, monthlyMinWage: 1980, contractMonths: 12, socialInsurance: true, date },
      output: { amount: '19800.00' },
      eligible: true,
    },
    {
      name: '11 months: 0, and no wage is needed to say so',
      input: { persons: 2, contractMonths: 11, socialInsurance: true, date },
      output: { amount: '0.00' },
      eligible: false,
    },
    {
      name: 'a public-welfare post: 0',
      input: { persons: 1, monthlyMinWage: 1980, contractMonths: 24, socialInsurance: true, publicWelfarePost: true, date },
      output: { amount: '0.00' },
      eligible: false,
    },
    {
      name: 'year 3 is the last',
      input: { persons: 1, monthlyMinWage: 1980, contractMonths: 36, socialInsurance: true, subsidyYear: 3, date },
      output: { amount: '9900.00' },
    },
    {
      name: 'year 4 is not subsidised',
      input: { persons: 1, contractMonths: 36, socialInsurance: true, subsidyYear: 4, date },
      output: { amount: '0.00' },
      eligible: false,
    },
    {
      name: 'every failed condition is named, in order: 11 months, no insurance, a public-welfare post, year 4',
      input: { persons: 2, monthlyMinWage: 1980, contractMonths: 11, socialInsurance: false, publicWelfarePost: true, subsidyYear: 4, date },
      output: { amount: '0.00' },
      failed: ['contract-too-short', 'no-social-insurance', 'public-welfare-post', 'subsidy-years-used'],
    },
    {
      name: 'exclusions first: a contract under 一年 is 0 with the clause’s reason, and no wage is asked for',
      input: { persons: 1, contractMonths: 11, socialInsurance: true, date },
      output: { amount: '0.00' },
      eligible: false,
      failed: ['contract-too-short'],
      steps: [notSubsidised],
      exact: ['output'],
    },
    {
      name: 'exclusions first: in 稀土高新区, whose wage no table has, a contract under 一年 is still 0 with the reason',
      input: { persons: 1, contractMonths: 11, socialInsurance: true, district: '稀土高新区', date },
      output: { amount: '0.00' },
      eligible: false,
      failed: ['contract-too-short'],
      steps: [notSubsidised],
      exact: ['output'],
    },
    {
      name: 'exclusions first: in 昆区 with no date for the wage, a contract under 一年 is still 0 with the reason',
      input: { persons: 1, contractMonths: 11, socialInsurance: true, district: '昆区' },
      output: { amount: '0.00' },
      eligible: false,
      failed: ['contract-too-short'],
      steps: [notSubsidised],
      exact: ['output'],
    },
    {
      name: '12 months is 一年以上: then the wage is needed, and its absence is refused',
      input: { persons: 1, contractMonths: 12, socialInsurance: true, date },
      error: { code: 'missing-input', field: 'monthlyMinWage' },
    },
    {
      name: '12 months in 稀土高新区: the wage is needed, and no table has it',
      input: { persons: 1, contractMonths: 12, socialInsurance: true, district: '稀土高新区', date },
      error: { code: 'no-wage-table', field: 'district' },
    },
    {
      name: 'a public-welfare post without a wage: 0, no wage needed',
      input: { persons: 1, contractMonths: 24, socialInsurance: true, publicWelfarePost: true, date },
      output: { amount: '0.00' },
    },
    {
      name: 'year 3 (补贴3年) is eligible',
      input: { persons: 2, monthlyMinWage: 1980, contractMonths: 12, socialInsurance: true, subsidyYear: 3, date },
      output: {},
      eligible: true,
    },
    {
      name: 'the wage of 固阳县 (class 2) on 2024-12-01: 5 × 2200',
      input: { persons: 1, district: '固阳县', contractMonths: 24, socialInsurance: true, date: '2024-12-01' },
      output: { amount: '11000.00' },
    },
  ],
} satisfies RuleCases;
