import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';
import { expectError, expectOk } from './helpers.ts';

const date = '2024-06-30';

describe('agency-min-placement (m1.1)', () => {
  const run = (unitKind: string, establishment: number, disabledCounted: number | string) =>
    expectOk(evaluate('agency-min-placement', { unitKind, establishment, disabledCounted, date })).result;

  it('covers agencies from 50 established posts (含) and institutions from 67', () => {
    expect(run('agency', 49, 0)).toEqual({ required: false, shortfallToOne: 0, belowRatio: true });
    expect(run('agency', 50, 0)).toEqual({ required: true, shortfallToOne: 1, belowRatio: true });
    expect(run('事业单位', 66, 0).required).toBe(false);
    expect(run('institution', 67, 0).required).toBe(true);
  });

  it('excludes schools and kindergartens', () => {
    expect(run('school', 200, 0).required).toBe(false);
    expect(run('幼儿园', 200, 0).required).toBe(false);
  });

  it('"未达到规定比例" is strictly below: exactly 1.5 % is not below', () => {
    // 1.5 % of 200 = 3
    expect(run('agency', 200, 3)).toEqual({ required: false, shortfallToOne: 0, belowRatio: false });
    expect(run('agency', 200, '2.99')).toEqual({ required: true, shortfallToOne: 0, belowRatio: true });
  });

  it('refuses bad input', () => {
    expectError(evaluate('agency-min-placement', { unitKind: 'company', establishment: 60, disabledCounted: 0 }), 'invalid-choice', 'unitKind');
    expectError(evaluate('agency-min-placement', { unitKind: 'agency', establishment: -1, disabledCounted: 0 }), 'out-of-range', 'establishment');
    expectError(evaluate('agency-min-placement', { unitKind: 'agency', disabledCounted: 0 }), 'missing-input', 'establishment');
  });
});

describe('dpf-cadre-ratio (m1.1)', () => {
  it('15 % 以上 includes exactly 15 %', () => {
    const r = expectOk(evaluate('dpf-cadre-ratio', { totalCadres: 20, disabledCadres: 3, date }));
    expect(r.result).toEqual({ ok: true, ratio: '0.1500', minimumDisabledCadres: 3 });
  });

  it('rounds the minimum up and hints how many are missing', () => {
    const r = expectOk(evaluate('dpf-cadre-ratio', { totalCadres: 21, disabledCadres: 3, date }));
    expect(r.result).toEqual({ ok: false, ratio: '0.1429', minimumDisabledCadres: 4 });
    expect(r.hints[0].en).toBe('1 more disabled cadres needed');
  });

  it('refuses more disabled cadres than cadres, and zero cadres', () => {
    expectError(evaluate('dpf-cadre-ratio', { totalCadres: 5, disabledCadres: 6, date }), 'inconsistent-input', 'disabledCadres');
    expectError(evaluate('dpf-cadre-ratio', { totalCadres: 0, disabledCadres: 0, date }), 'out-of-range', 'totalCadres');
  });
});
