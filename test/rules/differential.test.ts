/**
 * Differential check: for `overquota-reward` (m3.2), `blind-massage-insurance-subsidy` (m8.2) and
 * `levy-due` (m2-levy), thousands of random inputs plus the boundaries are computed three ways —
 * the rules package, an exact reference written here in BigInt rationals (independent of decimal.js
 * and of the rules package: the policy numbers below are read again from the documents), and the
 * formula a clerk would type into Excel, evaluated by HyperFormula over a sheet of the same rows.
 * Ours must equal the reference on every input; every place the hand formula differs must be one the
 * reference predicts as fragile for binary floats (a half-cent tie, a threshold met exactly).
 * The differences are written to test-output/differential.json for docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/index.ts';

const RANDOM = 10_000;
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20230331);

// ---------- exact rationals in BigInt ----------

interface Q {
  n: bigint;
  d: bigint;
}
const q = (text: string | number): Q => {
  const [int, frac = ''] = String(text).split('.');
  return { n: BigInt(int + frac), d: 10n ** BigInt(frac.length) };
};
const add = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Q, b: Q): Q => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
const cmp = (a: Q, b: Q): number => {
  const x = a.n * b.d - b.n * a.d;
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};
const ZERO = q(0);
const floorQ = (a: Q): bigint => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
const isInteger = (a: Q) => a.n % a.d === 0n;
/** Whole cents, half up, of a non-negative amount; and whether the amount sat exactly on a half cent. */
const cents = (a: Q): { cents: bigint; tie: boolean } => {
  const x = a.n * 100n;
  const whole = x / a.d;
  const twice = (x - whole * a.d) * 2n;
  return { cents: twice >= a.d ? whole + 1n : whole, tie: twice === a.d };
};
const moneyOf = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

// ---------- the policy, read again (not imported) ----------

const QUOTA = q('0.015'); // 自治区政府令第180号: 1.5 %
const REWARD_MULTIPLIER = q(5); // m3.2: 5 × the monthly minimum wage per whole person above the quota
const BLIND_SHARE = q('0.5'); // m8.2: 50 % of the insurance paid
const BLIND_MAX_YEARS = 15; // m8.2: at most 15 years per person
// The levy for a data year (所属年度) is collected the next year; what is in force on the collection date applies.
const LEVY_CAP_FROM_COLLECTION = 2019; // 财税〔2018〕39号: 2 × the social average for collections from 2018-04-01 (2018 itself needs the date)
const LEVY_CAP = q(2);
const RELIEF_COLLECTION_YEARS = [2020, 2027]; // 财政部公告2019年第98号, 2023年第8号, by collection date
const EXEMPT_MAX_STAFF = 30; // 财税〔2017〕18号, collections from 2017-04-01, no end date
const TIER = q('0.01');
const RATE_AT_TIER = q('0.5');
const RATE_BELOW_TIER = q('0.9');

interface Reference {
  amount: string;
  /** Why a binary-float formula might stumble on this input, if it might. */
  fragile: string[];
}

type Row = Record<string, string | number>;

interface Case {
  rule: string;
  columns: string[];
  /** The formula a clerk writes in row r (1-based), reading the row's input cells A, B, C … */
  formula: (r: number) => string;
  reference: (row: Row) => Reference;
  random: fc.Arbitrary<Row>;
  boundaries: Row[];
}

// ---------- generators ----------

const centsText = (min: number, max: number) => fc.integer({ min, max }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const staff = fc.oneof(
  fc.integer({ min: 1, max: 120 }),
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 1, max: 25 }).map((k) => k * 200),
);
/** Counted persons near a given exact quota: the quota itself, and a few hundredths or whole persons around it. */
const around = (base: Q, steps: number[]) => steps.map((s) => add(base, q(s / 100))).filter((v) => cmp(v, ZERO) >= 0);
/** An exact non-negative decimal (its denominator a power of ten) as plain text: 0.015, 6, 1.5. */
const text = (v: Q) => {
  const k = v.d.toString().length - 1;
  const frac = String(v.n % v.d)
    .padStart(k, '0')
    .replace(/0+$/, '');
  return `${v.n / v.d}${frac ? `.${frac}` : ''}`;
};

// ---------- overquota-reward ----------

const overquota: Case = {
  rule: 'overquota-reward',
  columns: ['totalStaff', 'disabledCounted', 'monthlyMinWage'],
  formula: (r) => `=MAX(0,FLOOR(B${r}-A${r}*1.5%,1))*5*C${r}`,
  reference(row) {
    const above = sub(q(row.disabledCounted), mul(QUOTA, q(row.totalStaff)));
    const persons = cmp(above, ZERO) > 0 ? floorQ(above) : 0n;
    const amount = mul(mul({ n: persons, d: 1n }, REWARD_MULTIPLIER), q(row.monthlyMinWage));
    const fragile = cmp(above, ZERO) >= 0 && isInteger(above) ? ['counted − 1.5 % of staff is a whole number'] : [];
    return { amount: moneyOf(cents(amount).cents), fragile };
  },
  random: fc
    .record({
      totalStaff: staff,
      wage: fc.oneof(fc.constantFrom('1850', '1910', '1980', '2140', '2200', '2270'), centsText(100_000, 400_000)),
      pick: fc.nat(),
      offset: fc.integer({ min: -300, max: 800 }),
    })
    .map(({ totalStaff, wage, pick, offset }) => {
      const quota = mul(QUOTA, q(totalStaff));
      const near = around(quota, [offset, Math.round(offset / 100) * 100, 0, 100]);
      const counted = near[pick % near.length] ?? ZERO;
      return { totalStaff, disabledCounted: text(counted), monthlyMinWage: wage };
    })
    .filter((row) => cmp(q(row.disabledCounted), q(row.totalStaff * 2)) <= 0),
  boundaries: [1, 2, 66, 67, 100, 133, 200, 400, 600, 1000, 1400, 2000, 3000, 4600, 5000].flatMap((n) =>
    around(mul(QUOTA, q(n)), [-1, 0, 1, 99, 100, 101, 200, 300])
      .filter((c) => cmp(c, q(n * 2)) <= 0)
      .map((c) => ({ totalStaff: n, disabledCounted: text(c), monthlyMinWage: '1980' })),
  ),
};

// ---------- blind-massage-insurance-subsidy ----------

const blind: Case = {
  rule: 'blind-massage-insurance-subsidy',
  columns: ['insurancePaidLastYear', 'yearsAlreadySubsidised'],
  formula: (r) => `=IF(B${r}<15,ROUND(A${r}*50%,2),0)`,
  reference(row) {
    if (Number(row.yearsAlreadySubsidised) >= BLIND_MAX_YEARS) return { amount: '0.00', fragile: [] };
    const { cents: c, tie } = cents(mul(q(row.insurancePaidLastYear), BLIND_SHARE));
    return { amount: moneyOf(c), fragile: tie ? ['half-cent tie (x.xx5)'] : [] };
  },
  random: fc.record({
    insurancePaidLastYear: fc.oneof(
      centsText(0, 10_000_000),
      centsText(0, 100_000),
      centsText(0, 5_000_000).map((t) => t.replace(/\d$/, (d) => String(Number(d) | 1))),
    ),
    yearsAlreadySubsidised: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(14, 15, 16)),
  }),
  boundaries: [
    ...['0.01', '0.03', '1.01', '1.05', '2.01', '2.35', '10.01', '100.01', '1000.01', '1234.57', '4096.01', '8191.99', '12345.67', '65536.03', '99999.99'].map(
      (paid) => ({
        insurancePaidLastYear: paid,
        yearsAlreadySubsidised: 0,
      }),
    ),
    ...[13, 14, 15, 16].map((years) => ({ insurancePaidLastYear: '12345.67', yearsAlreadySubsidised: years })),
  ],
};

// ---------- levy-due ----------

const inRelief = (dataYear: number) => dataYear + 1 >= RELIEF_COLLECTION_YEARS[0] && dataYear + 1 <= RELIEF_COLLECTION_YEARS[1];

const levy: Case = {
  rule: 'levy-due',
  columns: ['totalStaff', 'disabledCounted', 'averageWage', 'socialAverageWage', 'year', 'unitKind'],
  formula: (r) =>
    `=IF(AND(A${r}<=30,F${r}="enterprise"),0,` +
    `ROUND(MAX(0,A${r}*1.5%-B${r})*IF(E${r}+1>=2019,MIN(C${r},2*D${r}),C${r})*IF(AND(E${r}+1>=2020,E${r}+1<=2027),IF(B${r}>=A${r}*1%,50%,90%),1),2))`,
  reference(row) {
    const year = Number(row.year);
    const totalStaff = q(row.totalStaff);
    const counted = q(row.disabledCounted);
    const relief = inRelief(year);
    if (Number(row.totalStaff) <= EXEMPT_MAX_STAFF && row.unitKind === 'enterprise') return { amount: '0.00', fragile: [] };
    const shortfall = sub(mul(QUOTA, totalStaff), counted);
    let wage = q(row.averageWage);
    const limit = mul(LEVY_CAP, q(row.socialAverageWage));
    if (year + 1 >= LEVY_CAP_FROM_COLLECTION && cmp(wage, limit) > 0) wage = limit;
    const fragile: string[] = [];
    if (cmp(shortfall, ZERO) === 0) fragile.push('counted is exactly 1.5 % of staff');
    if (cmp(shortfall, ZERO) <= 0) return { amount: '0.00', fragile };
    const tier = mul(TIER, totalStaff);
    const rate = relief ? (cmp(counted, tier) >= 0 ? RATE_AT_TIER : RATE_BELOW_TIER) : q(1);
    if (relief && cmp(counted, tier) === 0) fragile.push('counted is exactly 1 % of staff');
    const { cents: c, tie } = cents(mul(mul(shortfall, wage), rate));
    if (tie) fragile.push('half-cent tie (x.xx5)');
    return { amount: moneyOf(c), fragile };
  },
  random: fc
    .record({
      totalStaff: fc.oneof(staff, fc.integer({ min: 25, max: 40 })),
      pick: fc.nat(),
      offset: fc.integer({ min: -800, max: 100 }),
      averageWage: fc.oneof(
        centsText(1_000_000, 30_000_000),
        fc.integer({ min: 10, max: 300 }).map((k) => String(k * 1000)),
      ),
      socialAverageWage: fc.oneof(centsText(2_000_000, 12_000_000), fc.constantFrom('60000', '75000', '90000', '101234')),
      year: fc.integer({ min: 2018, max: 2030 }),
      unitKind: fc.constantFrom('enterprise', 'enterprise', 'other'),
    })
    .map(({ totalStaff, pick, offset, averageWage, socialAverageWage, year, unitKind }) => {
      const points = [...around(mul(QUOTA, q(totalStaff)), [offset, 0, -100]), ...around(mul(TIER, q(totalStaff)), [0, offset % 50])];
      const counted = points[pick % points.length] ?? ZERO;
      return { totalStaff, disabledCounted: text(counted), averageWage, socialAverageWage, year, unitKind };
    }),
  boundaries: [29, 30, 31, 100, 200, 300, 700, 1000, 1234].flatMap((n) =>
    [2018, 2019, 2020, 2024, 2026, 2027, 2028].flatMap((year) =>
      [mul(TIER, q(n)), mul(QUOTA, q(n)), ZERO].flatMap((counted) =>
        ['enterprise', 'other'].map((unitKind) => ({
          totalStaff: n,
          disabledCounted: text(counted),
          averageWage: '98765.43',
          socialAverageWage: '45678.91',
          year,
          unitKind,
        })),
      ),
    ),
  ),
};

// ---------- the comparison ----------

interface Difference {
  inputs: Row;
  exact: string;
  ours: string;
  hand: string;
  fragile: string[];
}

function handCents(value: unknown): string {
  if (typeof value !== 'number') return `error ${String((value as { value?: string })?.value ?? value)}`;
  const c = Math.round(value * 100);
  return `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
}

/** How many decimal digits a row's inputs carry: docs/benchmarks.md shows the plainest examples first. */
const decimals = (row: Row) => Object.values(row).reduce<number>((sum, v) => sum + (String(v).split('.')[1]?.length ?? 0), 0);

const report: Record<string, { inputs: number; differences: number; fragileInputs: number; reasons: Record<string, number>; examples: Difference[] }> = {};

describe.each([overquota, blind, levy].map((c) => [c.rule, c] as const))('%s: ours vs exact reference vs the hand formula', (_id, kase) => {
  it(`agrees with the exact reference on ${RANDOM} random inputs and the boundaries; hand-formula differences are all predicted`, { timeout: 120_000 }, () => {
    const rows = [...kase.boundaries, ...fc.sample(kase.random, { numRuns: RANDOM, seed: SEED })];
    expect(rows.length).toBeGreaterThanOrEqual(RANDOM);

    const sheet = rows.map((row, i) => [...kase.columns.map((c) => (c === 'unitKind' ? row[c] : Number(row[c]))), kase.formula(i + 1)]);
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
    const values = hf.getSheetValues(0);
    hf.destroy();

    const differences: Difference[] = [];
    let fragileInputs = 0;
    rows.forEach((row, i) => {
      const reference = kase.reference(row);
      const inputs = Object.fromEntries(kase.columns.map((c) => [c, String(row[c])]));
      const ours = evaluate(kase.rule, inputs);
      if (!ours.ok) throw new Error(`${kase.rule} refused ${JSON.stringify(inputs)}: ${ours.error.message.en}`);
      expect(ours.result.amount, JSON.stringify(inputs)).toBe(reference.amount);
      if (reference.fragile.length) fragileInputs++;
      const hand = handCents(values[i][kase.columns.length]);
      if (hand !== reference.amount)
        differences.push({ inputs: row, exact: reference.amount, ours: ours.result.amount as string, hand, fragile: reference.fragile });
    });

    // Every difference sits where the exact reference predicts binary floats to be fragile.
    for (const d of differences) expect(d.fragile, JSON.stringify(d)).not.toEqual([]);
    // A half-cent tie the hand formula misses is off by exactly one cent.
    for (const d of differences.filter((x) => x.fragile.every((f) => f.startsWith('half-cent')))) {
      expect(Math.abs(Math.round(Number(d.hand) * 100) - Math.round(Number(d.exact) * 100)), JSON.stringify(d)).toBe(1);
    }

    const reasons: Record<string, number> = {};
    for (const d of differences) for (const f of d.fragile) reasons[f] = (reasons[f] ?? 0) + 1;
    report[kase.rule] = {
      inputs: rows.length,
      differences: differences.length,
      fragileInputs,
      reasons,
      examples: [...differences].sort((a, b) => decimals(a.inputs) - decimals(b.inputs)).slice(0, 8),
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/differential.json', `${JSON.stringify({ seed: SEED, hyperformula: HyperFormula.version, rules: report }, null, 2)}\n`);
  });
});
