import type { RuleCases } from '../../core/cases.ts';

/**
 * 残疾人证 number: the 18-character ID (GB 11643 check character) + category digit + grade digit.
 * Every number made up here has area code 150296, which is assigned to no county (包头市's are 150202–150207 and
 * 150221–150223, with 150271 for the high-tech zone in the statistical codes), so it can never be a real person's;
 * it was chosen because 8·(9−0) + 4·(6−2) = 88 is a multiple of 11, so each number keeps the check character its case was
 * written for (the X, the lower-case x, the deliberately wrong ones). The standard's own example 11010519491231002X is published.
 */
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
    {
      name: 'a valid number (made up, area 150296, no county’s): born 1965-01-15, male, 肢体残疾 grade 2, each digit read in a step',
      input: { certNumber: '15029619650115001X42' },
      output: { valid: true, birthDate: '1965-01-15', sex: 'male', category: 4, categoryName: '肢体残疾', categoryNameEn: 'physical', grade: 2, problems: [] },
      clause: 'm2',
      sources: ['GB 11643-1999；中国残疾人联合会第二代残疾人证编号规则'],
      steps: [
        'Check character: weighted sum of the first 17 digits (GB 11643) mod 11 = 2, so X; character 18 is X',
        'Characters 7–14: birth date 1965-01-15',
        'Character 17 is 1, odd: male',
        { zh: '第19位 4：肢体残疾；第20位 2：二级', en: 'Character 19 is 4: physical; character 20 is 2: grade 2' },
      ],
      warnings: [],
      exact: ['output', 'steps'],
    },
    {
      name: 'an even 17th digit is female; category 1 is 视力残疾, grade 4',
      input: { certNumber: '15029619650115002814' },
      output: { sex: 'female', category: 1, categoryName: '视力残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 2 is 听力残疾, grade 4',
      input: { certNumber: '15029619650115002824' },
      output: { sex: 'female', category: 2, categoryName: '听力残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 3 is 言语残疾, grade 4',
      input: { certNumber: '15029619650115002834' },
      output: { sex: 'female', category: 3, categoryName: '言语残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 4 is 肢体残疾, grade 4',
      input: { certNumber: '15029619650115002844' },
      output: { sex: 'female', category: 4, categoryName: '肢体残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 5 is 智力残疾, grade 4',
      input: { certNumber: '15029619650115002854' },
      output: { sex: 'female', category: 5, categoryName: '智力残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 6 is 精神残疾, grade 4',
      input: { certNumber: '15029619650115002864' },
      output: { sex: 'female', category: 6, categoryName: '精神残疾', grade: 4 },
    },
    {
      name: 'an even 17th digit is female; category 7 is 多重残疾, grade 4',
      input: { certNumber: '15029619650115002874' },
      output: { sex: 'female', category: 7, categoryName: '多重残疾', grade: 4 },
    },
    {
      name: 'the check character X in lower case, with spaces around: valid',
      input: { certNumber: '  15029619650115001x42 ' },
      output: { valid: true, birthDate: '1965-01-15' },
    },
    {
      name: 'an 18-character ID number is the wrong length, and nothing more is read from it',
      input: { certNumber: '15029619650115001X' },
      output: { valid: false, problems: [{ code: 'wrong-length' }] },
      exact: ['output'],
    },
    { name: '21 characters is the wrong length', input: { certNumber: '15029619650115001X421' }, output: { problems: [{ code: 'wrong-length' }] } },
    {
      name: '“ABC”: the wrong length and characters that are not digits',
      input: { certNumber: 'ABC' },
      output: { problems: [{ code: 'wrong-length' }, { code: 'invalid-characters' }] },
    },
    {
      name: 'a letter where a digit belongs is named with its position',
      input: { certNumber: '150A9619650115001X42' },
      output: {
        valid: false,
        problems: [{ code: 'invalid-characters', message: { en: 'character 4 is not a digit (only character 18, the check character, may be X)' } }],
      },
    },
    { name: 'X is allowed only as the 18th character', input: { certNumber: '15029619650115001X4X' }, output: { problems: [{ code: 'invalid-characters' }] } },
    {
      name: 'a wrong check character (0 where X belongs)',
      input: { certNumber: '15029619650115001042' },
      output: { valid: false, problems: [{ code: 'wrong-check-character' }] },
      steps: ['Not met: the check character should be X, not 0 (the number is mistyped)'],
    },
    {
      name: 'an impossible birth date (1965-02-30) even when the check character fits',
      input: { certNumber: '15029619650230001642' },
      output: { valid: false, problems: [{ code: 'impossible-birth-date' }] },
    },
    { name: '1964-02-29 exists (a leap year)', input: { certNumber: '15029619640229001742' }, output: { birthDate: '1964-02-29' } },
    { name: '1965-02-29 does not', input: { certNumber: '15029619650229001442' }, output: { problems: [{ code: 'impossible-birth-date' }] } },
    { name: 'category 0 is outside 1–7', input: { certNumber: '15029619650115001X02' }, output: { problems: [{ code: 'invalid-category' }] } },
    { name: 'category 8 is outside 1–7', input: { certNumber: '15029619650115001X82' }, output: { problems: [{ code: 'invalid-category' }] } },
    { name: 'category 9 is outside 1–7', input: { certNumber: '15029619650115001X92' }, output: { problems: [{ code: 'invalid-category' }] } },
    { name: 'grade 0 is outside 1–4', input: { certNumber: '15029619650115001X40' }, output: { problems: [{ code: 'invalid-grade' }] } },
    { name: 'grade 5 is outside 1–4', input: { certNumber: '15029619650115001X45' }, output: { problems: [{ code: 'invalid-grade' }] } },
    { name: 'grade 9 is outside 1–4', input: { certNumber: '15029619650115001X49' }, output: { problems: [{ code: 'invalid-grade' }] } },
    {
      name: 'every fault of a number with several is named, each in both languages',
      input: { certNumber: '15029619651301001007' },
      output: {
        problems: [
          {
            code: 'wrong-check-character',
            message: { zh: '校验码应为 4，实为 0（号码有误）', en: 'the check character should be 4, not 0 (the number is mistyped)' },
          },
          { code: 'impossible-birth-date', message: { zh: '出生日期 1965-13-01 不存在', en: 'the birth date 1965-13-01 does not exist' } },
          { code: 'invalid-category', message: { zh: '残疾类别 0 不存在（应为 1–7）', en: 'there is no disability category 0 (1–7)' } },
          { code: 'invalid-grade', message: { zh: '残疾等级 7 不存在（应为 1–4）', en: 'there is no disability grade 7 (1–4)' } },
        ],
      },
    },
    { name: 'the number is required', input: {}, error: { code: 'missing-input', field: 'certNumber' } },
    { name: 'spaces are no number', input: { certNumber: '   ' }, error: { code: 'missing-input', field: 'certNumber' } },
    {
      name: 'an unknown input is refused',
      input: { certNumber: '15029619650115001X42', cert: 1 },
      error: { code: 'unknown-input', field: 'cert' },
    },
    { name: 'a yes/no is not a number', input: { certNumber: true }, error: { code: 'invalid-choice', field: 'certNumber' } },
  ],
} satisfies RuleCases;
