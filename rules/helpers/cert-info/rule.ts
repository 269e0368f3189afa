/**
 * Rule `cert-info` (helper for clause m2, 凭有效证件): reads a second-generation 残疾人证 number —
 * the holder's resident identity number (GB 11643-1999, with its check character) followed by
 * the category digit and the grade digit (their ranges in `rules/parameters/national.ts`). A malformed number is not an error: it answers
 * `valid: false` with every fault named in `problems`.
 */
import { digitAt, digitsOnly, isDigitCode, isPlainUpperAscii, isSurrogateCode } from '../../core/characters.ts';
import { isIsoDate } from '../../core/dates.ts';
import { defineRule } from '../../core/rule.ts';
import type { FailedCondition } from '../../core/schema.ts';
import { text, type Text } from '../../core/text.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { certificate } from '../../parameters/national.ts';

export type Sex = 'male' | 'female';

export interface CertificateInfo {
  valid: boolean;
  /** Present only when the number is valid. */
  birthDate?: string;
  sex?: Sex;
  category?: number;
  grade?: number;
  problems: FailedCondition[];
  /** For the explanation: the weighted checksum and the check character expected (when computable). */
  check?: { remainder: number; expected: string; actual: string };
}

const problem = (code: string, zh: string, en: string): FailedCondition => ({ code, message: { zh, en } });

const isDigit = (c: string) => c >= '0' && c <= '9';

/** A character's position as the steps name it, counted from one (the layout's indexes count from zero). */
const position = (index: number) => index + 1;

/** The category's name, e.g. the physical category's code → 肢体残疾 / physical. */
export const categoryName = (category: number): Text | undefined => certificate.categories[category];

export const gradeName = (grade: number): Text => certificate.gradeNames[grade] ?? text(`${grade}级`, `grade ${grade}`);

/** The GB 11643 check character of the digits before it (the leading digits of `first17`, as many as there are weights), with the remainder it comes from. */
export function checkCharacterOf(first17: string): { remainder: number; character: string } {
  let sum = 0;
  for (let i = 0; i < certificate.checkWeights.length; i++) {
    // a digit read from its character code; anything else as Number reads it (NaN, so no check character)
    const d = digitAt(first17, i);
    sum += (d < 0 ? Number(first17[i]) : d) * certificate.checkWeights[i];
  }
  const remainder = sum % certificate.checkCharacters.length;
  return { remainder, character: certificate.checkCharacters[remainder] };
}

/** Normalises what a clerk types: full-width characters, surrounding spaces, a lower-case x. */
export const normaliseCertNumber = (raw: string): string => (isPlainUpperAscii(raw) ? raw : raw.normalize('NFKC').trim().toUpperCase());

const CHECK_X = 'X'.charCodeAt(0);

/** The positions (from 1, by character) that hold no digit, where only the check character may be X. */
function positionsNotDigits(number: string): number[] {
  const { checkCharacter } = certificate.layout;
  const positions: number[] = [];
  for (let i = 0; i < number.length; i++) {
    const c = number.charCodeAt(i);
    // a character outside the BMP takes two code units: count by characters, as the message does
    if (isSurrogateCode(c)) return positionsNotDigitsByCharacter(number);
    if (!(isDigitCode(c) || (i === checkCharacter && c === CHECK_X))) positions.push(i + 1);
  }
  return positions;
}
const positionsNotDigitsByCharacter = (number: string): number[] =>
  [...number]
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => !(isDigit(c) || (i === certificate.layout.checkCharacter && c === 'X')))
    .map(({ i }) => i + 1);

/**
 * Parses a 残疾人证 number. Pure; never throws. Each fault is named (length, characters, check character,
 * impossible birth date, category, grade); the fields are given only when the whole number is valid.
 */
export function parseCertificate(raw: string): CertificateInfo {
  const number = normaliseCertNumber(raw);
  const { layout } = certificate;
  const problems: FailedCondition[] = [];
  if (number.length !== certificate.length) {
    problems.push(
      problem(
        'wrong-length',
        `残疾人证号应为 ${certificate.length} 位（${certificate.idLength} 位身份证号 + 类别 + 等级），实为 ${number.length} 位`,
        `a certificate number has ${certificate.length} characters (${certificate.idLength}-character ID number + category + grade), this one has ${number.length}`,
      ),
    );
    if (![...number].every((c) => isDigit(c) || c === 'X')) {
      problems.push(problem('invalid-characters', '残疾人证号只能包含数字和校验码 X', 'a certificate number holds only digits and the check character X'));
    }
    return { valid: false, problems };
  }
  const badPositions = positionsNotDigits(number);
  if (badPositions.length > 0) {
    problems.push(
      problem(
        'invalid-characters',
        `第 ${badPositions.join('、')} 位不是数字（只有第 ${layout.checkCharacter + 1} 位校验码可为 X）`,
        `character ${badPositions.join(', ')} is not a digit (only character ${layout.checkCharacter + 1}, the check character, may be X)`,
      ),
    );
  }
  let check: CertificateInfo['check'];
  if (digitsOnly(number, 0, layout.checkCharacter)) {
    const { remainder, character } = checkCharacterOf(number);
    const actual = number[layout.checkCharacter];
    check = { remainder, expected: character, actual };
    if (actual !== character) {
      problems.push(
        problem(
          'wrong-check-character',
          `校验码应为 ${character}，实为 ${actual}（号码有误）`,
          `the check character should be ${character}, not ${actual} (the number is mistyped)`,
        ),
      );
    }
  }
  const [from, to] = layout.birthDate;
  const birthDate = `${number.slice(from, from + 4)}-${number.slice(from + 4, from + 6)}-${number.slice(from + 6, to)}`;
  if (digitsOnly(number, from, to) && !isIsoDate(birthDate)) {
    problems.push(problem('impossible-birth-date', `出生日期 ${birthDate} 不存在`, `the birth date ${birthDate} does not exist`));
  }
  const category = digitAt(number, layout.category); // −1: no digit (a fault named above)
  if (category >= 0 && categoryName(category) === undefined) {
    const known = Object.keys(certificate.categories);
    problems.push(
      problem(
        'invalid-category',
        `残疾类别 ${category} 不存在（应为 ${known[0]}–${known[known.length - 1]}）`,
        `there is no disability category ${category} (${known[0]}–${known[known.length - 1]})`,
      ),
    );
  }
  const grade = digitAt(number, layout.grade);
  if (grade >= 0 && !(certificate.grades as readonly number[]).includes(grade)) {
    const g = certificate.grades;
    problems.push(
      problem(
        'invalid-grade',
        `残疾等级 ${grade} 不存在（应为 ${g[0]}–${g[g.length - 1]}）`,
        `there is no disability grade ${grade} (${g[0]}–${g[g.length - 1]})`,
      ),
    );
  }
  if (problems.length > 0) return { valid: false, problems, check };
  const odd = (digitAt(number, layout.sexDigit) & 1) === 1;
  const sex: Sex = odd ? 'male' : 'female';
  return { valid: true, birthDate, sex, category, grade, problems, check };
}

export const certInfo = defineRule({
  id: 'cert-info',
  clause: clauses.m2,
  kind: 'helper',
  title: text('残疾人证号码解读', 'Disability certificate number'),
  description: text(
    `校验第二代残疾人证号码（${certificate.idLength}位身份证号 + 残疾类别 + 残疾等级），给出出生日期、性别、类别和等级`,
    `Checks a second-generation disability certificate number (${certificate.idLength}-character ID + category + grade) and reads birth date, sex, category and grade`,
  ),
  sources: [certificate.document],
  inputs: [
    {
      name: 'certNumber',
      type: 'text',
      required: true,
      format: 'certificate-number',
      personal: true,
      label: text('残疾人证号', 'Certificate number'),
      description: text(
        `${certificate.length}位残疾人证号（末位 x 可小写）`,
        `${certificate.length}-character disability certificate number (a lower-case x is accepted)`,
      ),
      example: '15029619650115001X42',
    },
  ],
  outputs: [
    { name: 'valid', type: 'boolean', label: text('号码有效', 'Valid') },
    { name: 'birthDate', type: 'date', label: text('出生日期', 'Birth date'), optional: true },
    { name: 'sex', type: 'text', label: text('性别', 'Sex'), optional: true },
    { name: 'category', type: 'integer', label: text('残疾类别', 'Category'), optional: true },
    { name: 'categoryName', type: 'text', label: text('残疾类别名称', 'Category name (zh)'), optional: true },
    { name: 'categoryNameEn', type: 'text', label: text('残疾类别名称（英文）', 'Category name (en)'), optional: true },
    { name: 'grade', type: 'integer', label: text('残疾等级', 'Grade'), optional: true },
    { name: 'problems', type: 'conditions', label: text('问题', 'Problems') },
  ],
  primary: 'valid',
  compute(input, ctx) {
    const info = parseCertificate(input.certNumber);
    const { layout } = certificate;
    const modulus = certificate.checkCharacters.length;
    if (info.check) {
      const { remainder, expected, actual } = info.check;
      ctx.step(() => [
        `校验码：前${layout.checkCharacter}位按 GB 11643 加权求和，除以 ${modulus} 的余数为 ${remainder}，应为 ${expected}；第${position(layout.checkCharacter)}位为 ${actual}`,
        `Check character: weighted sum of the first ${layout.checkCharacter} digits (GB 11643) mod ${modulus} = ${remainder}, so ${expected}; character ${position(layout.checkCharacter)} is ${actual}`,
      ]);
    }
    for (const p of info.problems) ctx.condition(false, p.code, p.message.zh, p.message.en);
    if (!info.valid) {
      ctx.step(() => ['号码无效：不给出出生日期、性别、类别和等级', 'The number is not valid: no birth date, sex, category or grade is read from it']);
      return { valid: false, problems: ctx.failed };
    }
    const name = categoryName(info.category!)!;
    const [from, to] = layout.birthDate;
    ctx.step(() => [`第${position(from)}–${to}位：出生日期 ${info.birthDate}`, `Characters ${position(from)}–${to}: birth date ${info.birthDate}`]);
    ctx.step(() => {
      const sexDigit = normaliseCertNumber(input.certNumber)[layout.sexDigit];
      return [
        `第${position(layout.sexDigit)}位 ${sexDigit} 为${info.sex === 'male' ? '奇数：男' : '偶数：女'}`,
        `Character ${position(layout.sexDigit)} is ${sexDigit}, ${info.sex === 'male' ? 'odd: male' : 'even: female'}`,
      ];
    });
    ctx.step(() => [
      `第${position(layout.category)}位 ${info.category}：${name.zh}；第${position(layout.grade)}位 ${info.grade}：${gradeName(info.grade!).zh}`,
      `Character ${position(layout.category)} is ${info.category}: ${name.en}; character ${position(layout.grade)} is ${info.grade}: ${gradeName(info.grade!).en}`,
    ]);
    return {
      valid: true,
      birthDate: info.birthDate,
      sex: info.sex,
      category: info.category,
      categoryName: name.zh,
      categoryNameEn: name.en,
      grade: info.grade,
      problems: [],
    };
  },
});
