/**
 * Reads a JSON request body for the rules package, with two differences from `JSON.parse`:
 *
 * - **Numbers keep their text.** `4e2`, `29700.00` or `1e-400` arrive as the strings `"4e2"`, `"29700.00"`,
 *   `"1e-400"`, so a JSON number and the same number in a query string or a CSV cell are read by one
 *   coercion (`rules/core/coerce.ts`) exactly as written: nothing is rounded to a binary float first
 *   (`1e-400` would silently become 0, `12345678901234567890` would change).
 * - **Depth is bounded.** A list or object nested deeper than `MAX_JSON_DEPTH` is replaced, where it
 *   stands, by the object `{"nestedTooDeep": true}`; the coercion refuses it as that field's (or that
 *   row's) error. Nothing later ever walks a value thousands of levels deep (a stack overflow).
 *
 * The common body is read at nearly `JSON.parse`'s own speed: one pass notes each number's text and the depth,
 * `JSON.parse` reads the text as sent (so malformed JSON is its `SyntaxError`, about the client's own text), and
 * the numbers it made are put back as their texts, in document order, each checked against its text. When
 * that cannot be sure (a container deeper than the bound, a number text longer than 15 characters, a key
 * `JSON.parse` would put first or keep once), the body is read the careful way instead: numbers quoted in
 * the text, then parsed.
 *
 * (`JSON.parse`'s reviver with the source text, `context.source`, which workerd and Node 24 have, would do the
 * same in one call, but one reviver call per value costs 13 to 17 times a plain `JSON.parse` in workerd, about
 * 5.5 times in Node 24, on a 100,000-row batch body: slower than either way here.)
 *
 * A batch body is not read whole: its bytes are checked in one pass (worker/body/json-scan.ts), then its
 * rows are read a block at a time (worker/batch/json-source.ts): a block of rows of one shape by their values
 * alone, any other with `parseCanonicalJson` where the scan vouches for every number's text, else with `parseJson`.
 */

/** Far more than any request needs: `{"rows":[{"rows":[{…}]}]}` is five levels, a list of lists two more. */
export const MAX_JSON_DEPTH = 32;

/** What stands in for a value nested deeper than `MAX_JSON_DEPTH`. */
export const NESTED_TOO_DEEP = '{"nestedTooDeep":true}';

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index after the string that opens at `start` (or the text's end, left to JSON.parse to refuse). */
function afterString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The index after the list or object that opens at `start`. */
function afterContainer(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = afterString(text, i);
      continue;
    }
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

const isNumberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x45 || c === 0x65;

/** Number texts this long or shorter have at most 15 significant digits: equal doubles mean equal decimals. */
const SHORT_NUMBER = 15;

/**
 * Where the numbers are (start and end of each text, in document order), how many object members there
 * are, and whether the fast reading applies: undefined when a container is nested deeper than `maxDepth`
 * or a number text is long. Malformed text is left to JSON.parse.
 */
function numberSpans(text: string, maxDepth: number): { spans: number[]; members: number } | undefined {
  const spans: number[] = [];
  let members = 0;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // to the closing quote: one not preceded by an odd run of backslashes
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote < 0) return { spans, members };
        i = quote;
        if (text.charCodeAt(quote - 1) !== BACKSLASH) break;
        let slashes = 1;
        while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x3a) {
      members++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return undefined;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      if (j - i > SHORT_NUMBER) return undefined;
      spans.push(i, j);
      i = j - 1;
    }
  }
  return { spans, members };
}

interface Restoring {
  text: string;
  spans: number[];
  /** Index into `spans` of the next number's start. */
  next: number;
  members: number;
}

/** The text of the next number, if it is the number JSON.parse made (undefined when they do not line up). */
function writtenAs(value: number, at: Restoring): string | undefined {
  const from = at.spans[at.next];
  const to = at.spans[at.next + 1];
  at.next += 2;
  if (from === undefined) return undefined;
  // most numbers are written the way JS prints them (1980, 0.5): that string is the text, no copy needed
  const shown = String(value);
  if (shown.length === to - from && at.text.startsWith(shown, from)) return shown;
  const written = at.text.slice(from, to);
  return Number(written) === value ? written : undefined;
}

/**
 * Puts the number texts back in place of the numbers JSON.parse made; false when they may not line up:
 * a number unlike its text, or an object with a key JSON.parse puts first (`"0"`, `"12"`: array-index keys).
 * `at.members` counts the members seen, so a repeated key (which JSON.parse keeps once) is noticed after.
 */
function restoreNumbers(value: unknown, at: Restoring): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'number') {
        const written = writtenAs(item, at);
        if (written === undefined) return false;
        value[i] = written;
      } else if (item !== null && typeof item === 'object' && !restoreNumbers(item, at)) return false;
    }
    return true;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const first = key.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) return false;
    at.members++;
    const item = object[key];
    if (typeof item === 'number') {
      const written = writtenAs(item, at);
      if (written === undefined) return false;
      object[key] = written;
    } else if (item !== null && typeof item === 'object' && !restoreNumbers(item, at)) return false;
  }
  return true;
}

/**
 * Numbers' texts, `String(value)`, remembered: V8 writes a number's text afresh whenever its own small cache
 * misses (always for a fraction such as `54.5`), which costs far more than a look-up here, and a batch's numbers
 * repeat (the same few wages, headcounts, half-posts). A table of `NUMBER_TEXTS` places, each number in one
 * place (by a hash of its value), the latest there kept.
 */
export class NumberTexts {
  private readonly values = new Float64Array(NUMBER_TEXTS).fill(Number.NaN);
  private readonly texts: string[] = new Array<string>(NUMBER_TEXTS).fill('');

  of(value: number): string {
    const at = ((value * 4099) | 0) & (NUMBER_TEXTS - 1);
    // NaN (an empty place) equals nothing; 0 and -0 are one place, and both are written "0"
    if (this.values[at] === value) return this.texts[at];
    const text = String(value);
    this.values[at] = value;
    this.texts[at] = text;
    return text;
  }
}
const NUMBER_TEXTS = 4096;

/**
 * `JSON.parse`, then every number put back as its text, for text whose every number is written as JavaScript
 * writes it (`String(Number(text)) === text`) and nested no deeper than the bound, which the body's scan
 * vouches for (worker/body/json-scan.ts): `String(value)` is then the text, so no number needs finding and
 * keys may come in any order. `texts`: kept from one block of a body to the next.
 */
export function parseCanonicalJson(text: string, texts = new NumberTexts()): unknown {
  const value: unknown = JSON.parse(text);
  if (typeof value === 'number') return texts.of(value);
  if (value !== null && typeof value === 'object') numbersAsText(value, texts);
  return value;
}

/** Every number in `value` (a list or an object, from `JSON.parse` of canonical text) replaced by its text, `String(value)`. */
export function numbersAsText(value: object, texts: NumberTexts): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'number') value[i] = texts.of(item);
      else if (item !== null && typeof item === 'object') numbersAsText(item, texts);
    }
    return;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const item = object[key];
    if (typeof item === 'number') object[key] = texts.of(item);
    else if (item !== null && typeof item === 'object') numbersAsText(item, texts);
  }
}

/** Parses JSON text as described above; throws `SyntaxError` for text that is not JSON. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const scanned = numberSpans(text, maxDepth);
  if (scanned !== undefined) {
    const value: unknown = JSON.parse(text);
    const at: Restoring = { text, spans: scanned.spans, next: 0, members: 0 };
    if (typeof value === 'number') {
      const written = writtenAs(value, at);
      if (written !== undefined && at.next === at.spans.length) return written;
    } else if (value === null || typeof value !== 'object') {
      if (at.spans.length === 0) return value;
    } else if (restoreNumbers(value, at) && at.next === at.spans.length && at.members === scanned.members) return value;
  }
  return parseQuoted(text, maxDepth);
}

/** The careful reading: every number quoted in the text, containers beyond `maxDepth` replaced, then parsed. */
function parseQuoted(text: string, maxDepth: number): unknown {
  const parts: string[] = [];
  let from = 0;
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = afterString(text, i);
    } else if (c === 0x5b || c === 0x7b) {
      if (depth < maxDepth) {
        depth++;
        i++;
        continue;
      }
      const end = afterContainer(text, i);
      JSON.parse(text.slice(i, end)); // still refuse malformed JSON inside (JSON.parse itself takes any depth)
      parts.push(text.slice(from, i), NESTED_TOO_DEEP);
      from = i = end;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      const lexeme = text.slice(i, j);
      if (!NUMBER.test(lexeme)) throw new SyntaxError(`Invalid number "${lexeme.slice(0, 20)}" at position ${i}`);
      parts.push(text.slice(from, i), '"', lexeme, '"');
      from = i = j;
    } else {
      i++;
    }
  }
  parts.push(text.slice(from));
  try {
    return JSON.parse(parts.join(''));
  } catch (error) {
    JSON.parse(text); // the client's own text, so the message and position refer to what it sent
    throw error;
  }
}
