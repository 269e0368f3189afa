/** Issue 11: answers a clerk can't misread — eligibility, date-sensitive answers, control words per projection. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import { parameterChangeDates } from '../../rules/core/change-dates.ts';
import { messageIn } from '../../rules/core/projection-words.ts';
import { minimumWage } from '../../rules/parameters/inner-mongolia.ts';
import { listParameters } from '../../rules/parameters/index.ts';
import { planFor } from '../../rules/plans/index.ts';

const policy = planFor('2024-06-30');
import { expectOk } from './helpers.ts';

describe('eligibility', () => {
  it('a case whose conditions fail is eligible: false, with each condition by code and in words', () => {
    const e = expectOk(evaluate('rent-subsidy', { monthlyRent: 800, months: 12, monthsOperating: 6, monthsSinceStart: 6, date: '2024-06-30' }));
    expect(e.eligible).toBe(false);
    expect(e.result.amount).toBe('0.00');
    expect(e.failedConditions.length).toBeGreaterThan(0);
    for (const c of e.failedConditions) {
      expect(c.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(c.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.message.zh).not.toContain(c.code);
    }
  });

  it('a case that meets every condition is eligible: true with no failed conditions', () => {
    const e = expectOk(evaluate('rent-subsidy', { monthlyRent: 800, months: 12, monthsOperating: 14, monthsSinceStart: 14, date: '2024-06-30' }));
    expect(e.eligible).toBe(true);
    expect(e.failedConditions).toEqual([]);
  });

  it('an excluded kind of unit is not eligible for the reward', () => {
    const e = expectOk(
      evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, unitKind: 'fiscal-funded', date: '2024-06-30' }),
    );
    expect(e.eligible).toBe(false);
    expect(e.failedConditions.map((c) => c.code)).toEqual(['excluded-unit-kind']);
  });
});

describe('answers that depend on a date not given', () => {
  it("the change dates come from the dated parameters: every start date of every parameter, the minimum wage's among them", () => {
    const dates = parameterChangeDates();
    expect(dates).toEqual([...new Set(listParameters().flatMap((p) => p.history.map((h) => h.from)))].sort());
    for (const h of minimumWage[1].history) expect(dates).toContain(h.from);
    expect(dates).toContain('2024-12-01');
  });

  it("400 staff, 9 counted, 昆都仑区, no date: the figure on each side of the minimum wage's change", () => {
    const e = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区' });
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.error.field).toBe('date');
    expect(e.byDate?.map((d) => [d.from, d.to, d.result.amount])).toEqual([
      [policy.validFrom, '2024-11-30', '29700.00'],
      ['2024-12-01', policy.validTo, '34050.00'],
    ]);
    expect(e.error.message.zh).toContain('2024-12-01 之前 29,700.00 元');
    expect(e.error.message.zh).toContain('自 2024-12-01 起 34,050.00 元');
    expect(e.error.message.en).toContain('29,700.00 yuan before 2024-12-01');
  });

  it('each side equals the answer for a date on that side', () => {
    const before = expectOk(evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-11-30' }));
    const after = expectOk(evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, district: '昆都仑区', date: '2024-12-01' }));
    expect([before.result.amount, after.result.amount]).toEqual(['29700.00', '34050.00']);
    expect(before.byDate).toBeUndefined();
  });

  it('an answer that does not depend on the date carries no figures by date', () => {
    const e = expectOk(evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 }));
    expect(e.byDate).toBeUndefined();
    expect(e.result.amount).toBe('29700.00');
  });

  it('a case with nothing above the quota is the same on both sides: no figures by date', () => {
    const e = evaluate('overquota-reward', { totalStaff: 400, disabledCounted: 5, district: '昆都仑区' });
    expect(e.byDate).toBeUndefined();
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
