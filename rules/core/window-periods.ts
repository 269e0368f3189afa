/**
 * The plan's validity window cut at every parameter change inside it, and whether a parameter's value changes
 * there: what an answer given without a date could depend on (`evaluate()`'s answers by date, `Context`'s undated reads).
 */
import { parameterIn, type ParameterSet } from '../parameters/index.ts';
import { valueOn, type Parameter } from '../parameters/types.ts';
import { planFor, type Plan } from '../plans/index.ts';
import { parameterChangeDates } from './change-dates.ts';
import { addDays } from './dates.ts';

/** The plan's window cut at every parameter change inside it: [from, to] inclusive, oldest first. */
export function periodsOfWindow(plan: Plan, parameters: ParameterSet): readonly [string, string][] {
  // made once per parameter set and plan (a batch without dates asks for it on every row); both are immutable
  let byPlan = windowPeriods.get(parameters);
  if (!byPlan) windowPeriods.set(parameters, (byPlan = new WeakMap()));
  const kept = byPlan.get(plan);
  if (kept) return kept;
  const starts = [plan.validFrom, ...parameterChangeDates(parameters).filter((d) => d > plan.validFrom && d <= plan.validTo)];
  const periods = starts.map((from, i): [string, string] => [from, i + 1 < starts.length ? addDays(starts[i + 1], -1) : plan.validTo]);
  byPlan.set(plan, periods);
  return periods;
}
const windowPeriods = new WeakMap<ParameterSet, WeakMap<Plan, readonly [string, string][]>>();

/**
 * Whether a parameter read for a claim without a date (on the first day of the plan applied then, the latest) has
 * another value in `parameters` on the first day of some period of that plan's window: only then could a date change what it read.
 */
export function changesInUndatedWindow(parameter: Parameter, parameters: ParameterSet): boolean {
  // per parameter set (immutable; the plan without a date is its latest) and parameter
  let known = changesInWindow.get(parameters);
  if (!known) changesInWindow.set(parameters, (known = new WeakMap()));
  let changes = known.get(parameter);
  if (changes === undefined) {
    const plan = planFor(undefined, parameters.plans);
    const inSet = parameterIn(parameters, parameter);
    const entry = valueOn(inSet, plan.validFrom);
    changes = periodsOfWindow(plan, parameters).some(([from]) => valueOn(inSet, from) !== entry);
    known.set(parameter, changes);
  }
  return changes;
}
const changesInWindow = new WeakMap<ParameterSet, WeakMap<Parameter, boolean>>();
