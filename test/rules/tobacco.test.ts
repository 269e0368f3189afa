import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';

describe('tobacco-min-distance (m2)', () => {
  it.each([
    ['昆都仑区', true, 30],
    ['昆区', false, 65],
    ['Qingshan', true, 30],
    ['东河区', false, 65],
    ['九原区', true, 30],
    ['土右旗', true, 25],
    ['固阳县', false, 50],
    ['达茂旗', true, 25],
    ['白云矿区', false, 50],
    ['石拐区', true, 25],
  ])('%s, disabled applicant %s → %i m', (district, disabledApplicant, metres) => {
    expect(expectOk(evaluate('tobacco-min-distance', { district, disabledApplicant, date })).result.metres).toBe(metres);
  });

  it('follows the table (30 m), not half of 65 m, and says so', () => {
    const r = expectOk(evaluate('tobacco-min-distance', { district: '昆区', disabledApplicant: 'TRUE', date }));
    expect(r.interpretations.map((i) => i.id)).toContain('tobacco-30m');
    expect(r.steps.some((s) => s.en.includes('32.5 m'))).toBe(true);
    // 50 / 2 = 25 agrees with the table: no interpretation needed there
    const outer = expectOk(evaluate('tobacco-min-distance', { district: '固阳', disabledApplicant: true, date }));
    expect(outer.interpretations.map((i) => i.id)).not.toContain('tobacco-30m');
  });

  it('gives no answer for 稀土高新区, which the text leaves out', () => {
    expectError(evaluate('tobacco-min-distance', { district: '稀土高新区', disabledApplicant: true, date }), 'no-answer-in-text', 'district');
  });

  it('never guesses the applicant: without disabledApplicant it asks for it (RULES.md: never guess)', () => {
    const r = evaluate('tobacco-min-distance', { district: '昆区', date });
    expectError(r, 'missing-input', 'disabledApplicant');
    if (!r.ok) expect(r.error.message.zh).toContain('申请人是否为残疾人');
    expectError(evaluate('tobacco-min-distance', { district: '昆区', disabledApplicant: '', date }), 'missing-input', 'disabledApplicant');
    // both answers name both distances
    for (const disabledApplicant of [true, false]) {
      expect(expectOk(evaluate('tobacco-min-distance', { district: '昆区', disabledApplicant, date })).result).toMatchObject({ normalMetres: 65, disabledMetres: 30 });
    }
  });

  it('refuses unknown districts and bad booleans', () => {
    expectError(evaluate('tobacco-min-distance', { district: '呼和浩特', date }), 'unknown-district', 'district');
    expectError(evaluate('tobacco-min-distance', { district: '昆区', disabledApplicant: 'maybe', date }), 'invalid-boolean', 'disabledApplicant');
  });
});

describe('tobacco-licence-check (m2)', () => {
  const base = { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'self', date };

  it('accepts exactly the minimum distance (不少于 includes it)', () => {
    const r = expectOk(evaluate('tobacco-licence-check', base));
    expect(r.result).toMatchObject({ ok: true, minimumMetres: 30, failedConditions: [] });
  });

  it('refuses 29.99 m and says how many metres are missing', () => {
    const r = expectOk(evaluate('tobacco-licence-check', { ...base, distanceMetres: '29.99' }));
    expect(r.result.ok).toBe(false);
    expect((r.result.failedConditions as { code: string }[]).map((c) => c.code)).toEqual(['too-close']);
    expect(r.hints[0].en).toBe('0.01 m short');
  });

  it('allows a guardian to assist but not partnership or hired operation', () => {
    expect(expectOk(evaluate('tobacco-licence-check', { ...base, operationMode: '监护人辅助经营' })).result.ok).toBe(true);
    for (const mode of ['partnership', '雇佣经营']) {
      const r = expectOk(evaluate('tobacco-licence-check', { ...base, operationMode: mode }));
      expect((r.result.failedConditions as { code: string }[]).map((c) => c.code)).toEqual(['operation-mode-excluded']);
    }
  });

  it('allows one favourable licence only', () => {
    const r = expectOk(evaluate('tobacco-licence-check', { ...base, existingFavourableLicences: 1 }));
    expect((r.result.failedConditions as { code: string }[]).map((c) => c.code)).toEqual(['favourable-licence-already-held']);
  });

  it('applies the normal distance to an applicant who is not disabled', () => {
    const r = expectOk(evaluate('tobacco-licence-check', { ...base, disabledApplicant: false, distanceMetres: 64 }));
    expect(r.result).toMatchObject({ ok: false, minimumMetres: 65 });
  });

  it('exclusions first: a failed condition answers for 稀土高新区 without the distance its table lacks', () => {
    const r = expectOk(evaluate('tobacco-licence-check', { ...base, district: '稀土高新区', operationMode: 'hired' }));
    expect(r.result).toEqual({ ok: false, failedConditions: [expect.objectContaining({ code: 'operation-mode-excluded' })] });
    expect(r.steps.some((s) => s.zh.includes('m2') && s.zh.includes('无需间距'))).toBe(true);
    const held = expectOk(evaluate('tobacco-licence-check', { ...base, district: '稀土高新区', existingFavourableLicences: 1 }));
    expect(held.result.ok).toBe(false);
    // every condition met: the distance decides, and the text has none
    expectError(evaluate('tobacco-licence-check', { ...base, district: '稀土高新区' }), 'no-answer-in-text', 'district');
  });

  it('refuses bad input', () => {
    expectError(evaluate('tobacco-licence-check', { ...base, distanceMetres: -1 }), 'out-of-range', 'distanceMetres');
    expectError(evaluate('tobacco-licence-check', { ...base, operationMode: 'franchise' }), 'invalid-choice', 'operationMode');
    expectError(evaluate('tobacco-licence-check', { ...base, district: 'Hi-Tech Zone' }), 'no-answer-in-text', 'district');
  });
});
