/**
 * Every parameter the rules read, and their values on a date: what `GET /v1/parameters?date=` serves.
 */
import type { Text } from '../core/text.ts';
import '../plans/index.ts'; // registers the plans, which fill the plan parameters' histories
import { headcount, minimumWage, quota } from './inner-mongolia.ts';
import { levy, retirementReform, veteranCertificate } from './national.ts';
import { baotouPlan } from './plan.ts';
import { parametersIn, valueOn, type Dated, type Parameter, type Source, type Unit } from './types.ts';

/** Every parameter, plan numbers first, each once. */
export const listParameters = (): Parameter[] => parametersIn({ baotouPlan, quota, headcount, minimumWage, levy, retirementReform, veteranCertificate });

export interface ParameterOnDate {
  id: string;
  unit: Unit;
  description: Text;
  /** The value in force on the date; null where none is (before the first entry, or lapsed). */
  value: string | number | null;
  /** The day that value started to apply, and its source; null where no entry had started. */
  from: string | null;
  source: Source | null;
  /** The whole dated history, oldest first; `to` is the last day of each entry (absent for the last). */
  history: (Dated<string | number> & { to?: string })[];
}

const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Each parameter's value in force on `date` (YYYY-MM-DD), with its source and its dated history. */
export function parametersOn(date: string): ParameterOnDate[] {
  return listParameters().map((p) => {
    const found = valueOn(p, date);
    return {
      id: p.id,
      unit: p.unit,
      description: p.description,
      value: found?.value ?? null,
      from: found?.from ?? null,
      source: found?.source ?? null,
      history: p.history.map((h, i) => (i + 1 < p.history.length ? { ...h, to: dayBefore(p.history[i + 1].from) } : { ...h })),
    };
  });
}
