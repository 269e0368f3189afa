import type { RuleCases } from '../../core/cases.ts';

/** m1.2: at most 3 years; less than 5 years to retirement: to retirement. Periods by 民法典 第二百零二条. */
export default {
  rule: 'public-post-end-date',
  cases: [
    {
      name: '3 years from 2024-01-01 end on 2026-12-31',
      input: { startDate: '2024-01-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2026-12-31', extendedToRetirement: false },
    },
    {
      name: '3 years from 2024-02-29 end on 2027-02-28, the month’s last day',
      input: { startDate: '2024-02-29', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2027-02-28' },
      interpretations: ['period-end'],
    },
    {
      name: 'men born 1964-06-10 retire on 2024-06-10, within the 3 years: the subsidy stops the day before (not an extension)',
      input: { startDate: '2023-06-01', birthDate: '1964-06-10', retirementCategory: 'male' },
      output: { endDate: '2024-06-09', extendedToRetirement: false, retirementDate: '2024-06-10' },
      steps: ['Retirement on 2024-06-10 comes before the 3 years end: the subsidy stops the day before, 2024-06-09 (not an extension)'],
      interpretations: ['retirement-last-day'],
      exact: ['output'],
    },
    {
      name: 'a period ending after the last year a date may be given in (2200) is still counted: the answer, never an internal error',
      input: { startDate: '2198-12-01', birthDate: '2136-06-01', retirementCategory: 'male', applyOutsideValidity: true },
      output: { endDate: '2199-05-31', extendedToRetirement: false, retirementDate: '2199-06-01' },
      steps: [
        'At most 3 years: 3 years from 2198-12-01 end on 2201-11-30 (Civil Code, 民法典 第二百零二条: the corresponding day of the last month, or its last day where there is none)',
      ],
    },
    {
      name: 'a start outside the plan’s validity is refused',
      input: { startDate: '2025-03-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      error: { code: 'policy-not-in-force', field: 'date' },
    },
    {
      name: 'far from retirement: 3 years less a day (不超过3年, 民法典 第二百零二条), no extension',
      input: { startDate: '2024-03-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2027-02-28', extendedToRetirement: false, retirementDate: '2053-05-05' },
      clause: 'm1.2',
      steps: [
        {
          zh: '补贴期限不超过3年：自 2024-03-01 起3年，最后一日为 2027-02-28（《民法典》第二百零二条：到期月的对应日为最后一日，没有对应日的为月末日）',
          en: 'At most 3 years: 3 years from 2024-03-01 end on 2027-02-28 (Civil Code, 民法典 第二百零二条: the corresponding day of the last month, or its last day where there is none)',
        },
        'male: born 1990-05, 304 months after the first month 1965-01; delay = min(36, floor(304 ÷ 4) + 1) = 36 months (the cap)',
        'Retirement age 63 years: 1990-05-05 + 63 years = 2053-05-05',
        'From the start, retirement on 2053-05-05 is at least 5 years away (5 years from 2024-03-01 end on 2029-02-28, before retirement; "less than" excludes equality): no extension, the subsidy ends 2027-02-28',
      ],
      warnings: [],
      exact: ['output', 'steps'],
    },
    {
      name: 'exactly 5 years to retirement is not “不足5年” (less than 5 years): no extension',
      input: { startDate: '2023-11-15', birthDate: '1968-01-15', retirementCategory: 'male' },
      output: { endDate: '2026-11-14', extendedToRetirement: false, retirementDate: '2028-11-15' },
      interpretations: ['period-end'],
      exact: ['output', 'interpretations'],
    },
    {
      name: 'one day less than 5 years to retirement: extended to the day before retirement, the retirement steps part of the explanation',
      input: { startDate: '2023-11-16', birthDate: '1968-01-15', retirementCategory: 'male' },
      output: { endDate: '2028-11-14', extendedToRetirement: true, retirementDate: '2028-11-15' },
      interpretations: ['retirement-last-day'],
      steps: [
        'Retirement age 60 years 10 months: 1968-01-15 + 60 years 10 months = 2028-11-15',
        'From the start, retirement on 2028-11-15 is less than 5 years away (5 years from 2023-11-16 end on 2028-11-15): may be extended to retirement, the day before it: 2028-11-14',
      ],
      exact: ['output'],
    },
    {
      name: 'retirement exactly at the end of the 3 years (men born 1966-05-20 retire 2026-10-20): the same last day, not an extension',
      input: { startDate: '2023-10-20', birthDate: '1966-05-20', retirementCategory: 'male' },
      output: { endDate: '2026-10-19', extendedToRetirement: false, retirementDate: '2026-10-20' },
      steps: ['The day before retirement is the last day of the term anyway: nothing to extend'],
      exact: ['output'],
    },
    {
      name: 'women formerly 50, born 1975-06 (delay 3 months), retire 2025-09-01 within the 3 years: the day before',
      input: { startDate: '2023-05-01', birthDate: '1975-06-01', retirementCategory: 'female-50' },
      output: { endDate: '2025-08-31', extendedToRetirement: false, retirementDate: '2025-09-01' },
      exact: ['output'],
    },
    {
      name: 'women formerly 55, born 1972-01 (delay 7 months), retire 2027-08-01, less than 5 years from the start: extended',
      input: { startDate: '2024-01-01', birthDate: '1972-01-01', retirementCategory: 'female-55' },
      output: { endDate: '2027-07-31', extendedToRetirement: true, retirementDate: '2027-08-01' },
      exact: ['output'],
    },
    {
      name: 'a start on 28 February ends on 27 February three years on',
      input: { startDate: '2024-02-28', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2027-02-27' },
    },
    {
      name: 'a start on the 31st ends on the 30th of the corresponding month (its corresponding day exists)',
      input: { startDate: '2023-05-31', birthDate: '1990-05-05', retirementCategory: 'male' },
      output: { endDate: '2026-05-30' },
    },
    {
      name: 'the 5-year mark counted the same way: from 2024-02-29, 5 years end on 2029-02-28; retiring on that day (men born 1968-04-28) is within it',
      input: { startDate: '2024-02-29', birthDate: '1968-04-28', retirementCategory: 'male' },
      output: { endDate: '2029-02-27', extendedToRetirement: true },
      steps: [
        'From the start, retirement on 2029-02-28 is less than 5 years away (5 years from 2024-02-29 end on 2029-02-28): may be extended to retirement, the day before it: 2029-02-27',
      ],
    },
    {
      name: 'retiring the day after the 5-year mark (2029-03-01; women formerly 50 born 1977-10-01): no extension',
      input: { startDate: '2024-02-29', birthDate: '1977-10-01', retirementCategory: 'female-50' },
      output: { endDate: '2027-02-28', extendedToRetirement: false },
    },
    {
      name: 'a start outside the plan’s validity, applied anyway as asked: with a warning',
      input: { startDate: '2025-03-01', birthDate: '1990-05-05', retirementCategory: 'male', applyOutsideValidity: true },
      output: { endDate: '2028-02-29' },
      warnings: ['2025-03-01 is outside the validity of 包府办发〔2023〕43号 (2023-04-22 – 2024-12-31); applied anyway as asked'],
      exact: ['warnings'],
    },
    {
      name: 'a claim date in the window settles the plan for a start before it (2022-01-01)',
      input: { startDate: '2022-01-01', birthDate: '1990-05-05', retirementCategory: 'male', date: '2024-06-30' },
      output: { endDate: '2024-12-31' },
    },
    {
      name: 'the start date is required',
      input: { birthDate: '1990-05-05', retirementCategory: 'male' },
      error: { code: 'missing-input', field: 'startDate' },
    },
    {
      name: 'the birth date is required',
      input: { startDate: '2024-01-01', retirementCategory: 'male' },
      error: { code: 'missing-input', field: 'birthDate' },
    },
    {
      name: 'the retirement category is required',
      input: { startDate: '2024-01-01', birthDate: '1990-05-05' },
      error: { code: 'missing-input', field: 'retirementCategory' },
    },
    {
      name: 'month 13 does not exist',
      input: { startDate: '2024-13-01', birthDate: '1990-05-05', retirementCategory: 'male' },
      error: { code: 'invalid-date', field: 'startDate' },
    },
    {
      name: 'a person cannot start work on the day of birth',
      input: { startDate: '2024-01-01', birthDate: '2024-01-01', retirementCategory: 'male' },
      error: { code: 'inconsistent-input', field: 'birthDate' },
    },
    {
      name: 'men born 1963-01-01 retired on 2023-01-01, before the start',
      input: { startDate: '2023-05-01', birthDate: '1963-01-01', retirementCategory: 'male' },
      error: { code: 'inconsistent-input', field: 'startDate' },
    },
    {
      name: 'an unknown retirement category is refused',
      input: { startDate: '2024-01-01', birthDate: '1990-05-05', retirementCategory: 'x' },
      error: { code: 'invalid-choice', field: 'retirementCategory' },
    },
  ],
} satisfies RuleCases;
