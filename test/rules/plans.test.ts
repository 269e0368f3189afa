/**
 * Plans as data: the served plan's own data holds together, and a made-up successor plan, one folder
 * in the test fixtures, is applied on its dates with its numbers, clause text and name — no rule changed,
 * and nothing served changed: it lives in a parameter set of its own, built beside the served one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../rules/core/dates.ts';
import { buildParameters, evaluate, listPlans, parametersOn, servedParameters, servedPlans } from '../../rules/index.ts';
import baotou2023 from '../../rules/plans/baotou-2023-43/plan.ts';
import madeUpSuccessor from './fixtures/successor-plan/plan.ts';
import { Dec } from '../../rules/core/decimal.ts';
import { districts } from '../../rules/parameters/districts.ts';
import { certificate } from '../../rules/parameters/national.ts';
import { latestValue } from '../../rules/parameters/types.ts';
import { expectError, expectOk } from './helpers.ts';
// @ts-expect-error plain ESM helper without types
import { planFolders, planIndexSource } from '../../scripts/plan-index.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const reward = { totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980 };
const evaluateServed = evaluate;

describe('the served plans', () => {
  it('are 包府办发〔2023〕43号 only, in force 2023-04-22 … 2024-12-31', () => {
    expect(listPlans().map((p) => [p.id, p.validFrom, p.validTo])).toEqual([['包府办发〔2023〕43号', '2023-04-22', '2024-12-31']]);
  });

  it('start 30 days after publication, as each plan states (interpretation effective-date)', () => {
    for (const plan of listPlans()) {
      const days = plan.values.validity?.effectiveAfterDays?.[0];
      expect(days, plan.id).toBeTypeOf('number');
      expect(addDays(plan.publishedOn, days!), plan.id).toBe(plan.validFrom);
    }
  });

  it('are oldest first, each window ending before the next begins', () => {
    servedPlans.forEach((plan, i) => {
      expect(plan.validFrom <= plan.validTo, plan.id).toBe(true);
      if (i > 0) expect(servedPlans[i - 1].validTo < plan.validFrom, `${servedPlans[i - 1].id} before ${plan.id}`).toBe(true);
    });
  });

  it('are the folders under rules/plans/, each one plan, as scripts/plan-index.mjs lists them', () => {
    const folders = readdirSync(join(root, 'rules', 'plans'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(planFolders(root)).toEqual(folders.map((e) => e.name).sort());
    expect(readFileSync(join(root, 'rules', 'plans', 'served.generated.ts'), 'utf8')).toBe(planIndexSource(planFolders(root)));
    expect(servedPlans).toHaveLength(folders.length);
  });

  it('give every parameter a dated history: one entry per plan, with the clause that states it', () => {
    const multiplier = parametersOn('2024-06-30').find((p) => p.id === 'plan.overquotaReward.minimumWageMultiplier')!;
    expect(multiplier).toMatchObject({ value: 5, from: '2023-04-22', source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } });
    expect(multiplier.history).toEqual([{ from: '2023-04-22', value: 5, source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } }]);
    expect(parametersOn('2023-01-01').find((p) => p.id === multiplier.id)!.value).toBeNull();
  });
});

describe("the served plans' list (scripts/plan-index.mjs)", () => {
  /** The generator, run as an entry point runs it, on a tree holding only these plan folders' plan.ts files. */
  function generate(plans: Record<string, string | undefined>) {
    const tree = mkdtempSync(join(tmpdir(), 'plan-index-'));
    try {
      mkdirSync(join(tree, 'scripts'));
      cpSync(join(root, 'scripts', 'plan-index.mjs'), join(tree, 'scripts', 'plan-index.mjs'));
      for (const [folder, source] of Object.entries(plans)) {
        mkdirSync(join(tree, 'rules', 'plans', folder), { recursive: true });
        if (source !== undefined) writeFileSync(join(tree, 'rules', 'plans', folder, 'plan.ts'), source);
      }
      const run = spawnSync(process.execPath, [join(tree, 'scripts', 'plan-index.mjs')], { encoding: 'utf8' });
      const generated = join(tree, 'rules', 'plans', 'served.generated.ts');
      return { status: run.status, stderr: run.stderr, module: existsSync(generated) ? readFileSync(generated, 'utf8') : undefined };
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }

  it("imports each folder's default export", () => {
    const r = generate({ 'plan-b': 'export default b;\n', 'plan-a': 'const a = {};\nexport default a;\n' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.module).toContain("import plan0 from './plan-a/plan.ts';\nimport plan1 from './plan-b/plan.ts';");
    expect(r.module).toContain('= [plan0, plan1];');
  });

  it('stops with one line naming a folder with no plan.ts, or one that does not export its plan by default', () => {
    for (const [plans, folder] of [
      [{ good: 'export default x;', clausesOnly: undefined }, 'rules/plans/clausesOnly/ has no plan.ts'],
      [{ good: 'export default x;', named: 'export const plan = {};' }, 'rules/plans/named/plan.ts has no `export default`'],
    ] as const) {
      const r = generate(plans);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(folder);
      expect(r.module).toBeUndefined();
    }
  });
});

describe('a made-up successor plan, added as data in a test fixture', () => {
  it('is refused before it is added (the date is outside every plan)', () => {
    expectError(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }), 'policy-not-in-force', 'date');
  });

  describe('once added', () => {
    const parameters = buildParameters([...servedPlans, madeUpSuccessor]);
    const evaluate = (id: string, input: Record<string, unknown>) => evaluateServed(id, input, { parameters });

    it('applies its numbers, its clause text and its name on a date in its window', () => {
      const r = expectOk(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }));
      expect(r.result.amount).toBe('35640.00'); // 3 whole persons × 6 × 1980
      expect(r.policy).toEqual({ id: madeUpSuccessor.id, title: madeUpSuccessor.title, validFrom: '2025-07-01', validTo: '2027-12-31' });
      expect(r.clause.id).toBe('m3.1');
      expect(r.clause.text).toContain('当地月最低工资标准的6倍');
      expect(r.steps.map((s) => s.en)).toContain('3 × 6 × 1980.00 = 35640.00');
      expect(r.warnings).toEqual([]);
    });

    it('leaves the earlier plan in force on its own dates', () => {
      const r = expectOk(evaluate('overquota-reward', { ...reward, date: '2024-06-30' }));
      expect(r.result.amount).toBe('29700.00');
      expect(r.policy.id).toBe('包府办发〔2023〕43号');
      expect(r.clause.id).toBe('m3.2');
    });

    it('applies the latest plan when no date is given, and says so', () => {
      const r = expectOk(evaluate('overquota-reward', reward));
      expect(r.result.amount).toBe('35640.00');
      expect(r.warnings.map((w) => w.en)).toEqual([`No date given: applied ${madeUpSuccessor.id} (valid 2025-07-01 – 2027-12-31)`]);
    });

    it('refuses a date between the plans, naming both windows; applied anyway, the earlier plan answers', () => {
      const gap = evaluate('overquota-reward', { ...reward, date: '2025-03-01' });
      expectError(gap, 'policy-not-in-force', 'date');
      if (!gap.ok) expect(gap.error.message.en).toContain(`包府办发〔2023〕43号 (2023-04-22 – 2024-12-31), ${madeUpSuccessor.id} (2025-07-01 – 2027-12-31)`);
      const applied = expectOk(evaluate('overquota-reward', { ...reward, date: '2025-03-01', applyOutsideValidity: true }));
      expect(applied.result.amount).toBe('29700.00');
      expect(applied.policy.id).toBe('包府办发〔2023〕43号');
    });

    it('carries no number over silently: what it does not state has no value in its window', () => {
      const r = evaluate('dispatch-referral-reward', { persons: 2, personsStable12Months: 2, date: '2025-08-01' });
      expectError(r, 'no-parameter-value', 'date');
      expect(expectOk(evaluate('dispatch-referral-reward', { persons: 2, personsStable12Months: 2, date: '2024-08-01' })).result.amount).toBe('1000.00');
    });

    it('leaves the undated texts the number last stated where it states none (the one the rule applies on its dates)', () => {
      const perPerson = parameters.byId['plan.dispatchReferral.rewardPerPerson'];
      expect(perPerson.history.at(-1)!.value).toBeNull();
      expect(latestValue(perPerson)).toBe(baotou2023.values.dispatchReferral!.rewardPerPerson![0]);
      expect(latestValue(parameters.byId['plan.overquotaReward.minimumWageMultiplier'])).toBe(6);
    });

    it('answers policy-in-force from its own dates', () => {
      const r = expectOk(evaluate('policy-in-force', { date: '2025-07-01' }));
      expect(r.result).toEqual({ inForce: true, validFrom: '2025-07-01', validTo: '2027-12-31' });
      expect(expectOk(evaluate('policy-in-force', { date: '2025-06-30' })).result.inForce).toBe(false);
    });

    it('shows in the parameters on its dates, with the dated history of both plans', () => {
      const multiplier = parametersOn('2025-08-01', parameters).find((p) => p.id === 'plan.overquotaReward.minimumWageMultiplier')!;
      expect(multiplier).toMatchObject({ value: 6, from: '2025-07-01', source: { document: madeUpSuccessor.id, clause: 'm3.1' } });
      expect(multiplier.history).toEqual([
        { from: '2023-04-22', to: '2025-06-30', value: 5, source: { document: '包府办发〔2023〕43号', clause: 'm3.2' } },
        { from: '2025-07-01', value: 6, source: { document: madeUpSuccessor.id, clause: 'm3.1' } },
      ]);
      expect(listPlans(parameters).map((p) => p.id)).toEqual(['包府办发〔2023〕43号', madeUpSuccessor.id]);
    });

    it('may not overlap another plan, nor state a number the catalogue lacks', () => {
      expect(() => buildParameters([...servedPlans, { ...madeUpSuccessor, id: 'overlap', validFrom: '2024-12-01', validTo: '2025-01-31' }])).toThrow(
        /overlaps/,
      );
      const typo = {
        ...madeUpSuccessor,
        id: 'typo',
        validFrom: '2030-01-01',
        validTo: '2030-12-31',
        values: { overquotaReward: { minimumWageMultiplyer: [6, 'm3.1'] } },
      };
      expect(() => buildParameters([...servedPlans, typo as unknown as typeof madeUpSuccessor])).toThrow(/no parameter overquotaReward.minimumWageMultiplyer/);
    });
  });

  it('leaves the served set as it was: the served rules never hold it', () => {
    expect(listPlans()).toEqual([baotou2023]);
    expect(servedParameters.plans).toEqual([baotou2023]);
    expect(parametersOn('2025-08-01').find((p) => p.id === 'plan.overquotaReward.minimumWageMultiplier')!.history).toHaveLength(1);
    expectError(evaluate('overquota-reward', { ...reward, date: '2025-08-01' }), 'policy-not-in-force', 'date');
  });
});

describe('each plan value is in the words of the clause it cites', () => {
  const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const chinese = (n: number) => [numerals[n], n === 2 ? '两' : undefined].filter((x): x is string => x !== undefined);
  /** The ways a clause writes a value of a unit: 65 metres is 65米, 12 months 一年, 0.5 一半 or 50%. */
  function writings(value: unknown, unit: string): string[] {
    if (Array.isArray(value)) {
      if (unit === 'districts') return value.flatMap((id) => districts.filter((d) => d.id === id).map((d) => d.short));
      if (unit === 'categories') return value.map((c) => certificate.categories[c as number].zh.replace('残疾', ''));
      // Grades 1–2 of the 残疾人证 are what the plans call 重度 (spec/RULES.md, labour-coefficient-zero).
      if (unit === 'grades' && value.join() === '1,2') return ['重度'];
      return [];
    }
    const n = Number(value);
    const plain = String(value);
    switch (unit) {
      case 'ratio':
        return [`${new Dec(plain).times(100).toFixed()}%`, ...(n === 0.5 ? ['一半'] : [])];
      case 'metres':
        return [`${n}米`];
      case 'persons':
        return [`${n}人`, `${n}名`, ...chinese(n).map((c) => `${c}名`)];
      case 'years':
        return [`${n}年`, ...chinese(n).map((c) => `${c}年`)];
      case 'months':
        return [`${n}个月`, `${n}月`, ...(n % 12 === 0 ? [`${n / 12}年`, ...chinese(n / 12).map((c) => `${c}年`)] : [])];
      case 'days':
        return [`${n}天`, `${n}日`];
      case 'class-hours':
        return [`${n}课时`];
      case 'yuan':
      case 'yuan/person':
      case 'yuan/month':
        return [`${n}元`, `${n / 10000}万元`];
      case 'multiplier':
        return [`${n}倍`, `按${n}计算`];
      case 'placements':
      case 'sessions':
        return [`${n}次`];
      case 'licences':
        return chinese(n).map((c) => `${c}个`);
      default:
        return [plain];
    }
  }

  for (const plan of servedPlans) {
    it(`${plan.id}: every value it states, in its clause's text`, () => {
      let checked = 0;
      for (const p of servedParameters.parameters.filter((x) => x.plan)) {
        const entry = p.history.find((h) => h.source.document === plan.id && h.value !== null);
        if (!entry) continue;
        const clause = Object.values(plan.clauses).find((c) => c.id === entry.source.clause);
        expect(clause, `${p.id}: clause ${entry.source.clause}`).toBeDefined();
        const forms = writings(entry.value, p.unit);
        expect(forms.length, p.id).toBeGreaterThan(0);
        const listed = Array.isArray(entry.value);
        const found = listed ? forms.every((f) => clause!.text.includes(f)) : forms.some((f) => clause!.text.includes(f));
        expect(found, `${p.id} = ${JSON.stringify(entry.value)} (${forms.join(' / ')}) in ${clause!.id}: ${clause!.text}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(40);
    });
  }

  it('would notice a value its clause does not say', () => {
    const m2 = baotou2023.clauses.m2.text;
    expect(writings(65, 'metres').some((f) => m2.includes(f))).toBe(true);
    expect(writings(60, 'metres').some((f) => m2.includes(f))).toBe(false);
  });
});
