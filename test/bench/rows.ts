/**
 * Random benchmark rows, the same on every run (a seeded generator): plain JS numbers as a
 * spreadsheet or a JSON client holds them. Shared by the evaluation benchmark and the CSV batches.
 */

/** mulberry32: a small seeded PRNG, enough for reproducible test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (next: () => number, min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const cents = (next: () => number, min: number, max: number) => int(next, min, max) / 100;
const pick = <T>(next: () => number, items: readonly T[]) => items[Math.floor(next() * items.length)];

export type BenchRow = Record<string, number | string | boolean>;

export const generators: Record<string, (next: () => number) => BenchRow> = {
  'overquota-reward': (next) => {
    const totalStaff = int(next, 1, 5000);
    return {
      totalStaff,
      disabledCounted: int(next, 0, Math.floor(totalStaff * 0.06)) / 2,
      monthlyMinWage: pick(next, [1850, 1910, 1980, 2140, 2200, 2270]),
    };
  },
  'rent-subsidy': (next) => {
    const monthsSinceStart = int(next, 0, 48);
    return {
      monthlyRent: cents(next, 0, 200_000),
      months: int(next, 1, 36),
      monthsOperating: int(next, 0, monthsSinceStart),
      monthsSinceStart,
      monthsAlreadySubsidised: int(next, 0, 40),
      blindMassageShop: next() < 0.05,
    };
  },
  'levy-due': (next) => {
    const totalStaff = int(next, 1, 5000);
    return {
      totalStaff,
      disabledCounted: int(next, 0, Math.floor(totalStaff * 2)) / 100,
      averageWage: cents(next, 3_000_000, 30_000_000),
      socialAverageWage: cents(next, 6_000_000, 11_000_000),
      year: int(next, 2018, 2027),
      unitKind: 'enterprise',
    };
  },
};

export function rowsFor(ruleId: string, count: number, seed = 43): BenchRow[] {
  const next = random(seed);
  const generate = generators[ruleId];
  return Array.from({ length: count }, () => generate(next));
}
