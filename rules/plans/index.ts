/**
 * The plans this package serves, as data (one folder each), and which one applies on a date. The
 * parameter set (`rules/parameters/set.ts`) is built from them; adding a successor plan is one more
 * folder: no rule changes, no list to edit. The folders are found by `scripts/plan-index.mjs`, which
 * every entry point (npm install, test, build, docs, typecheck, vitest) runs first; it writes
 * `served.generated.ts` (not tracked), a plain module that Node, esbuild, vite and tsc all read.
 */
import { oldestFirst } from '../parameters/set.ts';
import { deepFreeze } from '../parameters/types.ts';
import { plansInFolders } from './served.generated.ts';
import type { Plan, PolicyRef } from './types.ts';

export type { Plan, PlanValues, PolicyRef, Stated } from './types.ts';
export type { Clause } from './clause.ts';

/** The plans this package serves, oldest first, frozen (the parameter set refuses two that overlap). */
export const servedPlans: readonly Plan[] = Object.freeze(oldestFirst(plansInFolders.map(deepFreeze)));

/** The plan in force on `date` among `plans` (the served ones by default), if any. */
export function planInForce(date: string, plans: readonly Plan[] = servedPlans): Plan | undefined {
  for (let i = 0; i < plans.length; i++) if (plans[i].validFrom <= date && date <= plans[i].validTo) return plans[i];
  return undefined;
}

/**
 * The plan a claim is read against: the one in force on its date; outside every window, the latest
 * that had started (or the first, before them all); with no date, the latest plan. `plans` oldest first.
 */
export function planFor(date: string | undefined, plans: readonly Plan[] = servedPlans): Plan {
  if (date === undefined) return plans[plans.length - 1];
  let found = plans[0];
  for (let i = 1; i < plans.length; i++) if (plans[i].validFrom <= date) found = plans[i];
  return found;
}

/** The date a plan's own numbers are read on: the claim's date, or the plan's first day when the claim is earlier or undated. */
export const planDateFor = (plan: Plan, date: string | undefined): string => (date === undefined || date < plan.validFrom ? plan.validFrom : date);

/** What results and the catalogue show of a plan. */
export const policyRefOf = (plan: Plan): PolicyRef => ({ id: plan.id, title: plan.title, validFrom: plan.validFrom, validTo: plan.validTo });
