/**
 * Content negotiation for the `Accept` header (RFC 9110 §12.5.1), for routes that can answer in more than
 * one type: the offered type with the highest quality wins; the most specific matching range sets a type's
 * quality (`text/csv` over `text/*` over `*\/*`); `q=0` means "not this". Between equal qualities a type the
 * client named beats one it reached by a wildcard (`text/csv, *\/*` is CSV); then the first offered wins.
 * The header is parsed by hono; hono's `accepts` helper does not fit the choice itself: it never matches `*\/*`
 * (`application/json;q=0, *\/*` would give its default, not the other type) and has no "none acceptable" answer.
 */

import { parseAccept, type Accept } from 'hono/utils/accept';

/**
 * A range's weight as written: hono's parser reads a malformed `q` (`q=abc`) as 1, accepting everything; here a
 * malformed weight accepts nothing.
 */
const weightOf = (range: Accept): number => {
  const value = range.params.q ?? range.params.Q;
  if (value === undefined) return 1;
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value.trim()) ? Number(value) : 0;
};

interface Range {
  type: string;
  subtype: string;
  q: number;
}

/** The header's ranges, parsed by hono (quoted parameters, whitespace), each with its type split and its weight. */
function parse(accept: string): Range[] {
  return parseAccept(accept).flatMap((range) => {
    const [type, subtype] = range.type.toLowerCase().split('/');
    return type && subtype ? [{ type, subtype, q: weightOf(range) }] : [];
  });
}

/** The quality the ranges give one offered type (from its most specific matching range; 0 if none) and that specificity. */
function qualityOf(offered: string, ranges: Range[]): { q: number; specificity: number } {
  const [type, subtype] = offered.toLowerCase().split('/');
  let best = -1;
  let quality = 0;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*' && range.subtype === '*'
            ? 0
            : -1;
    if (specificity > best) {
      best = specificity;
      quality = range.q;
    }
  }
  return { q: quality, specificity: best };
}

/**
 * The offered media type the client prefers, or `undefined` when it accepts none of them. No `Accept` header
 * (or an empty one) accepts anything: the first offered type.
 */
export function preferredType(accept: string | null | undefined, offered: readonly string[]): string | undefined {
  if (!accept || !accept.trim()) return offered[0];
  const ranges = parse(accept);
  let chosen: string | undefined;
  let chosenQ = 0;
  let chosenSpecificity = -1;
  for (const type of offered) {
    const { q, specificity } = qualityOf(type, ranges);
    if (q > chosenQ || (q > 0 && q === chosenQ && specificity > chosenSpecificity)) {
      chosen = type;
      chosenQ = q;
      chosenSpecificity = specificity;
    }
  }
  return chosen;
}
