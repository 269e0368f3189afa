import type { Text } from '../core/text.ts';

/** One clause of a plan, in its own words. */
export interface Clause {
  /** The key a rule cites it by, the same in every plan (`m2-levy` is clause m2's levy sentence). */
  key: string;
  /** The clause id in the plan's own numbering. */
  id: string;
  heading: Text;
  text: string;
}

export const clause = (id: string, zh: string, en: string, body: string): Omit<Clause, 'key'> => ({ id, heading: { zh, en }, text: body });

/** Gives each clause its key (the record key). */
export function keyed<K extends string>(table: Record<K, Omit<Clause, 'key'>>): Record<K, Clause> {
  return Object.fromEntries(Object.entries<Omit<Clause, 'key'>>(table).map(([key, c]) => [key, { key, ...c }])) as Record<K, Clause>;
}
