/**
 * The plans, as data, and which one applies on a date. Registering a plan adds, to every parameter of
 * the catalogue (`rules/parameters/plan.ts`), one dated entry from the plan's first day: the value the
 * plan states with its clause, or `null` where the plan states none (so no number silently carries
 * over from an earlier plan). Adding a successor plan is one more `Plan` in `servedPlans`: no rule changes.
 */
import { baotouPlan } from '../parameters/plan.ts';
import { parametersIn, type Dated, type Parameter } from '../parameters/types.ts';
import { baotou2023 } from './baotou-2023-43.ts';
import type { Plan, PlanValues, PolicyRef, Stated } from './types.ts';

export type { Plan, PlanValues, PolicyRef, Stated } from './types.ts';

/** The plans this package serves, oldest first. */
const servedPlans: readonly Plan[] = [baotou2023];

const registered: Plan[] = [];
let version = 0;
/** Changes whenever a plan is registered or taken out (so cached readings are never stale). */
export const plansVersion = (): number => version;
const planParameters = parametersIn(baotouPlan);

function statedValue(values: PlanValues, id: string): Stated<string | number> | undefined {
  let node: unknown = values;
  for (const part of id.replace(/^plan\./, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Stated<string | number> | undefined;
}

/** The dotted paths of every value a plan states (`overquotaReward.minimumWageMultiplier`). */
function statedPaths(values: unknown, prefix = ''): string[] {
  if (Array.isArray(values)) return [prefix];
  if (typeof values !== 'object' || values === null) return [prefix];
  return Object.entries(values).flatMap(([k, v]) => statedPaths(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * Adds a plan: its window must not overlap another's, and each value it states must be a parameter of the catalogue. Returns a function that takes it out again
 * (for test fixtures; the served plans are registered once, below).
 */
export function registerPlan(plan: Plan): () => void {
  if (!(plan.validFrom <= plan.validTo)) throw new Error(`plan ${plan.id}: validFrom after validTo`);
  for (const other of registered) {
    if (plan.validFrom <= other.validTo && other.validFrom <= plan.validTo) throw new Error(`plan ${plan.id} overlaps ${other.id}`);
  }
  const known = new Set(planParameters.map((p) => p.id));
  for (const path of statedPaths(plan.values)) {
    if (!known.has(`plan.${path}`)) throw new Error(`plan ${plan.id}: no parameter ${path} in rules/parameters/plan.ts`);
  }
  const added: [Parameter, Dated<string | number>][] = [];
  for (const parameter of planParameters) {
    const stated = statedValue(plan.values, parameter.id);
    const entry: Dated<string | number> = stated
      ? { from: plan.validFrom, value: stated[0], source: { document: plan.id, clause: stated[1] } }
      : { from: plan.validFrom, value: null, source: { document: plan.id } };
    const at = parameter.history.findIndex((h) => h.from > plan.validFrom);
    parameter.history.splice(at === -1 ? parameter.history.length : at, 0, entry);
    added.push([parameter, entry]);
  }
  registered.push(plan);
  registered.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  version++;
  return () => {
    for (const [parameter, entry] of added) parameter.history.splice(parameter.history.indexOf(entry), 1);
    registered.splice(registered.indexOf(plan), 1);
    version++;
  };
}

for (const plan of servedPlans) registerPlan(plan);

/** The plans, oldest first. */
export const listPlans = (): readonly Plan[] => registered;

/** The plan in force on `date`, if any. */
export const planInForce = (date: string): Plan | undefined => registered.find((p) => p.validFrom <= date && date <= p.validTo);

/**
 * The plan a claim is read against: the one in force on its date; outside every window, the latest
 * that had started (or the first, before them all); with no date, the latest plan.
 */
export function planFor(date: string | undefined): Plan {
  if (date === undefined) return registered[registered.length - 1];
  let found = registered[0];
  for (const plan of registered) if (plan.validFrom <= date) found = plan;
  return found;
}

/** The date a plan's own numbers are read on: the claim's date, or the plan's first day when the claim is earlier or undated. */
export const planDateFor = (plan: Plan, date: string | undefined): string => (date === undefined || date < plan.validFrom ? plan.validFrom : date);

const refs = new WeakMap<Plan, PolicyRef>();
export function policyRefOf(plan: Plan): PolicyRef {
  let ref = refs.get(plan);
  if (!ref) refs.set(plan, (ref = { id: plan.id, title: plan.title, validFrom: plan.validFrom, validTo: plan.validTo }));
  return ref;
}
