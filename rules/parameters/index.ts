/**
 * The parameter set the package serves, built once at import from the served plans, and every
 * parameter's value on a date: what `GET /v1/parameters?date=` serves.
 */
import type { Text } from '../core/text.ts';
import { servedPlans, type Plan } from '../plans/index.ts';
import { buildParameters, type ParameterSet } from './set.ts';
import { valueOn, type Dated, type Parameter, type Source, type Unit, type Value } from './types.ts';

export { buildParameters, parameterIn, type ParameterSet } from './set.ts';

/** The served parameter set: the national and regional sources and the served plans. */
export const servedParameters: ParameterSet = buildParameters(servedPlans);

/** Every parameter of a set (by default the served one), plan numbers first, each once. */
export const listParameters = (set: ParameterSet = servedParameters): readonly Parameter[] => set.parameters;

/** The plans of a set, oldest first. */
export const listPlans = (set: ParameterSet = servedParameters): readonly Plan[] => set.plans;

export interface ParameterOnDate {
  id: string;
  unit: Unit;
  description: Text;
  /** The value in force on the date; null where none is (before the first entry, or lapsed). */
  value: Value | null;
  /** The day that value started to apply, and its source; null where no entry had started. */
  from: string | null;
  source: Source | null;
  /** The whole dated history, oldest first; `to` is the last day of each entry (absent for the last). */
  history: (Dated<Value> & { to?: string })[];
}

const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Each parameter's value in force on `date` (YYYY-MM-DD), with its source and its dated history. */
export function parametersOn(date: string, set: ParameterSet = servedParameters): ParameterOnDate[] {
  return set.parameters.map((p) => {
    const found = valueOn(p, date);
    return {
      id: p.id,
      unit: p.unit,
      description: p.description,
      value: found?.value ?? null,
      from: found?.from ?? null,
      source: found?.source ?? null,
      history: p.history.map((h, i) => {
        const entry = { from: h.from, value: h.value, source: h.source };
        return i + 1 < p.history.length ? { ...entry, to: dayBefore(p.history[i + 1].from) } : entry;
      }),
    };
  });
}
