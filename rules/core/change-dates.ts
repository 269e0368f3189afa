/**
 * The dates on which some parameter of the rules changes (inclusive `from` dates), oldest first.
 * `evaluate()` uses them to tell a clerk when an answer without a date depends on the date.
 * Every parameter is a dated history `{ from, value, source }` (rules/parameters/types.ts): this reads them all.
 */
import { listParameters } from '../parameters/index.ts';
import { plansVersion } from '../plans/index.ts';

let cached: { version: number; dates: readonly string[] } | undefined;

export function parameterChangeDates(): readonly string[] {
  // Registering a plan adds dated entries: the list is made again when the plans change.
  const version = plansVersion();
  if (cached?.version !== version) {
    const dates = new Set(listParameters().flatMap((p) => p.history.map((h) => h.from)));
    cached = { version, dates: [...dates].sort() };
  }
  return cached.dates;
}
