/**
 * Answers a clerk can't misread: where date-sensitive answers change, and control words per projection. Eligibility
 * (eligible: false with each failed condition by code and in words) and the answers by date of an undated case are
 * checked by the tables of cases (test/rules/cases.test.ts; overquota-reward's shows both sides of 2024-12-01).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import { parameterChangeDates } from '../../rules/core/change-dates.ts';
import { messageIn } from '../../rules/core/projection-words.ts';
import { minimumWage } from '../../rules/parameters/inner-mongolia.ts';
import { listParameters } from '../../rules/parameters/index.ts';

describe('answers that depend on a date not given', () => {
  it("the change dates come from the dated parameters: every start date of every parameter, the minimum wage's among them", () => {
    const dates = parameterChangeDates();
    expect(dates).toEqual([...new Set(listParameters().flatMap((p) => p.history.map((h) => h.from)))].sort());
    for (const h of minimumWage[1].history) expect(dates).toContain(h.from);
    expect(dates).toContain('2024-12-01');
  });
});

describe('messages that point at a control', () => {
  const e = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, date: '2025-06-30' });
  it('the API names the field in English, the label in Chinese', () => {
    if (e.ok) throw new Error('expected a refusal');
    expect(e.error.code).toBe('policy-not-in-force');
    expect(e.error.message.en).toContain('pass applyOutsideValidity: true');
    expect(e.error.message.zh).toContain('“有效期外仍适用”设为是');
    expect(e.error.message.zh).not.toContain('applyOutsideValidity');
  });
  it('the page names its switch, Excel its argument', () => {
    if (e.ok) throw new Error('expected a refusal');
    expect(messageIn('page', e.error).zh).toContain('请打开“有效期外仍适用”开关');
    expect(messageIn('excel', e.error).zh).toContain('函数参数“有效期外仍适用”设为 TRUE');
    expect(messageIn('excel', e.error).en).toContain('argument applyOutsideValidity to TRUE');
    expect(messageIn('api', e.error)).toEqual(e.error.message);
  });
});
