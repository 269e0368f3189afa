/**
 * The parameter set: every parameter with its whole dated history, built once by a pure function from
 * the national and regional sources (this folder) and the plans given. Nothing is spliced afterwards:
 * another set of plans (a successor plan in a test, a what-if) is another call, giving a separate set.
 */
import type { Plan } from '../plans/types.ts';
import { headcount, minimumWage, quota, wageClassDistricts } from './inner-mongolia.ts';
import { levy, retirementReform, veteranCertificate } from './national.ts';
import { baotouPlan } from './plan.ts';
import { deepFreeze, parametersIn, type Dated, type Parameter, type Value } from './types.ts';

/** Every parameter the rules read, as declared (plan numbers first, with empty histories): the catalogue. */
export const catalogue: readonly Parameter[] = Object.freeze(
  parametersIn({ baotouPlan, quota, headcount, minimumWage, wageClassDistricts, levy, retirementReform, veteranCertificate }),
);

/** What an evaluation reads its numbers and plans from. Frozen: reading it never changes it. */
export interface ParameterSet {
  /** The plans, oldest first. */
  readonly plans: readonly Plan[];
  /** Every parameter with its whole history, in catalogue order. */
  readonly parameters: readonly Parameter[];
  /** The same, by id. */
  readonly byId: Readonly<Record<string, Parameter>>;
  /** The dates on which some parameter changes (inclusive `from` dates), oldest first. */
  readonly changeDates: readonly string[];
}

/** A parameter as `set` holds it, with its whole history there (a plan's number has its history only in a set); the parameter as declared when the set has no such id. */
export const parameterIn = <T extends Value>(set: ParameterSet, parameter: Parameter<T>): Parameter<T> => (set.byId[parameter.id] ?? parameter) as Parameter<T>;

/** The value a plan states at a parameter's path (`overquotaReward.minimumWageMultiplier`), with its clause. */
function statedValue(values: unknown, id: string): readonly [Value, string] | undefined {
  let node: unknown = values;
  for (const part of id.replace(/^plan\./, '').split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as readonly [Value, string] | undefined;
}

/** The dotted paths of every value a plan states. */
function statedPaths(values: unknown, prefix = ''): string[] {
  if (Array.isArray(values) || typeof values !== 'object' || values === null) return [prefix];
  return Object.entries(values).flatMap(([k, v]) => statedPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** A history entry that is also what a rule reads (id, unit, description beside the value), so reading allocates nothing. */
const entryOf = (parameter: Parameter, h: Dated<Value>): Dated<Value> =>
  ({ from: h.from, value: h.value, source: h.source, id: parameter.id, unit: parameter.unit, description: parameter.description }) as Dated<Value>;

/** Plans in the order sets and `planFor` read them: by first day, oldest first (a new list). */
export const oldestFirst = (plans: readonly Plan[]): Plan[] => [...plans].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));

/**
 * Builds the parameter set for `plans`. Each plan adds, to every plan parameter, one dated entry from its
 * first day: the value it states with its clause, or `null` where it states none (so no number silently
 * carries over from an earlier plan). Plans may not overlap, and each value must be a catalogue parameter.
 */
export function buildParameters(plans: readonly Plan[]): ParameterSet {
  const ordered = oldestFirst(plans);
  const known = new Set(catalogue.filter((p) => p.plan).map((p) => p.id));
  ordered.forEach((plan, i) => {
    if (!(plan.validFrom <= plan.validTo)) throw new Error(`plan ${plan.id}: validFrom after validTo`);
    const previous = ordered[i - 1];
    if (previous && plan.validFrom <= previous.validTo) throw new Error(`plan ${plan.id} overlaps ${previous.id}`);
    for (const path of statedPaths(plan.values)) {
      if (!known.has(`plan.${path}`)) throw new Error(`plan ${plan.id}: no parameter ${path} in rules/parameters/plan.ts`);
    }
  });
  const parameters = catalogue.map((declared): Parameter => {
    const history: Dated<Value>[] = declared.plan
      ? ordered.map((plan) => {
          const stated = statedValue(plan.values, declared.id);
          return stated
            ? { from: plan.validFrom, value: stated[0], source: { document: plan.id, clause: stated[1] } }
            : { from: plan.validFrom, value: null, source: { document: plan.id } };
        })
      : [...declared.history];
    return { ...declared, history: history.map((h) => entryOf(declared, h)) };
  });
  const changeDates = [...new Set(parameters.flatMap((p) => p.history.map((h) => h.from)))].sort();
  // The plans are the caller's (frozen where served); the set holds them in a frozen list of its own.
  return Object.freeze({
    plans: Object.freeze(ordered),
    ...deepFreeze({ parameters, byId: Object.fromEntries(parameters.map((p) => [p.id, p])), changeDates }),
  });
}
