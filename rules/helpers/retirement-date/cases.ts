import type { RuleCases } from '../../core/cases.ts';

/** The 2024-09-13 reform: men born 1965-01 retire at 60 years 1 month; men born 1976-09 or later at 63. */
export default {
  rule: 'retirement-date',
  cases: [
    {
      name: 'men born 1964-12-15: 60, no delay',
      input: { birthDate: '1964-12-15', retirementCategory: 'male' },
      output: { retirementDate: '2024-12-15', ageYears: 60, ageMonths: 0 },
    },
    {
      name: 'men born 1965-01-15 (the first month of the reform): 60 years 1 month, each step said',
      input: { birthDate: '1965-01-15', retirementCategory: 'male' },
      output: { retirementDate: '2025-02-15', ageYears: 60, ageMonths: 1, delayMonths: 1 },
      clause: 'm1.2',
      sources: ['全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日）'],
      steps: [
        'male: born 1965-01, 0 months after the first month 1965-01; delay = min(36, floor(0 ÷ 4) + 1) = 1 month',
        'Retirement age 60 years 1 month: 1965-01-15 + 60 years 1 month = 2025-02-15',
      ],
      interpretations: [],
      warnings: [],
      exact: ['output', 'steps'],
    },
    {
      name: 'men born 1976-09-01: 63',
      input: { birthDate: '1976-09-01', retirementCategory: 'male' },
      output: { retirementDate: '2039-09-01', ageYears: 63, ageMonths: 0 },
    },
    {
      name: 'women formerly 50, born 1975-02 (k = 1): 50 years 1 month',
      input: { birthDate: '1975-02-28', retirementCategory: 'female-50' },
      output: { retirementDate: '2025-03-28', ageYears: 50, ageMonths: 1 },
    },
    {
      name: 'an unknown category is refused',
      input: { birthDate: '1975-02-28', retirementCategory: 'other' },
      error: { code: 'invalid-choice', field: 'retirementCategory' },
    },
    {
      name: 'men born 1964-12-31 are not delayed: the step says the reform does not change the date',
      input: { birthDate: '1964-12-31', retirementCategory: 'male' },
      output: { retirementDate: '2024-12-31', ageYears: 60, ageMonths: 0, delayMonths: 0 },
      steps: [
        "male: born 1964-12, before the reform's first month 1965-01: no delay, the former age 60 applies",
        'Retirement age 60 years: 1964-12-31 + 60 years = 2024-12-31',
        'The retirement date is before the reform took effect (2025-01-01): the reform does not change it',
      ],
      exact: ['output', 'steps'],
    },
    {
      name: 'men born 1965-04 (k = 3): one month',
      input: { birthDate: '1965-04-30', retirementCategory: 'male' },
      output: { ageYears: 60, ageMonths: 1, delayMonths: 1 },
    },
    {
      name: 'men born 1965-05 (k = 4): one month more every 4 months',
      input: { birthDate: '1965-05-01', retirementCategory: 'male' },
      output: { ageYears: 60, ageMonths: 2, delayMonths: 2 },
    },
    {
      name: 'men born 1966-01 (k = 12): 4 months',
      input: { birthDate: '1966-01-10', retirementCategory: 'male' },
      output: { ageYears: 60, ageMonths: 4, delayMonths: 4 },
    },
    {
      name: 'men born 1970-01 (k = 60): 16 months',
      input: { birthDate: '1970-01-10', retirementCategory: 'male' },
      output: { ageYears: 61, ageMonths: 4, delayMonths: 16 },
    },
    {
      name: 'men born 1976-08: 35 months, one short of the cap',
      input: { birthDate: '1976-08-31', retirementCategory: 'male' },
      output: { ageYears: 62, ageMonths: 11, delayMonths: 35 },
    },
    {
      name: 'men born 1976-09: the cap of 3 years, 63',
      input: { birthDate: '1976-09-01', retirementCategory: 'male' },
      output: { ageYears: 63, ageMonths: 0, delayMonths: 36 },
    },
    {
      name: 'men born 1990-06: still the cap, 63',
      input: { birthDate: '1990-06-01', retirementCategory: 'male' },
      output: { ageYears: 63, ageMonths: 0, delayMonths: 36 },
    },
    {
      name: 'men born 1976-09-10 retire on 2039-09-10, and the step says the cap is reached',
      input: { birthDate: '1976-09-10', retirementCategory: 'male' },
      output: { retirementDate: '2039-09-10' },
      steps: [
        'male: born 1976-09, 140 months after the first month 1965-01; delay = min(36, floor(140 ÷ 4) + 1) = 36 months (the cap)',
        'Retirement age 63 years: 1976-09-10 + 63 years = 2039-09-10',
      ],
      exact: ['steps'],
    },
    {
      name: 'men born 1976-08-10 retire on 2039-07-10',
      input: { birthDate: '1976-08-10', retirementCategory: 'male' },
      output: { retirementDate: '2039-07-10' },
    },
    {
      name: 'women formerly 55, born 1969-12: not delayed',
      input: { birthDate: '1969-12-31', retirementCategory: 'female-55' },
      output: { ageYears: 55, ageMonths: 0, delayMonths: 0 },
    },
    {
      name: 'women formerly 55, born 1970-01 (the first month): one month',
      input: { birthDate: '1970-01-01', retirementCategory: 'female-55' },
      output: { ageYears: 55, ageMonths: 1, delayMonths: 1 },
    },
    {
      name: 'women formerly 55, born 1981-08: 35 months',
      input: { birthDate: '1981-08-31', retirementCategory: 'female-55' },
      output: { ageYears: 57, ageMonths: 11, delayMonths: 35 },
    },
    {
      name: 'women formerly 55, born 1981-09: the cap, 58',
      input: { birthDate: '1981-09-01', retirementCategory: 'female-55' },
      output: { ageYears: 58, ageMonths: 0, delayMonths: 36 },
    },
    {
      name: '女（原55岁） (the category in Chinese), born 1970-01-01: 2025-02-01',
      input: { birthDate: '1970-01-01', retirementCategory: '女（原55岁）' },
      output: { retirementDate: '2025-02-01' },
    },
    {
      name: 'women formerly 50, born 1974-12: not delayed',
      input: { birthDate: '1974-12-31', retirementCategory: 'female-50' },
      output: { ageYears: 50, ageMonths: 0, delayMonths: 0 },
    },
    {
      name: 'women formerly 50, born 1975-01 (the first month): one month',
      input: { birthDate: '1975-01-01', retirementCategory: 'female-50' },
      output: { ageYears: 50, ageMonths: 1, delayMonths: 1 },
    },
    {
      name: 'women formerly 50, born 1975-02 (k = 1): still one month (one more every 2 months)',
      input: { birthDate: '1975-02-28', retirementCategory: 'female-50' },
      output: { ageYears: 50, ageMonths: 1, delayMonths: 1 },
    },
    {
      name: 'women formerly 50, born 1975-03 (k = 2): two months',
      input: { birthDate: '1975-03-01', retirementCategory: 'female-50' },
      output: { ageYears: 50, ageMonths: 2, delayMonths: 2 },
    },
    {
      name: 'women formerly 50, born 1984-10: 59 months',
      input: { birthDate: '1984-10-31', retirementCategory: 'female-50' },
      output: { ageYears: 54, ageMonths: 11, delayMonths: 59 },
    },
    {
      name: 'women formerly 50, born 1984-11: the cap of 5 years, 55',
      input: { birthDate: '1984-11-01', retirementCategory: 'female-50' },
      output: { ageYears: 55, ageMonths: 0, delayMonths: 60 },
    },
    {
      name: 'women formerly 50, born 1995-01: still the cap, 55',
      input: { birthDate: '1995-01-01', retirementCategory: 'female-50' },
      output: { ageYears: 55, ageMonths: 0, delayMonths: 60 },
    },
    {
      name: '女（原50岁） (the category in Chinese), born 1984-11-15: 2039-11-15',
      input: { birthDate: '1984-11-15', retirementCategory: '女（原50岁）' },
      output: { retirementDate: '2039-11-15' },
    },
    {
      name: 'born on the 31st, the retirement month has no day 31: its last day, and the step says so',
      input: { birthDate: '1975-01-31', retirementCategory: 'female-50' },
      output: { retirementDate: '2025-02-28' },
      interpretations: ['month-end-dates'],
      steps: ['The retirement month has no day 31: its last day 2025-02-28 is taken'],
      exact: ['interpretations'],
    },
    {
      name: 'born 1964-02-29, retiring in a leap year: the day exists, no reading needed',
      input: { birthDate: '1964-02-29', retirementCategory: 'male' },
      output: { retirementDate: '2024-02-29' },
      interpretations: [],
    },
    {
      name: 'men born 1967-02-28: 60 years 7 months',
      input: { birthDate: '1967-02-28', retirementCategory: 'male' },
      output: { retirementDate: '2027-09-28' },
    },
    {
      name: '男 (the category in Chinese), born 1970-01-01: 61 years 4 months',
      input: { birthDate: '1970-01-01', retirementCategory: '男' },
      output: { ageYears: 61, ageMonths: 4 },
    },
    { name: 'the birth date is required', input: { retirementCategory: 'male' }, error: { code: 'missing-input', field: 'birthDate' } },
    { name: 'the category is required', input: { birthDate: '1965-01-01' }, error: { code: 'missing-input', field: 'retirementCategory' } },
    { name: '30 February does not exist', input: { birthDate: '1965-02-30', retirementCategory: 'male' }, error: { code: 'invalid-date', field: 'birthDate' } },
    {
      name: 'a date is written YYYY-MM-DD',
      input: { birthDate: '1965/02/01', retirementCategory: 'male' },
      error: { code: 'invalid-date', field: 'birthDate' },
    },
    {
      name: '“female” alone does not say which former age',
      input: { birthDate: '1965-02-01', retirementCategory: 'female' },
      error: { code: 'invalid-choice', field: 'retirementCategory' },
    },
    {
      name: 'a birth date in 2190 is out of range',
      input: { birthDate: '2190-02-01', retirementCategory: 'male' },
      error: { code: 'out-of-range', field: 'birthDate' },
    },
  ],
} satisfies RuleCases;
