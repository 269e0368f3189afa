import type { Text } from '../core/text.ts';
import type { Clause } from './clause.ts';
import type { BaotouPlanParameters } from '../parameters/plan.ts';
import type { Parameter } from '../parameters/types.ts';

/** A plan's value for one parameter: the value and the plan's clause that states it. */
export type Stated<T> = readonly [value: T, clause: string];

/** The plan's values, mirroring the parameter catalogue (`rules/parameters/plan.ts`); a plan states what it sets. */
export type PlanValues<G = BaotouPlanParameters> = {
  [K in keyof G]?: G[K] extends Parameter<infer T> ? Stated<T> : PlanValues<G[K]>;
};

/**
 * One Baotou plan as data: its identity, validity window, the words of its clauses and the numbers it
 * sets. A successor plan is another value of this type; adding it changes no rule.
 */
export interface Plan {
  /** The document number, e.g. 包府办发〔2023〕43号. */
  id: string;
  title: Text;
  publishedOn: string;
  issuedOn?: string;
  /** First day in force (inclusive). */
  validFrom: string;
  /** Last day in force (inclusive). */
  validTo: string;
  /** The plan's clauses by the key rules cite (`m3.2`, `m2-levy`, …). */
  clauses: Readonly<Record<string, Clause>>;
  values: PlanValues;
}

/** What results and the catalogue show of a plan. */
export interface PolicyRef {
  id: string;
  title: Text;
  validFrom: string;
  validTo: string;
}
