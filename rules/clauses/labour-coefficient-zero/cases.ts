import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m5: 智力、精神 and 重度 (grade 1–2) disabled persons count 0 in 低保 income. */
export default {
  rule: 'labour-coefficient-zero',
  cases: [
    { name: '智力 grade 4: 0', input: { category: 5, grade: 4, date }, output: { zero: true } },
    { name: '精神 grade 3: 0', input: { category: 6, grade: 3, date }, output: { zero: true } },
    { name: '肢体 grade 2 (重度): 0', input: { category: 4, grade: 2, date }, output: { zero: true } },
    { name: '肢体 grade 3: not 0', input: { category: 4, grade: 3, date }, output: { zero: false } },
    { name: '肢体 grade 1 (重度): 0', input: { category: 4, grade: 1, date }, output: { zero: true } },
    { name: '视力 grade 2 (重度): 0', input: { category: 1, grade: 2, date }, output: { zero: true } },
    { name: '多重 grade 4: not 0', input: { category: 7, grade: 4, date }, output: { zero: false } },
    { name: 'category 8 does not exist', input: { category: 8, grade: 1, date }, error: { code: 'out-of-range', field: 'category' } },
    { name: 'grade 0 does not exist', input: { category: 1, grade: 0, date }, error: { code: 'out-of-range', field: 'grade' } },
    { name: 'grade 5 does not exist', input: { category: 4, grade: 5, date }, error: { code: 'out-of-range', field: 'grade' } },
  ],
} satisfies RuleCases;
