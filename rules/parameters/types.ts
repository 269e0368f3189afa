import type { Text } from '../core/text.ts';

/** Where a number comes from: a document and, inside the plan, its clause id. */
export interface Source {
  document: string;
  clause?: string;
  /** Date the number starts to apply (inclusive), where the source dates it. */
  from?: string;
  /** Last date the number applies (inclusive), where the source dates it. */
  to?: string;
}

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
  | 'grade';

/**
 * One number of the policy. Decimals are written as strings ("0.015") and read through the
 * exact decimal constructor, so no binary float ever holds a policy value.
 */
export interface Parameter<T extends string | number = string> {
  value: T;
  unit: Unit;
  description: Text;
  source: Source;
}

export const param = <T extends string | number>(
  value: T,
  unit: Unit,
  description: Text,
  source: Source,
): Parameter<T> => ({ value, unit, description, source });
