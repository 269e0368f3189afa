/**
 * The dates on which some parameter of the rules changes (inclusive `from` dates), oldest first.
 * `evaluate()` uses them to tell a clerk when an answer without a date depends on the date.
 *
 * The one place that knows where dated parameters live: today only the minimum-wage tables carry
 * dates; when every parameter has the shape `{ from, value, source }`, point this function at them.
 */
import { minimumWageTables } from '../parameters/inner-mongolia.ts';

let cached: readonly string[] | undefined;

export function parameterChangeDates(): readonly string[] {
  cached ??= [...new Set(minimumWageTables.map((t) => t.from))].sort();
  return cached;
}
