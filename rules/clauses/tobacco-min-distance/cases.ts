import { inForce as date, type RuleCases } from '../../core/cases.ts';

/** m2: 65 m / 30 m in the four urban districts, 50 m / 25 m in the outer five; 稀土高新区 not listed. */
export default {
  rule: 'tobacco-min-distance',
  cases: [
    {
      name: '昆区, disabled applicant: 30 m (the table, not half of 65 m)',
      input: { district: '昆区', disabledApplicant: true, date },
      output: { metres: 30, normalMetres: 65, disabledMetres: 30 },
      interpretations: ['tobacco-30m'],
    },
    { name: '昆区, other applicant: 65 m', input: { district: '昆都仑区', disabledApplicant: false, date }, output: { metres: 65 } },
    { name: '固阳县, disabled applicant: 25 m', input: { district: '固阳县', disabledApplicant: true, date }, output: { metres: 25, normalMetres: 50 } },
    {
      name: 'no guess: the applicant must be said',
      input: { district: '昆区', date },
      error: { code: 'missing-input', field: 'disabledApplicant', says: { zh: '申请人是否为残疾人' } },
    },
    {
      name: '昆区, disabled applicant (“TRUE” as a spreadsheet writes it): the table’s 30 m, not half of 65 m, and the step says so',
      input: { district: '昆区', disabledApplicant: 'TRUE', date },
      output: { metres: 30 },
      interpretations: ['tobacco-30m'],
      steps: ['"at least half the normal distance" gives 32.5 m while the table says 30 m; the table governs'],
    },
    {
      name: '固阳, disabled applicant: half of 50 m agrees with the table’s 25 m, no reading needed',
      input: { district: '固阳', disabledApplicant: true, date },
      output: { metres: 25 },
      interpretations: [],
    },
    {
      name: '稀土高新区: the text gives no answer',
      input: { district: '稀土高新区', disabledApplicant: true, date },
      error: { code: 'no-answer-in-text', field: 'district' },
      interpretations: [],
    },
    { name: '昆都仑区, disabled applicant: 30 m', input: { district: '昆都仑区', disabledApplicant: true, date }, output: { metres: 30 } },
    { name: '昆区, other applicant: 65 m', input: { district: '昆区', disabledApplicant: false, date }, output: { metres: 65 } },
    { name: 'Qingshan, disabled applicant: 30 m', input: { district: 'Qingshan', disabledApplicant: true, date }, output: { metres: 30 } },
    { name: '东河区, other applicant: 65 m', input: { district: '东河区', disabledApplicant: false, date }, output: { metres: 65 } },
    { name: '九原区, disabled applicant: 30 m', input: { district: '九原区', disabledApplicant: true, date }, output: { metres: 30 } },
    { name: '土右旗, disabled applicant: 25 m', input: { district: '土右旗', disabledApplicant: true, date }, output: { metres: 25 } },
    { name: '固阳县, other applicant: 50 m', input: { district: '固阳县', disabledApplicant: false, date }, output: { metres: 50 } },
    { name: '达茂旗, disabled applicant: 25 m', input: { district: '达茂旗', disabledApplicant: true, date }, output: { metres: 25 } },
    { name: '白云矿区, other applicant: 50 m', input: { district: '白云矿区', disabledApplicant: false, date }, output: { metres: 50 } },
    { name: '石拐区, disabled applicant: 25 m', input: { district: '石拐区', disabledApplicant: true, date }, output: { metres: 25 } },
    {
      name: 'an empty disabledApplicant is missing, not a guess',
      input: { district: '昆区', disabledApplicant: '', date },
      error: { code: 'missing-input', field: 'disabledApplicant' },
    },
    {
      name: 'an other applicant is also told both distances',
      input: { district: '昆区', disabledApplicant: false, date },
      output: { normalMetres: 65, disabledMetres: 30 },
    },
    { name: 'a district outside Baotou is refused', input: { district: '呼和浩特', date }, error: { code: 'unknown-district', field: 'district' } },
    {
      name: 'a yes/no it cannot read is refused',
      input: { district: '昆区', disabledApplicant: 'maybe', date },
      error: { code: 'invalid-boolean', field: 'disabledApplicant' },
    },
  ],
} satisfies RuleCases;
