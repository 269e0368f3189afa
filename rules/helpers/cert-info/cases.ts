import type { RuleCases } from '../../core/cases.ts';

/** 残疾人证 number: the 18-character ID (GB 11643 check character) + category digit + grade digit. */
export default {
  rule: 'cert-info',
  cases: [
    {
      name: 'the standard’s example ID 11010519491231002X with 肢体 (4) grade 2',
      input: { certNumber: '11010519491231002X42' },
      output: { valid: true, birthDate: '1949-12-31', sex: 'female', category: 4, grade: 2 },
    },
    { name: 'a wrong check character is not valid', input: { certNumber: '11010519491231002142' }, output: { valid: false } },
    { name: 'category 8 does not exist', input: { certNumber: '11010519491231002X82' }, output: { valid: false } },
  ],
} satisfies RuleCases;
