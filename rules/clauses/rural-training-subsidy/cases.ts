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
    { name: 'trainees are required', input: { classHours: 40, days: 5, date }, error: { code: 'missing-input', field: 'trainees' } },
  ],
} satisfies RuleCases;
