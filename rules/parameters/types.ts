import type { Text } from '../core/text.ts';

/** Where a value comes from: a document and, where it has them, its clause (plan clause id, 条, 款). */
export interface Source {
  document: string;
  clause?: string;
}

/**
 * One value of a parameter and the day it starts to apply (inclusive). It applies until the next
 * entry's `from`. A `null` value says that from that day the parameter no longer applies (a reduction
 * that ended; a plan that does not set it).
 */
export interface Dated<T> {
  readonly from: string;
  readonly value: T | null;
  readonly source: Source;
}

/** What a parameter's value may be: a number, an exact decimal written as a string, or a list (districts, categories). */
export type Value = string | number | readonly string[] | readonly number[];

export type Unit =
  | 'ratio'
  | 'multiplier'
  | 'yuan'
  | 'yuan/month'
  | 'yuan/person'
  | 'persons'
  | 'metres'
  | 'days'
  | 'class-hours'
  | 'months'
  | 'years'
  | 'sessions'
  | 'placements'
  | 'licences'
  | 'grade'
  | 'year-month'
  | 'date'
  | 'districts'
  | 'categories'
  | 'grades';

/**
 * One number of the policy, with its dated history (oldest first): the one shape every number has.
 * Decimals are written as strings ("0.015") and read through the exact decimal constructor, so no
 * binary float ever holds a policy value. Read it with `valueOn` (in a rule: `ctx.at`).
 */
export interface Parameter<T extends Value = Value> {
  /** Dotted path, e.g. `plan.overquotaReward.minimumWageMultiplier`, `levy.wageCapMultiple`. */
  readonly id: string;
  readonly unit: Unit;
  readonly description: Text;
  /** Set when the values come from the plans (`rules/plans/`): one entry per plan that states it. */
  readonly plan?: true;
  /** In the catalogue, empty for a plan's number: the built parameter set (`buildParameters`) holds its history. */
  readonly history: readonly Dated<T>[];
}

/** A parameter's value on a date, with its unit and description: what a rule reads. */
export interface Reading<T extends Value = Value> extends Omit<Dated<T>, 'value'> {
  value: T;
  id: string;
  unit: Unit;
  description: Text;
}

/** The start of a source whose own start date these rules do not hold: in force on every date they handle. */
export const SINCE_ALWAYS = '0000-01-01';

/** A parameter stated once, by a source that applies on every date these rules handle. */
type Widen<T> = T extends string ? string : T extends number ? number : T;

export function constant<T extends Value>(id: string, value: T, unit: Unit, description: Text, source: Source): Parameter<Widen<T>> {
  return deepFreeze({ id, unit, description, history: [{ from: SINCE_ALWAYS, value: value as Widen<T>, source }] });
}

/** A parameter with a dated history, oldest first. */
export function dated<T extends Value>(id: string, unit: Unit, description: Text, history: Dated<T>[]): Parameter<Widen<T>> {
  for (let i = 1; i < history.length; i++) {
    if (!(history[i - 1].from < history[i].from)) throw new Error(`parameter ${id}: history not in date order at ${history[i].from}`);
  }
  return deepFreeze({ id, unit, description, history: history as Dated<Widen<T>>[] });
}

/** A number the plans set: declared here, its history made from the plans by `buildParameters`. */
export function planParameter<T extends Value>(id: string, unit: Unit, description: Text): Parameter<T> {
  return deepFreeze({ id: `plan.${id}`, unit, description, plan: true, history: [] });
}

/** Freezes a value and everything it holds (plain objects and arrays): parameters and plans never change once made. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * THE lookup: the entry of `parameter` in force on `date` (YYYY-MM-DD), or undefined before its first
 * entry. Every number a rule uses is read through this one function.
 */
export function valueOn<T extends Value>(parameter: Parameter<T>, date: string): Dated<T> | undefined {
  const history = parameter.history;
  for (let i = history.length - 1; i >= 0; i--) if (history[i].from <= date) return history[i];
  return undefined;
}

export function isParameter(x: unknown): x is Parameter {
  return typeof x === 'object' && x !== null && Array.isArray((x as Parameter).history) && typeof (x as Parameter).id === 'string';
}

/** The documents a parameter's history cites, oldest first, each once. */
export function documentsOf(...parameters: Parameter[]): string[] {
  return [...new Set(parameters.flatMap((p) => p.history.map((h) => h.source.document)))];
}

/** Every parameter inside a nested group, depth first. */
export function parametersIn(group: unknown, out: Parameter[] = []): Parameter[] {
  if (isParameter(group)) out.push(group);
  else if (typeof group === 'object' && group !== null && !Array.isArray(group)) for (const v of Object.values(group)) parametersIn(v, out);
  return out;
}

/** A group of parameters with each replaced by its reading; other members (lists, names) unchanged. */
export type ReadingsOf<G> =
  G extends Parameter<infer T> ? Reading<T> : G extends readonly unknown[] ? G : G extends object ? { [K in keyof G]: ReadingsOf<G[K]> } : G;

/**
 * A parameter's latest value, for what has no claim date: a rule's title, description and input
 * bounds, and the undated constants of helpers (read through the one lookup, on the last day). Where
 * the last entry states none (a successor plan that drops a measure), the last value stated: the one
 * the rule still applies on its own dates.
 */
export function latestValue<T extends Value>(parameter: Parameter<T>): T {
  const newestFirst = parameter.history.map((h) => h.from).reverse();
  for (const date of ['9999-12-31', ...newestFirst]) {
    const found = valueOn(parameter, date);
    if (found && found.value !== null) return found.value;
  }
  throw new Error(`parameter ${parameter.id} has no value`);
}
