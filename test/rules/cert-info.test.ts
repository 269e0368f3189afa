import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { checkCharacter, fakeCert, fakeId, sequenceEndingInX } from './fake-cert.ts';
import { expectError, expectOk } from './helpers.ts';

const rule = 'cert-info';
const problemCodes = (result: Record<string, unknown>) => (result.problems as { code: string }[]).map((p) => p.code);

describe('test helper fake-cert', () => {
  it("computes the check character of GB 11643's own example 11010519491231002X", () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });
});

describe('cert-info (helper for m2)', () => {
  it('reads a valid number: birth date, sex, category, grade', () => {
    const r = expectOk(evaluate(rule, { certNumber: fakeCert({ birth: '19650115', sequence: '001', category: 4, grade: 2 }) }));
    expect(r.result).toEqual({
      valid: true,
      birthDate: '1965-01-15',
      sex: 'male',
      category: 4,
      categoryName: '肢体残疾',
      categoryNameEn: 'physical',
      grade: 2,
      problems: [],
    });
    expect(r.clause.id).toBe('m2');
    expect(r.sources.join(' ')).toContain('GB 11643');
    expect(r.steps.map((s) => s.en)).toEqual([
      expect.stringMatching(/^Check character: weighted sum of the first 17 digits \(GB 11643\) mod 11 = \d+, so [0-9X]; character 18 is [0-9X]$/),
      'Characters 7–14: birth date 1965-01-15',
      'Character 17 is 1, odd: male',
      'Character 19 is 4: physical; character 20 is 2: grade 2',
    ]);
    expect(r.steps[3].zh).toBe('第19位 4：肢体残疾；第20位 2：二级');
    expect(r.warnings).toEqual([]);
  });

  it('reads an even 17th digit as female, and every category 1–7 with its name', () => {
    const names = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
    for (let category = 1; category <= 7; category++) {
      const r = expectOk(evaluate(rule, { certNumber: fakeCert({ sequence: '002', category, grade: 4 }) }));
      expect(r.result.sex).toBe('female');
      expect(r.result.category).toBe(category);
      expect(r.result.categoryName).toBe(names[category - 1]);
      expect(r.result.grade).toBe(4);
    }
  });

  it('accepts the check character X in lower case, and surrounding spaces', () => {
    const sequence = sequenceEndingInX();
    const number = fakeCert({ sequence });
    expect(number[17]).toBe('X');
    const lower = expectOk(evaluate(rule, { certNumber: `  ${number.toLowerCase()} ` }));
    expect(lower.result.valid).toBe(true);
    expect(lower.result.birthDate).toBe('1965-01-15');
  });

  it('names a wrong length (and stops there)', () => {
    const r = expectOk(evaluate(rule, { certNumber: fakeId() }));
    expect(r.result.valid).toBe(false);
    expect(problemCodes(r.result)).toEqual(['wrong-length']);
    expect(r.result.birthDate).toBeUndefined();
    expect(r.result.category).toBeUndefined();
    const long = expectOk(evaluate(rule, { certNumber: `${fakeCert()}1` }));
    expect(problemCodes(long.result)).toEqual(['wrong-length']);
    const both = expectOk(evaluate(rule, { certNumber: 'ABC' }));
    expect(problemCodes(both.result)).toEqual(['wrong-length', 'invalid-characters']);
  });

  it('names a character that is not a digit, with its position', () => {
    const number = fakeCert();
    const r = expectOk(evaluate(rule, { certNumber: `${number.slice(0, 3)}A${number.slice(4)}` }));
    expect(r.result.valid).toBe(false);
    expect(problemCodes(r.result)).toEqual(['invalid-characters']);
    expect((r.result.problems as { message: { en: string } }[])[0].message.en).toContain('character 4');
    // X is only allowed as the 18th character
    const x = expectOk(evaluate(rule, { certNumber: `${number.slice(0, 19)}X` }));
    expect(problemCodes(x.result)).toEqual(['invalid-characters']);
  });

  it('names a wrong check character', () => {
    const number = fakeCert();
    const wrong = number[17] === '0' ? '1' : '0';
    const r = expectOk(evaluate(rule, { certNumber: `${number.slice(0, 17)}${wrong}${number.slice(18)}` }));
    expect(r.result.valid).toBe(false);
    expect(problemCodes(r.result)).toEqual(['wrong-check-character']);
    expect(r.steps.some((s) => s.en.startsWith('Not met: the check character should be'))).toBe(true);
  });

  it('names an impossible birth date even when the check character fits', () => {
    const r = expectOk(evaluate(rule, { certNumber: fakeCert({ birth: '19650230' }) }));
    expect(r.result.valid).toBe(false);
    expect(problemCodes(r.result)).toEqual(['impossible-birth-date']);
    const leap = expectOk(evaluate(rule, { certNumber: fakeCert({ birth: '19640229' }) }));
    expect(leap.result.birthDate).toBe('1964-02-29');
    const notLeap = expectOk(evaluate(rule, { certNumber: fakeCert({ birth: '19650229' }) }));
    expect(problemCodes(notLeap.result)).toEqual(['impossible-birth-date']);
  });

  it('names a category outside 1–7 and a grade outside 1–4', () => {
    for (const category of [0, 8, 9]) {
      const r = expectOk(evaluate(rule, { certNumber: fakeCert({ category }) }));
      expect(problemCodes(r.result)).toEqual(['invalid-category']);
    }
    for (const grade of [0, 5, 9]) {
      const r = expectOk(evaluate(rule, { certNumber: fakeCert({ grade }) }));
      expect(problemCodes(r.result)).toEqual(['invalid-grade']);
    }
  });

  it('names every fault of a number with several', () => {
    const number = fakeCert({ birth: '19651301', category: 0, grade: 7 });
    const wrong = number[17] === '0' ? '1' : '0';
    const r = expectOk(evaluate(rule, { certNumber: `${number.slice(0, 17)}${wrong}${number.slice(18)}` }));
    expect(problemCodes(r.result)).toEqual(['wrong-check-character', 'impossible-birth-date', 'invalid-category', 'invalid-grade']);
    for (const p of r.result.problems as { message: { zh: string; en: string } }[]) {
      expect(p.message.zh.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses a missing number and unknown inputs', () => {
    expectError(evaluate(rule, {}), 'missing-input', 'certNumber');
    expectError(evaluate(rule, { certNumber: '   ' }), 'missing-input', 'certNumber');
    expectError(evaluate(rule, { certNumber: fakeCert(), cert: 1 }), 'unknown-input', 'cert');
    expectError(evaluate(rule, { certNumber: true }), 'invalid-choice', 'certNumber');
  });
});
