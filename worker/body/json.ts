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
 * The text is scanned once (strings skipped, numbers quoted), then parsed by `JSON.parse`: malformed JSON is
 * still a `SyntaxError`.
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

/** Parses JSON text as described above; throws `SyntaxError` for text that is not JSON. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
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
