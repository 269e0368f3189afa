import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m6.3: at least 5 days (40 class hours); 1,500 yuan per person; 50 % city, 50 % district. */
export default {
  rule: 'rural-training-subsidy',
  cases: [
    {
      name: '20 trainees, 5 days, 40 hours: 30,000, half each',
      input: { trainees: 20, classHours: 40, days: 5, date },
      output: { amount: '30000.00', cityShare: '15000.00', districtShare: '15000.00' },
      eligible: true,
    },
    { name: '4 days is too short', input: { trainees: 20, classHours: 40, days: 4, date }, output: { amount: '0.00' }, eligible: false },
    { name: '39 hours is too short', input: { trainees: 20, classHours: 39, days: 5, date }, output: { amount: '0.00' }, eligible: false },
    {
      name: '5 days and 40 class hours are enough (不少于 includes them): 3 × 1500, half each, eligible',
      input: { trainees: 3, classHours: 40, days: 5, date },
      output: { amount: '4500.00', cityShare: '2250.00', districtShare: '2250.00' },
      eligible: true,
      failed: [],
      exact: ['output'],
    },
    {
      name: '39 class hours and 4 days: not eligible, each condition named',
      input: { trainees: 3, classHours: 39, days: 4, date },
      output: { amount: '0.00' },
      failed: ['too-few-days', 'too-few-class-hours'],
    },
    { name: 'trainees are required', input: { classHours: 40, days: 5, date }, error: { code: 'missing-input', field: 'trainees' } },
  ],
} satisfies RuleCases;
