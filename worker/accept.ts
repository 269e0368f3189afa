/**
 * Content negotiation for the `Accept` header (RFC 9110 §12.5.1), for routes that can answer in more than
 * one type: the offered type with the highest quality wins; the most specific matching range sets a type's
 * quality (`text/csv` over `text/*` over `*\/*`); `q=0` means "not this". Between equal qualities a type the
 * client named beats one it reached by a wildcard (`text/csv, *\/*` is CSV); then the first offered wins.
 */

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): Range[] {
  const ranges: Range[] = [];
  for (const part of accept.split(',')) {
    const [media, ...params] = part.split(';');
    const [type, subtype] = media.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') {
        const n = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : NaN;
        q = Number.isNaN(n) ? 0 : n; // a malformed weight accepts nothing rather than everything
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The quality the ranges give one offered type (from its most specific matching range; 0 if none) and that specificity. */
function qualityOf(offered: string, ranges: Range[]): { q: number; specificity: number } {
  const [type, subtype] = offered.toLowerCase().split('/');
  let best = -1;
  let quality = 0;
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' && range.subtype === '*' ? 0 : -1;
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
  const ranges = parseAccept(accept);
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
