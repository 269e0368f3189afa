import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m10.2: at least 5 days (40 class hours); 1,500 yuan per person per session; 50 / 50. (Per-person limits: batch tests.) */
export default {
  rule: 'skills-training-subsidy',
  cases: [
    {
      name: 'one person-session by default',
      input: { classHours: 40, days: 5, date },
      output: { amount: '1500.00', cityShare: '750.00', districtShare: '750.00' },
    },
    { name: '10 trainees', input: { trainees: 10, classHours: 48, days: 6, date }, output: { amount: '15000.00' } },
    { name: '4 days is too short', input: { classHours: 40, days: 4, date }, output: { amount: '0.00' }, eligible: false },
  ],
} satisfies RuleCases;
