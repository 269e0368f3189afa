/** What the tobacco rules' tables of cases cannot say: comparisons across cases, and the words of a refusal or a step. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';

describe('tobacco-min-distance (m2)', () => {
  it('follows the table (30 m), not half of 65 m, and says so', () => {
    const r = expectOk(evaluate('tobacco-min-distance', { district: '昆区', disabledApplicant: 'TRUE', date }));
    expect(r.interpretations.map((i) => i.id)).toContain('tobacco-30m');
    expect(r.steps.some((s) => s.en.includes('32.5 m'))).toBe(true);
    // 50 / 2 = 25 agrees with the table: no interpretation needed there
    const outer = expectOk(evaluate('tobacco-min-distance', { district: '固阳', disabledApplicant: true, date }));
    expect(outer.interpretations.map((i) => i.id)).not.toContain('tobacco-30m');
  });

  it('never guesses the applicant: without disabledApplicant it asks for it (RULES.md: never guess)', () => {
    const r = evaluate('tobacco-min-distance', { district: '昆区', date });
    expectError(r, 'missing-input', 'disabledApplicant');
    if (!r.ok) expect(r.error.message.zh).toContain('申请人是否为残疾人');
  });
});

describe('tobacco-licence-check (m2)', () => {
  const base = { district: '昆区', disabledApplicant: true, distanceMetres: 30, existingFavourableLicences: 0, operationMode: 'self', date };

  it('exclusions first: a failed condition answers for 稀土高新区 without the distance its table lacks', () => {
    const r = expectOk(evaluate('tobacco-licence-check', { ...base, district: '稀土高新区', operationMode: 'hired' }));
    expect(r.result).toEqual({ ok: false });
    expect(r.failedConditions).toEqual([expect.objectContaining({ code: 'operation-mode-excluded' })]);
    expect(r.steps.some((s) => s.zh.includes('m2') && s.zh.includes('无需间距'))).toBe(true);
  });
});
