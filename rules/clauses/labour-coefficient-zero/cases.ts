import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m5: 智力、精神 and 重度 (grade 1–2) disabled persons count 0 in 低保 income. */
export default {
  rule: 'labour-coefficient-zero',
  cases: [
    { name: '智力 grade 4: 0', input: { category: 5, grade: 4, date }, output: { zero: true } },
    { name: '精神 grade 3: 0', input: { category: 6, grade: 3, date }, output: { zero: true } },
    { name: '肢体 grade 2 (重度): 0', input: { category: 4, grade: 2, date }, output: { zero: true } },
    { name: '肢体 grade 3: not 0', input: { category: 4, grade: 3, date }, output: { zero: false } },
    { name: 'grade 5 does not exist', input: { category: 4, grade: 5, date }, error: { code: 'out-of-range', field: 'grade' } },
  ],
} satisfies RuleCases;
